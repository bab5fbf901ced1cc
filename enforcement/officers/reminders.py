"""Reminders to team leads: certificates about to expire, officers enforcing without one.

Each reminder is sent once: its log row (unique key) is written first, in the
same transaction, and the mail goes only after that transaction commits. A
second run finds the rows and sends nothing again.
"""

from __future__ import annotations

import datetime
from collections import defaultdict
from dataclasses import dataclass, field

from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from enforcement.agencies.jobs import mail_after_commit, team_lead_emails
from enforcement.agencies.models import Agency
from enforcement.officers.models.certificate import Certificate
from enforcement.officers.models.officer import Officer, in_service_q
from enforcement.officers.models.reminders import CertificateReminder, ReminderThreshold, UncertifiedOfficerReminder

JOB_NAME = "certificate_reminders"


@dataclass
class AgencyNotice:
    expiring: list[tuple[Certificate, int]] = field(default_factory=list)
    uncertified: list[tuple[Officer, str]] = field(default_factory=list)


def _expiring(today: datetime.date, notices: dict[Agency, AgencyNotice]) -> int:
    thresholds = ReminderThreshold.objects.days_by_kind()
    certificates = (
        Certificate.objects.expiring_on(today)
        .filter(in_service_q(today, prefix="officer__"), officer__is_enforcement_officer=True)
        .select_related("officer__agency")
        .order_by("valid_until", "pk")
    )
    sent = 0
    for certificate in certificates:
        left = (certificate.valid_until - today).days
        crossed = [days for days in thresholds.get(certificate.kind, []) if left <= days]
        # Every threshold already crossed is logged, so a certificate first
        # seen 5 days before expiry is not reminded of again at 30 and at 7.
        created = [
            CertificateReminder.objects.get_or_create(
                certificate=certificate, threshold_days=days, valid_until=certificate.valid_until
            )[1]
            for days in crossed
        ]
        if any(created):
            notices[certificate.officer.agency].expiring.append((certificate, min(crossed)))
            sent += 1
    return sent


def uncertified_situation(latest: Certificate | None) -> str:
    """Why the officer is uncertified, as a stable key: a new reason is a new reminder."""
    if latest is None:
        return "none"
    return f"{latest.pk}:{latest.status}:{latest.valid_until.isoformat()}"


def _uncertified(today: datetime.date, notices: dict[Agency, AgencyNotice]) -> int:
    officers = (
        Officer.objects.in_service()
        .enforcement_officers()
        .not_certified_on(today)
        .select_related("agency")
        .prefetch_related("certificates")
        .order_by("agency__path", "name", "pk")
    )
    sent = 0
    for officer in officers:
        certificates = sorted(officer.certificates.all(), key=lambda c: (c.issued_on, c.pk))
        situation = uncertified_situation(certificates[-1] if certificates else None)
        _reminder, created = UncertifiedOfficerReminder.objects.get_or_create(officer=officer, situation=situation)
        if created:
            notices[officer.agency].uncertified.append((officer, situation))
            sent += 1
    return sent


def _body(agency: Agency, notice: AgencyNotice, today: datetime.date) -> str:
    lines = [_("Law-enforcement certificates of %(agency)s, as of %(today)s:") % {"agency": agency, "today": today}, ""]
    if notice.expiring:
        lines.append(_("Certificates about to expire:"))
        for certificate, days in notice.expiring:
            lines.append(
                _("- %(officer)s, certificate %(number)s, valid until %(until)s (within %(days)d days)")
                % {
                    "officer": certificate.officer.name,
                    "number": certificate.number,
                    "until": certificate.valid_until,
                    "days": days,
                }
            )
        lines.append("")
    if notice.uncertified:
        lines.append(_("Officers in an enforcement post without an effective certificate (they must not enforce):"))
        for officer, _situation in notice.uncertified:
            lines.append(f"- {officer.name}（{officer.position or '—'}）")
    return "\n".join(lines)


@transaction.atomic
def send_certificate_reminders(*, today: datetime.date | None = None) -> dict[str, int]:
    """Find what to remind of today, log it, and mail each agency's team leads once after commit."""
    today = today or timezone.localdate()
    notices: dict[Agency, AgencyNotice] = defaultdict(AgencyNotice)
    counts = {"expiring": _expiring(today, notices), "uncertified": _uncertified(today, notices)}
    for agency, notice in notices.items():
        mail_after_commit(
            subject=_("Law-enforcement certificates needing attention: %(agency)s") % {"agency": agency},
            body=_body(agency, notice, today),
            recipients=team_lead_emails(agency),
        )
    counts["mails"] = len(notices)
    return counts


def reminders_summary(counts: dict[str, int]) -> str:
    return _("%(expiring)d expiring certificates, %(uncertified)d uncertified officers, %(mails)d mails") % counts
