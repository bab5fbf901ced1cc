"""Major administrative decisions (重大行政决策) and their statutory steps, recorded as they happened.

The steps and articles are those of the State Council's 《重大行政决策程序暂行条例》
(2019, docs/reference/major-administrative-decisions-2019.md). A decision taken
without a passing legality review or without collective discussion is
recorded all the same: the ledger states the fact and the report counts it
as a problem. What the ledger refuses is a sequence that cannot have
happened, such as a review dated after the decision it is said to precede.
"""

from __future__ import annotations

import datetime

from django.core.validators import MinValueValidator
from django.db import models
from django.db.models.lookups import IsNull
from django.utils.translation import gettext
from django.utils.translation import gettext_lazy as _
from simple_history.models import HistoricalRecords

from .base import LedgerQuerySet, LedgerRecord, in_order, raise_errors
from .provincial import DecisionCategory, DecisionStep, MandatoryDecisionStep

# Art. 15: the public comment period is as a rule no shorter than 30 days.
MIN_COMMENT_DAYS = 30


class ReviewResult(models.TextChoices):
    LAWFUL = "lawful", _("Lawful")
    LAWFUL_AFTER_CHANGES = "lawful_after_changes", _("Lawful after the changes asked for")
    UNLAWFUL = "unlawful", _("Unlawful")


PASSING_REVIEW = (ReviewResult.LAWFUL, ReviewResult.LAWFUL_AFTER_CHANGES)

# The day on which each step is recorded as done.
STEP_FIELDS = {
    DecisionStep.PUBLIC_PARTICIPATION: "public_comment_from",
    DecisionStep.EXPERT_ARGUMENT: "expert_argued_on",
    DecisionStep.RISK_ASSESSMENT: "risk_assessed_on",
    DecisionStep.LEGALITY_REVIEW: "legality_reviewed_on",
    DecisionStep.COLLECTIVE_DISCUSSION: "discussed_on",
    DecisionStep.PUBLICATION: "published_on",
    DecisionStep.ARCHIVE: "archived_on",
}

DECIDED = models.Q(decided_on__isnull=False)
# Art. 24: no decision without a legality review that found the draft lawful.
REVIEW_PASSED = models.Q(legality_reviewed_on__isnull=False, legality_result__in=PASSING_REVIEW)
# Art. 30: the draft is discussed by the executive or plenary meeting before the head decides.
DISCUSSED = models.Q(discussed_on__isnull=False)
PUBLIC_COMMENT = models.Q(public_comment_from__isnull=False)


class MajorDecisionQuerySet(LedgerQuerySet):
    def decided_in(self, year: int):
        return self.decided_between(datetime.date(year, 1, 1), datetime.date(year, 12, 31))

    def decided_between(self, first: datetime.date, last: datetime.date):
        return self.filter(decided_on__range=(first, last))


def missing_mandatory_step() -> models.Q:
    """A decided item lacks a step that the rules in force make mandatory for its category."""
    # One subquery for every step: a mandatory step of the category whose day the decision lacks.
    lacking = models.Q(pk__in=[])
    for step, field in STEP_FIELDS.items():
        lacking |= models.Q(step=step) & models.Q(IsNull(models.OuterRef(field), True))
    required = MandatoryDecisionStep.for_province().filter(lacking, category=models.OuterRef("category"))
    return DECIDED & models.Q(models.Exists(required))


class MajorDecision(LedgerRecord):
    """A major administrative decision item and the dated steps it went through."""

    title = models.CharField(_("decision item"), max_length=200)
    category = models.CharField(_("category"), max_length=24, choices=DecisionCategory.choices)
    catalogue_year = models.PositiveSmallIntegerField(
        _("catalogue year"), help_text=_("The year of the decision catalogue listing the item (art. 10).")
    )
    public_comment_from = models.DateField(_("public comment from"), null=True, blank=True)
    public_comment_until = models.DateField(_("public comment until"), null=True, blank=True)
    public_comments = models.PositiveIntegerField(_("comments received"), null=True, blank=True)
    expert_argued_on = models.DateField(_("expert argument on"), null=True, blank=True)
    risk_assessed_on = models.DateField(_("risk assessment on"), null=True, blank=True)
    legality_reviewed_on = models.DateField(_("legality review on"), null=True, blank=True)
    legality_reviewer = models.CharField(_("legality reviewed by"), max_length=200, blank=True)
    legality_result = models.CharField(
        _("legality review result"), max_length=24, choices=ReviewResult.choices, blank=True
    )
    discussed_on = models.DateField(_("collective discussion on"), null=True, blank=True)
    discussion_meeting = models.CharField(
        _("discussed at"), max_length=200, blank=True, help_text=_("E.g. the executive meeting of the government.")
    )
    discussion_attendees = models.PositiveSmallIntegerField(
        _("attendees of the discussion"), null=True, blank=True, validators=[MinValueValidator(1)]
    )
    decided_on = models.DateField(_("decided on"), null=True, blank=True)
    published_on = models.DateField(_("published on"), null=True, blank=True)
    archived_on = models.DateField(_("archived on"), null=True, blank=True)

    history = HistoricalRecords()
    objects = MajorDecisionQuerySet.as_manager()

    class Meta:
        verbose_name = _("major administrative decision")
        verbose_name_plural = _("major administrative decisions")
        ordering = ["-catalogue_year", "-decided_on", "-id"]

    def __str__(self) -> str:
        return self.title

    @property
    def review_passed(self) -> bool:
        return bool(self.legality_reviewed_on and self.legality_result in PASSING_REVIEW)

    def clean(self) -> None:
        super().clean()
        errors: dict = {}
        self._clean_steps(errors)
        self._clean_order(errors)
        raise_errors(errors)

    def _clean_steps(self, errors: dict) -> None:
        if bool(self.public_comment_from) != bool(self.public_comment_until):
            errors["public_comment_until"] = _("A comment period has a first and a last day.")
        if self.public_comments is not None and not self.public_comment_from:
            errors["public_comments"] = _("Comments can only be counted for a public comment period.")
        if self.legality_reviewed_on and not (self.legality_reviewer and self.legality_result):
            errors["legality_result"] = _("A legality review names who reviewed and what they found (art. 27).")
        if (self.legality_reviewer or self.legality_result) and not self.legality_reviewed_on:
            errors["legality_reviewed_on"] = _("Give the day of the legality review.")
        if self.discussed_on and not (self.discussion_meeting and self.discussion_attendees):
            errors["discussion_meeting"] = _("A collective discussion names its meeting and how many attended.")
        for field in ("published_on", "archived_on"):
            if getattr(self, field) and not self.decided_on:
                errors[field] = _("Only a decision that was taken can be published or archived.")

    def _clean_order(self, errors: dict) -> None:
        in_order(
            errors,
            self.public_comment_from,
            self.public_comment_until,
            "public_comment_until",
            _("The comment period cannot end before it began."),
        )
        in_order(
            errors,
            self.public_comment_until,
            self.decided_on,
            "decided_on",
            _("The decision cannot be taken while the public comment period is still open (art. 15)."),
        )
        # Art. 24: the review comes before the draft is put to the meeting; a
        # review after the discussion or the decision is not that review.
        in_order(
            errors,
            self.legality_reviewed_on,
            self.discussed_on,
            "legality_reviewed_on",
            _("The legality review comes before the collective discussion (art. 24)."),
        )
        in_order(
            errors,
            self.legality_reviewed_on,
            self.decided_on,
            "legality_reviewed_on",
            _("A legality review dated after the decision cannot be the review of it (art. 24)."),
        )
        in_order(
            errors,
            self.discussed_on,
            self.decided_on,
            "discussed_on",
            _("The head decides on the basis of the collective discussion, so it comes first (art. 30)."),
        )
        for field, article in (("published_on", 33), ("archived_on", 34)):
            in_order(
                errors,
                self.decided_on,
                getattr(self, field),
                field,
                _("This step follows the decision (art. %(article)s).") % {"article": article},
            )

    def warnings(self, required: list[MandatoryDecisionStep] | None = None) -> list[str]:
        """What the ledger records but the regulation forbids or discourages: shown at entry, counted as problems.

        `required` are the mandatory-step rows in force (all categories), when
        the caller has read them once for many decisions.
        """
        found = []
        if self.decided_on and not self.review_passed:
            found.append(gettext("Decided without a legality review that found it lawful (art. 24)."))
        if self.decided_on and not self.discussed_on:
            found.append(gettext("Decided without collective discussion (art. 30)."))
        if self.public_comment_from and self.public_comment_until:
            days = (self.public_comment_until - self.public_comment_from).days + 1
            if days < MIN_COMMENT_DAYS:
                found.append(
                    gettext("The comment period lasted %(days)d days; the rule is at least 30 (art. 15).")
                    % {"days": days}
                )
        if self.decided_on:
            rows = list(MandatoryDecisionStep.for_province()) if required is None else required
            for row in rows:
                # The two steps above are already named with their article.
                if row.category != self.category or row.step in (
                    DecisionStep.LEGALITY_REVIEW,
                    DecisionStep.COLLECTIVE_DISCUSSION,
                ):
                    continue
                if not getattr(self, STEP_FIELDS[DecisionStep(row.step)]):
                    found.append(
                        gettext("Mandatory step missing: %(step)s (%(basis)s).")
                        % {"step": row.get_step_display(), "basis": row.basis}
                    )
        return found
