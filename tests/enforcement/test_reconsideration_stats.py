import datetime

import pytest

from enforcement.agencies.scope import Scope
from enforcement.reconsideration.models import ReconsiderationCase
from enforcement.reconsideration.stats import reconsideration_figures
from tests.factories import case_with_events
from tests.factories.reconsideration import d

pytestmark = pytest.mark.django_db
ACCEPTED = [("application_received", d("2025-03-03")), ("accepted", d("2025-03-05"))]


def decided(agency, outcome, day="2025-04-20"):
    return case_with_events(agency, *ACCEPTED, ("decision", d(day), {"outcome": outcome}))


@pytest.fixture
def known_outcomes(world):
    a = world.township_a
    for outcome in ("upheld", "upheld", "claim_rejected", "revoked", "confirmed_unlawful"):
        decided(a, outcome)
    case_with_events(a, *ACCEPTED, ("mediation", d("2025-04-01")))
    case_with_events(a, *ACCEPTED, ("settlement", d("2025-04-01")), ("withdrawal", d("2025-04-02")))
    case_with_events(a, *ACCEPTED, ("withdrawal", d("2025-04-02")), ("lawsuit_filed", d("2025-05-02")))
    # a reply on time, a reply late, a reply missing and still open
    case_with_events(a, *ACCEPTED, ("copy_received", d("2025-03-07")), ("reply_submitted", d("2025-03-14")))
    case_with_events(a, *ACCEPTED, ("copy_received", d("2025-03-07")), ("reply_submitted", d("2025-03-31")))
    case_with_events(a, *ACCEPTED, ("copy_received", d("2025-03-07")))
    decided(world.township_b, "revoked")


def test_correction_rate_for_a_known_set_of_outcomes(world, known_outcomes):
    figures = reconsideration_figures(Scope(world.superuser, world.township_a), 2025, today=datetime.date(2026, 2, 1))
    assert figures["received"] == figures["accepted"] == 11
    assert (figures["decided"], figures["upheld"], figures["corrected"]) == (5, 2, 2)
    assert figures["correction_rate"] == 0.4
    assert (figures["mediated_or_settled"], figures["withdrawn"]) == (2, 1)
    assert figures["mediation_withdrawal_rate"] == round(3 / 8, 4)
    assert figures["litigated"] == 1
    assert figures["pending"] == 3
    assert figures["replies_on_time_rate"] == round(1 / 3, 4)
    assert figures["replies_overdue"] == 2
    assert figures["overdue"] == 1  # the missing reply; the two decisions never made are the organ's duty


def test_the_correction_rate_may_divide_by_cases_received(world, known_outcomes, settings):
    settings.LAWGOV = {**settings.LAWGOV, "CORRECTION_RATE_DENOMINATOR": "received"}
    figures = reconsideration_figures(Scope(world.superuser, world.township_a), 2025, today=datetime.date(2026, 2, 1))
    assert figures["correction_rate"] == round(2 / 11, 4)


def test_figures_count_only_the_readers_rows(world, known_outcomes):
    figures = reconsideration_figures(Scope(world.team_lead_b, world.county), 2025, today=datetime.date(2026, 2, 1))
    assert figures["received"] == figures["corrected"] == 1


def test_figures_have_the_contract_keys(world):
    figures = reconsideration_figures(Scope(world.superuser, world.county), 2025)
    assert set(figures) == {
        "received", "not_accepted", "abandoned", "accepted", "awaiting_acceptance", "concluded", "decided", "upheld",
        "claim_rejected", "corrected", "application_rejected", "mediated_or_settled", "withdrawn", "terminated",
        "pending", "correction_rate", "mediation_withdrawal_rate", "overdue", "replies_due", "replies_on_time",
        "replies_on_time_rate", "replies_overdue", "litigated",
    }  # fmt: skip
    assert figures["correction_rate"] is None


def test_the_yearly_overdue_figure_counts_replies_late_and_unfiled_on_31_december(world):
    # Reply due 2025-12-10, filed only on 2026-01-05: late and missing on 31 December 2025.
    late = case_with_events(
        world.township_a,
        ("application_received", d("2025-11-18")),
        ("accepted", d("2025-11-20")),
        ("copy_received", d("2025-11-26")),
        ("reply_submitted", d("2026-01-05")),
    )
    # Decisions past their day are the organ's duty, not the township's.
    for _ in range(2):
        case_with_events(world.township_a, *ACCEPTED)
    figures = reconsideration_figures(Scope(world.superuser, world.township_a), 2025, today=d("2026-03-01"))
    assert figures["overdue"] == 1
    # The same rule as the case list's overdue filter, asked on the same day.
    assert list(ReconsiderationCase.objects.overdue(d("2025-12-31"))) == [late]
    assert not ReconsiderationCase.objects.overdue(d("2026-03-01")).exists()
