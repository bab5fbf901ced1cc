import datetime

import pytest
from django.db import connection
from django.db.models import Prefetch

from enforcement.agencies.scope import Scope
from enforcement.cases.certification import certificates_for_the_check, may_act
from enforcement.cases.models import EventOfficer
from enforcement.cases.services import record_event
from enforcement.cases.stats import enforcement_figures
from enforcement.models import CertificateStatus
from enforcement.officers.models.certificate import ReviewResult
from enforcement.officers.models.officer import Officer
from enforcement.officers.services import change_certificate_status
from enforcement.reconsideration.services import record_event as record_reconsideration_event
from tests.base import query_counts_at_two_sizes
from tests.factories import (
    AnnualReviewFactory,
    CertificateFactory,
    OfficerFactory,
    ReconsiderationCaseFactory,
    certified_officer,
    penalty_case,
)

D = datetime.date
TODAY = D(2026, 1, 15)
DECIDED = [("filed", D(2025, 3, 4)), ("notified", D(2025, 3, 20)), ("decided", D(2025, 4, 1))]


def figures(world, user=None):
    return enforcement_figures(Scope(user or world.supervisor, world.county), 2025, today=TODAY)


def test_the_enforcement_figures_of_a_year(world):
    a = world.township_a
    review = {"person": "李法审", "outcome": "passed", "reviewer_first_time": True, "reviewer_legally_qualified": True}
    penalty_case(a, *DECIDED, ("served", D(2025, 4, 2)), ("published", D(2025, 4, 3)))
    penalty_case(
        a,
        ("filed", D(2025, 3, 4)),
        ("notified", D(2025, 3, 20)),
        ("legal_review", D(2025, 3, 28), review),
        ("decided", D(2025, 7, 1)),
        major_public_interest=True,
        penalties=[{"kind": "warning"}],
    )
    penalty_case(world.township_b, ("filed", D(2025, 5, 6)), field="市容环境", discovered_on=D(2025, 5, 6))
    penalty_case(a, ("filed", D(2024, 3, 4)), discovered_on=D(2024, 3, 1))
    result = figures(world)
    assert (result["filed"], result["decided"]) == (3, 2)
    assert result["by_procedure"] == {"ordinary": 3}
    assert result["by_field"] == {"城乡规划": 2, "市容环境": 1}
    assert (result["fines_count"], result["fines_total"]) == (1, 5000)
    # The second decision came after its 90-day period (due 2025-06-03).
    assert result["decided_within_period_rate"] == 0.5
    assert (result["legal_review_required"], result["legal_review_done"]) == (1, 1)
    assert result["published"] == 1
    assert result["uncertified_handler_acts"] == 0
    assert figures(world, world.team_lead_b)["by_field"] == {"市容环境": 1}


def test_a_back_dated_revocation_counts_the_acts_after_it_as_uncertified(world):
    case = penalty_case(world.township_a, ("filed", D(2025, 3, 4)), ("investigated", D(2025, 3, 6)))
    certificate = case.handlers.first().certificates.get()
    change_certificate_status(
        certificate=certificate, status=CertificateStatus.REVOKED, reason="违规", on=D(2025, 3, 5)
    )
    # Filed on 2025-03-04 while certified; the investigation of 2025-03-06 came after the revocation's date.
    assert figures(world)["uncertified_handler_acts"] == 1


def test_an_act_recorded_for_someone_who_never_held_a_certificate_counts_as_uncertified(world):
    # The services refuse such an act; a record written around them still counts against the township.
    case = penalty_case(world.township_a, ("filed", D(2025, 3, 4)), ("investigated", D(2025, 3, 6)))
    EventOfficer.objects.create(
        event=case.events.get(kind="investigated"), officer=OfficerFactory(agency=world.township_a)
    )
    assert figures(world)["uncertified_handler_acts"] == 1


def test_the_acts_counted_uncertified_are_those_the_rule_refuses_one_by_one(world):
    a = world.township_a
    suspended = certified_officer(a)
    change_certificate_status(
        certificate=suspended.certificates.get(), status=CertificateStatus.SUSPENDED, reason="暂扣", on=D(2025, 5, 1)
    )
    reviewed = certified_officer(a)
    AnnualReviewFactory(
        certificate=reviewed.certificates.get(), year=2025, result=ReviewResult.FAILED, reviewed_on=D(2025, 9, 1)
    )
    departed = OfficerFactory(agency=a, employed_until=D(2025, 6, 30))
    CertificateFactory(officer=departed, fields="城乡规划")
    acting = [
        suspended,
        reviewed,
        departed,
        certified_officer(a, fields="市容环境"),  # not the case's field
        certified_officer(a, valid_until=D(2025, 6, 30)),
        certified_officer(a, issued_on=D(2025, 6, 1)),
        certified_officer(world.township_b),  # certified by another township: the right is the person's
        OfficerFactory(agency=a),  # never certified
    ]
    # Each acting officer in the three acts of a case of their own, beside its certified handlers.
    for officer in acting:
        case = penalty_case(a, ("filed", D(2025, 3, 4)), ("investigated", D(2025, 6, 6)), ("notified", D(2025, 9, 20)))
        EventOfficer.objects.bulk_create(EventOfficer(event=event, officer=officer) for event in case.events.all())
    with_certificates = Officer.objects.prefetch_related(Prefetch("certificates", certificates_for_the_check()))
    refused = {
        act.event_id
        for act in EventOfficer.objects.select_related("event__case__field")
        if not may_act(with_certificates.get(pk=act.officer_id), act.event.case.field, act.event.occurred_on)
    }
    # Suspended: 2 acts; reviewed: 1; departed: 1; other field: 3; expired: 1; not yet issued: 1; elsewhere: 0; none: 3.
    assert len(refused) == 12
    assert figures(world)["uncertified_handler_acts"] == len(refused)


def test_a_decision_revoked_by_reconsideration_counts_as_corrected_and_its_withdrawal_on_time(world):
    case = penalty_case(world.township_a, *DECIDED, ("served", D(2025, 4, 2)), ("published", D(2025, 4, 3)))
    reconsideration = ReconsiderationCaseFactory(
        agency=world.township_a, enforcement_case=case, received_on=D(2025, 4, 20)
    )
    record_reconsideration_event(case=reconsideration, kind="accepted", occurred_on=D(2025, 4, 22))
    record_reconsideration_event(case=reconsideration, kind="decision", occurred_on=D(2025, 6, 9), outcome="revoked")
    record_event(case=case, kind="publication_withdrawn", occurred_on=D(2025, 6, 11), note="复议撤销")
    result = figures(world)
    assert result["corrected_by_reconsideration"] == 1
    assert result["corrected_by_reconsideration_rate"] == 1.0
    assert result["withdrawn_on_time_rate"] == 1.0


def test_the_figures_cost_the_same_queries_for_5_and_50_cases(world):
    handlers = [certified_officer(world.township_a), certified_officer(world.township_a)]

    def make(count):
        for _ in range(count):
            penalty_case(world.township_a, *DECIDED, ("investigated", D(2025, 3, 6)), handlers=handlers)

    counts = query_counts_at_two_sizes(make, lambda: figures(world, world.team_lead_a))
    assert counts[0] == counts[1] <= 9  # the acts, officers with certificates, history and fields, the counts


def test_a_countys_acts_are_planned_for_their_values_and_a_townships_prepared(world):
    """A statement prepared on a PostgreSQL connection is planned generically after some runs, which for a county
    (a whole tree: `at_the_root`) took twice as long; a township's keeps the prepared statement."""
    assert Scope(world.supervisor, world.county).shape.at_the_root
    assert not Scope(world.team_lead_a, world.township_a).shape.at_the_root
    if connection.vendor != "postgresql":
        pytest.skip("prepared statements are PostgreSQL's")
    penalty_case(world.township_a, *DECIDED)
    for user, agency in ((world.supervisor, world.county), (world.team_lead_a, world.township_a)):
        before = _acts_prepared()
        for _ in range(8):
            assert enforcement_figures(Scope(user, agency), 2025, today=TODAY)["uncertified_handler_acts"] == 0
        assert bool(_acts_prepared() - before) is (agency == world.township_a)


def _acts_prepared() -> set[str]:
    with connection.cursor() as cursor:
        cursor.execute("SELECT statement FROM pg_prepared_statements WHERE statement LIKE '%%tally_per_event%%'")
        return {row[0] for row in cursor.fetchall()}
