from __future__ import annotations

from decimal import Decimal

from concurrency.fields import IntegerVersionField
from django.conf import settings
from django.core.exceptions import ValidationError
from django.core.validators import MinValueValidator
from django.db import models
from django.utils.translation import gettext_lazy as _
from simple_history.models import HistoricalRecords

from enforcement.agencies.base import TimeStampedModel
from enforcement.agencies.models import Agency
from enforcement.agencies.querysets import ScopedQuerySet, scoped_queryset
from enforcement.officers.models.officer import Officer
from enforcement.officers.placement import officer_in_subtree
from lawgov.prepared import PreparedQuery


def default_required_hours() -> int:
    return settings.LAWGOV["REQUIRED_TRAINING_HOURS"]


def required_hours_under(plan: StudyPlan | None) -> int:
    """The hours each officer must study under `plan` (`StudyPlan.binding`); the setting without one."""
    return default_required_hours() if plan is None else plan.required_hours


def _plans_binding(ancestor_ids: tuple[int, ...], *, year: int):
    return StudyPlan.objects.filter(agency_id__in=ancestor_ids, year=year).order_by("-agency__path")[:1]


# Built and compiled once per agency's line of ancestors (lawgov/prepared.py): read by every statistics request.
_BINDING = PreparedQuery(_plans_binding)


class StudyPlan(TimeStampedModel):
    """The yearly law-study plan (年度学法计划) of an agency.

    National policy asks at least 60 hours of legal and professional training
    a year per enforcement officer; provinces set their own figure, hence the
    default comes from the LAWGOV settings.
    """

    agency = models.ForeignKey(Agency, verbose_name=_("agency"), on_delete=models.PROTECT, related_name="study_plans")
    year = models.PositiveSmallIntegerField(_("year"), validators=[MinValueValidator(2000)])
    required_hours = models.PositiveSmallIntegerField(
        _("required hours per officer"),
        default=default_required_hours,
        validators=[MinValueValidator(1)],
    )
    group_study_sessions = models.PositiveSmallIntegerField(
        _("group-study sessions planned"),
        default=0,
        help_text=_("Party-committee group study sessions (理论中心组集体学法) the plan sets for the year."),
    )
    planned_items = models.TextField(_("planned items"), blank=True, help_text=_("One item per line."))

    objects = ScopedQuerySet.as_manager()

    class Meta:
        verbose_name = _("study plan")
        verbose_name_plural = _("study plans")
        ordering = ["-year", "agency__path"]
        constraints = [
            models.UniqueConstraint(
                fields=["agency", "year"],
                name="study_plan_one_per_agency_and_year",
                violation_error_message=_("This agency already has a study plan for this year."),
            ),
            models.CheckConstraint(
                condition=models.Q(required_hours__gt=0),
                name="study_plan_required_hours_positive",
                violation_error_message=_("The required hours must be more than 0."),
            ),
        ]

    def __str__(self) -> str:
        return f"{self.agency} {self.year}"

    @classmethod
    def binding(cls, agency: Agency, year: int) -> StudyPlan | None:
        """The plan `agency` follows in `year`: its own, else the nearest agency's above it; None without any.

        A county plan binds its townships. This reads configuration, not
        counted rows, so it is not scoped to the reader: a township follows
        its county's plan even if its users cannot list that plan.
        """
        found = _BINDING.rows(tuple(agency.ancestor_ids), year=year)
        return found[0] if found else None

    @classmethod
    def required_hours_for(cls, agency: Agency, year: int) -> int:
        """The hours each officer of `agency` must study in `year`: the binding plan's, else the setting."""
        return required_hours_under(cls.binding(agency, year))


class SessionKind(models.TextChoices):
    GROUP_STUDY = "group_study", _("Party committee group study (理论中心组集体学法)")
    OFFICER_TRAINING = "officer_training", _("Enforcement officer training")
    LECTURE = "lecture", _("Lecture")
    ONLINE_COURSE = "online_course", _("Online course")
    HEARING_OBSERVATION = "hearing_observation", _("Court hearing observation (旁听庭审)")
    OTHER = "other", _("Other")


class TrainingSession(TimeStampedModel):
    """One training or study session held by an agency, with the hours it gave."""

    agency = models.ForeignKey(
        Agency, verbose_name=_("agency"), on_delete=models.PROTECT, related_name="training_sessions"
    )
    kind = models.CharField(_("kind"), max_length=24, choices=SessionKind.choices, default=SessionKind.LECTURE)
    title = models.CharField(_("title"), max_length=200)
    laws_covered = models.CharField(_("laws covered"), max_length=300, blank=True)
    date = models.DateField(_("date"))
    hours = models.DecimalField(
        _("hours"), max_digits=5, decimal_places=1, validators=[MinValueValidator(Decimal("0.1"))]
    )
    speaker = models.CharField(_("speaker"), max_length=100, blank=True)
    place = models.CharField(_("place"), max_length=200, blank=True)

    version = IntegerVersionField(verbose_name=_("version"))

    objects = ScopedQuerySet.as_manager()
    # The version counter changes on every save; history keeps the content.
    history = HistoricalRecords(excluded_fields=["version"])

    class Meta:
        verbose_name = _("training session")
        verbose_name_plural = _("training sessions")
        ordering = ["-date", "-id"]
        constraints = [
            models.CheckConstraint(
                condition=models.Q(hours__gt=0),
                name="training_session_hours_positive",
                violation_error_message=_("The hours of a session must be more than 0."),
            )
        ]

    def __str__(self) -> str:
        return f"{self.date} {self.title}"

    def clean(self) -> None:
        super().clean()
        if self.hours is not None and self.hours <= 0:
            raise ValidationError({"hours": _("The hours of a session must be more than 0.")})


class Attendance(TimeStampedModel):
    """An officer's attendance at a session and the hours credited for it.

    Counted where the officer works: a township sees its officers' hours at
    county sessions too.
    """

    session = models.ForeignKey(
        TrainingSession, verbose_name=_("session"), on_delete=models.CASCADE, related_name="attendances"
    )
    officer = models.ForeignKey(
        Officer, verbose_name=_("officer"), on_delete=models.PROTECT, related_name="attendances"
    )
    hours_credited = models.DecimalField(
        _("hours credited"), max_digits=5, decimal_places=1, validators=[MinValueValidator(Decimal("0.1"))]
    )

    objects = scoped_queryset("officer__agency").as_manager()

    class Meta:
        verbose_name = _("attendance")
        verbose_name_plural = _("attendances")
        ordering = ["session", "officer__name"]
        constraints = [
            models.UniqueConstraint(
                fields=["session", "officer"],
                name="attendance_once_per_session",
                violation_error_message=_("This officer is already recorded at this session."),
            ),
            models.CheckConstraint(
                condition=models.Q(hours_credited__gt=0),
                name="attendance_hours_positive",
                violation_error_message=_("The hours credited must be more than 0."),
            ),
        ]

    def __str__(self) -> str:
        return f"{self.officer} @ {self.session}"

    def clean(self) -> None:
        super().clean()
        session = getattr(self, "session", None)
        officer = getattr(self, "officer", None)
        errors = {}
        if self.hours_credited is not None:
            if self.hours_credited <= 0:
                errors["hours_credited"] = _("The hours credited must be more than 0.")
            elif session is not None and session.hours is not None and self.hours_credited > session.hours:
                errors["hours_credited"] = _("The hours credited cannot exceed the session's %(hours)s hours.") % {
                    "hours": session.hours
                }
        if session is not None and officer is not None and session.agency_id:
            error = officer_in_subtree(officer, session.agency, _("the session's agency"))
            if error:
                errors["officer"] = error
        if errors:
            raise ValidationError(errors)
