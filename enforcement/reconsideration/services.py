"""Reconsideration cases: recording their events and storing what follows from them."""

from __future__ import annotations

import datetime

from django.db import transaction

from enforcement.agencies.calendar import WorkingCalendar
from enforcement.reconsideration.choices import CaseStatus
from enforcement.reconsideration.models import CaseEvent, ReconsiderationCase
from enforcement.reconsideration.sequence import DERIVED_FIELDS, derived_fields


def refresh_open_cases() -> int:
    """Recompute the deadlines of every case that still has one; answers how many."""
    calendar = WorkingCalendar.load()
    cases = ReconsiderationCase.objects.exclude(status=CaseStatus.CLOSED, next_deadline_on=None).prefetch_related(
        "events"
    )
    changed = []
    for case in cases.iterator(chunk_size=500):
        for name, value in derived_fields(case, list(case.events.all()), calendar).items():
            setattr(case, name, value)
        changed.append(case)
    ReconsiderationCase.objects.bulk_update(changed, DERIVED_FIELDS, batch_size=500)
    return len(changed)


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
    return event
