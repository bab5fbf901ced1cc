import datetime
import io
import json
import os

import openpyxl
from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group
from django.core.cache import cache
from django.core.management.base import BaseCommand, CommandError
from django.db import connection, transaction
from django.test.utils import CaptureQueriesContext, override_settings
from django.utils import timezone
from rest_framework.authtoken.models import Token
from rest_framework.test import APIClient

from enforcement.agencies import roles
from enforcement.agencies.models import Agency, Membership
from enforcement.agencies.record_versions import records_changed
from enforcement.agencies.scope import Scope
from enforcement.agencies.validators import id_number_check_character
from enforcement.cases.models import CLOSED_STATUSES, CaseStatus
from enforcement.officers import demo
from enforcement.officers.models.certificate import Certificate
from enforcement.officers.roster import REQUIRED_COLUMNS, import_roster, read_roster
from reports.annual.models import AnnualReport
from reports.annual.services import request_report
from reports.benchmark import (
    PLAIN_PATH,
    STEADY_STATE_WARM_UP,
    Goal,
    Measurement,
    describe,
    growth,
    measure,
    plain_officers_path,
    write_results,
)
from reports.statistics.cache import statistics_key

BENCH_URLS = "reports.benchmark"

# What the benchmark measures, in the order it runs; --only picks some of them.
STEPS = ("requests", "statistics", "report", "roster")
# The open cases a team lead works through, as the list filter spells them.
OPEN_PENALTY_STATUSES = [status for status in CaseStatus if status not in CLOSED_STATUSES]


def bench_user(username: str, role: str, agency: Agency):
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


def roster_file(rows: int, unit: str, first_serial: int) -> bytes:
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
    return output.getvalue()


def vacuum_analyze() -> None:
    """After a bulk write or rollback: without it the next measurement times dead rows and stale estimates."""
    if connection.vendor == "postgresql":
        with connection.cursor() as cursor:
            cursor.execute("VACUUM ANALYZE")


class Command(BaseCommand):
    help = (
        "Benchmark the seeded database (seed_demo --scale N first): median and p95 latency and the query "
        "count of the operations people wait for, each next to a plain view timed alternately with it. "
        "Use --compare to show growth between two result files."
    )

    def add_arguments(self, parser):
        parser.add_argument("--runs", type=int, default=20, help="Timed runs per request scenario (default 20).")
        parser.add_argument("--json", dest="json_path", help="Write the results to this file.")
        parser.add_argument("--plans", dest="plans_path", help="Write EXPLAIN (ANALYZE, BUFFERS) here.")
        parser.add_argument("--roster-rows", type=int, default=10_000)
        parser.add_argument("--roster-runs", type=int, default=2, help="Timed roster imports (default 2).")
        parser.add_argument(
            "--only", choices=STEPS, action="append", help="Run only this step (repeat for several); default all."
        )
        parser.add_argument("--compare", nargs="+", metavar="RESULTS.json")

    def handle(self, *args, runs, json_path, plans_path, roster_rows, roster_runs, only, compare, **options):
        if compare:
            return self.compare(compare)
        with override_settings(ROOT_URLCONF=BENCH_URLS):
            return self.run(runs, json_path, plans_path, roster_rows, roster_runs, set(only or STEPS))

    def run(
        self,
        runs: int,
        json_path: str | None,
        plans_path: str | None,
        roster_rows: int,
        roster_runs: int,
        steps: set[str],
    ) -> None:
        county = Agency.objects.filter(name=demo.COUNTY_NAME, parent=None).first()
        if county is None:
            raise CommandError("No demo data: run `manage.py seed_demo --scale N` first.")
        vacuum_analyze()
        township = county.children.get(name=demo.DEMO_TOWNSHIP_NAME)
        scale = county.children.filter(kind="township").count()
        year = timezone.localdate().year - 1
        supervisor_user = bench_user("bench_supervisor", roles.SUPERVISOR, county)
        supervisor = api_client(supervisor_user)
        county_stats = {"year": year, "agency": county.pk}

        def plain() -> None:
            get_ok(supervisor, PLAIN_PATH)

        results: list[Measurement] = []
        if "requests" in steps:
            results.extend(self.requests(scale, township, supervisor_user, supervisor, runs, plain))
        if "statistics" in steps:
            results.extend(self.statistics(scale, county, township, supervisor_user, supervisor, year, runs, plain))
        if "report" in steps:
            results.append(self.report(scale, township, year, runs, plain))
        if "roster" in steps:
            results.append(self.roster(scale, township, county, roster_rows, roster_runs, plain))

        if plans_path:
            self.explain(supervisor, county_stats, plans_path, scope=Scope(supervisor_user, county), year=year)
        payload = {
            "scale": scale,
            "cores": os.cpu_count(),
            "database": connection.vendor,
            "measured_at": datetime.datetime.now().isoformat(timespec="seconds"),
            "results": results,
        }
        if json_path:
            write_results(json_path, payload)
            self.stdout.write(f"Results written to {json_path}")

    def requests(self, scale, township, supervisor_user, supervisor, runs, plain) -> list[Measurement]:
        hr = api_client(bench_user("bench_hr", roles.HR, township))

        def plain_officers() -> None:
            # The same 100 rows as the officers list, as a plain view reads and answers them.
            get_ok(supervisor, plain_officers_path(supervisor_user))

        certificate = Certificate.objects.in_subtree_of(township).order_by("pk").first()
        if certificate is None:
            raise CommandError("The demo township has no certificates.")

        def check(_: int) -> None:
            get_ok(hr, "/api/v1/certificates/check/", {"number": certificate.number})

        def write_to_its_records() -> None:
            records_changed(paths=[township.path])

        # Asked again, the check is answered as kept; after a write to the
        # township's records (untimed), it is worked out afresh.
        hr_goal = Goal(median_ms=5, queries=3)
        scenarios = [
            (
                "HR certificate check, right after a write (worked out afresh)",
                check,
                hr_goal,
                plain,
                write_to_its_records,
            ),
            ("HR certificate check, asked again", check, hr_goal, plain, None),
            (
                "officers list (100 per page, county)",
                lambda _: get_ok(supervisor, "/api/v1/officers/", {"page_size": 100}),
                Goal(median_ms=20, ratio=1.5),
                plain_officers,
                None,
            ),
            (
                "certificates expiring within 90 days (county)",
                lambda _: get_ok(supervisor, "/api/v1/certificates/", {"expiring_within_days": 90, "page_size": 100}),
                Goal(),
                plain,
                None,
            ),
            (
                "open penalty cases (100 per page, county)",
                lambda _: get_ok(
                    supervisor, "/api/v1/enforcement-cases/", {"status": OPEN_PENALTY_STATUSES, "page_size": 100}
                ),
                Goal(),
                plain,
                None,
            ),
        ]
        results = []
        for name, operation, goal, baseline, prepare in scenarios:
            results.append(
                measure(
                    name,
                    scale,
                    operation,
                    runs,
                    baseline=baseline,
                    prepare=prepare,
                    goal=goal,
                    warm_up=STEADY_STATE_WARM_UP,
                )
            )
            self.stdout.write(describe(results[-1]))
        return results

    def statistics(self, scale, county, township, supervisor_user, supervisor, year, runs, plain) -> list[Measurement]:
        """Statistics computed afresh (the cached copy deleted before each run), then as a dashboard polls them."""
        results = []
        county_stats = {"year": year, "agency": county.pk}
        township_stats = {"year": year, "agency": township.pk}
        for name, agency, params, goal in [
            ("statistics, one township", township, township_stats, Goal(median_ms=20)),
            ("statistics, the county", county, county_stats, Goal(median_ms=1000)),
        ]:
            scope = Scope(supervisor_user, agency)

            def forget(scope=scope) -> None:
                cache.delete(statistics_key(scope, year, timezone.localdate()))

            def fetch(_: int, params=params) -> None:
                get_ok(supervisor, "/api/v1/stats/", params)

            results.append(
                measure(
                    name, scale, fetch, runs, baseline=plain, prepare=forget, goal=goal, warm_up=STEADY_STATE_WARM_UP
                )
            )
            self.stdout.write(describe(results[-1]))
        results.append(
            measure(
                "statistics, the county, polled again (cached)",
                scale,
                lambda _: get_ok(supervisor, "/api/v1/stats/", county_stats),
                runs,
                baseline=plain,
                goal=Goal(median_ms=20),
                warm_up=STEADY_STATE_WARM_UP,
            )
        )
        self.stdout.write(describe(results[-1]))
        return results

    def report(self, scale, township, year, runs, plain) -> Measurement:
        lead = bench_user("bench_lead", roles.TEAM_LEAD, township)

        def generate(_: int) -> None:
            report = request_report(agency=township, year=year, user=lead)
            report.refresh_from_db()
            if not (report.docx and report.xlsx):
                raise CommandError(f"Report generation did not store both files: {report.status} {report.error}")

        result = measure(
            "report generation (docx+xlsx, one township)", scale, generate, max(3, runs // 4), baseline=plain
        )
        self.stdout.write(describe(result))
        AnnualReport.objects.filter(agency=township, year=year).delete()
        return result

    def roster(self, scale: int, township: Agency, county: Agency, rows: int, runs: int, plain) -> Measurement:
        # The files are built before the clock starts: building one takes seconds of its own.
        files = [roster_file(rows, township.name, 900_000 + run * rows) for run in range(runs + 2)]
        agencies = Agency.objects.in_subtree_of(county)

        def import_rows(run: int) -> None:
            with transaction.atomic():
                check = read_roster(io.BytesIO(files[run]), agencies=agencies)
                if not check.is_clean:
                    raise CommandError(f"Roster rejected: {check.errors[:3]}")
                import_roster(check)
                transaction.set_rollback(True)  # keep the database as seeded for the next run

        goal = Goal(median_ms=6000, memory_mb=300)
        # Untimed before each run: the rolled-back rows are dead rows until vacuumed.
        result = measure(
            f"roster import ({rows} rows)",
            scale,
            import_rows,
            runs,
            baseline=plain,
            prepare=vacuum_analyze,
            goal=goal,
            track_memory=True,
        )
        self.stdout.write(describe(result))
        vacuum_analyze()
        return result

    def explain(self, client: APIClient, params: dict, plans_path: str, *, scope: Scope, year: int) -> None:
        """EXPLAIN (ANALYZE, BUFFERS) of every query of the county's statistics, to a file; the slowest here."""
        if connection.vendor != "postgresql":
            return
        # Computed afresh: the statistics step leaves them cached, and a cached answer asks nothing to explain.
        cache.delete(statistics_key(scope, year, timezone.localdate()))
        with CaptureQueriesContext(connection) as captured:
            get_ok(client, "/api/v1/stats/", params)
        plans = []
        with connection.cursor() as cursor:
            for query in captured.captured_queries:
                if not query["sql"].lstrip().upper().startswith("SELECT"):
                    continue
                cursor.execute("EXPLAIN (ANALYZE, BUFFERS) " + query["sql"])
                plan = "\n".join(row[0] for row in cursor.fetchall())
                took = next((line for line in plan.splitlines() if line.startswith("Execution Time")), "")
                plans.append((float(took.split(":")[1].split()[0]) if took else 0.0, query["sql"], plan))
        with open(plans_path, "w", encoding="utf-8") as output:
            for took, sql, plan in plans:
                output.write(f"-- {took:.1f} ms\n{sql}\n{plan}\n\n")
        total = sum(took for took, _, _ in plans)
        self.stdout.write(
            f"County statistics: {len(plans)} queries, {total:.1f} ms in PostgreSQL; plans in {plans_path}"
        )
        for took, sql, plan in sorted(plans, reverse=True)[:2]:
            self.stdout.write(
                f"  slowest ({took:.1f} ms): {sql[:160]}…\n" + "\n".join(f"    {x}" for x in plan.splitlines())
            )

    def compare(self, paths: list[str]) -> None:
        loaded = []
        for path in paths:
            with open(path, encoding="utf-8") as file:
                loaded.append(json.load(file))
        small = loaded[0]
        for large in loaded[1:]:
            rows = growth(
                [Measurement(**row) for row in small["results"]], [Measurement(**row) for row in large["results"]]
            )
            self.stdout.write(
                f"Growth from scale {small['scale']} to scale {large['scale']} ({large['cores']} cores); "
                "ratio = growth of the time relative to the plain view measured alongside:"
            )
            for row in rows:
                self.stdout.write(
                    f"  {row['scenario']}: ratio ×{row['ratio_factor']} (raw median ×{row['median_factor']}), "
                    f"queries {row['queries_small']} → {row['queries_large']}"
                )
