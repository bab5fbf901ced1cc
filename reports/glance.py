"""The user's agency at a glance, on the admin start page: this year's key figures."""

from __future__ import annotations

import datetime
import logging

from django.db.models import Q
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from enforcement.agencies.scope import Scope
from enforcement.cases.models import EnforcementCase
from enforcement.reconsideration.models import ReconsiderationCase
from reports.statistics.cache import cached_children_statistics, cached_statistics
from reports.statistics.compile import top_agency_of
from reports.statistics.figures import percent
from reports.statistics.wording import figure, number

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


# The columns of the comparison of the agencies below: (label, how the cell is read from their statistics).
COMPARISON_COLUMNS = [
    (gettext_lazy("Certified"), lambda s: percent(s, "officers.certified_rate")),
    (
        gettext_lazy("Training hours per officer"),
        lambda s: number(figure(s, "training.average_hours_per_officer")),
    ),
    (gettext_lazy("Exam pass rate"), lambda s: percent(s, "exams.pass_rate")),
    (gettext_lazy("Publicity activities"), lambda s: figure(s, "publicity.activities")),
    (gettext_lazy("Leading group meetings"), lambda s: figure(s, "governance.leading_group_meetings")),
    (gettext_lazy("Rule-of-law duty reports"), lambda s: figure(s, "governance.first_responsible_reports")),
    (
        gettext_lazy("Major decisions reviewed / taken"),
        lambda s: ratio(figure(s, "governance.major_decisions_reviewed"), figure(s, "governance.major_decisions")),
    ),
    (
        gettext_lazy("Normative documents filed on time / issued"),
        lambda s: ratio(
            figure(s, "governance.normative_documents_filed_on_time"), figure(s, "governance.normative_documents")
        ),
    ),
    (
        gettext_lazy("Disputes mediated / received"),
        lambda s: ratio(figure(s, "governance.disputes_mediated"), figure(s, "governance.disputes_received")),
    ),
    (gettext_lazy("Problems found"), lambda s: len(s.get("problems") or [])),
]


def comparison_of_children(user, agency, year: int, today: datetime.date) -> dict | None:
    """The agencies directly below, side by side: {"columns": [label], "rows": [(name, [cell])]}; None without any."""
    children = cached_children_statistics(user, agency, year, today=today)
    if not children:
        return None
    return {
        "columns": [str(label) for label, _cell in COMPARISON_COLUMNS],
        "rows": [(stats["agency"]["name"], [cell(stats) for _label, cell in COMPARISON_COLUMNS]) for stats in children],
    }


def agency_at_a_glance(user, *, today: datetime.date | None = None) -> dict | None:
    """{"agency", "year", "rows", "comparison"}; None for a user with no agency or no right to the figures.

    `comparison` sets the agencies directly below side by side (a county
    supervisor's view of its townships), or is None.
    """
    if not (user.is_authenticated and user.has_perm("reports.view_statistics")):
        return None
    agency = top_agency_of(user)
    if agency is None:
        return None
    today = today or timezone.localdate()
    glance = {"agency": agency, "year": today.year, "rows": [], "comparison": None}
    scope = Scope(user, agency)
    try:
        stats = cached_statistics(scope, today.year, today=today)
        open_cases = scope.rows(ReconsiderationCase).open().count()
        next_deadline = next_reconsideration_deadline(scope, today)
        glance["comparison"] = comparison_of_children(user, agency, today.year, today)
        penalty_cases = scope.rows(EnforcementCase).open()
        open_penalty_cases, overdue_penalty_cases = penalty_cases.count(), penalty_cases.overdue(today).count()
        next_penalty_deadline = next_penalty_case_deadline(scope, today)
    except Exception:
        # The start page must open even when a figure cannot be computed.
        logger.exception("The start page figures of %s could not be computed", agency)
        return glance
    year = today.year
    officers, certificates = (
        reverse("admin:enforcement_officer_changelist"),
        reverse("admin:enforcement_certificate_changelist"),
    )
    records = f"{reverse('admin:training_officertrainingrecord_changelist')}?year={year}"
    cases = reverse("admin:enforcement_reconsiderationcase_changelist")
    penalty_cases = reverse("admin:enforcement_enforcementcase_changelist")
    # Each figure links to the rows behind it.
    glance["rows"] = [
        (
            _("Enforcement officers certified"),
            percent(stats, "officers.certified_rate"),
            f"{officers}?certified=no&is_enforcement_officer__exact=1",
        ),
        (
            _("Certificates expiring within 90 days"),
            figure(stats, "officers.expiring_within_90_days"),
            f"{certificates}?validity=90",
        ),
        (
            _("Average training hours per officer / required"),
            ratio(figure(stats, "training.average_hours_per_officer"), figure(stats, "training.required_hours")),
            records,
        ),
        (
            _("Officers meeting the training requirement"),
            ratio(
                figure(stats, "training.officers_meeting_requirement"), figure(stats, "officers.enforcement_officers")
            ),
            records,
        ),
        (
            _("Exam pass rate"),
            percent(stats, "exams.pass_rate"),
            f"{reverse('admin:training_examresult_changelist')}?year={year}",
        ),
        (
            _("Publicity activities this year"),
            figure(stats, "publicity.activities"),
            f"{reverse('admin:training_publicityactivity_changelist')}?year={year}",
        ),
        (
            _("Participants in publicity activities"),
            figure(stats, "publicity.participants"),
            f"{reverse('admin:training_publicityactivity_changelist')}?year={year}",
        ),
        (_("Open reconsideration cases"), open_cases, cases),
        (_("Overdue reconsideration cases"), figure(stats, "reconsideration.overdue"), f"{cases}?overdue=yes"),
        (_("Next reconsideration deadline"), next_deadline, cases),
        (_("Open administrative-penalty cases"), open_penalty_cases, penalty_cases),
        (_("Overdue administrative-penalty cases"), overdue_penalty_cases, f"{penalty_cases}?overdue=yes"),
        (_("Next penalty-case deadline"), next_penalty_deadline, penalty_cases),
    ]
    return glance
