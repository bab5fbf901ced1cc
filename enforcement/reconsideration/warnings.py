"""Daily warnings of reconsideration deadlines coming up within 3 working days or overdue."""

from __future__ import annotations

import datetime

from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from enforcement.agencies.calendar import Deadline, WorkingCalendar
from enforcement.agencies.jobs import mail_after_commit, team_lead_emails
from enforcement.reconsideration.choices import WarningKind
from enforcement.reconsideration.models import DeadlineWarning, ReconsiderationCase
from enforcement.reconsideration.services import refresh_waiting_cases

WARNING_WORKING_DAYS = 3


def send_deadline_warnings(today: datetime.date | None = None) -> int:
    """Warn the team leads of each case's deadlines due soon or overdue, once per deadline and kind of warning.

    Answers how many warnings went out.
    """
    today = today or timezone.localdate()
    # Periods that ended since yesterday accept or abandon applications (arts. 30, 31): stored first.
    refresh_waiting_cases(today)
    horizon = WorkingCalendar.load().add_working_days(today, WARNING_WORKING_DAYS)
    cases = ReconsiderationCase.objects.filter(next_deadline_on__lte=horizon).select_related("agency", "officer")
    sent = 0
    for case in cases:
        # The deadlines as stored by the service that recorded the last event.
        for deadline in case.deadline_list():
            if deadline.watched and not deadline.is_met and deadline.due and deadline.due <= horizon:
                sent += _warn_once(case, deadline, today)
    return sent


@transaction.atomic
def _warn_once(case: ReconsiderationCase, deadline: Deadline, today: datetime.date) -> bool:
    kind = WarningKind.OVERDUE if deadline.is_overdue(today) else WarningKind.DUE_SOON
    # The log row is written before the mail and the mail leaves only once it
    # is committed, so a task run twice (or by two workers) warns once.
    _warning, created = DeadlineWarning.objects.get_or_create(
        case=case, deadline_kind=deadline.kind, due_on=deadline.due, warning_kind=kind
    )
    if not created:
        return False
    values = {
        "case": case,
        "agency": case.agency.name,
        "deadline": deadline.name,
        "due": f"{deadline.due:%Y-%m-%d}",
        "rule": deadline.rule + (" " + _("(estimated)") if deadline.estimated else ""),
        "officer": case.officer.name,
        "phone": case.officer.phone or "—",
    }
    if kind == WarningKind.OVERDUE:
        subject = _("Overdue: %(deadline)s of reconsideration case %(case)s was due on %(due)s") % values
    else:
        subject = _("Due soon: %(deadline)s of reconsideration case %(case)s is due on %(due)s") % values
    body = (
        _(
            "Respondent: %(agency)s\nDeadline: %(deadline)s, %(due)s\nRule: %(rule)s\n"
            "Responsible officer: %(officer)s (%(phone)s)\n"
        )
        % values
    )
    mail_after_commit(subject=subject, body=body, recipients=team_lead_emails(case.agency))
    return True
