"""The case, its parties and the penalties decided."""

from __future__ import annotations

import datetime

from concurrency.fields import IntegerVersionField
from django.core.exceptions import ValidationError
from django.db import models
from django.db.models import Q
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from simple_history.models import HistoricalRecords

from enforcement.agencies.base import TimeStampedModel
from enforcement.agencies.enforcement_fields import EnforcementField
from enforcement.agencies.models import Agency
from enforcement.agencies.querysets import ScopedQuerySet, scoped_queryset
from enforcement.agencies.validators import validate_credit_code, validate_id_number
from enforcement.cases.models.choices import (
    CaseStatus,
    DecisionOutcome,
    PartyKind,
    PenaltyDeadlineKind,
    PenaltyKind,
    PenaltyProcedure,
)
from enforcement.officers.models.officer import Officer


class EnforcementCaseQuerySet(ScopedQuerySet):
    def open(self) -> EnforcementCaseQuerySet:
        return self.exclude(status=CaseStatus.CLOSED)

    def overdue(self, today: datetime.date | None = None) -> EnforcementCaseQuerySet:
        """Cases whose earliest unmet deadline has passed; the deadline day itself is not overdue."""
        return self.filter(next_deadline_on__lt=today or timezone.localdate())

    def in_year(self, year: int) -> EnforcementCaseQuerySet:
        """Cases filed in `year`, or discovered in it when not (yet) filed."""
        return self.filter(Q(filed_on__year=year) | Q(filed_on__isnull=True, discovered_on__year=year))


class EnforcementCase(TimeStampedModel):
    """An administrative-penalty case (行政处罚案件) of an agency.

    The number is given at 立案 (or, under the simplified procedure, at the
    on-the-spot decision that is filed with the agency, art. 52) and never
    changes. Everything below "derived" is recomputed from the dated events by
    `cases.services`, never typed in.
    """

    agency = models.ForeignKey(
        Agency, verbose_name=_("agency"), on_delete=models.PROTECT, related_name="enforcement_cases"
    )
    procedure = models.CharField(
        _("procedure"), max_length=16, choices=PenaltyProcedure.choices, default=PenaltyProcedure.ORDINARY
    )
    field = models.ForeignKey(
        EnforcementField, verbose_name=_("enforcement field"), on_delete=models.PROTECT, related_name="cases"
    )
    act = models.TextField(_("suspected unlawful act"))
    act_place = models.CharField(_("place of the act"), max_length=200)
    act_on = models.DateField(_("act committed on"))
    act_ended_on = models.DateField(
        _("continuing act ended on"),
        null=True,
        blank=True,
        help_text=_("For a continuing act: the limitation runs from its end (art. 36)."),
    )
    discovered_on = models.DateField(_("discovered on"))
    harm_to_life_health_or_finance = models.BooleanField(
        _("harmed life, health or financial safety"),
        default=False,
        help_text=_("The limitation is then five years instead of two (art. 36)."),
    )
    act_basis = models.CharField(_("legal basis of the act"), max_length=300, blank=True)
    penalty_basis = models.CharField(_("legal basis of the penalty"), max_length=300, blank=True)
    major_public_interest = models.BooleanField(
        _("involves major public interest"), default=False, help_text=_("Legal review required (art. 58(1)).")
    )
    major_rights = models.BooleanField(
        _("directly concerns major rights of a party or third party"),
        default=False,
        help_text=_("Legal review required once a hearing was held (art. 58(2))."),
    )
    complex = models.BooleanField(
        _("complex or major"),
        default=False,
        help_text=_("Legal review (art. 58(3)) and collective discussion of the leaders (art. 57) required."),
    )
    handlers = models.ManyToManyField(
        Officer, verbose_name=_("handling officers"), related_name="handled_penalty_cases", blank=True
    )
    note = models.TextField(_("note"), blank=True)
    version = IntegerVersionField(verbose_name=_("version"))

    # derived
    number = models.CharField(_("case number"), max_length=64, blank=True, editable=False)
    year = models.PositiveSmallIntegerField(_("year of the number"), null=True, editable=False)
    serial = models.PositiveIntegerField(_("serial of the number"), null=True, editable=False)
    status = models.CharField(
        _("status"), max_length=16, choices=CaseStatus.choices, default=CaseStatus.DISCOVERED, editable=False
    )
    outcome = models.CharField(_("outcome"), max_length=16, choices=DecisionOutcome.choices, blank=True, editable=False)
    filed_on = models.DateField(_("filed on"), null=True, editable=False)
    decided_on = models.DateField(_("decided on"), null=True, editable=False)
    served_on = models.DateField(_("served on"), null=True, editable=False)
    closed_on = models.DateField(_("closed on"), null=True, editable=False)
    published_on = models.DateField(_("published on"), null=True, editable=False)
    withdrawn_on = models.DateField(_("publication withdrawn on"), null=True, editable=False)
    decision_due = models.DateField(_("decision due"), null=True, editable=False)
    withdrawal_due = models.DateField(_("publication withdrawal due"), null=True, editable=False)
    corrected_on = models.DateField(
        _("decision corrected on"),
        null=True,
        editable=False,
        help_text=_("When a reconsideration revoked, varied or found the decision unlawful or void."),
    )
    legal_review_required = models.BooleanField(_("legal review required"), default=False, editable=False)
    legal_review_passed = models.BooleanField(_("legal review passed"), default=False, editable=False)
    hearing_held = models.BooleanField(_("hearing held"), default=False, editable=False)
    next_deadline_on = models.DateField(_("next deadline"), null=True, editable=False, db_index=True)
    next_deadline_kind = models.CharField(
        _("next deadline is"), max_length=32, choices=PenaltyDeadlineKind.choices, blank=True, editable=False
    )

    history = HistoricalRecords(excluded_fields=["version"], m2m_fields=[handlers])
    objects = EnforcementCaseQuerySet.as_manager()

    class Meta:
        verbose_name = _("administrative-penalty case")
        verbose_name_plural = _("administrative-penalty cases")
        ordering = ["-discovered_on", "-pk"]
        constraints = [
            models.UniqueConstraint(
                fields=["agency", "year", "serial"],
                condition=Q(serial__isnull=False),
                name="enforcement_case_number_once_per_agency_and_year",
                violation_error_message=_("This agency already has a case with this number in this year."),
            ),
            models.CheckConstraint(
                condition=Q(discovered_on__gte=models.F("act_on")),
                name="enforcement_case_discovered_after_act",
                violation_error_message=_("An act cannot be discovered before it was committed."),
            ),
            models.CheckConstraint(
                condition=Q(act_ended_on__isnull=True) | Q(act_ended_on__gte=models.F("act_on")),
                name="enforcement_case_act_ends_after_start",
                violation_error_message=_("A continuing act cannot end before it started."),
            ),
        ]

    def __str__(self) -> str:
        return self.number or _("Penalty case %(pk)s (not yet filed)") % {"pk": self.pk}

    def clean(self) -> None:
        super().clean()
        errors = {}
        if self.act_on and self.discovered_on and self.discovered_on < self.act_on:
            errors["discovered_on"] = _("An act cannot be discovered before it was committed.")
        if self.act_on and self.act_ended_on and self.act_ended_on < self.act_on:
            errors["act_ended_on"] = _("A continuing act cannot end before it started.")
        if self.discovered_on and self.discovered_on > timezone.localdate():
            errors["discovered_on"] = _("The discovery date cannot be in the future.")
        if errors:
            raise ValidationError(errors)

    @property
    def limitation_starts_on(self) -> datetime.date:
        # Art. 36 second paragraph: a continuing act's period runs from its end.
        return self.act_ended_on or self.act_on

    @property
    def limitation_years(self) -> int:
        return 5 if self.harm_to_life_health_or_finance else 2

    def days_left(self, today: datetime.date | None = None) -> int | None:
        if self.next_deadline_on is None:
            return None
        return (self.next_deadline_on - (today or timezone.localdate())).days

    def is_overdue(self, today: datetime.date | None = None) -> bool:
        left = self.days_left(today)
        return left is not None and left < 0


def mask_name(name: str) -> str:
    """A citizen's name as the disclosure page shows it: the family name, then stars."""
    return name[:1] + "*" * max(len(name) - 1, 1)


class Party(TimeStampedModel):
    """A party (当事人) of a case: a citizen with an ID number or an organisation with a credit code."""

    case = models.ForeignKey(EnforcementCase, verbose_name=_("case"), on_delete=models.CASCADE, related_name="parties")
    kind = models.CharField(_("kind"), max_length=16, choices=PartyKind.choices, default=PartyKind.CITIZEN)
    name = models.CharField(_("name"), max_length=200)
    id_number = models.CharField(_("resident ID number"), max_length=18, blank=True, validators=[validate_id_number])
    credit_code = models.CharField(
        _("unified social credit code"), max_length=18, blank=True, validators=[validate_credit_code]
    )

    objects = scoped_queryset("case__agency").as_manager()

    class Meta:
        verbose_name = _("party")
        verbose_name_plural = _("parties")
        ordering = ["case", "pk"]
        constraints = [
            models.CheckConstraint(
                condition=Q(kind=PartyKind.CITIZEN, credit_code="") & ~Q(id_number="")
                | Q(kind=PartyKind.ORGANISATION, id_number="") & ~Q(credit_code=""),
                name="enforcement_party_identifier_by_kind",
                violation_error_message=_(
                    "A citizen needs a resident ID number and an organisation a unified social credit code."
                ),
            )
        ]

    def __str__(self) -> str:
        return self.name

    def clean_fields(self, exclude=None) -> None:
        self.id_number = (self.id_number or "").strip().upper()
        self.credit_code = (self.credit_code or "").strip().upper()
        super().clean_fields(exclude)

    def clean(self) -> None:
        super().clean()
        if self.kind == PartyKind.CITIZEN:
            if not self.id_number:
                raise ValidationError({"id_number": _("A citizen party needs a resident ID number.")})
            if self.credit_code:
                raise ValidationError({"credit_code": _("A citizen party has no credit code.")})
        else:
            if not self.credit_code:
                raise ValidationError({"credit_code": _("An organisation party needs a unified social credit code.")})
            if self.id_number:
                raise ValidationError({"id_number": _("An organisation party has no resident ID number.")})

    @property
    def public_name(self) -> str:
        return mask_name(self.name) if self.kind == PartyKind.CITIZEN else self.name

    @property
    def masked_id_number(self) -> str:
        return f"{self.id_number[:6]}{'*' * 8}{self.id_number[14:]}" if self.id_number else ""


class Penalty(TimeStampedModel):
    """A penalty decided in the case (art. 9): a warning, a fine with its amount, …"""

    case = models.ForeignKey(
        EnforcementCase, verbose_name=_("case"), on_delete=models.CASCADE, related_name="penalties"
    )
    kind = models.CharField(_("kind"), max_length=32, choices=PenaltyKind.choices)
    amount = models.DecimalField(
        _("amount or value (yuan)"),
        max_digits=14,
        decimal_places=2,
        null=True,
        blank=True,
        help_text=_("The fine, or the value confiscated."),
    )
    description = models.CharField(_("description"), max_length=300, blank=True)

    objects = scoped_queryset("case__agency").as_manager()

    class Meta:
        verbose_name = _("penalty")
        verbose_name_plural = _("penalties")
        ordering = ["case", "pk"]
        constraints = [
            models.CheckConstraint(
                condition=~Q(kind=PenaltyKind.FINE) | Q(amount__gt=0),
                name="enforcement_penalty_fine_has_amount",
                violation_error_message=_("A fine needs its amount."),
            )
        ]

    def __str__(self) -> str:
        if self.amount is not None:
            return f"{self.get_kind_display()} {self.amount}"
        return str(self.get_kind_display())

    def clean(self) -> None:
        super().clean()
        if self.kind == PenaltyKind.FINE and (self.amount is None or self.amount <= 0):
            raise ValidationError({"amount": _("A fine needs its amount.")})
