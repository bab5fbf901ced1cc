import os

from django.conf import settings
from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group
from django.core.management.base import BaseCommand, CommandError

from enforcement.agencies import roles
from enforcement.agencies.models import Agency, Membership
from enforcement.officers import demo

DEMO_PASSWORD = "lawgov-demo"


class Command(BaseCommand):
    help = "Create the demo accounts (embedded demo mode only: DEBUG must be on)."

    def handle(self, *args, **options):
        if not settings.DEBUG:
            raise CommandError("Demo accounts are only created in the embedded demo mode (DEBUG=true).")
        User = get_user_model()
        county = Agency.objects.filter(name=demo.COUNTY_NAME, parent=None).first()
        township = county.children.filter(name=demo.DEMO_TOWNSHIP_NAME).first() if county else None
        # (username, role, agency, superuser, admin access)
        accounts = [("admin", None, None, True, True)]
        if township:
            accounts += [
                ("teamlead", roles.TEAM_LEAD, township, False, True),
                ("hr", roles.HR, township, False, True),
                ("supervisor", roles.SUPERVISOR, county, False, True),
                # A county dashboard reading the statistics through the API, never the admin.
                ("stats", roles.STATS_CLIENT, county, False, False),
            ]
        for username, role, agency, is_superuser, is_staff in accounts:
            user, created = User.objects.get_or_create(
                username=username, defaults={"is_staff": is_staff, "is_superuser": is_superuser}
            )
            if created:
                user.set_password(DEMO_PASSWORD)
                user.save()
            if role:
                user.groups.add(Group.objects.get(name=role))
                Membership.objects.get_or_create(user=user, agency=agency)
        site = f"http://127.0.0.1:{os.environ.get('PORT', '8000')}"
        self.stdout.write(
            f"Log in at {site}/admin/ as admin (superuser), teamlead, hr or supervisor; password: {DEMO_PASSWORD}\n"
            f"Statistics client (API only): stats / {DEMO_PASSWORD}, e.g.\n"
            f"  curl -d username=stats -d password={DEMO_PASSWORD} {site}/api/v1/auth/token/\n"
            f'  curl -H "Authorization: Token …" {site}/api/v1/stats/'
        )
