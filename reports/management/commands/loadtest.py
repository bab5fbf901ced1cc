import json
import os
import re
import shutil
import socket
import subprocess
import sys
import time
import urllib.request

from django.conf import settings
from django.contrib.auth import get_user_model
from django.core.management.base import BaseCommand, CommandError
from django.utils import timezone
from rest_framework.authtoken.models import Token

from enforcement.agencies.models import Agency
from enforcement.officers import demo
from enforcement.officers.models.certificate import Certificate
from reports.benchmark import PLAIN_PATH

# Goals per path kind: requests per second at least, p99 in ms at most, share of the plain view's throughput.
GOALS = {
    "HR check": {"rps": 400, "p99_ms": 50, "share": 0.25},
    "statistics, county": {"rps": 50},
}
PLAIN = "plain Django view"
WARM_UP_SECONDS = 3
UNITS_MS = {"us": 0.001, "ms": 1.0, "s": 1000.0, "m": 60_000.0}


def free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


def milliseconds(text: str) -> float:
    number, unit = re.fullmatch(r"([\d.]+)(us|ms|s|m)", text).groups()
    return round(float(number) * UNITS_MS[unit], 2)


def best_round(rounds: list[dict]) -> dict:
    """Rounds of one path: the fastest round's throughput and latencies, every round's requests and errors.

    The fastest, for the plain view and each path alike: now and then the
    plain view, all CPU, runs at a third of its rate for a whole round (1,209
    req/s in one round of five, 3,600–4,040 in the others): all of wrk's
    connections then landed on one of gunicorn's two workers, which used a
    core while the other stood idle (CPU time of each worker, second by
    second). A share of that would say nothing about the path.
    """
    fastest = max(rounds, key=lambda row: row["throughput_rps"])
    return {
        "requests": sum(row["requests"] for row in rounds),
        "throughput_rps": fastest["throughput_rps"],
        "p50_ms": fastest["p50_ms"],
        "p99_ms": fastest["p99_ms"],
        "errors": sum(row["errors"] for row in rounds),
        "rounds_rps": [row["throughput_rps"] for row in rounds],
        "wrk_outputs": [row["wrk_output"] for row in rounds],
    }


def parse_wrk(output: str) -> dict:
    """Throughput, latency percentiles and errors from `wrk --latency` output."""
    rps = re.search(r"Requests/sec:\s+([\d.]+)", output)
    total = re.search(r"(\d+) requests in", output)
    non_2xx = re.search(r"Non-2xx or 3xx responses:\s+(\d+)", output)
    socket_errors = re.search(r"Socket errors: connect (\d+), read (\d+), write (\d+), timeout (\d+)", output)
    latency = dict(re.findall(r"^\s*(50|90|99)(?:\.0+)?%\s+([\d.]+(?:us|ms|s|m))\s*$", output, flags=re.MULTILINE))
    return {
        "requests": int(total.group(1)) if total else 0,
        "throughput_rps": float(rps.group(1)) if rps else 0.0,
        "p50_ms": milliseconds(latency["50"]) if "50" in latency else None,
        "p99_ms": milliseconds(latency["99"]) if "99" in latency else None,
        "errors": (int(non_2xx.group(1)) if non_2xx else 0)
        + (sum(int(n) for n in socket_errors.groups()) if socket_errors else 0),
    }


class Command(BaseCommand):
    help = (
        "Bounded load test on loopback: gunicorn with N workers on this database, loaded by wrk with a "
        "fixed number of connections for a fixed time per path; throughput, p50/p99 latency, errors, and "
        "the throughput as a share of a plain Django view served by the same gunicorn."
    )

    def add_arguments(self, parser):
        parser.add_argument("--username", default="bench_supervisor", help="The user the requests run as.")
        parser.add_argument("--path", action="append", dest="paths", help="Path to load (repeatable).")
        parser.add_argument("--connections", type=int, default=8)
        parser.add_argument("--duration", type=int, default=5, help="Seconds per path and round (1–120, default 5).")
        parser.add_argument(
            "--rounds", type=int, default=3, help="Rounds, each the plain view then the path (default 3)."
        )
        parser.add_argument("--workers", type=int, default=2, help="gunicorn workers (default 2).")
        # The production setting the README recommends, from these measurements.
        parser.add_argument("--worker-class", default="gthread", help="gunicorn worker class (default gthread).")
        parser.add_argument("--threads", type=int, default=4, help="Threads per gthread worker (default 4).")
        parser.add_argument("--startup-timeout", type=float, default=120.0)
        parser.add_argument("--json", dest="json_path", help="Also write the results to this file.")

    def handle(self, *args, username, paths, connections, duration, rounds, workers, json_path, **options):
        if not 1 <= duration <= 120:
            raise CommandError("--duration must be between 1 and 120 seconds.")
        if not 1 <= rounds <= 20:
            raise CommandError("--rounds must be between 1 and 20.")
        wrk = shutil.which("wrk")
        if wrk is None:
            raise CommandError("wrk is not installed: `apt-get install wrk` (make bench does it).")
        user = get_user_model().objects.filter(username=username).first()
        if user is None:
            raise CommandError(f"No user {username!r}: run `manage.py bench` first, which creates it.")
        token = Token.objects.get_or_create(user=user)[0].key
        named = [(path, path) for path in paths] if paths else self.default_paths()
        port = free_port()
        server = self.start(port, workers, options["worker_class"], options["threads"])
        base = f"http://127.0.0.1:{port}"
        try:
            self.wait_until_up(server, base, options["startup_timeout"])
            # Untimed: the first answer came from one worker while the others
            # may still be starting; after this every worker has served each
            # path (connections opened, statements prepared, caches filled).
            for _, path in [(PLAIN, PLAIN_PATH), *named]:
                self.load(wrk, base, path, token, connections, WARM_UP_SECONDS)
            results = []
            for name, path in named:
                # The plain view is loaded right before the path in each round,
                # so that the share compares loads of the same moments of a noisy machine.
                plain_rounds, path_rounds = [], []
                for _ in range(rounds):
                    plain_rounds.append(self.load(wrk, base, PLAIN_PATH, token, connections, duration))
                    path_rounds.append(self.load(wrk, base, path, token, connections, duration))
                plain = {"name": PLAIN, "path": PLAIN_PATH} | best_round(plain_rounds)
                row = {"name": name, "path": path} | best_round(path_rounds)
                row["share_of_plain"] = (
                    round(row["throughput_rps"] / plain["throughput_rps"], 3) if plain["throughput_rps"] else None
                )
                results += [plain | {"share_of_plain": 1.0}, row]
        finally:
            server.terminate()
            try:
                server.wait(timeout=30)
            except subprocess.TimeoutExpired:
                server.kill()
        for row in results:
            goal = GOALS.get(row["name"])
            row["goal"] = goal
            row["goal_met"] = None if goal is None else self.meets(row, goal)
            verdict = (
                "" if goal is None else f" | goal {self.describe_goal(goal)}: {'met' if row['goal_met'] else 'NOT met'}"
            )
            self.stdout.write(
                f"[load, {workers} {options['worker_class']} workers, {connections} connections] {row['name']}: "
                f"{row['throughput_rps']} req/s (best of {', '.join(map(str, row['rounds_rps']))}; "
                f"{row['share_of_plain']} of plain), p50 {row['p50_ms']} ms, "
                f"p99 {row['p99_ms']} ms, errors {row['errors']} of {row['requests']}{verdict}"
            )
        if json_path:
            with open(json_path, "w", encoding="utf-8") as output:
                settings_used = {
                    "workers": workers,
                    "worker_class": options["worker_class"],
                    "threads": options["threads"],
                }
                json.dump(
                    settings_used | {"connections": connections, "cores": os.cpu_count(), "results": results},
                    output,
                    indent=2,
                )

    def meets(self, row: dict, goal: dict) -> bool:
        return (
            row["errors"] == 0
            and row["throughput_rps"] >= goal.get("rps", 0)
            and (row["p99_ms"] or 0) <= goal.get("p99_ms", float("inf"))
            and (row["share_of_plain"] or 0) >= goal.get("share", 0)
        )

    def describe_goal(self, goal: dict) -> str:
        parts = [f"≥ {goal['rps']} req/s"]
        if "p99_ms" in goal:
            parts.append(f"p99 ≤ {goal['p99_ms']} ms")
        if "share" in goal:
            parts.append(f"≥ {goal['share']:.0%} of plain")
        return ", ".join([*parts, "0 errors"])

    def start(self, port: int, workers: int, worker_class: str, threads: int) -> subprocess.Popen:
        env = os.environ | {"ALLOWED_HOSTS": "127.0.0.1", "HTTPS": "false"}
        command = [sys.executable, "-m", "gunicorn", "reports.bench_wsgi", "-w", str(workers)]
        command += ["-k", worker_class, "--threads", str(threads), "-b", f"127.0.0.1:{port}", "--log-level", "warning"]
        return subprocess.Popen(command, cwd=settings.BASE_DIR, env=env)

    def default_paths(self) -> list[tuple[str, str]]:
        county = Agency.objects.filter(name=demo.COUNTY_NAME, parent=None).first()
        certificate = Certificate.objects.order_by("pk").first()
        if county is None or certificate is None:
            raise CommandError("No demo data: run `manage.py seed_demo --scale N` first.")
        year = timezone.localdate().year - 1
        return [
            ("HR check", f"/api/v1/certificates/check/?number={certificate.number}"),
            ("statistics, county", f"/api/v1/stats/?year={year}&agency={county.pk}"),
        ]

    def wait_until_up(self, server: subprocess.Popen, base: str, timeout: float) -> None:
        """Until gunicorn answers the plain view; a busy machine may take seconds for the first answer."""
        deadline = time.monotonic() + timeout
        while time.monotonic() < deadline:
            if server.poll() is not None:
                raise CommandError(f"gunicorn exited with code {server.returncode} before answering.")
            try:
                with urllib.request.urlopen(base + PLAIN_PATH, timeout=10) as response:
                    if response.status == 200:
                        return
            except OSError:  # refused, reset, or timed out: not up yet
                pass
            time.sleep(0.5)
        raise CommandError(f"gunicorn did not answer {PLAIN_PATH} within {timeout:g} s.")

    def load(self, wrk: str, base: str, path: str, token: str, connections: int, duration: int) -> dict:
        command = [wrk, f"-t{min(2, connections)}", f"-c{connections}", f"-d{duration}s", "--latency"]
        command += ["--timeout", "10s", "-H", f"Authorization: Token {token}", "-H", "Accept: application/json"]
        finished = subprocess.run(
            [*command, base + path], capture_output=True, text=True, timeout=duration + 60, check=False
        )
        if finished.returncode != 0:
            raise CommandError(f"wrk failed: {finished.stderr.strip() or finished.stdout.strip()}")
        return parse_wrk(finished.stdout) | {"wrk_output": finished.stdout}
