"""Writes that span several records, each in one transaction."""

from __future__ import annotations

from collections.abc import Iterable
from decimal import Decimal

from django.core.exceptions import ValidationError
from django.db import transaction

from enforcement.agencies.record_versions import records_changed
from enforcement.officers.models.officer import Officer
from training.study.models import Attendance, TrainingSession


@transaction.atomic
def add_attendees(
    *, session: TrainingSession, officers: Iterable[Officer], hours_credited: Decimal | None = None
) -> int:
    """Record many officers at a session at once; answers how many were added.

    Officers already recorded are left as they are. Every row is checked
    before any is written, so one officer of another township refuses the lot.
    """
    hours = session.hours if hours_credited is None else hours_credited
    already = set(session.attendances.values_list("officer_id", flat=True))
    new_rows = [
        Attendance(session=session, officer=officer, hours_credited=hours)
        for officer in officers
        if officer.pk not in already
    ]
    errors = []
    for row in new_rows:
        try:
            row.full_clean(exclude=["session"], validate_unique=False, validate_constraints=False)
        except ValidationError as error:
            errors.extend(f"{row.officer.name}: {message}" for message in error.messages)
    if errors:
        raise ValidationError({"officers": errors})
    Attendance.objects.bulk_create(new_rows)
    records_changed(agency_ids={row.officer.agency_id for row in new_rows})  # a bulk insert sends no signal
    return len(new_rows)
