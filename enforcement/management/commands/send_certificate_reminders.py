from django.core.management.base import BaseCommand

from enforcement.officers.reminders import run_certificate_reminders


class Command(BaseCommand):
    help = "Remind team leads of expiring certificates and uncertified officers (each reminder is sent once)."

    def handle(self, *args, **options):
        counts = run_certificate_reminders()
        self.stdout.write(
            f"{counts['expiring']} expiring certificates, {counts['uncertified']} uncertified officers, "
            f"{counts['mails']} mails."
        )
