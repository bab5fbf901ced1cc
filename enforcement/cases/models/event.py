"""The dated events of a penalty case and the officers who performed them."""

from __future__ import annotations

from django.db import models
from django.db.models import Q
from django.utils.translation import gettext_lazy as _

from enforcement.agencies.base import TimeStampedModel
from enforcement.agencies.querysets import scoped_queryset
from enforcement.cases.certification import may_act
from enforcement.cases.models.case import EnforcementCase
from enforcement.cases.models.choices import EVENT_OUTCOMES, CaseEventKind
from enforcement.officers.models.officer import Officer


class EnforcementEvent(TimeStampedModel):
    """A dated step of a penalty case: the source of its status and deadlines.

    Recorded only through `cases.services.record_event`, which checks the
    order of the procedure and the officers; an event is never edited after.
    """

    case = models.ForeignKey(EnforcementCase, verbose_name=_("case"), on_delete=models.PROTECT, related_name="events")
    kind = models.CharField(_("event"), max_length=32, choices=CaseEventKind.choices)
    occurred_on = models.DateField(_("date"))
    officers = models.ManyToManyField(
        Officer, verbose_name=_("officers"), through="EventOfficer", related_name="penalty_case_events", blank=True
    )
    outcome = models.CharField(
        _("outcome"),
        max_length=16,
        choices=EVENT_OUTCOMES,
        blank=True,
        help_text=_("The decision's outcome (art. 57), or the legal review's result."),
    )
    rights_waived = models.BooleanField(
        _("party expressly waived statement and defence"),
        default=False,
        help_text=_("Only then may a decision come without notice of the rights (art. 62)."),
    )
    person = models.CharField(
        _("approver or reviewer"), max_length=100, blank=True, help_text=_("Who approved the filing, or reviewed.")
    )
    reviewer_first_time = models.BooleanField(_("reviewer's first legal review"), default=False)
    reviewer_legally_qualified = models.BooleanField(
        _("reviewer holds the legal professional qualification"), default=False, help_text=_("法律职业资格")
    )
    presider = models.ForeignKey(
        Officer,
        verbose_name=_("hearing presider"),
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="presided_penalty_hearings",
    )
    scheduled_on = models.DateField(_("hearing scheduled on"), null=True, blank=True)
    attendees = models.CharField(_("attendees"), max_length=500, blank=True)
    days = models.PositiveSmallIntegerField(_("days added"), null=True, blank=True)
    basis = models.CharField(
        _("legal basis of the extension"), max_length=300, blank=True, help_text=_("The law, regulation or rule.")
    )
    on_the_spot = models.BooleanField(_("on the spot"), default=False)
    amount = models.DecimalField(_("amount paid (yuan)"), max_digits=14, decimal_places=2, null=True, blank=True)
    document_number = models.CharField(_("document number"), max_length=64, blank=True)
    note = models.CharField(_("note or reason"), max_length=500, blank=True)

    objects = scoped_queryset("case__agency").as_manager()

    class Meta:
        verbose_name = _("penalty case event")
        verbose_name_plural = _("penalty case events")
        ordering = ["occurred_on", "pk"]
        constraints = [
            models.CheckConstraint(
                condition=Q(kind=CaseEventKind.EXTENDED, days__gte=1)
                | (~Q(kind=CaseEventKind.EXTENDED) & Q(days=None)),
                name="enforcement_event_extension_days",
                violation_error_message=_("An extension needs its days; other events have none."),
            ),
        ]

    def __str__(self) -> str:
        return f"{self.occurred_on:%Y-%m-%d} {self.get_kind_display()}"


class EventOfficer(models.Model):
    """An officer who performed an event (art. 42: at least two, each certified)."""

    event = models.ForeignKey(
        EnforcementEvent, verbose_name=_("event"), on_delete=models.CASCADE, related_name="officer_links"
    )
    officer = models.ForeignKey(Officer, verbose_name=_("officer"), on_delete=models.PROTECT, related_name="+")

    objects = scoped_queryset("event__case__agency").as_manager()

    class Meta:
        verbose_name = _("officer of an event")
        verbose_name_plural = _("officers of events")
        constraints = [models.UniqueConstraint(fields=["event", "officer"], name="enforcement_event_officer_once")]

    def __str__(self) -> str:
        return f"{self.event}: {self.officer}"

    @property
    def is_certified(self) -> bool:
        """Whether the officer could act that day in the case's field, as the certificates' history reads now.

        A revocation recorded later with an earlier date turns the acts after
        it uncertified. Read with the event, its case's field and the
        officer's certificates (and their history) loaded, or it queries.
        """
        return may_act(self.officer, self.event.case.field, self.event.occurred_on)
