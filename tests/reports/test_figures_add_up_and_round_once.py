"""The yearly figures: parts that add up, rates rounded once, one as-of date, one declaration."""

import datetime

import pytest
from django.utils import translation

from lawgov.rates import percent, rate
from reports.api.serializers import StatisticsSerializer
from reports.statistics.compile import compile_statistics, subtree_scope
from reports.statistics.figures import AREAS, Area, Figure, Unit, compute
from reports.statistics.labels import shown
from tests.factories import (
    ExamFactory,
    ExamResultFactory,
    OfficerFactory,
    PublicityActivityFactory,
    TrainingSessionFactory,
    case_with_events,
)
from tests.factories.reconsideration import d


@pytest.mark.parametrize(
    ("numerator", "denominator", "shown"),
    [(6, 11, "54.5%"), (15, 19, "78.9%"), (1, 22, "4.5%"), (21, 22, "95.5%"), (5, 16, "31.3%"), (2, 2, "100%")],
)
def test_a_percentage_is_rounded_half_up_once_from_its_numerator_and_denominator(numerator, denominator, shown):
    assert percent(numerator, denominator) == shown


def test_the_api_keeps_the_fraction_and_none_without_a_denominator():
    assert (rate(6, 11), rate(1, 22), rate(3, 0)) == (0.5455, 0.0455, None)
    assert percent(3, 0) is None


def closing(agency, received: str, *events):
    return case_with_events(agency, ("application_received", d(received)), *events)


def test_reconsideration_parts_add_up_at_every_stage(world):
    a = world.township_a
    closing(a, "2025-03-03", ("accepted", d("2025-03-05")), ("decision", d("2025-04-28"), {"outcome": "upheld"}))
    closing(a, "2025-03-10", ("accepted", d("2025-03-12")), ("decision", d("2025-05-06"), {"outcome": "revoked"}))
    closing(
        a, "2025-03-17", ("accepted", d("2025-03-19")), ("decision", d("2025-05-13"), {"outcome": "claim_rejected"})
    )
    closing(
        a,
        "2025-03-24",
        ("accepted", d("2025-03-26")),
        ("decision", d("2025-05-20"), {"outcome": "application_rejected"}),
    )
    closing(a, "2025-04-07", ("accepted", d("2025-04-09")), ("mediation", d("2025-05-08")))
    closing(a, "2025-04-14", ("accepted", d("2025-04-16")), ("withdrawal", d("2025-05-12")))
    closing(a, "2025-04-21", ("accepted", d("2025-04-23")), ("termination", d("2025-05-19")))
    closing(a, "2025-06-02", ("accepted", d("2025-06-04")))
    closing(a, "2025-06-09", ("not_accepted", d("2025-06-11")))
    closing(a, "2025-07-01", ("supplement_requested", d("2025-07-03")))  # nothing came: abandoned (art. 31)
    closing(a, "2025-12-30")
    figures = compile_statistics(subtree_scope(a), 2025, today=datetime.date(2026, 1, 10))["reconsideration"]
    assert (figures["received"], figures["not_accepted"], figures["accepted"], figures["awaiting_acceptance"]) == (
        11,
        1,
        8,
        1,
    )
    assert (figures["concluded"], figures["pending"], figures["decided"]) == (7, 1, 3)
    assert figures["abandoned"] == 1
    assert figures["received"] == (
        figures["not_accepted"] + figures["abandoned"] + figures["accepted"] + figures["awaiting_acceptance"]
    )
    assert figures["accepted"] == figures["concluded"] + figures["pending"]
    assert figures["concluded"] == (
        figures["decided"]
        + figures["application_rejected"]
        + figures["mediated_or_settled"]
        + figures["withdrawn"]
        + figures["terminated"]
    )
    assert figures["decided"] == figures["upheld"] + figures["claim_rejected"] + figures["corrected"]


def test_every_figure_is_taken_on_the_as_of_date(world):
    """Records dated after the day the figures are taken count in no area, whatever the area."""
    a = world.township_a
    officer = OfficerFactory(agency=a)
    TrainingSessionFactory(agency=a, date=d("2025-09-01"), hours=4)
    ExamResultFactory(exam=ExamFactory(agency=a, date=d("2025-09-01")), officer=officer)
    PublicityActivityFactory(agency=a, start_date=d("2025-09-01"))
    closing(a, "2025-09-01")
    stats = compile_statistics(subtree_scope(a), 2025, today=d("2025-08-31"))
    assert (stats["training"]["sessions"], stats["exams"]["exams"], stats["exams"]["participants"]) == (0, 0, 0)
    assert (stats["publicity"]["activities"], stats["reconsideration"]["received"]) == (0, 0)
    later = compile_statistics(subtree_scope(a), 2025, today=d("2025-09-01"))
    assert (later["training"]["sessions"], later["exams"]["participants"]) == (1, 1)
    assert (later["publicity"]["activities"], later["reconsideration"]["received"]) == (1, 1)


def test_the_api_schema_is_derived_from_the_declarations():
    declared = StatisticsSerializer().fields
    for area in AREAS:
        assert list(declared[area.key].fields) == list(area.keys), area.key
        for figure in area.figures:
            field = declared[area.key].fields[figure.key]
            assert field.allow_null == figure.may_be_null, figure.key


def test_every_label_reads_in_chinese():
    with translation.override("zh-hans"):
        for area in AREAS:
            for text in [area.label, *(figure.label for figure in area.figures), *(c.title for c in area.charts)]:
                assert not any("a" <= char.lower() <= "z" for char in str(text)), text


def test_an_area_answering_an_undeclared_figure_is_refused(world):
    area = Area("extra", "extra", lambda scope, year, today=None: {"a": 1, "b": 2}, (Figure("a", "a", Unit.COUNT),))
    with pytest.raises(KeyError, match="computed but not declared \\['b'\\]"):
        compute(area, subtree_scope(world.township_a), 2025)


def test_an_amount_of_money_is_shown_to_the_fen():
    stats = {"enforcement": {"fines_total": 46500.255}}
    assert shown(stats, "enforcement", "fines_total") == "46500.26"
    assert shown({"enforcement": {"fines_total": 46500}}, "enforcement", "fines_total") == "46500"
