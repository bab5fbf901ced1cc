from __future__ import annotations

import datetime
import secrets

from concurrency.fields import IntegerVersionField
from django.apps import apps
from django.conf import settings
from django.core.exceptions import ValidationError
from django.db import models
from django.db.models.functions import Coalesce
from django.db.models.lookups import Exact
from django.utils.translation import gettext_lazy as _
from simple_history.models import HistoricalRecords

from enforcement.agencies.base import TimeStampedModel
from enforcement.agencies.enforcement_fields import EnforcementField, joined, unmatched_names_field
from enforcement.agencies.querysets import scoped_queryset
from enforcement.officers.models.officer import Officer
from lawgov.expressions import CaseOf, read_in_a_subquery


class CertificateKind(models.TextChoices):
    ENFORCEMENT = "enforcement", _("Administrative law-enforcement certificate")  # 行政执法证
    SUPERVISION = "supervision", _("Administrative law-enforcement supervision certificate")  # 行政执法监督证


class CertificateStatus(models.TextChoices):
    VALID = "valid", _("Valid")
    SUSPENDED = "suspended", _("Suspended")  # 暂扣
    REVOKED = "revoked", _("Revoked")  # 吊销
    CANCELLED = "cancelled", _("Cancelled")  # 注销


# A revoked or cancelled certificate never comes back; a suspended one may.
FINAL_STATUSES = (CertificateStatus.REVOKED, CertificateStatus.CANCELLED)

# Which status each status may change into (暂扣 may be lifted; 吊销 and 注销 are final).
ALLOWED_CHANGES: dict[str, set[str]] = {
    CertificateStatus.VALID: {CertificateStatus.SUSPENDED, CertificateStatus.REVOKED, CertificateStatus.CANCELLED},
    CertificateStatus.SUSPENDED: {CertificateStatus.VALID, CertificateStatus.REVOKED, CertificateStatus.CANCELLED},
    CertificateStatus.REVOKED: set(),
    CertificateStatus.CANCELLED: set(),
}


class CertificateState(models.TextChoices):
    """What a person reads as a certificate's state on a day: derived, never stored."""

    EFFECTIVE = "effective", _("Effective")  # 有效
    NOT_YET_EFFECTIVE = "not_yet_effective", _("Not yet effective")  # 未生效
    EXPIRED = "expired", _("Expired")  # 已过期
    SUSPENDED = "suspended", _("Suspended")  # 暂扣
    REVOKED = "revoked", _("Revoked")  # 吊销
    CANCELLED = "cancelled", _("Cancelled")  # 注销
    REVIEW_FAILED = "review_failed", _("Failed the annual review")  # 年审不合格


def state_expression(day: datetime.date | models.F) -> models.Expression:
    """The state of each certificate on `day`, as SQL: the query form of `Certificate.state_on`.

    `day` is a date, or the day of each row as an expression of the
    certificate's query (`OuterRef` to the row of an outer query).

    The order of the branches is the order of precedence: a revoked or
    cancelled card stays so after its last day; a card past its last day is
    expired (from the day after `valid_until`); before its first day it is
    not yet effective; then a suspension, then a failed annual review.
    """
    changes = CertificateStatusChange.objects.filter(certificate=models.OuterRef("pk"))
    day_of_the_certificate, day = day, read_in_a_subquery(day)
    status = _looked_up_for(
        CertificateStatusChange.objects.values("certificate"),
        Coalesce(
            models.Subquery(changes.filter(changed_on__lte=day).order_by("-changed_on", "-pk").values("status")[:1]),
            # Before its first recorded change a certificate had the status that change left.
            models.Subquery(changes.order_by("changed_on", "pk").values("previous_status")[:1]),
        ),
        default=models.F("status"),
    )
    review = _looked_up_for(
        AnnualReview.objects.filter(result=ReviewResult.FAILED).values("certificate"),
        models.Subquery(
            AnnualReview.objects.filter(certificate=models.OuterRef("pk"), reviewed_on__lte=day)
            .order_by("-reviewed_on", "-pk")
            .values("result")[:1]
        ),
        default=None,
    )
    state = CertificateState
    dated = models.Case(
        models.When(valid_until__lt=day_of_the_certificate, then=models.Value(state.EXPIRED)),
        models.When(issued_on__gt=day_of_the_certificate, then=models.Value(state.NOT_YET_EFFECTIVE)),
        default=None,
        output_field=models.CharField(),
    )
    review_failed = models.Case(
        models.When(Exact(review, ReviewResult.FAILED), then=models.Value(state.REVIEW_FAILED)),
        default=None,
        output_field=models.CharField(),
    )
    # The status in force is looked up once and the branches follow from it.
    return CaseOf(
        status,
        {
            CertificateStatus.REVOKED: models.Value(state.REVOKED),
            CertificateStatus.CANCELLED: models.Value(state.CANCELLED),
            CertificateStatus.SUSPENDED: Coalesce(dated, models.Value(state.SUSPENDED)),
        },
        default=Coalesce(dated, review_failed, models.Value(state.EFFECTIVE)),
        output_field=models.CharField(),
    )


def _looked_up_for(certificates: models.QuerySet, lookup: models.Expression, *, default) -> models.Case:
    """`lookup` for the certificates listed by `certificates` (their ids), `default` for the others.

    Most certificates have no status change and no failed review: the list is
    read once (PostgreSQL hashes it) and the lookups, a few index probes per
    certificate, are made only for those it names. For every officer of a
    county of 100 townships the lookups took 34 ms, and 6 ms this way.
    """
    return models.Case(
        models.When(pk__in=certificates, then=lookup),
        default=default,
        output_field=models.CharField(),
    )


def warning_horizons(day: datetime.date) -> dict[str, datetime.date]:
    """Each kind's last day inside its warning horizon from `day` (its largest ReminderThreshold after it)."""
    horizons = apps.get_model("enforcement", "ReminderThreshold").objects.horizons()
    return {kind: day + datetime.timedelta(days=days) for kind, days in horizons.items()}


def inside_warning_horizon(day: datetime.date) -> models.Q:
    """Certificates whose last day is at most their kind's warning horizon (its largest ReminderThreshold) after `day`.

    No threshold of a kind: no certificate of that kind is inside.
    """
    return ending_by(warning_horizons(day))


def ending_by(last_days: dict[str, datetime.date]) -> models.Q:
    """Certificates whose last day is at most their kind's day in `last_days`; none of a kind not named."""
    within = models.Q(pk__in=[])
    for kind, last_day in last_days.items():
        within |= models.Q(kind=kind, valid_until__lte=last_day)
    return within


def validate_status_change(*, current: str, new: str, reason: str, on: datetime.date, last_change_on=None) -> None:
    """The rule for changing a certificate's status; the service and the admin form both ask it.

    Only the changes of ALLOWED_CHANGES, always with a reason, and never dated
    before the last recorded change: the history must read in date order, or
    the status in force on a past day would be ambiguous.
    """
    errors: dict[str, str] = {}
    if new not in ALLOWED_CHANGES[current]:
        errors["status"] = _("A certificate that is %(current)s cannot become %(new)s.") % {
            "current": CertificateStatus(current).label,
            "new": CertificateStatus(new).label,
        }
    if not (reason or "").strip():
        errors["reason"] = _("Give the reason for the change of status.")
    if last_change_on and on < last_change_on:
        errors["changed_on"] = _("The change cannot be dated before the last recorded change (%(date)s).") % {
            "date": last_change_on.isoformat()
        }
    if errors:
        raise ValidationError(errors)


def new_verification_token() -> str:
    return secrets.token_urlsafe(24)


class CertificateQuerySet(scoped_queryset("officer__agency")):
    def with_state(self, day: datetime.date) -> CertificateQuerySet:
        """Annotate `state`: the CertificateState of each certificate on `day`."""
        return self.annotate(state=state_expression(day))

    def in_state(self, day: datetime.date, *states: str) -> CertificateQuerySet:
        return self.filter(models.lookups.In(state_expression(day), list(states)))

    def effective_on(self, day: datetime.date) -> CertificateQuerySet:
        """The one definition of validity (DESIGN.md): issued_on ≤ day ≤ valid_until, the status in force
        on `day` valid, and no failed annual review standing on `day`. `Certificate.is_effective_on` is its twin."""
        return self.filter(Exact(state_expression(day), CertificateState.EFFECTIVE))

    def covering(self, field: EnforcementField) -> CertificateQuerySet:
        """Certificates that list `field` among their enforcement fields; `Certificate.covers` is its twin."""
        return self.filter(fields=field)

    def expired_on(self, day: datetime.date) -> CertificateQuerySet:
        """Expired on `day`: its last day of validity is before `day` (so from the day after `valid_until`)."""
        return self.in_state(day, CertificateState.EXPIRED)

    def expiring_within(self, days: int, *, on: datetime.date) -> CertificateQuerySet:
        """Certificates effective on `on` whose last day is at most `days` days later."""
        return self.effective_on(on).filter(valid_until__lte=on + datetime.timedelta(days=days))

    def expiring_on(self, day: datetime.date) -> CertificateQuerySet:
        """Effective on `day` and inside the warning horizon of their kind: the largest ReminderThreshold."""
        return self.effective_on(day).filter(inside_warning_horizon(day))


class Certificate(TimeStampedModel):
    """A law-enforcement certificate (行政执法证 / 行政执法监督证) held by an officer.

    A renewal or the reissue of a lost card is a new row that `replaces` the
    old one, which is never overwritten. Each status change is recorded as a
    CertificateStatusChange with its reason and date.
    """

    number = models.CharField(
        _("certificate number"),
        max_length=64,
        unique=True,
        error_messages={"unique": _("A certificate with this number already exists.")},
    )
    officer = models.ForeignKey(
        Officer, verbose_name=_("officer"), on_delete=models.PROTECT, related_name="certificates"
    )
    kind = models.CharField(
        _("kind"), max_length=16, choices=CertificateKind.choices, default=CertificateKind.ENFORCEMENT
    )
    issuing_authority = models.CharField(_("issuing authority"), max_length=200)
    fields = models.ManyToManyField(
        EnforcementField, verbose_name=_("enforcement fields covered"), blank=True, related_name="certificates"
    )
    unmatched_fields = unmatched_names_field()
    area = models.CharField(_("area covered"), max_length=200, blank=True)
    issued_on = models.DateField(_("issued on"))
    valid_until = models.DateField(_("valid until"))
    status = models.CharField(
        _("status"), max_length=16, choices=CertificateStatus.choices, default=CertificateStatus.VALID
    )
    replaces = models.OneToOneField(
        "self",
        verbose_name=_("replaces"),
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="replacement",
        help_text=_("The certificate this one renews or reissues."),
    )
    verification_token = models.CharField(
        _("verification token"), max_length=64, unique=True, editable=False, default=new_verification_token
    )
    version = IntegerVersionField(verbose_name=_("version"))

    objects = CertificateQuerySet.as_manager()
    # The version counter changes on every save; history keeps the content.
    history = HistoricalRecords(excluded_fields=["version"], m2m_fields=[fields])

    class Meta:
        verbose_name = _("law-enforcement certificate")
        verbose_name_plural = _("law-enforcement certificates")
        ordering = ["officer__agency__path", "officer__name", "-issued_on"]
        indexes = [models.Index(fields=["status", "valid_until"], name="certificate_status_until")]
        constraints = [
            models.CheckConstraint(
                condition=models.Q(valid_until__gt=models.F("issued_on")),
                name="certificate_valid_until_after_issued_on",
                violation_error_message=_("A certificate must be valid until a day after it was issued."),
            ),
            models.CheckConstraint(
                condition=~models.Q(replaces=models.F("pk")),
                name="certificate_does_not_replace_itself",
                violation_error_message=_("A certificate cannot replace itself."),
            ),
        ]

    def __str__(self) -> str:
        return self.number

    def clean(self) -> None:
        super().clean()
        self.number = self.number.strip()
        self.check_validity_period(self.issued_on, self.valid_until)
        if self.replaces_id and self.officer_id and self.replaces.officer_id != self.officer_id:
            raise ValidationError({"replaces": _("A certificate can only replace a certificate of the same officer.")})

    @staticmethod
    def check_validity_period(issued_on: datetime.date | None, valid_until: datetime.date | None) -> None:
        """A certificate is valid until a day after it was issued, at the earliest (ValidationError otherwise)."""
        if issued_on and valid_until and valid_until <= issued_on:
            raise ValidationError({"valid_until": _("A certificate must be valid until a day after it was issued.")})

    def status_change_in_force(self, day: datetime.date) -> CertificateStatusChange | None:
        """The last status change dated on or before `day` (reads prefetched `status_changes`)."""
        changes = [c for c in self.status_changes.all() if c.changed_on <= day]
        return max(changes, key=lambda c: (c.changed_on, c.pk), default=None)

    def status_on(self, day: datetime.date) -> str:
        """The status in force on `day`, from the dated changes; today's status only when none is recorded."""
        change = self.status_change_in_force(day)
        if change is not None:
            return change.status
        first = min(self.status_changes.all(), key=lambda c: (c.changed_on, c.pk), default=None)
        return first.previous_status if first is not None else self.status

    def failed_review_standing(self, day: datetime.date) -> AnnualReview | None:
        """The failed annual review in force on `day`: the latest review dated by then, when it failed."""
        reviews = [r for r in self.annual_reviews.all() if r.reviewed_on and r.reviewed_on <= day]
        latest = max(reviews, key=lambda r: (r.reviewed_on, r.pk), default=None)
        return latest if latest is not None and latest.result == ReviewResult.FAILED else None

    def state_on(self, day: datetime.date) -> str:
        """The CertificateState on `day`; `state_expression` is the same rule in SQL."""
        status = self.status_on(day)
        if status == CertificateStatus.REVOKED:
            return CertificateState.REVOKED
        if status == CertificateStatus.CANCELLED:
            return CertificateState.CANCELLED
        if day > self.valid_until:
            return CertificateState.EXPIRED
        if day < self.issued_on:
            return CertificateState.NOT_YET_EFFECTIVE
        if status == CertificateStatus.SUSPENDED:
            return CertificateState.SUSPENDED
        if self.failed_review_standing(day) is not None:
            return CertificateState.REVIEW_FAILED
        return CertificateState.EFFECTIVE

    def is_effective_on(self, day: datetime.date) -> bool:
        """The row-level twin of CertificateQuerySet.effective_on."""
        return self.state_on(day) == CertificateState.EFFECTIVE

    def covers(self, field: EnforcementField) -> bool:
        """Whether the certificate lists `field` (reads prefetched fields); the row-level twin of
        CertificateQuerySet.covering."""
        return any(covered.pk == field.pk for covered in self.fields.all())

    @property
    def fields_label(self) -> str:
        return joined(self.fields.all())


class CertificateStatusChange(TimeStampedModel):
    """One change of a certificate's status (suspension 暂扣, revocation 吊销, …), with reason and date."""

    certificate = models.ForeignKey(
        Certificate, verbose_name=_("certificate"), on_delete=models.CASCADE, related_name="status_changes"
    )
    status = models.CharField(_("new status"), max_length=16, choices=CertificateStatus.choices)
    previous_status = models.CharField(_("previous status"), max_length=16, choices=CertificateStatus.choices)
    changed_on = models.DateField(_("changed on"))
    reason = models.TextField(_("reason"))
    changed_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("changed by"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="certificate_status_changes",
    )

    objects = scoped_queryset("certificate__officer__agency").as_manager()

    class Meta:
        verbose_name = _("certificate status change")
        verbose_name_plural = _("certificate status changes")
        ordering = ["certificate", "-changed_on", "-pk"]

    def __str__(self) -> str:
        return f"{self.certificate}: {self.get_status_display()} ({self.changed_on})"


class ReviewResult(models.TextChoices):
    PASSED = "passed", _("Passed")
    FAILED = "failed", _("Failed")


class AnnualReview(TimeStampedModel):
    """The yearly review (年审) of a certificate; failing it means no annual registration."""

    certificate = models.ForeignKey(
        Certificate, verbose_name=_("certificate"), on_delete=models.CASCADE, related_name="annual_reviews"
    )
    year = models.PositiveSmallIntegerField(_("year"))
    result = models.CharField(_("result"), max_length=16, choices=ReviewResult.choices)
    reviewed_on = models.DateField(_("reviewed on"), null=True, blank=True)
    note = models.CharField(_("note"), max_length=500, blank=True)

    objects = scoped_queryset("certificate__officer__agency").as_manager()

    class Meta:
        verbose_name = _("annual review")
        verbose_name_plural = _("annual reviews")
        ordering = ["certificate", "-year"]
        constraints = [
            models.CheckConstraint(
                condition=~models.Q(result="failed", reviewed_on__isnull=True),
                name="annual_review_failed_is_dated",
                violation_error_message=_(
                    "Give the date of a failed review: the certificate stops being effective on it."
                ),
            ),
            models.UniqueConstraint(
                fields=["certificate", "year"],
                name="annual_review_once_a_year",
                violation_error_message=_("This certificate already has a review for this year."),
            ),
        ]

    def __str__(self) -> str:
        return f"{self.certificate} {self.year}"

    def clean(self) -> None:
        super().clean()
        # A failed review ends the certificate's effect from its date, so the date is part of the fact.
        if self.result == ReviewResult.FAILED and not self.reviewed_on:
            raise ValidationError(
                {"reviewed_on": _("Give the date of a failed review: the certificate stops being effective on it.")}
            )
