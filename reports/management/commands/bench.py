import datetime
import io
import json
import os

import openpyxl
from django.contrib.auth import get_user_model
from django.core.management.base import BaseCommand, CommandError
from django.db import transaction
from django.utils import timezone
from rest_framework.authtoken.models import Token
from rest_framework.test import APIClient

from enforcement.agencies import roles
from enforcement.agencies.models import Agency, Membership
from enforcement.agencies.validators import id_number_check_character
from enforcement.cases.models import CLOSED_STATUSES, CaseStatus
from enforcement.officers import demo
from enforcement.officers.models.certificate import Certificate
from enforcement.officers.roster import REQUIRED_COLUMNS, import_roster, read_roster
from reports.annual.models import AnnualReport
from reports.annual.services import request_report
from reports.benchmark import growth, measure, write_results

# The open cases a team lead works through, as the list filter spells them.
OPEN_PENALTY_STATUSES = [status for status in CaseStatus if status not in CLOSED_STATUSES]


def bench_user(username: str, role: str, agency: Agency):
    from django.contrib.auth.models import Group

    user, _ = get_user_model().objects.get_or_create(username=username, defaults={"is_staff": True})
    user.groups.add(Group.objects.get(name=role))
    Membership.objects.get_or_create(user=user, agency=agency)
    return user


def api_client(user) -> APIClient:
    client = APIClient()
    client.credentials(HTTP_AUTHORIZATION=f"Token {Token.objects.get_or_create(user=user)[0].key}")
    return client


def get_ok(client: APIClient, path: str, params: dict | None = None):
    response = client.get(path, params or {})
    if response.status_code != 200:
        raise CommandError(f"{path} answered {response.status_code}: {response.content[:300]!r}")
    return response


def roster_file(rows: int, unit: str, first_serial: int) -> io.BytesIO:
    """A roster of `rows` new people with valid ID numbers, built in openpyxl's streaming mode."""
    workbook = openpyxl.Workbook(write_only=True)
    sheet = workbook.create_sheet("花名册")
    sheet.append(list(REQUIRED_COLUMNS))
    for serial in range(first_serial, first_serial + rows):
        body = f"{510100 + serial // 1000:06d}19850101{serial % 1000:03d}"
        sheet.append(
            [
                f"测试{serial}",
                body + id_number_check_character(body),
                unit,
                "科员",
                f"BENCH{serial:08d}",
                "示例县人民政府",
                "2024-01-01",
                "2029-01-01",
            ]
        )
    output = io.BytesIO()
    workbook.save(output)
    output.seek(0)
    return output


class Command(BaseCommand):
    help = (
        "Benchmark the seeded database (seed_demo --scale N first): median and p95 latency and the query "
        "count of the operations people wait for. Use --compare to show growth between two result files."
    )

    def add_arguments(self, parser):
        parser.add_argument("--runs", type=int, default=20, help="Timed runs per request scenario (default 20).")
        parser.add_argument("--json", dest="json_path", help="Write the results to this file.")
        parser.add_argument("--roster-rows", type=int, default=10_000)
        parser.add_argument("--compare", nargs=2, metavar=("SMALL.json", "LARGE.json"))

    def handle(self, *args, runs, json_path, roster_rows, compare, **options):
        if compare:
            return self.compare(*compare)
        county = Agency.objects.filter(name=demo.COUNTY_NAME, parent=None).first()
        if county is None:
            raise CommandError("No demo data: run `manage.py seed_demo --scale N` first.")
        township = county.children.get(name=demo.DEMO_TOWNSHIP_NAME)
        scale = county.children.filter(kind="township").count()
        year = timezone.localdate().year - 1
        hr = api_client(bench_user("bench_hr", roles.HR, township))
        supervisor_user = bench_user("bench_supervisor", roles.SUPERVISOR, county)
        supervisor = api_client(supervisor_user)
        lead = bench_user("bench_lead", roles.TEAM_LEAD, township)
        certificate = Certificate.objects.in_subtree_of(township).order_by("pk").first()
        if certificate is None:
            raise CommandError("The demo township has no certificates.")

        scenarios = [
            ("HR certificate check", lambda: get_ok(hr, "/api/v1/certificates/check/", {"number": certificate.number})),
            (
                "officers list (100 per page, county)",
                lambda: get_ok(supervisor, "/api/v1/officers/", {"page_size": 100}),
            ),
            (
                "certificates expiring within 90 days (county)",
                lambda: get_ok(supervisor, "/api/v1/certificates/", {"expiring_within_days": 90, "page_size": 100}),
            ),
            (
                "open penalty cases (100 per page, county)",
                lambda: get_ok(
                    supervisor, "/api/v1/enforcement-cases/", {"status": OPEN_PENALTY_STATUSES, "page_size": 100}
                ),
            ),
            (
                "statistics, one township",
                lambda: get_ok(supervisor, "/api/v1/stats/", {"year": year, "agency": township.pk}),
            ),
            (
                "statistics, the county",
                lambda: get_ok(supervisor, "/api/v1/stats/", {"year": year, "agency": county.pk}),
            ),
        ]
        results = []
        for name, operation in scenarios:
            results.append(measure(name, scale, operation, runs))
            self.report(results[-1])

        def generate() -> None:
            report = request_report(agency=township, year=year, user=lead)
            report.refresh_from_db()
            if not (report.docx and report.xlsx):
                raise CommandError(f"Report generation did not store both files: {report.status} {report.error}")

        results.append(measure("report generation (docx+xlsx, one township)", scale, generate, max(3, runs // 4)))
        self.report(results[-1])

        serial = [0]

        def import_rows() -> None:
            file = roster_file(roster_rows, township.name, 900_000 + serial[0] * roster_rows)
            serial[0] += 1
            with transaction.atomic():
                check = read_roster(file, agencies=Agency.objects.in_subtree_of(county))
                if not check.is_clean:
                    raise CommandError(f"Roster rejected: {check.errors[:3]}")
                import_roster(check)
                transaction.set_rollback(True)  # keep the database as seeded for the next run

        results.append(measure(f"roster import ({roster_rows} rows)", scale, import_rows, 2, track_memory=True))
        self.report(results[-1])
        AnnualReport.objects.filter(agency=township, year=year).delete()

        payload = {
            "scale": scale,
            "cores": os.cpu_count(),
            "database": __import__("django.db").db.connection.vendor,
            "measured_at": datetime.datetime.now().isoformat(timespec="seconds"),
            "results": results,
        }
        if json_path:
            write_results(json_path, payload)
            self.stdout.write(f"Results written to {json_path}")
        return None

    def report(self, m) -> None:
        memory = f", peak memory {m.peak_memory_mb} MB" if m.peak_memory_mb is not None else ""
        self.stdout.write(
            f"[scale {m.scale}] {m.scenario}: median {m.median_ms} ms, p95 {m.p95_ms} ms, "
            f"{m.queries} queries ({m.runs} runs){memory}"
        )

    def compare(self, small_path: str, large_path: str) -> None:
        with open(small_path, encoding="utf-8") as small_file, open(large_path, encoding="utf-8") as large_file:
            small, large = json.load(small_file), json.load(large_file)
        from reports.benchmark import Measurement

        rows = growth(
            [Measurement(**row) for row in small["results"]], [Measurement(**row) for row in large["results"]]
        )
        self.stdout.write(f"Growth from scale {small['scale']} to scale {large['scale']} ({large['cores']} cores):")
        for row in rows:
            self.stdout.write(
                f"  {row['scenario']}: median ×{row['median_factor']}, "
                f"queries {row['queries_small']} → {row['queries_large']}"
            )
