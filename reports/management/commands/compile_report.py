import json
import sys

from django.core.management.base import BaseCommand, CommandError
from django.utils import timezone

from enforcement.agencies.models import Agency
from reports.annual.docx import build_docx
from reports.annual.narrative import build_document
from reports.annual.xlsx import build_xlsx
from reports.statistics.compile import compile_statistics, subtree_scope

FORMATS = ("docx", "xlsx", "json")


class Command(BaseCommand):
    help = "Compile an agency's yearly statistics and report, over its whole subtree, as docx, xlsx or json."

    def add_arguments(self, parser):
        parser.add_argument("--agency", type=int, required=True, help="Agency id.")
        parser.add_argument("--year", type=int, required=True)
        parser.add_argument("--format", choices=FORMATS, default="json")
        parser.add_argument("--output", help="File to write; standard output when omitted.")

    def handle(self, *args, agency, year, format, output, **options):
        found = Agency.objects.filter(pk=agency).first()
        if found is None:
            raise CommandError(f"No agency with id {agency}.")
        stats = compile_statistics(subtree_scope(found), year)
        if format == "json":
            content = json.dumps(stats, ensure_ascii=False, indent=2).encode()
        elif format == "xlsx":
            content = build_xlsx(stats)
        else:
            content = build_docx(build_document(stats, dated=timezone.localdate()), stats)
        if output:
            with open(output, "wb") as file:
                file.write(content)
            self.stderr.write(f"Wrote {output} ({len(content)} bytes).")
        else:
            sys.stdout.buffer.write(content)
