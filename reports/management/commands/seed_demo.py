import datetime
import random

from django.core.management.base import BaseCommand, CommandError
from django.db import connection, transaction
from django.utils import timezone

from enforcement.agencies import record_versions
from enforcement.agencies.models import Agency
from enforcement.cases import demo as cases_demo
from enforcement.officers import demo as enforcement_demo
from enforcement.reconsideration import demo as demo_reconsideration
from reports.ledger import demo as ledger_demo
from training import demo as training_demo

# Each app adds its records in dependency order.
SEEDERS = [
    enforcement_demo.seed,
    enforcement_demo.seed_officers,
    training_demo.seed,
    demo_reconsideration.seed,
    ledger_demo.seed,
    cases_demo.seed,
    demo_reconsideration.seed_penalty_correction,
]


class Command(BaseCommand):
    help = "Load deterministic demo data: a county with N townships and several years of records."

    def add_arguments(self, parser):
        parser.add_argument("--scale", type=int, default=3, help="Number of townships (default 3).")
        parser.add_argument("--seed", type=int, default=2021, help="Random seed; the same seed gives the same data.")
        parser.add_argument("--years", type=int, default=3, help="How many years of records, ending this year.")
        parser.add_argument("--if-empty", action="store_true", help="Do nothing when the county already exists.")
        parser.add_argument(
            "--today",
            type=datetime.date.fromisoformat,
            help="The day the data is made as of (YYYY-MM-DD); the same seed and day give the same data.",
        )

    def handle(self, *args, scale, seed, years, if_empty, today, **options):
        if scale < 1:
            raise CommandError("--scale must be at least 1.")
        if Agency.objects.filter(name=enforcement_demo.COUNTY_NAME, parent=None).exists():
            if if_empty:
                self.stdout.write("Demo data already loaded.")
                return
            raise CommandError("Demo data already loaded; use a fresh database.")
        today = today or timezone.localdate()
        context = enforcement_demo.DemoContext(
            rng=random.Random(seed),
            scale=scale,
            today=today,
            years=list(range(today.year - years + 1, today.year + 1)),
        )
        started = datetime.datetime.now()
        with transaction.atomic(), record_versions.one_mark_for_everything():
            for step, seeder in enumerate(SEEDERS, start=1):
                seeder(context)
                self.progress(step, f"{seeder.__module__}.{seeder.__name__}", started)
        if connection.vendor == "postgresql":
            # Fresh statistics and visibility maps after a bulk load, or the planner
            # guesses every table empty (autovacuum may be off, or late). VACUUM
            # cannot run inside a transaction (the test suite's), ANALYZE can.
            with connection.cursor() as cursor:
                cursor.execute("ANALYZE" if connection.in_atomic_block else "VACUUM ANALYZE")
        elapsed = (datetime.datetime.now() - started).total_seconds()
        self.stdout.write(self.style.SUCCESS(f"Loaded demo data for {scale} townships in {elapsed:.1f} s."))

    def progress(self, step: int, name: str, started: datetime.datetime) -> None:
        width = 30
        done = width * step // len(SEEDERS)
        elapsed = (datetime.datetime.now() - started).total_seconds()
        self.stdout.write(f"[{'#' * done}{'.' * (width - done)}] {step}/{len(SEEDERS)} {name} ({elapsed:.1f} s)")
