import pytest
from django.core.exceptions import ValidationError
from django.db import transaction

from enforcement.reconsideration.choices import CaseStatus, Outcome
from enforcement.reconsideration.models import CaseEvent
from enforcement.reconsideration.services import delete_event, record_event
from tests.factories import ReconsiderationCaseFactory, case_with_events
from tests.factories.reconsideration import d

pytestmark = [pytest.mark.django_db, pytest.mark.usefixtures("english")]


@pytest.fixture
def accepted(world):
    return case_with_events(world.township_a, ("application_received", d("2025-03-03")), ("accepted", d("2025-03-05")))


def refused(case, kind, day, **extra) -> dict:
    with pytest.raises(ValidationError) as error:
        record_event(case=case, kind=kind, occurred_on=d(day), **extra)
    return error.value.message_dict


def test_a_decision_before_acceptance_is_refused_and_nothing_is_written(world):
    case = ReconsiderationCaseFactory(agency=world.township_a, received_on=d("2025-03-03"))
    errors = refused(case, "decision", "2025-03-04", outcome=Outcome.UPHELD)
    assert "accepted before" in errors["kind"][0]
    assert CaseEvent.objects.filter(case=case).count() == 1


def test_a_resumption_without_a_suspension_is_refused(accepted):
    assert "needs a suspension" in refused(accepted, "resumption", "2025-03-10")["kind"][0]


def test_a_second_extension_is_refused(accepted):
    record_event(case=accepted, kind="extension", occurred_on=d("2025-04-20"), days=10)
    assert "only once" in refused(accepted, "extension", "2025-04-25", days=10)["kind"][0]


def test_an_extension_beyond_thirty_days_is_refused(accepted):
    assert "at most 30 days" in refused(accepted, "extension", "2025-04-20", days=31)["days"][0]


def test_an_extension_under_the_simplified_procedure_is_refused(world):
    case = case_with_events(
        world.township_a,
        ("application_received", d("2025-03-03")),
        ("accepted", d("2025-03-05")),
        procedure="simplified",
    )
    assert "simplified" in refused(case, "extension", "2025-03-20", days=10)["kind"][0]


def test_an_event_dated_before_the_application_is_refused(accepted):
    assert "before the application" in refused(accepted, "hearing", "2025-03-01")["occurred_on"][0]


def test_an_event_before_any_application_is_refused(world):
    case = ReconsiderationCaseFactory(agency=world.township_a)
    assert "application first" in refused(case, "accepted", "2025-03-05")["kind"][0]


def test_a_decision_needs_its_outcome(accepted):
    assert "outcome" in refused(accepted, "decision", "2025-04-01")


def test_nothing_but_a_lawsuit_or_opinion_follows_the_closing(accepted):
    record_event(case=accepted, kind="withdrawal", occurred_on=d("2025-03-20"))
    assert "closed on" in refused(accepted, "hearing", "2025-03-25")["kind"][0]
    record_event(case=accepted, kind="lawsuit_filed", occurred_on=d("2025-04-01"))


def test_a_decision_while_suspended_is_refused(accepted):
    record_event(case=accepted, kind="suspension", occurred_on=d("2025-03-20"))
    assert "resumption" in refused(accepted, "decision", "2025-03-25", outcome=Outcome.UPHELD)["kind"][0]


def test_status_follows_the_events(accepted):
    assert accepted.status == CaseStatus.ACCEPTED
    record_event(case=accepted, kind="copy_received", occurred_on=d("2025-03-07"))
    accepted.refresh_from_db()
    assert accepted.status == CaseStatus.AWAITING_REPLY
    assert accepted.next_deadline_kind == "reply"
    record_event(case=accepted, kind="reply_submitted", occurred_on=d("2025-03-14"))
    accepted.refresh_from_db()
    assert accepted.status == CaseStatus.UNDER_REVIEW
    assert accepted.next_deadline_kind == "decision"
    record_event(case=accepted, kind="decision", occurred_on=d("2025-04-20"), outcome=Outcome.REVOKED)
    accepted.refresh_from_db()
    assert (accepted.status, accepted.outcome, accepted.closed_on) == (CaseStatus.CLOSED, "revoked", d("2025-04-20"))
    assert accepted.next_deadline_on is None


def test_a_settlement_followed_by_withdrawal_ends_as_settlement_and_withdrawal(accepted):
    record_event(case=accepted, kind="settlement", occurred_on=d("2025-03-20"))
    record_event(case=accepted, kind="withdrawal", occurred_on=d("2025-03-21"))
    accepted.refresh_from_db()
    assert accepted.outcome == Outcome.SETTLEMENT_WITHDRAWAL


def test_an_opinion_letter_brings_the_sixty_day_correction_deadline(accepted):
    record_event(case=accepted, kind="decision", occurred_on=d("2025-04-20"), outcome=Outcome.UPHELD)
    record_event(case=accepted, kind="opinion_letter", occurred_on=d("2025-04-22"))
    accepted.refresh_from_db()
    assert (accepted.next_deadline_kind, accepted.next_deadline_on) == ("correction", d("2025-06-23"))  # 6-21 Sat


def test_deleting_an_event_through_the_service_recomputes_the_case(accepted):
    delete_event(event=accepted.events.get(kind="accepted"))
    accepted.refresh_from_db()
    # Without its acceptance the application was deemed accepted when the review ended on 2025-03-10 (art. 30).
    assert accepted.status == CaseStatus.ACCEPTED
    assert accepted.accepted_on == d("2025-03-10")


def test_switching_to_the_simplified_procedure_with_an_extension_is_refused(accepted):
    record_event(case=accepted, kind="extension", occurred_on=d("2025-04-20"), days=10)
    accepted.refresh_from_db()
    accepted.procedure = "simplified"
    with pytest.raises(ValidationError) as error:
        accepted.full_clean()
    assert "procedure" in error.value.message_dict


def test_the_responsible_officer_must_belong_to_the_respondent(world):
    case = ReconsiderationCaseFactory(agency=world.township_a)
    case.agency = world.township_b
    with pytest.raises(ValidationError) as error:
        case.full_clean()
    assert "officer" in error.value.message_dict


def test_a_case_keeps_its_history_and_refuses_a_stale_save(accepted):
    from concurrency.exceptions import RecordModifiedError

    from enforcement.reconsideration.models import ReconsiderationCase

    first, second = ReconsiderationCase.objects.get(pk=accepted.pk), ReconsiderationCase.objects.get(pk=accepted.pk)
    first.note = "补充材料"
    first.save()
    second.note = "另一人修改"
    with pytest.raises(RecordModifiedError), transaction.atomic():
        second.save()
    assert accepted.history.count() >= 2
