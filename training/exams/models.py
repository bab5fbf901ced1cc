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


class ExamKind(models.TextChoices):
    ANNUAL_LAW_EXAM = "annual_law_exam", _("Annual law exam (学法考试)")
    CERTIFICATE_QUALIFICATION = "certificate_qualification", _("Certificate qualification exam")
    OTHER = "other", _("Other")


class Exam(TimeStampedModel):
    """An exam held by an agency for its staff, with its marks."""

    agency = models.ForeignKey(Agency, verbose_name=_("agency"), on_delete=models.PROTECT, related_name="exams")
    kind = models.CharField(_("kind"), max_length=32, choices=ExamKind.choices, default=ExamKind.ANNUAL_LAW_EXAM)
    title = models.CharField(_("title"), max_length=200)
    date = models.DateField(_("date"))
    max_score = models.DecimalField(
        _("maximum score"), max_digits=5, decimal_places=1, default=100, validators=[MinValueValidator(1)]
    )
    pass_mark = models.DecimalField(_("pass mark"), max_digits=5, decimal_places=1, default=60)
    excellence_mark = models.DecimalField(
        _("excellence mark"),
        max_digits=5,
        decimal_places=1,
        blank=True,
        help_text=_("Left empty, it is the share of the maximum score set in the LAWGOV settings (commonly 90 %)."),
    )

    version = IntegerVersionField(verbose_name=_("version"))

    objects = ScopedQuerySet.as_manager()
    # The version counter changes on every save; history keeps the content.
    history = HistoricalRecords(excluded_fields=["version"])

    class Meta:
        verbose_name = _("exam")
        verbose_name_plural = _("exams")
        ordering = ["-date", "-id"]
        constraints = [
            models.CheckConstraint(
                condition=models.Q(max_score__gt=0),
                name="exam_max_score_positive",
                violation_error_message=_("The maximum score must be more than 0."),
            ),
            models.CheckConstraint(
                condition=models.Q(pass_mark__gte=0, pass_mark__lte=models.F("max_score")),
                name="exam_pass_mark_within_max",
                violation_error_message=_("The pass mark must be between 0 and the maximum score."),
            ),
            models.CheckConstraint(
                condition=models.Q(excellence_mark__gte=0, excellence_mark__lte=models.F("max_score")),
                name="exam_excellence_mark_within_max",
                violation_error_message=_("The excellence mark must be between 0 and the maximum score."),
            ),
        ]

    def __str__(self) -> str:
        return f"{self.date} {self.title}"

    def clean_fields(self, exclude=None) -> None:
        if self.excellence_mark is None and self.max_score is not None:
            self.excellence_mark = self.default_excellence_mark()
        super().clean_fields(exclude)

    def clean(self) -> None:
        super().clean()
        if self.max_score is None:
            return
        if self.pass_mark is not None and not 0 <= self.pass_mark <= self.max_score:
            raise ValidationError({"pass_mark": _("The pass mark must be between 0 and the maximum score.")})
        if self.excellence_mark is not None and not 0 <= self.excellence_mark <= self.max_score:
            raise ValidationError(
                {"excellence_mark": _("The excellence mark must be between 0 and the maximum score.")}
            )
        if self.excellence_mark is not None and self.pass_mark is not None and self.excellence_mark < self.pass_mark:
            raise ValidationError({"excellence_mark": _("The excellence mark cannot be below the pass mark.")})

    def save(self, *args, **kwargs) -> None:
        if self.excellence_mark is None:
            self.excellence_mark = self.default_excellence_mark()
        super().save(*args, **kwargs)

    def default_excellence_mark(self) -> Decimal:
        percent = Decimal(settings.LAWGOV["EXCELLENCE_MARK_PERCENT"])
        return (Decimal(self.max_score) * percent / 100).quantize(Decimal("0.1"))


def sat_q(prefix: str = "") -> models.Q:
    """Results of an officer who sat the exam (not absent)."""
    return models.Q(**{f"{prefix}absent": False})


def passed_q(prefix: str = "") -> models.Q:
    """Results at or above their exam's pass mark: the one meaning of "passed" (`ExamResult.passed`).

    `prefix` reaches the result from another model, e.g. "results__" from an exam.
    """
    return sat_q(prefix) & models.Q(**{f"{prefix}score__gte": models.F(f"{prefix}exam__pass_mark")})


def excellent_q(prefix: str = "") -> models.Q:
    """Results at or above their exam's excellence mark (`ExamResult.excellent`)."""
    return sat_q(prefix) & models.Q(**{f"{prefix}score__gte": models.F(f"{prefix}exam__excellence_mark")})


class ExamResultQuerySet(ScopedQuerySet):
    # Counted where the officer works, like attendance.
    scope_field = "officer__agency"

    def sat(self):
        return self.filter(sat_q())

    def passed(self):
        return self.filter(passed_q())

    def excellent(self):
        return self.filter(excellent_q())

    def in_year(self, year: int):
        return self.filter(exam__date__year=year)


class ExamResult(TimeStampedModel):
    """An officer's sitting of an exam: a score, or absent.

    A make-up sitting (补考) points to the first one; the officer is counted
    once in the figures whichever sitting they passed.
    """

    exam = models.ForeignKey(Exam, verbose_name=_("exam"), on_delete=models.PROTECT, related_name="results")
    officer = models.ForeignKey(
        Officer, verbose_name=_("officer"), on_delete=models.PROTECT, related_name="exam_results"
    )
    score = models.DecimalField(_("score"), max_digits=5, decimal_places=1, null=True, blank=True)
    absent = models.BooleanField(_("absent"), default=False)
    makeup_of = models.OneToOneField(
        "self",
        verbose_name=_("make-up of"),
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="makeup",
        help_text=_("For a make-up sitting: the first sitting it repeats."),
    )

    objects = ExamResultQuerySet.as_manager()

    class Meta:
        verbose_name = _("exam result")
        verbose_name_plural = _("exam results")
        ordering = ["exam", "officer__name"]
        constraints = [
            models.UniqueConstraint(
                fields=["exam", "officer"],
                condition=models.Q(makeup_of__isnull=True),
                name="exam_result_one_first_sitting",
                violation_error_message=_("This officer already has a result for this exam."),
            ),
            models.CheckConstraint(
                condition=models.Q(absent=True, score__isnull=True) | models.Q(absent=False, score__gte=0),
                name="exam_result_score_or_absent",
                violation_error_message=_("Enter a score of 0 or more, or mark the officer absent (not both)."),
            ),
        ]

    def __str__(self) -> str:
        return f"{self.officer} {self.exam}"

    @property
    def passed(self) -> bool:
        """At or above the exam's pass mark; the row form of `passed_q`."""
        return not self.absent and self.score is not None and self.score >= self.exam.pass_mark

    @property
    def excellent(self) -> bool:
        """At or above the exam's excellence mark; the row form of `excellent_q`."""
        return not self.absent and self.score is not None and self.score >= self.exam.excellence_mark

    def clean(self) -> None:
        super().clean()
        exam = getattr(self, "exam", None)
        officer = getattr(self, "officer", None)
        errors = {}
        if self.absent and self.score is not None:
            errors["score"] = _("An absent officer has no score.")
        elif not self.absent and self.score is None:
            errors["score"] = _("Enter the score, or mark the officer absent.")
        elif self.score is not None and self.score < 0:
            errors["score"] = _("The score cannot be below 0.")
        elif self.score is not None and exam is not None and self.score > exam.max_score:
            errors["score"] = _("The score cannot be above the exam's maximum of %(max)s.") % {"max": exam.max_score}
        if exam is not None and officer is not None and exam.agency_id:
            error = officer_in_subtree(officer, exam.agency, _("the exam's agency"))
            if error:
                errors["officer"] = error
        first = getattr(self, "makeup_of", None)
        if first is not None:
            if officer is not None and first.officer_id != officer.pk:
                errors["makeup_of"] = _("A make-up sitting must be for the same officer as the first sitting.")
            elif first.makeup_of_id:
                errors["makeup_of"] = _("Link a make-up sitting to the first sitting, not to another make-up.")
            elif first.passed:
                errors["makeup_of"] = _("The first sitting was passed; there is nothing to make up.")
            elif exam is not None and first.exam.date > exam.date:
                errors["makeup_of"] = _("A make-up sitting cannot be before the first sitting.")
        if errors:
            raise ValidationError(errors)


class ExamExemption(TimeStampedModel):
    """A person excused from an exam (免考), with the reason: they leave its roll (应考人数).

    The roll of an exam is its agency's in-service staff on the exam date,
    less the people exempted here; the participation rate divides those who
    sat by it.
    """

    exam = models.ForeignKey(Exam, verbose_name=_("exam"), on_delete=models.PROTECT, related_name="exemptions")
    officer = models.ForeignKey(
        Officer, verbose_name=_("officer"), on_delete=models.PROTECT, related_name="exam_exemptions"
    )
    reason = models.CharField(_("reason"), max_length=200)

    objects = scoped_queryset("officer__agency").as_manager()

    class Meta:
        verbose_name = _("exam exemption")
        verbose_name_plural = _("exam exemptions")
        ordering = ["exam", "officer__name"]
        constraints = [
            models.UniqueConstraint(
                fields=["exam", "officer"],
                name="exam_exemption_once_per_officer",
                violation_error_message=_("This officer is already exempted from this exam."),
            ),
            models.CheckConstraint(
                condition=~models.Q(reason=""),
                name="exam_exemption_has_reason",
                violation_error_message=_("Give the reason for the exemption."),
            ),
        ]

    def __str__(self) -> str:
        return f"{self.officer} {self.exam}"

    def clean(self) -> None:
        super().clean()
        exam = getattr(self, "exam", None)
        officer = getattr(self, "officer", None)
        if not (self.reason or "").strip():
            raise ValidationError({"reason": _("Give the reason for the exemption.")})
        if exam is not None and officer is not None and exam.agency_id:
            error = officer_in_subtree(officer, exam.agency, _("the exam's agency"))
            if error:
                raise ValidationError({"officer": error})
