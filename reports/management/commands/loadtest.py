import json
import os
import socket
import subprocess
import sys
import time
import urllib.error
import urllib.request
from concurrent.futures import ThreadPoolExecutor

from django.conf import settings
from django.contrib.auth import get_user_model
from django.core.management.base import BaseCommand, CommandError
from django.utils import timezone
from rest_framework.authtoken.models import Token

from enforcement.agencies.models import Agency
from enforcement.officers import demo
from enforcement.officers.models.certificate import Certificate
from reports.benchmark import percentile


def free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


class Command(BaseCommand):
    help = (
        "Bounded load test on loopback: gunicorn with N workers on this database, a fixed number of "
        "requests per path (and a time limit), reporting throughput, p50/p99 latency and errors."
    )

    def add_arguments(self, parser):
        parser.add_argument("--username", default="bench_supervisor", help="The user the requests run as.")
        parser.add_argument(
            "--path",
            action="append",
            dest="paths",
            help="Path to load (repeatable); default: the HR check and the county statistics of the demo data.",
        )
        parser.add_argument("--requests", type=int, default=400, help="Requests per path (default 400).")
        parser.add_argument("--concurrency", type=int, default=8)
        parser.add_argument("--workers", type=int, default=2, help="gunicorn workers (default 2).")
        parser.add_argument("--time-limit", type=float, default=60.0, help="Seconds per path at most.")
        parser.add_argument("--json", dest="json_path", help="Also write the results to this file.")

    def handle(self, *args, username, paths, requests, concurrency, workers, time_limit, json_path, **options):
        if requests < 1 or requests > 100_000:
            raise CommandError("--requests must be between 1 and 100000.")
        user = get_user_model().objects.filter(username=username).first()
        if user is None:
            raise CommandError(f"No user {username!r}: run `manage.py bench` first, which creates it.")
        token = Token.objects.get_or_create(user=user)[0].key
        paths = paths or self.default_paths()
        port = free_port()
        env = os.environ | {"ALLOWED_HOSTS": "127.0.0.1", "HTTPS": "false"}
        server = subprocess.Popen(
            [
                sys.executable,
                "-m",
                "gunicorn",
                "lawgov.wsgi",
                "-w",
                str(workers),
                "-b",
                f"127.0.0.1:{port}",
                "--log-level",
                "warning",
            ],
            cwd=settings.BASE_DIR,
            env=env,
        )
        base = f"http://127.0.0.1:{port}"
        try:
            self.wait_until_up(base)
            results = [self.load(base, path, token, requests, concurrency, time_limit) for path in paths]
        finally:
            server.terminate()
            server.wait(timeout=30)
        for row in results:
            self.stdout.write(
                f"{row['path']}: {row['completed']} requests in {row['seconds']} s, "
                f"{row['throughput_rps']} req/s, p50 {row['p50_ms']} ms, p99 {row['p99_ms']} ms, "
                f"errors {row['errors']}"
            )
        if json_path:
            with open(json_path, "w", encoding="utf-8") as output:
                json.dump(
                    {"workers": workers, "concurrency": concurrency, "cores": os.cpu_count(), "results": results},
                    output,
                    indent=2,
                )
        return None

    def default_paths(self) -> list[str]:
        county = Agency.objects.filter(name=demo.COUNTY_NAME, parent=None).first()
        certificate = Certificate.objects.order_by("pk").first()
        if county is None or certificate is None:
            raise CommandError("No demo data: run `manage.py seed_demo --scale N` first.")
        year = timezone.localdate().year - 1
        return [
            f"/api/v1/certificates/check/?number={certificate.number}",
            f"/api/v1/stats/?year={year}&agency={county.pk}",
        ]

    def wait_until_up(self, base: str) -> None:
        deadline = time.monotonic() + 30
        while time.monotonic() < deadline:
            try:
                urllib.request.urlopen(f"{base}/healthz", timeout=2)
                return
            except (urllib.error.URLError, ConnectionError):
                time.sleep(0.3)
        raise CommandError("gunicorn did not answer within 30 s.")

    def load(self, base: str, path: str, token: str, requests: int, concurrency: int, time_limit: float) -> dict:
        deadline = time.monotonic() + time_limit

        def one(_: int) -> tuple[float, bool] | None:
            if time.monotonic() > deadline:
                return None
            request = urllib.request.Request(
                base + path, headers={"Authorization": f"Token {token}", "Accept": "application/json"}
            )
            started = time.perf_counter()
            try:
                with urllib.request.urlopen(request, timeout=30) as response:
                    response.read()
                    ok = response.status == 200
            except (urllib.error.URLError, ConnectionError, TimeoutError):
                ok = False
            return (time.perf_counter() - started) * 1000, ok

        started = time.perf_counter()
        with ThreadPoolExecutor(max_workers=concurrency) as pool:
            outcomes = [outcome for outcome in pool.map(one, range(requests)) if outcome is not None]
        seconds = time.perf_counter() - started
        latencies = [latency for latency, _ in outcomes]
        return {
            "path": path,
            "completed": len(outcomes),
            "errors": sum(1 for _, ok in outcomes if not ok),
            "seconds": round(seconds, 2),
            "throughput_rps": round(len(outcomes) / seconds, 1) if seconds else None,
            "p50_ms": round(percentile(latencies, 0.50), 1) if latencies else None,
            "p99_ms": round(percentile(latencies, 0.99), 1) if latencies else None,
        }
