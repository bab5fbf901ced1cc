from __future__ import annotations

import datetime
import uuid

from concurrency.fields import IntegerVersionField
from django.core.exceptions import ValidationError
from django.core.validators import MaxValueValidator, MinValueValidator
from django.db import models
from django.utils.translation import gettext_lazy as _
from simple_history.models import HistoricalRecords

from enforcement.agencies.base import TimeStampedModel
from enforcement.agencies.models import Agency
from enforcement.agencies.querysets import ScopedQuerySet, scoped_queryset
from enforcement.officers.placement import officer_in_subtree
from training.publicity.photos import validate_photo
from training.publicity.youth import RuleOfLawVicePrincipal


class ThemeDay(TimeStampedModel):
    """A day or campaign period of legal publicity, e.g. 国家宪法日 (12-4).

    Theme days are data, so a new one needs no code. A campaign runs from its
    month and day for `days` days; an activity belongs to a theme whether or
    not it falls on the exact day.
    """

    name = models.CharField(_("name"), max_length=100, unique=True)
    month = models.PositiveSmallIntegerField(_("month"), validators=[MinValueValidator(1), MaxValueValidator(12)])
    day = models.PositiveSmallIntegerField(_("day"), validators=[MinValueValidator(1), MaxValueValidator(31)])
    days = models.PositiveSmallIntegerField(
        _("length in days"), default=1, validators=[MinValueValidator(1)], help_text=_("7 for a week, 31 for a month.")
    )

    class Meta:
        verbose_name = _("theme day")
        verbose_name_plural = _("theme days")
        ordering = ["month", "day", "name"]
        constraints = [
            # Two names for one day (12·4 is both 国家宪法日 and 全国法制宣传日) would split its count.
            models.UniqueConstraint(
                fields=["month", "day", "days"],
                name="theme_day_one_per_period",
                violation_error_message=_("Another theme day already covers this period; use that one."),
            )
        ]

    def __str__(self) -> str:
        return self.name

    def clean(self) -> None:
        super().clean()
        try:
            datetime.date(2024, self.month, self.day)
        except (TypeError, ValueError):
            raise ValidationError({"day": _("There is no such day in that month.")}) from None

    def period(self, year: int) -> tuple[datetime.date, datetime.date]:
        """The first and last day of the theme's campaign in `year`."""
        start = datetime.date(year, self.month, min(self.day, 28) if self.month == 2 else self.day)
        return start, start + datetime.timedelta(days=self.days - 1)


class PublicityFormat(TimeStampedModel):
    """A way of doing publicity, one-way (banners, leaflets) or interactive (consultation, quiz).

    The yearly report measures how much of the work was interactive.
    """

    name = models.CharField(_("name"), max_length=100, unique=True)
    is_interactive = models.BooleanField(_("interactive"), default=False)

    class Meta:
        verbose_name = _("publicity format")
        verbose_name_plural = _("publicity formats")
        ordering = ["is_interactive", "name"]

    def __str__(self) -> str:
        return self.name


class Audience(TimeStampedModel):
    """Who an activity was for: villagers, students, enterprises, cadres …"""

    name = models.CharField(_("name"), max_length=100, unique=True)
    is_youth = models.BooleanField(
        _("young people"), default=False, help_text=_("Activities for this audience count as youth legal education.")
    )

    class Meta:
        verbose_name = _("audience")
        verbose_name_plural = _("audiences")
        ordering = ["name"]

    def __str__(self) -> str:
        return self.name


def for_youth() -> models.Q:
    """Activities held at a school or for a young audience."""
    young_audience = Audience.objects.filter(is_youth=True, activities=models.OuterRef("pk"))
    return ~models.Q(school="") | models.Exists(young_audience)


class PublicityActivityQuerySet(ScopedQuerySet):
    def in_year(self, year: int):
        return self.filter(start_date__year=year)

    def youth(self):
        return self.filter(for_youth())


class PublicityActivity(TimeStampedModel):
    """A public legal-publicity activity (法治宣传) held by an agency."""

    agency = models.ForeignKey(
        Agency, verbose_name=_("agency"), on_delete=models.PROTECT, related_name="publicity_activities"
    )
    title = models.CharField(_("title"), max_length=200)
    start_date = models.DateField(_("start date"))
    end_date = models.DateField(_("end date"))
    theme = models.ForeignKey(
        ThemeDay,
        verbose_name=_("theme day"),
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="activities",
    )
    formats = models.ManyToManyField(PublicityFormat, verbose_name=_("formats"), related_name="activities")
    audiences = models.ManyToManyField(Audience, verbose_name=_("audiences"), related_name="activities", blank=True)
    place = models.CharField(_("place"), max_length=200, blank=True)
    participants = models.PositiveIntegerField(_("participants"), default=0)
    materials = models.PositiveIntegerField(_("materials handed out"), default=0)
    laws_promoted = models.CharField(_("laws promoted"), max_length=300, blank=True)
    partner = models.CharField(_("partner organisation"), max_length=200, blank=True)
    school = models.CharField(
        _("school"), max_length=200, blank=True, help_text=_("Filled when the activity was held at a school.")
    )
    vice_principal = models.ForeignKey(
        RuleOfLawVicePrincipal,
        verbose_name=_("rule-of-law vice principal"),
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="activities",
    )
    class_periods = models.PositiveSmallIntegerField(
        _("class periods"), default=0, help_text=_("Lessons given at a school, in class periods.")
    )
    description = models.TextField(_("description"), blank=True)

    version = IntegerVersionField(verbose_name=_("version"))

    objects = PublicityActivityQuerySet.as_manager()
    # The version counter changes on every save; history keeps the content (not the formats and audiences).
    history = HistoricalRecords(excluded_fields=["version"])

    class Meta:
        verbose_name = _("publicity activity")
        verbose_name_plural = _("publicity activities")
        ordering = ["-start_date", "-id"]
        constraints = [
            models.CheckConstraint(
                condition=models.Q(end_date__gte=models.F("start_date")),
                name="publicity_activity_dates_in_order",
                violation_error_message=_("The end date cannot be before the start date."),
            ),
            models.CheckConstraint(
                condition=models.Q(participants__gte=0, materials__gte=0),
                name="publicity_activity_counts_not_negative",
                violation_error_message=_("Participants and materials cannot be negative."),
            ),
        ]

    def __str__(self) -> str:
        return f"{self.start_date} {self.title}"

    def clean(self) -> None:
        super().clean()
        errors = {}
        if self.start_date and self.end_date and self.end_date < self.start_date:
            errors["end_date"] = _("The end date cannot be before the start date.")
        vice_principal = getattr(self, "vice_principal", None)
        if vice_principal is not None and not self.school:
            self.school = vice_principal.school
        if vice_principal is not None and self.agency_id:
            error = officer_in_subtree(vice_principal.officer, self.agency, _("the activity's agency"))
            if error:
                errors["vice_principal"] = error
        if self.class_periods and not self.school:
            errors["class_periods"] = _("Class periods are counted only for activities held at a school.")
        if errors:
            raise ValidationError(errors)

    @property
    def is_interactive(self) -> bool:
        return any(fmt.is_interactive for fmt in self.formats.all())


def photo_path(photo: ActivityPhoto, filename: str) -> str:
    # The uploader's file name is not trusted as a path.
    suffix = filename.rsplit(".", 1)[-1].lower() if "." in filename else "img"
    return f"publicity/{datetime.date.today():%Y/%m}/{uuid.uuid4().hex}.{suffix}"


class ActivityPhoto(TimeStampedModel):
    """A photo of a publicity activity: only real images of a bounded size."""

    activity = models.ForeignKey(
        PublicityActivity, verbose_name=_("activity"), on_delete=models.CASCADE, related_name="photos"
    )
    image = models.ImageField(_("image"), upload_to=photo_path, validators=[validate_photo])
    caption = models.CharField(_("caption"), max_length=200, blank=True)

    objects = scoped_queryset("activity__agency").as_manager()

    class Meta:
        verbose_name = _("activity photo")
        verbose_name_plural = _("activity photos")
        ordering = ["activity", "id"]

    def __str__(self) -> str:
        return self.caption or self.image.name
