from django.db import models
from django.utils.translation import gettext_lazy as _
from django.utils.translation import pgettext_lazy


class PenaltyProcedure(models.TextChoices):
    ORDINARY = "ordinary", _("Ordinary procedure")  # 普通程序
    SIMPLIFIED = "simplified", _("Simplified procedure")  # 简易程序, art. 51–52


class PartyKind(models.TextChoices):
    CITIZEN = "citizen", _("Citizen")
    ORGANISATION = "organisation", _("Legal person or other organisation")


class PenaltyKind(models.TextChoices):
    # The kinds of art. 9.
    WARNING = "warning", _("Warning")
    FINE = "fine", _("Fine")
    CONFISCATION = "confiscation", _("Confiscation of unlawful gains or property")
    LICENCE_SUSPENDED = "licence_suspended", _("Licence suspended or qualification lowered")
    LICENCE_REVOKED = "licence_revoked", _("Licence revoked")
    BUSINESS_RESTRICTED = "business_restricted", _("Production or business restricted, suspended or closed")
    DETENTION = "detention", _("Administrative detention")
    OTHER = "other", _("Other penalty")


class CaseEventKind(models.TextChoices):
    # In the order of the procedure: events of one day are replayed in this order.
    DISCOVERED = "discovered", _("Discovered")
    FILED = "filed", _("Case filed")  # 立案
    INVESTIGATED = "investigated", _("Investigation or inspection record")
    INTERVIEWED = "interviewed", _("Interview record")
    EVIDENCE_PRESERVED = "evidence_preserved", _("Evidence registered and preserved")  # 先行登记保存
    PRESERVATION_DECIDED = "preservation_decided", _("Decision on preserved evidence")
    NOTIFIED = "notified", _("Party notified of the intended penalty and rights")  # 告知
    STATEMENT_RECEIVED = "statement_received", _("Statement and defence received")
    HEARING_REQUESTED = "hearing_requested", _("Hearing requested")
    HEARING_NOTIFIED = "hearing_notified", _("Hearing notice given")
    HEARING_HELD = "hearing_held", _("Hearing held")
    LEGAL_REVIEW = "legal_review", _("Legal review")  # 法制审核
    COLLECTIVE_DISCUSSION = "collective_discussion", _("Collective discussion")  # 集体讨论
    EXTENDED = "extended", _("Decision period extended")
    DECIDED = "decided", pgettext_lazy("penalty case", "Decided")
    SERVED = "served", _("Decision served")
    INSTALMENTS_APPROVED = "instalments_approved", _("Deferred or instalment payment approved")
    PAID = "paid", _("Paid")
    PUBLISHED = "published", _("Decision published")
    PUBLICATION_WITHDRAWN = "publication_withdrawn", _("Publication withdrawn")
    CLOSED = "closed", _("Closed and archived")


CASE_EVENT_RANK = {kind: rank for rank, kind in enumerate(CaseEventKind)}

# Acts that officers perform in person: each needs at least two officers, each
# certified on the day and for the case's field (arts. 42, 52, 55). No law
# applied here allows a single officer, so there is no exception.
OFFICER_ACTS = frozenset(
    {
        CaseEventKind.FILED,
        CaseEventKind.INVESTIGATED,
        CaseEventKind.INTERVIEWED,
        CaseEventKind.EVIDENCE_PRESERVED,
        CaseEventKind.SERVED,
    }
)
# Acts that count as investigation: their officers may not preside over the hearing (art. 64(4)).
INVESTIGATIONS = frozenset({CaseEventKind.INVESTIGATED, CaseEventKind.INTERVIEWED, CaseEventKind.EVIDENCE_PRESERVED})


class DecisionOutcome(models.TextChoices):
    # The four outcomes of art. 57.
    PENALTY = "penalty", _("Penalty imposed")
    NONE_MINOR = "none_minor", _("No penalty: minor act")
    NONE_UNPROVEN = "none_unproven", _("No penalty: facts not established")
    TRANSFERRED = "transferred", _("Transferred to the judiciary")


class ReviewResult(models.TextChoices):
    PASSED = "passed", _("Passed")
    FAILED = "failed", _("Not passed")


# What an event's outcome may say: a decision's outcome, or a legal review's result.
EVENT_OUTCOMES = [*DecisionOutcome.choices, *ReviewResult.choices]


class CaseStatus(models.TextChoices):
    DISCOVERED = "discovered", _("Discovered, not filed")
    INVESTIGATING = "investigating", _("Filed, under investigation")
    NOTIFIED = "notified", _("Party notified, awaiting decision")
    DECIDED = "decided", _("Decided, awaiting service")
    ENFORCING = "enforcing", _("Served, being enforced")
    CLOSED = "closed", _("Closed")


CLOSED_STATUSES = (CaseStatus.CLOSED,)


class PenaltyDeadlineKind(models.TextChoices):
    DECISION = "decision", _("Decision")
    HEARING_REQUEST = "hearing_request", _("Hearing request")
    HEARING_NOTICE = "hearing_notice", _("Hearing notice")
    SERVICE = "service", _("Service of the decision")
    PAYMENT = "payment", _("Payment of the fine")
    PRESERVATION = "preservation", _("Decision on preserved evidence")
    PUBLICATION_WITHDRAWAL = "publication_withdrawal", _("Withdrawal of the published decision")
    LIMITATION = "limitation", _("Limitation period")
