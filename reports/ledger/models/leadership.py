"""Leadership of the rule-of-law work: first responsible persons, the leading group, 述法, the work plan."""

from __future__ import annotations

import datetime

from django.core.validators import MinValueValidator
from django.db import models
from django.utils.translation import gettext_lazy as _
from simple_history.models import HistoricalRecords

from enforcement.agencies.base import TimeStampedModel
from enforcement.agencies.querysets import scoped_queryset

from .base import LedgerQuerySet, LedgerRecord, in_order, raise_errors


class ResponsibleRole(models.TextChoices):
    PARTY_SECRETARY = "party_secretary", _("Party committee secretary")
    GOVERNMENT_HEAD = "government_head", _("Head of government")


class TermQuerySet(LedgerQuerySet):
    def serving_in(self, year: int):
        """Terms that overlap the year: someone who served part of it was responsible for that part."""
        return self.serving_between(datetime.date(year, 1, 1), datetime.date(year, 12, 31))

    def serving_between(self, first: datetime.date, last: datetime.date):
        return self.filter(started_on__lte=last).filter(models.Q(ended_on__isnull=True) | models.Q(ended_on__gte=first))


class ResponsiblePerson(LedgerRecord):
    """A principal responsible person (法治建设第一责任人) of the agency, for the period they held the post.

    The Party committee's secretary and the head of government both carry the
    duty (党政主要负责人履行推进法治建设第一责任人职责规定, 2016).
    """

    name = models.CharField(_("name"), max_length=100)
    role = models.CharField(_("role"), max_length=24, choices=ResponsibleRole.choices)
    position = models.CharField(_("position"), max_length=100, help_text=_("E.g. 镇党委书记, 镇长."))
    started_on = models.DateField(_("in post from"))
    ended_on = models.DateField(_("in post until"), null=True, blank=True)

    history = HistoricalRecords()
    objects = TermQuerySet.as_manager()

    class Meta:
        verbose_name = _("first responsible person")
        verbose_name_plural = _("first responsible persons")
        ordering = ["agency__path", "-started_on"]
        constraints = [
            models.CheckConstraint(
                condition=models.Q(ended_on__isnull=True) | models.Q(ended_on__gte=models.F("started_on")),
                name="responsible_person_term_in_order",
                violation_error_message=_("The term cannot end before it began."),
            )
        ]

    def __str__(self) -> str:
        return f"{self.position} {self.name}"

    def clean(self) -> None:
        super().clean()
        errors: dict = {}
        in_order(errors, self.started_on, self.ended_on, "ended_on", _("The term cannot end before it began."))
        raise_errors(errors)


class LeadingGroup(LedgerRecord):
    """The agency's rule-of-law leading group (法治政府建设工作领导小组)."""

    name = models.CharField(_("name"), max_length=200)
    established_on = models.DateField(_("established on"))
    document_number = models.CharField(_("establishing document number"), max_length=100, blank=True)
    dissolved_on = models.DateField(_("dissolved on"), null=True, blank=True)

    history = HistoricalRecords()

    class Meta:
        verbose_name = _("rule-of-law leading group")
        verbose_name_plural = _("rule-of-law leading groups")
        ordering = ["agency__path", "-established_on"]

    def __str__(self) -> str:
        return self.name

    def clean(self) -> None:
        super().clean()
        errors: dict = {}
        in_order(
            errors, self.established_on, self.dissolved_on, "dissolved_on", _("A group cannot end before it began.")
        )
        raise_errors(errors)


class GroupRole(models.TextChoices):
    LEADER = "leader", _("Group leader")
    DEPUTY = "deputy", _("Deputy leader")
    MEMBER = "member", _("Member")


class LeadingGroupMember(TimeStampedModel):
    """A member of the leading group, with their place in it."""

    group = models.ForeignKey(
        LeadingGroup, verbose_name=_("leading group"), on_delete=models.PROTECT, related_name="members"
    )
    name = models.CharField(_("name"), max_length=100)
    position = models.CharField(_("position"), max_length=100)
    group_role = models.CharField(_("role in the group"), max_length=16, choices=GroupRole.choices)
    joined_on = models.DateField(_("joined on"))
    left_on = models.DateField(_("left on"), null=True, blank=True)

    history = HistoricalRecords()
    objects = scoped_queryset("group__agency").as_manager()

    class Meta:
        verbose_name = _("leading group member")
        verbose_name_plural = _("leading group members")
        ordering = ["group", "group_role", "name"]

    def __str__(self) -> str:
        return f"{self.name}（{self.get_group_role_display()}）"

    def clean(self) -> None:
        super().clean()
        errors: dict = {}
        in_order(errors, self.joined_on, self.left_on, "left_on", _("A member cannot leave before joining."))
        raise_errors(errors)


class LeadingGroupMeeting(TimeStampedModel):
    """A meeting of the leading group: who attended, what it studied and decided (研究重大问题)."""

    group = models.ForeignKey(
        LeadingGroup, verbose_name=_("leading group"), on_delete=models.PROTECT, related_name="meetings"
    )
    held_on = models.DateField(_("held on"))
    place = models.CharField(_("place"), max_length=200, blank=True)
    topics = models.TextField(_("topics"), help_text=_("One topic a line."))
    topics_count = models.PositiveSmallIntegerField(
        _("major issues studied"), validators=[MinValueValidator(1)], help_text=_("How many major issues it studied.")
    )
    decisions_count = models.PositiveSmallIntegerField(_("decisions taken"), default=0)
    attendees = models.ManyToManyField(
        LeadingGroupMember, verbose_name=_("attendees"), related_name="meetings_attended", blank=True
    )

    history = HistoricalRecords(m2m_fields=[attendees])
    objects = scoped_queryset("group__agency").as_manager()

    class Meta:
        verbose_name = _("leading group meeting")
        verbose_name_plural = _("leading group meetings")
        ordering = ["-held_on", "-id"]

    def __str__(self) -> str:
        return f"{self.group} {self.held_on:%Y-%m-%d}"

    def clean(self) -> None:
        super().clean()
        errors: dict = {}
        if self.group_id and self.held_on:
            in_order(errors, self.group.established_on, self.held_on, "held_on", _("The group did not exist yet."))
            in_order(errors, self.held_on, self.group.dissolved_on, "held_on", _("The group had been dissolved."))
        raise_errors(errors)


class RuleOfLawReport(LedgerRecord):
    """A leader's yearly report on their rule-of-law duty (述法): when, where, and who reported."""

    person = models.ForeignKey(
        ResponsiblePerson,
        verbose_name=_("reported by"),
        on_delete=models.PROTECT,
        related_name="rule_of_law_reports",
    )
    year = models.PositiveSmallIntegerField(_("year reported on"))
    reported_on = models.DateField(_("reported on"))
    venue = models.CharField(
        _("where it was made"), max_length=200, help_text=_("E.g. the county's rule-of-law committee meeting.")
    )

    history = HistoricalRecords()

    class Meta:
        verbose_name = _("report on rule-of-law duties (述法)")
        verbose_name_plural = _("reports on rule-of-law duties (述法)")
        ordering = ["-reported_on", "-id"]

    def __str__(self) -> str:
        return f"{self.person} {self.year}"

    def clean(self) -> None:
        super().clean()
        errors: dict = {}
        if self.person_id and self.agency_id and self.person.agency_id != self.agency_id:
            errors["person"] = _("The person is a responsible person of another agency.")
        if self.year and self.reported_on and self.reported_on.year < self.year:
            errors["reported_on"] = _("A year can only be reported on once it has begun.")
        raise_errors(errors)


class WorkPlan(LedgerRecord):
    """The agency's yearly work plan, with the rule-of-law work in it (将法治建设纳入年度工作计划).

    The two confirmations let the report say truthfully that the year saw no
    major decision or no normative document, instead of asking for records.
    """

    year = models.PositiveSmallIntegerField(_("year"))
    title = models.CharField(_("title"), max_length=200)
    document_url = models.URLField(_("link to the document"), max_length=500)
    no_major_decisions = models.BooleanField(
        _("no major administrative decision this year"),
        default=False,
        help_text=_("Confirms that the agency took no major administrative decision in the year."),
    )
    no_normative_documents = models.BooleanField(
        _("no normative document this year"),
        default=False,
        help_text=_("Confirms that the agency issued no normative document in the year."),
    )

    history = HistoricalRecords()

    class Meta:
        verbose_name = _("yearly work plan")
        verbose_name_plural = _("yearly work plans")
        ordering = ["-year", "agency__path"]
        constraints = [
            models.UniqueConstraint(
                fields=["agency", "year"],
                name="work_plan_one_per_agency_and_year",
                violation_error_message=_("The agency already has a work plan for this year."),
            )
        ]

    def __str__(self) -> str:
        return f"{self.agency} {self.year} {self.title}"
