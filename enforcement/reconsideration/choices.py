"""The kinds, outcomes and states of a reconsideration case, and their named groups."""

from django.db import models
from django.utils.translation import gettext_lazy as _
from django.utils.translation import pgettext_lazy


class ActKind(models.TextChoices):
    PENALTY = "penalty", _("Administrative penalty")
    COMPULSORY_MEASURE = "compulsory_measure", _("Administrative compulsory measure")
    LICENSING = "licensing", _("Administrative licensing")
    EXPROPRIATION = "expropriation", _("Expropriation or compensation")
    INFORMATION_DISCLOSURE = "information_disclosure", _("Government information disclosure")
    FAILURE_TO_ACT = "failure_to_act", _("Failure to perform a duty")
    OTHER = "other", _("Other")


class Procedure(models.TextChoices):
    ORDINARY = "ordinary", _("Ordinary procedure")
    SIMPLIFIED = "simplified", _("Simplified procedure")


class ApplicantKind(models.TextChoices):
    PERSON = "person", _("Natural person")
    ORGANISATION = "organisation", _("Legal person or other organisation")


class EventKind(models.TextChoices):
    # Listed in the order of the procedure: events of one day are replayed in this order.
    APPLICATION_RECEIVED = "application_received", _("Application received")
    SUPPLEMENT_REQUESTED = "supplement_requested", _("Notice to supplement served on the applicant")
    SUPPLEMENT_EXTENDED = "supplement_extended", _("Supplement period extended")
    SUPPLEMENT_RECEIVED = "supplement_received", _("Supplement received")
    ACCEPTED = "accepted", _("Accepted")
    NOT_ACCEPTED = "not_accepted", _("Not accepted")
    COPY_RECEIVED = "copy_received", _("Copy of the application received by the respondent")
    REPLY_SUBMITTED = "reply_submitted", _("Written reply submitted")
    HEARING = "hearing", _("Hearing")
    EXTENSION = "extension", _("Decision period extended")
    SUSPENSION = "suspension", pgettext_lazy("reconsideration case", "Suspended")
    RESUMPTION = "resumption", _("Resumed")
    MEDIATION = "mediation", _("Mediation agreement")
    SETTLEMENT = "settlement", _("Settlement")
    WITHDRAWAL = "withdrawal", _("Application withdrawn")
    TERMINATION = "termination", _("Terminated")
    DECISION = "decision", _("Decision")
    OPINION_LETTER = "opinion_letter", _("Opinion letter received")
    CORRECTION_REPORTED = "correction_reported", _("Correction reported")
    LAWSUIT_FILED = "lawsuit_filed", _("Administrative lawsuit filed")
    LAWSUIT_RESULT = "lawsuit_result", _("Lawsuit result")


EVENT_RANK = {kind: rank for rank, kind in enumerate(EventKind)}


class Outcome(models.TextChoices):
    UPHELD = "upheld", _("Upheld")
    CLAIM_REJECTED = "claim_rejected", _("Claim rejected")
    APPLICATION_REJECTED = "application_rejected", _("Application rejected")
    NOT_ACCEPTED = "not_accepted", _("Not accepted")
    ABANDONED = "abandoned", _("Deemed abandoned: no supplement in time")
    REVOKED = "revoked", pgettext_lazy("reconsideration outcome", "Revoked")
    VARIED = "varied", _("Varied")
    CONFIRMED_UNLAWFUL = "confirmed_unlawful", _("Confirmed unlawful")
    ORDERED_TO_PERFORM = "ordered_to_perform", _("Ordered to perform")
    CONFIRMED_VOID = "confirmed_void", _("Confirmed void")
    MEDIATION = "mediation", _("Mediation")
    SETTLEMENT_WITHDRAWAL = "settlement_withdrawal", _("Settlement and withdrawal")
    WITHDRAWAL = "withdrawal", _("Withdrawal")
    TERMINATION = "termination", _("Termination")


# 纠错: the organ found the act wrong (arts. 63–68).
CORRECTED = (
    Outcome.REVOKED,
    Outcome.VARIED,
    Outcome.CONFIRMED_UNLAWFUL,
    Outcome.ORDERED_TO_PERFORM,
    Outcome.CONFIRMED_VOID,
)
# Decided on the merits of the act: the denominator of the correction rate by default.
MERITS = (Outcome.UPHELD, Outcome.CLAIM_REJECTED, *CORRECTED)
# What a decision event may say; not-accepted has its own event.
DECISION_OUTCOMES = (*MERITS, Outcome.APPLICATION_REJECTED)
MEDIATED_OR_SETTLED = (Outcome.MEDIATION, Outcome.SETTLEMENT_WITHDRAWAL)
# 调撤: closed by mediation, settlement or withdrawal.
MEDIATED_OR_WITHDRAWN = (*MEDIATED_OR_SETTLED, Outcome.WITHDRAWAL)


class CaseStatus(models.TextChoices):
    REGISTERED = "registered", _("Registered, application date missing")
    AWAITING_SUPPLEMENT = "awaiting_supplement", _("Awaiting the applicant's supplement")
    AWAITING_ACCEPTANCE = "awaiting_acceptance", _("Awaiting acceptance")
    ACCEPTED = "accepted", _("Accepted, copy not yet received")
    AWAITING_REPLY = "awaiting_reply", _("Reply due")
    UNDER_REVIEW = "under_review", _("Under review")
    SUSPENDED = "suspended", pgettext_lazy("reconsideration case", "Suspended")
    CLOSED = "closed", _("Closed")


OPEN_STATUSES = tuple(status for status in CaseStatus if status != CaseStatus.CLOSED)


class DeadlineKind(models.TextChoices):
    APPLICATION = "application", _("Application period")
    SUPPLEMENT = "supplement", _("Supplement by the applicant")
    ACCEPTANCE = "acceptance", _("Acceptance review")
    REPLY = "reply", _("Written reply")
    DECISION = "decision", _("Decision")
    CORRECTION = "correction", _("Correction report")


class WarningKind(models.TextChoices):
    DUE_SOON = "due_soon", _("Due within 3 working days")
    OVERDUE = "overdue", _("Overdue")
