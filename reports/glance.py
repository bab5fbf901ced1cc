"""The user's agency at a glance, on the admin start page: this year's key figures."""

from __future__ import annotations

import datetime
import logging

from django.db.models import Q
from django.utils import timezone
from django.utils.translation import gettext as _

from enforcement.agencies.scope import Scope
from enforcement.cases.models import EnforcementCase
from enforcement.reconsideration.models import ReconsiderationCase
from reports.statistics.compile import compile_statistics, top_agency_of
from reports.statistics.wording import figure, number, percent

logger = logging.getLogger(__name__)

# Where an open case keeps a deadline that is still to come: its earliest
# unmet one, and the reply and decision days, which stay stored after an
# earlier deadline of the same case has passed unmet.
UPCOMING_DEADLINES = (
    ("next_deadline_on", Q()),
    ("reply_due", Q(replied_on__isnull=True)),
    ("decision_due", Q(closed_on__isnull=True)),
)


def next_reconsideration_deadline(scope: Scope, today: datetime.date) -> str | None:
    """The earliest deadline still to come of the open cases, with its case and the rule behind it."""
    cases = scope.rows(ReconsiderationCase).open()
    candidates = [
        (due, field, case_id)
        for field, unmet in UPCOMING_DEADLINES
        for due, case_id in cases.filter(unmet, **{f"{field}__gte": today})
        .order_by(field, "pk")
        .values_list(field, "pk")[:1]
    ]
    if not candidates:
        return None
    due, _field, case_id = min(candidates)
    case = ReconsiderationCase.objects.get(pk=case_id)
    # The deadlines as stored with the case, each with its rule: read, never recomputed here.
    deadline = next((d for d in case.deadline_list() if d.due == due and not d.is_met), None)
    if deadline is None:
        return f"{due:%Y-%m-%d} ({case})"
    return _("%(date)s %(deadline)s of case %(case)s — %(rule)s") % {
        # A day of a year whose holiday schedule is not published yet is an estimate, and says so.
        "date": f"{due:%Y-%m-%d} {_('(estimated)')}" if deadline.estimated else f"{due:%Y-%m-%d}",
        "deadline": deadline.name,
        "case": case,
        "rule": deadline.rule,
    }


def next_penalty_case_deadline(scope: Scope, today: datetime.date) -> str | None:
    """The earliest deadline still to come of the open penalty cases, with its case."""
    case = (
        scope.rows(EnforcementCase)
        .open()
        .filter(next_deadline_on__gte=today)
        .order_by("next_deadline_on", "pk")
        .first()
    )
    if case is None:
        return None
    return _("%(date)s %(deadline)s of case %(case)s") % {
        "date": f"{case.next_deadline_on:%Y-%m-%d}",
        "deadline": case.get_next_deadline_kind_display(),
        "case": case,
    }


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
        open_cases = scope.rows(ReconsiderationCase).open().count()
        next_deadline = next_reconsideration_deadline(scope, today)
        penalty_cases = scope.rows(EnforcementCase).open()
        open_penalty_cases, overdue_penalty_cases = penalty_cases.count(), penalty_cases.overdue(today).count()
        next_penalty_deadline = next_penalty_case_deadline(scope, today)
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
        (_("Open reconsideration cases"), open_cases),
        (_("Overdue reconsideration cases"), figure(stats, "reconsideration.overdue")),
        (_("Next reconsideration deadline"), next_deadline),
        (_("Open administrative-penalty cases"), open_penalty_cases),
        (_("Overdue administrative-penalty cases"), overdue_penalty_cases),
        (_("Next penalty-case deadline"), next_penalty_deadline),
    ]
    return glance
