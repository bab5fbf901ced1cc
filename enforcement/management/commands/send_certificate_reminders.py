from django.core.management.base import BaseCommand

from enforcement.tasks import send_certificate_reminders


class Command(BaseCommand):
    help = "Remind team leads of expiring certificates and uncertified officers (each reminder is sent once)."

    def handle(self, *args, **options):
        # Run here and now, recorded like the scheduled run.
        counts = send_certificate_reminders()
        self.stdout.write(
            f"{counts['expiring']} expiring certificates, {counts['uncertified']} uncertified officers, "
            f"{counts['mails']} mails."
        )
