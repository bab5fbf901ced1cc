"""The user's agency at a glance, on the admin start page: this year's key figures."""

from __future__ import annotations

import datetime
import logging

from django.apps import apps
from django.db.models import Min
from django.utils import timezone
from django.utils.translation import gettext as _

from enforcement.scope import Scope

from .stats import compile_statistics, top_agency_of
from .wording import figure, number, percent

logger = logging.getLogger(__name__)

# Deadline fields of a reconsideration case, the township's own reply first.
CASE_DEADLINE_FIELDS = ("reply_due", "decision_due")


def next_reconsideration_deadline(scope: Scope, today: datetime.date) -> datetime.date | None:
    """The earliest deadline of the open cases from today on, when the case records hold deadlines."""
    try:
        case_model = apps.get_model("enforcement", "ReconsiderationCase")
    except LookupError:
        return None
    field_names = {field.name for field in case_model._meta.get_fields()}
    rows = scope.rows(case_model)
    if hasattr(rows, "open"):
        rows = rows.open()
    due = [
        rows.filter(**{f"{name}__gte": today}).aggregate(earliest=Min(name))["earliest"]
        for name in CASE_DEADLINE_FIELDS
        if name in field_names
    ]
    due = [day for day in due if day is not None]
    return min(due) if due else None


def ratio(done, required) -> str | None:
    if done is None or required is None:
        return None
    return f"{number(done)} / {number(required)}"


def agency_at_a_glance(user, *, today: datetime.date | None = None) -> dict | None:
    """{"agency", "year", "rows": [(label, value)]}; None for a user with no agency or no right to the figures."""
    if not (user.is_authenticated and user.has_perm("reports.view_statistics")):
        return None
    agency = top_agency_of(user)
    if agency is None:
        return None
    today = today or timezone.localdate()
    glance = {"agency": agency, "year": today.year, "rows": []}
    scope = Scope(user, agency)
    try:
        stats = compile_statistics(scope, today.year, today=today)
        next_deadline = figure(stats, "reconsideration.next_deadline") or next_reconsideration_deadline(scope, today)
    except Exception:
        # The start page must open even when a figure cannot be computed.
        logger.exception("The start page figures of %s could not be computed", agency)
        return glance
    glance["rows"] = [
        (_("Enforcement officers certified"), percent(figure(stats, "officers.certified_rate"))),
        (_("Certificates expiring within 90 days"), figure(stats, "officers.expiring_within_90_days")),
        (
            _("Average training hours per officer / required"),
            ratio(figure(stats, "training.average_hours_per_officer"), figure(stats, "training.required_hours")),
        ),
        (
            _("Officers meeting the training requirement"),
            ratio(
                figure(stats, "training.officers_meeting_requirement"), figure(stats, "officers.enforcement_officers")
            ),
        ),
        (_("Exam pass rate"), percent(figure(stats, "exams.pass_rate"))),
        (_("Publicity activities this year"), figure(stats, "publicity.activities")),
        (_("Participants in publicity activities"), figure(stats, "publicity.participants")),
        (_("Open reconsideration cases"), figure(stats, "reconsideration.pending")),
        (_("Overdue reconsideration cases"), figure(stats, "reconsideration.overdue")),
        (_("Next reconsideration deadline"), next_deadline),
    ]
    return glance
