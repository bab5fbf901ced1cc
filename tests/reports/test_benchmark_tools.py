"""The benchmark's own tools: what they time and how they read the load generator."""

from enforcement.agencies.models import Agency
from reports.benchmark import measure
from reports.management.commands.loadtest import best_round, parse_wrk

WRK_OUTPUT = """Running 10s test @ http://127.0.0.1:40000/bench/plain/
  2 threads and 8 connections
  Latency Distribution
     50%    1.24ms
     75%    1.90ms
     90%    2.51ms
     99%   20.53ms
  41697 requests in 10.10s, 9.70MB read
  Socket errors: connect 0, read 1, write 0, timeout 2
  Non-2xx or 3xx responses: 4
Requests/sec:   4128.35
"""


def test_warm_up_runs_come_first_each_run_follows_its_preparation_and_queries_are_counted_apart(db):
    calls = []

    def operation(run: int) -> None:
        calls.append(("run", run))
        if run == 4:  # the run whose queries are counted, after the timed ones
            list(Agency.objects.all())
            list(Agency.objects.all())

    result = measure("counting", 1, operation, 3, prepare=lambda: calls.append(("prepare",)), warm_up=4)
    assert calls[:8] == [("prepare",), ("run", 0)] * 4
    assert calls[8:] == [
        ("prepare",),
        ("run", 1),
        ("prepare",),
        ("run", 2),
        ("prepare",),
        ("run", 3),
        ("prepare",),
        ("run", 4),
    ]
    assert (result.runs, result.queries) == (3, 2)


def test_the_load_generators_figures_are_read_with_their_units_and_every_error_counted():
    figures = parse_wrk(WRK_OUTPUT)
    assert figures["throughput_rps"] == 4128.35
    assert (figures["p50_ms"], figures["p99_ms"]) == (1.24, 20.53)
    assert figures["requests"] == 41697
    assert figures["errors"] == 4 + 1 + 2


def test_rounds_of_a_load_give_the_fastest_rounds_rate_and_latencies_and_every_request_and_error():
    def load(rps: float, p50: float, p99: float, requests: int, errors: int) -> dict:
        return {
            "throughput_rps": rps,
            "p50_ms": p50,
            "p99_ms": p99,
            "requests": requests,
            "errors": errors,
            "wrk_output": f"{rps}",
        }

    # Two rounds whose connections landed unevenly on the workers, at a third of the rate.
    rounds = [load(1239.09, 6.27, 11.17, 6200, 0), load(3700.57, 2.1, 8.0, 18500, 1), load(1231.54, 6.3, 11.5, 6150, 2)]
    figures = best_round(rounds)
    assert figures["throughput_rps"] == 3700.57
    assert (figures["p50_ms"], figures["p99_ms"]) == (2.1, 8.0)
    assert (figures["requests"], figures["errors"]) == (30850, 3)
    assert figures["rounds_rps"] == [1239.09, 3700.57, 1231.54]
