import datetime
from decimal import Decimal

import pytest
from django.db import connection

from enforcement.agencies.scope import Scope
from tests.base import query_counts_at_two_sizes
from tests.factories import ExamFactory, ExamResultFactory, OfficerFactory
from training.exams.stats import exam_figures
from training.records.record import training_record


def test_pass_rate_counts_those_who_sat_and_a_makeup_pass_once(world):
    exam = ExamFactory(agency=world.township_a, date=datetime.date(2024, 11, 20))
    makeup_exam = ExamFactory(agency=world.township_a, title="补考", date=datetime.date(2024, 12, 10))
    ExamResultFactory(exam=exam, score=Decimal(95))  # passed, excellent
    ExamResultFactory(exam=exam, score=Decimal(60))  # passed at exactly the mark
    failed_then_passed = ExamResultFactory(exam=exam, score=Decimal(40))
    ExamResultFactory(
        exam=makeup_exam, officer=failed_then_passed.officer, score=Decimal(75), makeup_of=failed_then_passed
    )
    ExamResultFactory(exam=exam, score=Decimal(30))  # failed
    ExamResultFactory(exam=exam, score=None, absent=True)
    figures = exam_figures(Scope(world.team_lead_a, world.township_a), 2024)
    assert figures == {
        "exams": 2,
        "roll": 5,
        "required": 5,
        "participants": 4,
        "passed": 3,
        "excellent": 1,
        "pass_rate": 0.75,
        "participation_rate": 0.8,
        "excellence_rate": 0.25,
    }


def test_without_results_the_rates_are_none(world):
    ExamFactory(agency=world.township_a)
    figures = exam_figures(Scope(world.team_lead_a, world.township_a), 2024)
    assert (figures["exams"], figures["pass_rate"], figures["participation_rate"]) == (1, None, None)


def test_results_count_where_the_officer_works(world):
    county_exam = ExamFactory(agency=world.county)
    ExamResultFactory(exam=county_exam, officer=OfficerFactory(agency=world.team_a), score=Decimal(88))
    ExamResultFactory(exam=county_exam, officer=OfficerFactory(agency=world.township_b), score=Decimal(20))
    figures = exam_figures(Scope(world.team_lead_a, world.township_a), 2024)
    assert (figures["exams"], figures["participants"], figures["pass_rate"]) == (0, 1, 1.0)


def test_an_officers_record_counts_a_passed_makeup_as_one_exam_passed(world):
    exam = ExamFactory(agency=world.township_a)
    first = ExamResultFactory(exam=exam, score=Decimal(50))
    ExamResultFactory(exam=exam, officer=first.officer, score=Decimal(70), makeup_of=first)
    record = training_record(first.officer, 2024)
    assert (record.exams_sat, record.exams_passed) == (1, 1)


def test_exam_figures_take_the_same_number_of_queries_at_any_size(world):
    exam = ExamFactory(agency=world.township_a)
    counts = query_counts_at_two_sizes(
        lambda n: ExamResultFactory.create_batch(n, exam=exam),
        lambda: exam_figures(Scope(world.team_lead_a, world.township_a), 2024),
    )
    # The results, the exams held and the roll, each a query prepared once per scope.
    assert counts[0] == counts[1] <= 3


def test_a_townships_exam_results_are_planned_for_their_values_as_a_countys_are(world):
    """A statement prepared on a PostgreSQL connection is planned generically after some runs; the results'
    generic plan reads every result of the county's staff, so a township's figures grew with its county."""
    if connection.vendor != "postgresql":
        pytest.skip("prepared statements are PostgreSQL's")
    ExamResultFactory(exam=ExamFactory(agency=world.township_a, date=datetime.date(2024, 11, 20)), score=Decimal(90))
    for user, agency in ((world.supervisor, world.county), (world.team_lead_a, world.township_a)):
        before = _results_prepared()
        for _ in range(8):
            assert exam_figures(Scope(user, agency), 2024)["passed"] == 1
        assert _results_prepared() == before


def _results_prepared() -> set[str]:
    with connection.cursor() as cursor:
        cursor.execute("SELECT statement FROM pg_prepared_statements WHERE statement LIKE '%%tally_by_excellent%%'")
        return {row[0] for row in cursor.fetchall()}
