"""Reconsideration cases: writing cases, applicants and events, and storing what follows from the events.

`store_derived_fields` is the one writer of a case's status, outcome, key
dates and deadlines; every service below that changes what they follow from
calls it once, at its end.
"""

from __future__ import annotations

import datetime
from collections.abc import Sequence

from django.core.exceptions import ValidationError
from django.db import transaction
from django.db.models import Min
from django.utils import timezone
from django.utils.translation import gettext as _

from enforcement.agencies.calendar import WorkingCalendar
from enforcement.agencies.record_versions import records_changed
from enforcement.cases.services import record_correction
from enforcement.reconsideration import deadlines as deadline_rules
from enforcement.reconsideration.choices import CORRECTED, CaseStatus, DeadlineKind
from enforcement.reconsideration.models import MAX_APPLICANTS, Applicant, CaseEvent, ReconsiderationCase
from enforcement.reconsideration.sequence import replay

DERIVED_FIELDS = (
    "status",
    "outcome",
    "received_on",
    "accepted_on",
    "copy_received_on",
    "replied_on",
    "closed_on",
    "lawsuit_filed_on",
    "reply_due",
    "decision_due",
    "next_deadline_on",
    "next_deadline_kind",
    "deadlines",
)


def derived_fields(
    case: ReconsiderationCase,
    events: Sequence[CaseEvent],
    *,
    calendar: WorkingCalendar,
    today: datetime.date,
) -> dict:
    """The stored fields that follow from the events, the calendar and the periods ended before `today`."""
    state = replay(events, procedure=case.procedure, calendar=calendar, today=today)
    deadlines = deadline_rules.case_deadlines(
        procedure=case.procedure, known_on=case.known_on, facts=state, calendar=calendar
    )
    upcoming = deadline_rules.next_deadline(deadlines)
    return {
        "status": state.status,
        "outcome": state.outcome,
        "received_on": state.received_on,
        "accepted_on": state.accepted_on,
        "copy_received_on": state.copy_received_on,
        "replied_on": state.replied_on,
        "closed_on": state.closed_on,
        "lawsuit_filed_on": state.lawsuit_filed_on,
        "reply_due": deadline_rules.due(deadlines, DeadlineKind.REPLY),
        "decision_due": deadline_rules.due(deadlines, DeadlineKind.DECISION),
        "next_deadline_on": upcoming.due if upcoming else None,
        "next_deadline_kind": upcoming.kind if upcoming else "",
        "deadlines": [deadline.as_json() for deadline in deadlines],
    }


# Cases whose stored state changes by time passing alone: a review period that
# ends accepts the application (art. 30), a supplement period that ends abandons it (art. 31).
WAITING_ON_A_PERIOD = (CaseStatus.AWAITING_ACCEPTANCE, CaseStatus.AWAITING_SUPPLEMENT)


def store_derived_fields(
    case: ReconsiderationCase, *, calendar: WorkingCalendar | None = None, today: datetime.date | None = None
) -> None:
    """Store what follows from the case's events (an update: no new version, no history row)."""
    fields = derived_fields(
        case,
        list(CaseEvent.objects.filter(case=case)),
        calendar=calendar or WorkingCalendar.load(),
        today=today or timezone.localdate(),
    )
    ReconsiderationCase.objects.filter(pk=case.pk).update(**fields)
    records_changed(agency_ids=[case.agency_id])  # an update sends no signal
    for name, value in fields.items():
        setattr(case, name, value)
    if case.enforcement_case_id:
        report_correction(case.enforcement_case_id)


def report_correction(enforcement_case_id: int) -> None:
    """Tell the contested penalty case when its decision was first corrected (Penalty Law art. 48)."""
    corrected = ReconsiderationCase.objects.filter(enforcement_case=enforcement_case_id, outcome__in=CORRECTED)
    record_correction(case_id=enforcement_case_id, corrected_on=corrected.aggregate(day=Min("closed_on"))["day"])


def _refresh(cases, *, today: datetime.date | None = None) -> int:
    calendar, today = WorkingCalendar.load(), today or timezone.localdate()
    changed = []
    for case in cases.prefetch_related("events").iterator(chunk_size=500):
        for name, value in derived_fields(case, list(case.events.all()), calendar=calendar, today=today).items():
            setattr(case, name, value)
        changed.append(case)
    ReconsiderationCase.objects.bulk_update(changed, DERIVED_FIELDS, batch_size=500)
    records_changed(everywhere=True)  # a bulk update sends no signal
    return len(changed)


def refresh_open_cases() -> int:
    """Recompute the deadlines of every case that still has one (after a calendar change); answers how many."""
    return _refresh(ReconsiderationCase.objects.exclude(status=CaseStatus.CLOSED, next_deadline_on=None))


def refresh_waiting_cases(today: datetime.date | None = None) -> int:
    """Store what the periods ended since yesterday made of the cases waiting on them; answers how many."""
    return _refresh(ReconsiderationCase.objects.filter(status__in=WAITING_ON_A_PERIOD), today=today)


def _write_applicants(case: ReconsiderationCase, applicants: Sequence[dict]) -> None:
    if len(applicants) > MAX_APPLICANTS:
        raise ValidationError(
            {"applicants": _("A case can name at most %(count)d applicants.") % {"count": MAX_APPLICANTS}}
        )
    for fields in applicants:
        applicant = Applicant(case=case, **fields)
        applicant.full_clean()
        applicant.save()


@transaction.atomic
def create_case(*, applicants: Sequence[dict] = (), **fields) -> ReconsiderationCase:
    """Open a case with its applicants; its deadlines follow (the application period once `known_on` is known)."""
    case = ReconsiderationCase(**fields)
    case.full_clean()
    case.save()
    _write_applicants(case, applicants)
    store_derived_fields(case)
    return case


@transaction.atomic
def update_case(
    *, case: ReconsiderationCase, applicants: Sequence[dict] | None = None, **fields
) -> ReconsiderationCase:
    """Change a case's own fields (and replace its applicants when given); its deadlines follow the procedure."""
    for name, value in fields.items():
        setattr(case, name, value)
    case.full_clean()
    case.save()
    if applicants is not None:
        case.applicants.all().delete()
        _write_applicants(case, applicants)
    store_derived_fields(case)
    return case


@transaction.atomic
def record_event(
    *,
    case: ReconsiderationCase,
    kind: str,
    occurred_on: datetime.date,
    outcome: str = "",
    days: int | None = None,
    document_number: str = "",
    note: str = "",
) -> CaseEvent:
    """Add a dated event to the case, refusing an impossible order; the case's status and deadlines follow."""
    # Two people recording events of one case at once would each check the
    # order against a list missing the other's event.
    locked = ReconsiderationCase.objects.select_for_update().get(pk=case.pk)
    event = CaseEvent(
        case=locked,
        kind=kind,
        occurred_on=occurred_on,
        outcome=outcome or "",
        days=days,
        document_number=document_number,
        note=note,
    )
    event.full_clean()
    event.save()
    store_derived_fields(locked)
    return event


@transaction.atomic
def change_events(
    *, case: ReconsiderationCase, saved: Sequence[CaseEvent] = (), deleted: Sequence[CaseEvent] = ()
) -> None:
    """Save and remove several events of one case at once (the admin's inline), checked together.

    The case's status and deadlines are stored once, after all of them.
    """
    locked = ReconsiderationCase.objects.select_for_update().get(pk=case.pk)
    gone = {event.pk for event in deleted}
    changed = {event.pk for event in saved if event.pk}
    kept = [event for event in CaseEvent.objects.filter(case=locked) if event.pk not in gone | changed]
    for event in saved:
        event.case = locked
        # Each event alone would be checked against the stored events only: the whole set is checked below.
        event.check_sequence = False
        event.full_clean()
    replay([*kept, *saved], procedure=locked.procedure, calendar=WorkingCalendar.load())
    for event in deleted:
        event.delete()
    for event in saved:
        event.save()
    store_derived_fields(locked)
    case.refresh_from_db()


def delete_event(*, event: CaseEvent) -> None:
    """Remove an event; what the others lead to is checked and stored again."""
    change_events(case=event.case, deleted=[event])
