from __future__ import annotations

import datetime

from concurrency.fields import IntegerVersionField
from django.core.exceptions import ValidationError
from django.db import models
from django.utils.translation import gettext_lazy as _
from simple_history.models import HistoricalRecords

from enforcement.agencies.base import TimeStampedModel
from enforcement.agencies.models import Agency
from enforcement.agencies.querysets import ScopedQuerySet
from enforcement.agencies.validators import birth_date_from_id_number, validate_id_number


class EmploymentStatus(models.TextChoices):
    ACTIVE = "active", _("In service")
    SECONDED = "seconded", _("Seconded elsewhere")
    TRANSFERRED = "transferred", _("Transferred out")
    RETIRED = "retired", _("Retired")
    LEFT = "left", _("Left")


IN_SERVICE = (EmploymentStatus.ACTIVE, EmploymentStatus.SECONDED)


class Sex(models.TextChoices):
    MALE = "male", _("Male")
    FEMALE = "female", _("Female")


class OfficerQuerySet(ScopedQuerySet):
    def in_service(self):
        return self.filter(employment_status__in=IN_SERVICE)

    def enforcement_officers(self):
        return self.filter(is_enforcement_officer=True)

    def with_certified(self, day: datetime.date) -> OfficerQuerySet:
        """Annotate `is_certified`: whether the officer holds a certificate effective on `day`."""
        certificates = self.model._meta.apps.get_model("enforcement", "Certificate").objects
        return self.annotate(
            is_certified=models.Exists(certificates.effective_on(day).filter(officer=models.OuterRef("pk")))
        )

    def certified_on(self, day: datetime.date) -> OfficerQuerySet:
        return self.with_certified(day).filter(is_certified=True)

    def not_certified_on(self, day: datetime.date) -> OfficerQuerySet:
        return self.with_certified(day).filter(is_certified=False)


class Officer(TimeStampedModel):
    """A staff member (干部职工) of an agency, enforcement officer or not.

    Every staff member sits the yearly law exam, so the roster holds all of
    them; `is_enforcement_officer` marks those in an enforcement post.
    Birth date and sex are read from the resident ID number, never stored.
    """

    name = models.CharField(_("name"), max_length=64)
    id_number = models.CharField(
        _("resident ID number"),
        max_length=18,
        unique=True,
        validators=[validate_id_number],
        error_messages={"unique": _("An officer with this resident ID number already exists.")},
    )
    agency = models.ForeignKey(Agency, verbose_name=_("agency"), on_delete=models.PROTECT, related_name="officers")
    position = models.CharField(_("position"), max_length=100, blank=True)
    is_leader = models.BooleanField(_("leading cadre"), default=False, help_text=_("领导干部"))
    is_enforcement_officer = models.BooleanField(
        _("in an enforcement post"), default=False, help_text=_("Holds a post that enforces the law.")
    )
    enforcement_fields = models.CharField(
        _("enforcement fields"), max_length=200, blank=True, help_text=_("执法领域, e.g. 城乡规划、市容环境")
    )
    phone = models.CharField(_("phone"), max_length=32, blank=True)
    employment_status = models.CharField(
        _("employment status"), max_length=16, choices=EmploymentStatus.choices, default=EmploymentStatus.ACTIVE
    )
    employed_since = models.DateField(_("employed since"), null=True, blank=True)
    employed_until = models.DateField(_("employed until"), null=True, blank=True)
    version = IntegerVersionField()

    objects = OfficerQuerySet.as_manager()
    # The version counter changes on every save; history keeps the content.
    history = HistoricalRecords(excluded_fields=["version"])

    class Meta:
        verbose_name = _("officer")
        verbose_name_plural = _("officers")
        ordering = ["agency__path", "name"]
        permissions = [("view_full_id_number", _("Can see full resident ID numbers"))]
        constraints = [
            models.CheckConstraint(
                condition=models.Q(employed_until__isnull=True)
                | models.Q(employed_since__isnull=True)
                | models.Q(employed_until__gte=models.F("employed_since")),
                name="officer_employment_dates_in_order",
                violation_error_message=_("The end of employment cannot be before its start."),
            )
        ]

    def __str__(self) -> str:
        return self.name

    def clean(self) -> None:
        super().clean()
        self.id_number = self.id_number.strip().upper()
        if self.employed_since and self.employed_until and self.employed_until < self.employed_since:
            raise ValidationError({"employed_until": _("The end of employment cannot be before its start.")})

    def clean_fields(self, exclude=None) -> None:
        # A lower-case x typed as the check character is the same number.
        self.id_number = (self.id_number or "").strip().upper()
        super().clean_fields(exclude)

    @property
    def birth_date(self) -> datetime.date:
        return birth_date_from_id_number(self.id_number)

    @property
    def sex(self) -> str:
        # GB 11643: the 17th digit is odd for men, even for women.
        return Sex.MALE if int(self.id_number[16]) % 2 else Sex.FEMALE

    @property
    def masked_id_number(self) -> str:
        return f"{self.id_number[:6]}{'*' * 8}{self.id_number[14:]}"
