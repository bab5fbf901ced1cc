from django.core.management.base import BaseCommand, CommandError
from django.utils.translation import gettext as _

from enforcement.agencies.models import Agency
from enforcement.agencies.spreadsheets import SpreadsheetError
from enforcement.officers.roster import import_roster, read_roster


class Command(BaseCommand):
    help = "Import the staff roster from an .xlsx file with the Chinese column headers of the roster template."

    def add_arguments(self, parser):
        parser.add_argument("file", help="The .xlsx roster.")
        parser.add_argument("--dry-run", action="store_true", help="Check every row, write nothing.")
        parser.add_argument("--skip-bad-rows", action="store_true", help="Import the good rows even if some are bad.")
        parser.add_argument("--agency", type=int, help="Match units (单位) only within this agency's subtree.")

    def handle(self, *args, file, dry_run, skip_bad_rows, agency, **options):
        agencies = Agency.objects.all()
        if agency is not None:
            root = Agency.objects.filter(pk=agency).first()
            if root is None:
                raise CommandError(f"No agency with id {agency}.")
            agencies = agencies.in_subtree_of(root)
        try:
            with open(file, "rb") as handle:
                check = read_roster(handle, agencies=agencies)
        except OSError as error:
            raise CommandError(f"Cannot open {file}: {error}") from error
        except SpreadsheetError as error:
            raise CommandError(str(error)) from error
        for error in check.errors:
            self.stderr.write(str(error))
        self.stdout.write(
            _("Good rows: %(good)d; bad rows: %(bad)d.") % {"good": len(check.rows), "bad": len(check.errors)}
        )
        if dry_run:
            return
        if check.errors and not skip_bad_rows:
            raise CommandError("Nothing was imported. Fix the rows above, or pass --skip-bad-rows.")
        result = import_roster(check, skip_bad_rows=skip_bad_rows)
        self.stdout.write(
            self.style.SUCCESS(
                f"Officers: {result.officers_created} created, {result.officers_updated} updated; "
                f"certificates: {result.certificates_created} created, {result.certificates_updated} updated; "
                f"{result.rows_skipped} rows skipped."
            )
        )
