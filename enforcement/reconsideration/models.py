"""Administrative reconsideration cases (行政复议) in which an agency is the respondent.

Status, outcome, the key dates and the deadlines are derived from the dated
events and stored on the case, so that lists filter and count them in SQL.
They have one writer, `services.store_derived_fields`, which every service
that records, changes or removes an event calls once; readers read them.
"""

from __future__ import annotations

import datetime

from concurrency.fields import IntegerVersionField
from django.core.exceptions import ValidationError
from django.db import models
from django.db.models import BooleanField, ExpressionWrapper, Q
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from simple_history.models import HistoricalRecords

from enforcement.agencies.base import TimeStampedModel
from enforcement.agencies.calendar import Deadline, WorkingCalendar
from enforcement.agencies.models import Agency
from enforcement.agencies.querysets import ScopedQuerySet, scoped_queryset
from enforcement.officers.models.officer import Officer
from enforcement.reconsideration.choices import (
    DECISION_OUTCOMES,
    ActKind,
    ApplicantKind,
    CaseStatus,
    DeadlineKind,
    EventKind,
    Outcome,
    Procedure,
    WarningKind,
)
from enforcement.reconsideration.sequence import check_event_fields, replay


def overdue_on(day: datetime.date) -> Q:
    """The one meaning of an overdue case: the township's own duty, its written reply, is late on `day`.

    The reply was due before `day` (10 working days, 5 in the simplified
    procedure: arts. 48, 54), had not been filed by `day`, and the case was
    still open on `day`. The due day itself is due, not overdue. The list
    filter (on today) and the yearly figure (on 31 December) both ask this.
    """
    return (
        Q(reply_due__lt=day)
        & (Q(replied_on__isnull=True) | Q(replied_on__gt=day))
        & (Q(closed_on__isnull=True) | Q(closed_on__gt=day))
    )


class ReconsiderationCaseQuerySet(ScopedQuerySet):
    def open(self) -> ReconsiderationCaseQuerySet:
        return self.exclude(status=CaseStatus.CLOSED)

    def overdue(self, day: datetime.date | None = None) -> ReconsiderationCaseQuerySet:
        """Cases overdue on `day` (today by default), as `overdue_on` decides."""
        return self.filter(overdue_on(day or timezone.localdate()))

    def with_overdue(self, day: datetime.date | None = None) -> ReconsiderationCaseQuerySet:
        """Each case with `is_overdue` annotated, as `overdue_on` decides."""
        condition = overdue_on(day or timezone.localdate())
        return self.annotate(is_overdue=ExpressionWrapper(condition, output_field=BooleanField()))

    def received_in(self, year: int) -> ReconsiderationCaseQuerySet:
        return self.filter(received_on__year=year)


class ReconsiderationCase(TimeStampedModel):
    """An administrative reconsideration case (行政复议案件) against an act of the agency.

    The agency is the respondent (被申请人); the reconsideration organ (复议机关),
    usually the county government, decides. Everything below "derived" is
    recomputed from the events and the working-day calendar, never typed in.
    """

    agency = models.ForeignKey(
        Agency,
        verbose_name=_("respondent agency"),
        on_delete=models.PROTECT,
        related_name="reconsideration_cases",
    )
    organ_name = models.CharField(
        _("reconsideration organ"), max_length=100, help_text=_("复议机关, e.g. 示例县人民政府")
    )
    organ_case_number = models.CharField(_("organ's case number"), max_length=64, blank=True)
    act_kind = models.CharField(_("kind of contested act"), max_length=32, choices=ActKind.choices)
    act_title = models.CharField(_("contested act"), max_length=200, blank=True)
    act_document_number = models.CharField(_("document number of the act"), max_length=64, blank=True)
    act_date = models.DateField(_("date of the act"), null=True, blank=True)
    known_on = models.DateField(
        _("applicant knew of the act on"),
        null=True,
        blank=True,
        help_text=_("The 60-day application period runs from this day (art. 20)."),
    )
    officer = models.ForeignKey(
        Officer,
        verbose_name=_("responsible officer"),
        on_delete=models.PROTECT,
        related_name="reconsideration_cases",
    )
    procedure = models.CharField(_("procedure"), max_length=16, choices=Procedure.choices, default=Procedure.ORDINARY)
    enforcement_case = models.ForeignKey(
        "enforcement.EnforcementCase",
        verbose_name=_("contested penalty case"),
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="reconsiderations",
        help_text=_("The administrative-penalty case whose decision is contested, when it is in the register."),
    )
    note = models.TextField(_("note"), blank=True)
    version = IntegerVersionField(verbose_name=_("version"))

    # derived
    status = models.CharField(
        _("status"), max_length=32, choices=CaseStatus.choices, default=CaseStatus.REGISTERED, editable=False
    )
    outcome = models.CharField(_("outcome"), max_length=32, choices=Outcome.choices, blank=True, editable=False)
    received_on = models.DateField(_("application received on"), null=True, editable=False)
    accepted_on = models.DateField(_("accepted on"), null=True, editable=False)
    copy_received_on = models.DateField(_("copy received on"), null=True, editable=False)
    replied_on = models.DateField(_("reply submitted on"), null=True, editable=False)
    closed_on = models.DateField(_("closed on"), null=True, editable=False)
    lawsuit_filed_on = models.DateField(_("lawsuit filed on"), null=True, editable=False)
    reply_due = models.DateField(_("reply due"), null=True, editable=False)
    decision_due = models.DateField(_("decision due"), null=True, editable=False)
    next_deadline_on = models.DateField(_("next deadline"), null=True, editable=False, db_index=True)
    next_deadline_kind = models.CharField(
        _("next deadline is"), max_length=16, choices=DeadlineKind.choices, blank=True, editable=False
    )
    deadlines = models.JSONField(_("deadlines and their rules"), default=list, blank=True, editable=False)

    history = HistoricalRecords(excluded_fields=["version", "deadlines"])
    objects = ReconsiderationCaseQuerySet.as_manager()

    class Meta:
        verbose_name = _("reconsideration case")
        verbose_name_plural = _("reconsideration cases")
        ordering = ["-received_on", "-pk"]
        constraints = [
            models.CheckConstraint(
                condition=Q(act_date__isnull=True) | Q(known_on__isnull=True) | Q(known_on__gte=models.F("act_date")),
                name="reconsideration_known_after_act",
                violation_error_message=_("The applicant cannot have known of the act before its date."),
            ),
            models.CheckConstraint(
                condition=Q(accepted_on__isnull=True) | Q(accepted_on__gte=models.F("received_on")),
                name="reconsideration_accepted_after_received",
                violation_error_message=_("A case cannot be accepted before its application was received."),
            ),
            models.CheckConstraint(
                condition=Q(closed_on__isnull=True) | Q(closed_on__gte=models.F("received_on")),
                name="reconsideration_closed_after_received",
                violation_error_message=_("A case cannot close before its application was received."),
            ),
        ]

    def __str__(self) -> str:
        return self.organ_case_number or _("Reconsideration case %(pk)s") % {"pk": self.pk}

    def clean(self) -> None:
        super().clean()
        errors = {}
        if self.act_date and self.known_on and self.known_on < self.act_date:
            errors["known_on"] = _("The applicant cannot have known of the act before its date.")
        if self.officer_id and self.agency_id and not self.officer.agency.is_within(self.agency):
            errors["officer"] = _("The responsible officer must belong to the respondent agency or one below it.")
        if self.pk:
            # Switching to the simplified procedure must not strand an extension.
            try:
                replay(list(self.events.all()), procedure=self.procedure, calendar=WorkingCalendar.load())
            except ValidationError as error:
                errors["procedure"] = error.messages
        if errors:
            raise ValidationError(errors)

    def deadline_list(self) -> list[Deadline]:
        """The stored deadlines, each with the rule that produced it."""
        return [Deadline.from_json(row) for row in self.deadlines]

    @property
    def next_deadline_estimated(self) -> bool:
        """Whether the stored next deadline is counted over a year whose holiday schedule is not published."""
        if self.next_deadline_on is None:
            return False
        due = self.next_deadline_on.isoformat()
        return any(
            row["estimated"] for row in self.deadlines if (row["kind"], row["due"]) == (self.next_deadline_kind, due)
        )

    def days_left(self, today: datetime.date | None = None) -> int | None:
        """Calendar days until the next deadline: 0 on the day itself, negative once overdue."""
        if self.next_deadline_on is None:
            return None
        return (self.next_deadline_on - (today or timezone.localdate())).days


# More applicants than this on one case is a typing or import mistake (a joint
# application names its representatives, art. 15); the forms refuse it.
MAX_APPLICANTS = 50


class Applicant(TimeStampedModel):
    """A party applying for reconsideration (申请人): a person or an organisation."""

    case = models.ForeignKey(
        ReconsiderationCase, verbose_name=_("case"), on_delete=models.CASCADE, related_name="applicants"
    )
    kind = models.CharField(_("kind"), max_length=16, choices=ApplicantKind.choices, default=ApplicantKind.PERSON)
    name = models.CharField(_("name"), max_length=100)

    objects = scoped_queryset("case__agency").as_manager()

    class Meta:
        verbose_name = _("applicant")
        verbose_name_plural = _("applicants")
        ordering = ["case", "pk"]

    def __str__(self) -> str:
        return self.name


class CaseEvent(TimeStampedModel):
    """A dated step of a reconsideration case: the source of its status and deadlines."""

    case = models.ForeignKey(
        ReconsiderationCase, verbose_name=_("case"), on_delete=models.CASCADE, related_name="events"
    )
    kind = models.CharField(_("event"), max_length=32, choices=EventKind.choices)
    occurred_on = models.DateField(_("date"))
    outcome = models.CharField(
        _("outcome"), max_length=32, choices=Outcome.choices, blank=True, help_text=_("Only for a decision.")
    )
    days = models.PositiveSmallIntegerField(
        _("days"),
        null=True,
        blank=True,
        help_text=_("Only for an extension: at most 30 days for the decision period (art. 62)."),
    )
    document_number = models.CharField(_("document number"), max_length=64, blank=True)
    note = models.CharField(_("note"), max_length=500, blank=True)

    history = HistoricalRecords()
    objects = scoped_queryset("case__agency").as_manager()

    class Meta:
        verbose_name = _("case event")
        verbose_name_plural = _("case events")
        ordering = ["occurred_on", "pk"]
        constraints = [
            models.CheckConstraint(
                condition=Q(kind=EventKind.EXTENSION, days__gte=1, days__lte=30)
                | Q(kind=EventKind.SUPPLEMENT_EXTENDED, days__gte=1)
                | (~Q(kind__in=(EventKind.EXTENSION, EventKind.SUPPLEMENT_EXTENDED)) & Q(days__isnull=True)),
                name="case_event_extension_days",
                violation_error_message=_(
                    "An extension needs its days (at most 30 for the decision); other events have none."
                ),
            ),
            models.CheckConstraint(
                condition=Q(kind=EventKind.DECISION, outcome__in=DECISION_OUTCOMES)
                | (~Q(kind=EventKind.DECISION) & Q(outcome="")),
                name="case_event_decision_outcome",
                violation_error_message=_("A decision needs its outcome; other events have none."),
            ),
        ]

    def __str__(self) -> str:
        return f"{self.occurred_on:%Y-%m-%d} {self.get_kind_display()}"

    # The admin validates a whole set of events together and turns this off.
    check_sequence = True

    def clean(self) -> None:
        super().clean()
        check_event_fields(self)
        if self.check_sequence and self.case_id:
            siblings = [event for event in self.case.events.all() if event.pk != self.pk]
            replay([*siblings, self], procedure=self.case.procedure, calendar=WorkingCalendar.load(), new_event=self)


class DeadlineWarning(TimeStampedModel):
    """A deadline warning that was sent: written before the mail, so a rerun sends nothing twice."""

    case = models.ForeignKey(
        ReconsiderationCase, verbose_name=_("case"), on_delete=models.CASCADE, related_name="deadline_warnings"
    )
    deadline_kind = models.CharField(_("deadline"), max_length=16, choices=DeadlineKind.choices)
    due_on = models.DateField(_("due on"))
    warning_kind = models.CharField(_("warning"), max_length=16, choices=WarningKind.choices)

    objects = scoped_queryset("case__agency").as_manager()

    class Meta:
        verbose_name = _("deadline warning")
        verbose_name_plural = _("deadline warnings")
        ordering = ["-created_at"]
        constraints = [
            models.UniqueConstraint(
                fields=["case", "deadline_kind", "due_on", "warning_kind"], name="deadline_warning_once"
            )
        ]

    def __str__(self) -> str:
        return f"{self.case} {self.get_deadline_kind_display()} {self.due_on:%Y-%m-%d}"
