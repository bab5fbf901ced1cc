from __future__ import annotations

import datetime
import functools

from concurrency.fields import IntegerVersionField
from django.apps import apps
from django.core.exceptions import ValidationError
from django.db import models
from django.db.models.functions import Coalesce, Concat, Left, Right
from django.db.models.lookups import GreaterThanOrEqual, In, IsNull, LessThanOrEqual
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from django.utils.translation import pgettext_lazy
from simple_history.models import HistoricalRecords

from enforcement.agencies.base import TimeStampedModel
from enforcement.agencies.enforcement_fields import EnforcementField, unmatched_names_field
from enforcement.agencies.fields import ResidentIdNumberField
from enforcement.agencies.models import Agency
from enforcement.agencies.querysets import ScopedQuerySet
from enforcement.agencies.validators import birth_date_from_id_number
from lawgov.expressions import read_in_a_subquery


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


def in_service_q(day: datetime.date | models.Expression, prefix: str = "", *, outer: bool = False) -> models.Q:
    """Officers in service on `day`: employed_since ≤ day ≤ employed_until, a missing date being open.

    Without an end date the employment status decides: someone recorded as
    transferred, retired or gone without the day they left is taken as gone
    on every day, rather than let them enforce. `Officer.is_in_service_on`
    is the same rule for one row.

    `outer`: the officer is the outer query's row, tested inside a subquery over
    other rows whose own column is the day (an exam on its date).
    """
    column = models.OuterRef if outer else models.F
    since, until, status = (
        column(f"{prefix}{name}") for name in ("employed_since", "employed_until", "employment_status")
    )
    started = models.Q(IsNull(since, True)) | models.Q(LessThanOrEqual(since, day))
    not_ended = models.Q(GreaterThanOrEqual(until, day)) | (
        models.Q(IsNull(until, True)) & models.Q(In(status, IN_SERVICE))
    )
    return started & not_ended


def _effective_certificates_held(
    day: datetime.date | models.F, field: EnforcementField | models.F | None = None, *, officer: str = ""
) -> models.QuerySet:
    """The certificates effective on `day` (and covering `field`, if given) of the officer of the outer query's
    row, reached from it through `officer` (the row itself when empty)."""
    certificates = apps.get_model("enforcement", "Certificate").objects.effective_on(read_in_a_subquery(day))
    if field is not None:
        certificates = certificates.covering(read_in_a_subquery(field))
    return certificates.filter(officer=models.OuterRef(f"{officer}_id" if officer else "pk"))


def certified_q(
    day: datetime.date | models.F, *, field: EnforcementField | models.F | None = None, officer: str = ""
) -> models.Q:
    """Officers in service on `day` holding a certificate effective that day (and covering `field`, if given).

    For rows that reach their officer through the relation `officer` (an act's
    officer), with each row's own day and field as expressions (`F`), it
    decides for each row whether its officer was certified then: the query
    form of `cases.certification.may_act`.
    """
    held = models.Exists(_effective_certificates_held(day, field, officer=officer))
    return in_service_q(day, f"{officer}__" if officer else "") & models.Q(held)


@functools.lru_cache(maxsize=8)
def _is_certified(day: datetime.date) -> models.Expression:
    """`certified_q` as a value for each row.

    Whether a certificate is held is read as one value (a subquery with LIMIT
    1), not as EXISTS: for EXISTS in a select list PostgreSQL may work out the
    state of every certificate in the database to hash them once, however few
    rows are read (a page of a list: 30 ms at a hundred townships, not 3).

    Built once a day, not for every list: building the validity rule's
    subqueries costs more than running them. A query that uses it resolves
    its own copy, so the one built here never changes.
    """
    held = _effective_certificates_held(day).order_by().values(held=models.Value(True))[:1]
    holds = Coalesce(models.Subquery(held, output_field=models.BooleanField()), models.Value(False))
    # The subquery is the value of a branch, not part of its condition: a
    # condition is compiled as a lookup, which resolves it all over again.
    return models.Case(models.When(in_service_q(day), then=holds), default=False, output_field=models.BooleanField())


class OfficerQuerySet(ScopedQuerySet):
    def in_service_on(self, day: datetime.date) -> OfficerQuerySet:
        return self.filter(in_service_q(day))

    def in_service(self) -> OfficerQuerySet:
        """In service today."""
        return self.in_service_on(timezone.localdate())

    def enforcement_officers(self):
        return self.filter(is_enforcement_officer=True)

    def with_certified(self, day: datetime.date) -> OfficerQuerySet:
        """Annotate `is_certified`: in service on `day` and holding a certificate effective that day.

        The query form of `Officer.is_certified_on`: the one rule of who may enforce on a day.
        """
        return self.annotate(is_certified=_is_certified(day))

    def certified_for(self, field: EnforcementField, day: datetime.date) -> OfficerQuerySet:
        """Those who may act in `field` on `day`: certified that day by a certificate that covers the field.

        The query form of `cases.certification.officer_refusal` (an officer is here when it has no refusal),
        for lists that offer only officers the save will accept.
        """
        return self.filter(certified_q(day, field=field))

    def certified_on(self, day: datetime.date) -> OfficerQuerySet:
        return self.with_certified(day).filter(is_certified=True)

    def not_certified_on(self, day: datetime.date) -> OfficerQuerySet:
        return self.with_certified(day).filter(is_certified=False)

    def with_id_number_shown_to(self, user) -> OfficerQuerySet:
        """Annotate `id_number_shown`: the number in full or masked, as `user` may read it."""
        if may_see_full_id_numbers(user):
            return self.annotate(id_number_shown=models.F("id_number"))
        # The SQL twin of mask_id_number: the first six and the last four characters.
        masked = Concat(Left("id_number", 6), models.Value("*" * 8), Right("id_number", 4))
        return self.annotate(id_number_shown=models.ExpressionWrapper(masked, output_field=models.CharField()))


FULL_ID_NUMBER_PERMISSION = "enforcement.view_full_id_number"


class Officer(TimeStampedModel):
    """A staff member (干部职工) of an agency, enforcement officer or not.

    Every staff member sits the yearly law exam, so the roster holds all of
    them; `is_enforcement_officer` marks those in an enforcement post.
    Birth date and sex are read from the resident ID number, never stored.
    """

    name = models.CharField(pgettext_lazy("person", "name"), max_length=64)
    id_number = ResidentIdNumberField(
        _("resident ID number"),
        unique=True,
        error_messages={"unique": _("An officer with this resident ID number already exists.")},
    )
    agency = models.ForeignKey(Agency, verbose_name=_("agency"), on_delete=models.PROTECT, related_name="officers")
    position = models.CharField(_("position"), max_length=100, blank=True)
    is_leader = models.BooleanField(_("leading cadre"), default=False, help_text=_("领导干部"))
    is_enforcement_officer = models.BooleanField(
        _("in an enforcement post"), default=False, help_text=_("Holds a post that enforces the law.")
    )
    enforcement_fields = models.ManyToManyField(
        EnforcementField, verbose_name=_("enforcement fields"), blank=True, related_name="officers"
    )
    unmatched_fields = unmatched_names_field()
    phone = models.CharField(_("phone"), max_length=32, blank=True)
    employment_status = models.CharField(
        _("employment status"), max_length=16, choices=EmploymentStatus.choices, default=EmploymentStatus.ACTIVE
    )
    employed_since = models.DateField(_("employed since"), null=True, blank=True)
    employed_until = models.DateField(_("employed until"), null=True, blank=True)
    version = IntegerVersionField(verbose_name=_("version"))

    objects = OfficerQuerySet.as_manager()
    # The version counter changes on every save; history keeps the content.
    history = HistoricalRecords(excluded_fields=["version"], m2m_fields=[enforcement_fields])

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
        if self.employed_since and self.employed_until and self.employed_until < self.employed_since:
            raise ValidationError({"employed_until": _("The end of employment cannot be before its start.")})

    def is_in_service_on(self, day: datetime.date) -> bool:
        """The row form of `in_service_q`."""
        if self.employed_since and day < self.employed_since:
            return False
        if self.employed_until:
            return day <= self.employed_until
        return self.employment_status in IN_SERVICE

    def is_certified_on(self, day: datetime.date) -> bool:
        """The row form of `OfficerQuerySet.with_certified`: in service and an effective certificate on `day`."""
        return self.is_in_service_on(day) and any(c.is_effective_on(day) for c in self.certificates.all())

    @property
    def birth_date(self) -> datetime.date:
        return birth_date_from_id_number(self.id_number)

    @property
    def sex(self) -> str:
        # GB 11643: the 17th digit is odd for men, even for women.
        return Sex.MALE if int(self.id_number[16]) % 2 else Sex.FEMALE

    @property
    def masked_id_number(self) -> str:
        return mask_id_number(self.id_number)

    def id_number_for(self, user) -> str:
        """The ID number as `user` may read it: in full, or with the birth date hidden."""
        return self.id_number if may_see_full_id_numbers(user) else self.masked_id_number

    def birth_date_for(self, user) -> datetime.date | None:
        # The birth date is the masked middle of the number: shown only with it.
        return self.birth_date if may_see_full_id_numbers(user) else None


def may_see_full_id_numbers(user) -> bool:
    """Whether `user` may read full resident ID numbers (and so birth dates); decided per request."""
    if not (user and user.is_authenticated):
        return False
    # A list asks for every row: the answer is kept on the user object, as
    # ModelBackend keeps there the permissions it read to give it.
    try:
        return user._lawgov_full_id_numbers
    except AttributeError:
        user._lawgov_full_id_numbers = user.has_perm(FULL_ID_NUMBER_PERMISSION)
        return user._lawgov_full_id_numbers


def mask_id_number(id_number: str) -> str:
    """The number with its middle eight digits, the birth date, replaced by stars."""
    return f"{id_number[:6]}{'*' * 8}{id_number[14:]}" if id_number else id_number
