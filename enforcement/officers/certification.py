"""The HR check: may this person enforce the law on a day, and if not, why not.

The decision is the models' (`Certificate.state_on`, `Officer.is_in_service_on`);
this module puts it into words, the same words for the HR check, the admin
and the public verification page.
"""

from __future__ import annotations

import datetime
import functools
from dataclasses import dataclass

from django.db.models import Prefetch, QuerySet
from django.utils import formats
from django.utils.translation import gettext as _

from enforcement.agencies.querysets import scope_key
from enforcement.agencies.related_rows import related_rows, rows_annotation, take_prefetched
from enforcement.agencies.validators import normalise_id_number
from enforcement.officers.models.certificate import (
    AnnualReview,
    Certificate,
    CertificateState,
    CertificateStatusChange,
)
from enforcement.officers.models.officer import EmploymentStatus, Officer
from lawgov.prepared import PreparedQuery


@dataclass(frozen=True)
class CertificationCheck:
    may_enforce: bool
    reason: str
    officer: Officer
    certificates: list[Certificate]


def _date(day: datetime.date) -> str:
    return formats.date_format(day, "Y-m-d")


def certificate_reason(certificate: Certificate, day: datetime.date) -> str:
    """Why `certificate` is, or is not, effective on `day`, in plain words (no personal data)."""
    state = certificate.state_on(day)
    params = {"number": certificate.number}
    if state in (CertificateState.SUSPENDED, CertificateState.REVOKED, CertificateState.CANCELLED):
        change = certificate.status_change_in_force(day)
        params["date"] = _date(change.changed_on) if change else _("an unrecorded date")
        if state == CertificateState.SUSPENDED:
            return _("Certificate %(number)s has been suspended since %(date)s.") % params
        if state == CertificateState.REVOKED:
            return _("Certificate %(number)s was revoked on %(date)s.") % params
        return _("Certificate %(number)s was cancelled on %(date)s.") % params
    if state == CertificateState.NOT_YET_EFFECTIVE:
        return _("Certificate %(number)s is not valid until %(date)s.") % {
            **params,
            "date": _date(certificate.issued_on),
        }
    if state == CertificateState.EXPIRED:
        # Expired from the day after its last day of validity.
        expired_on = certificate.valid_until + datetime.timedelta(days=1)
        return _("Certificate %(number)s expired on %(date)s.") % {**params, "date": _date(expired_on)}
    if state == CertificateState.REVIEW_FAILED:
        review = certificate.failed_review_standing(day)
        return _("Certificate %(number)s failed its annual review on %(date)s.") % {
            **params,
            "date": _date(review.reviewed_on),
        }
    return _("Holds certificate %(number)s, effective until %(date)s.") % {
        **params,
        "date": _date(certificate.valid_until),
    }


def service_reason(officer: Officer, day: datetime.date, *, with_dates: bool = True) -> str | None:
    """Why `officer` is not in service on `day`, or None when they are; `with_dates` off for the public."""
    if officer.is_in_service_on(day):
        return None
    if officer.employed_since and day < officer.employed_since:
        if not with_dates:
            return _("The holder is not yet in service.")
        return _("Not in service before %(date)s.") % {"date": _date(officer.employed_since)}
    status = officer.employment_status
    if status in (EmploymentStatus.ACTIVE, EmploymentStatus.SECONDED):
        status = EmploymentStatus.LEFT
    label = EmploymentStatus(status).label
    if not with_dates or not officer.employed_until:
        return _("The holder is no longer in service (%(status)s).") % {"status": label}
    return _("No longer in service (%(status)s); last day %(date)s.") % {
        "status": label,
        "date": _date(officer.employed_until),
    }


def check_officer(officer: Officer, day: datetime.date) -> CertificationCheck:
    """Answer for one officer whose certificates (status changes, reviews) are prefetched."""
    certificates = sorted(officer.certificates.all(), key=lambda c: (c.issued_on, c.pk), reverse=True)
    not_in_service = service_reason(officer, day)
    if not_in_service:
        return CertificationCheck(False, not_in_service, officer, certificates)
    effective = [c for c in certificates if c.is_effective_on(day)]
    if effective:
        best = max(effective, key=lambda c: c.valid_until)
        return CertificationCheck(True, certificate_reason(best, day), officer, certificates)
    if not certificates:
        return CertificationCheck(False, _("Holds no law-enforcement certificate."), officer, certificates)
    # The newest certificate explains the situation: an older one that lapsed
    # is history once a newer one was issued.
    return CertificationCheck(False, certificate_reason(certificates[0], day), officer, certificates)


def with_validity_history(certificates: QuerySet[Certificate]) -> QuerySet[Certificate]:
    """Prefetch what `state_on` reads, so a list of certificates costs three queries, not three per row."""
    return certificates.prefetch_related(
        Prefetch("status_changes", queryset=CertificateStatusChange.objects.order_by("changed_on", "pk")),
        Prefetch("annual_reviews", queryset=AnnualReview.objects.order_by("reviewed_on", "pk")),
    )


def with_certificates(
    officers: QuerySet[Officer], certificates: QuerySet[Certificate] | None = None
) -> QuerySet[Officer]:
    """`officers` with what `check_officer` reads prefetched: certificates, status changes and reviews.

    `certificates` (built on `with_validity_history`) when a check reads more of them.
    """
    if certificates is None:
        certificates = with_validity_history(Certificate.objects.all())
    return officers.select_related("agency").prefetch_related(Prefetch("certificates", queryset=certificates))


# What the HR check reads of each related row: the history `state_on` and
# `certificate_reason` read, and the enforcement fields the answer names.
CHECKED_CERTIFICATE_ROWS = {
    "status_changes": ["id", "status", "previous_status", "changed_on"],
    "annual_reviews": ["id", "year", "result", "reviewed_on"],
    "fields": ["id", "name", "order"],
}
CHECKED_OFFICER_ROWS = {"enforcement_fields": ["id", "name", "order"]}


def _rows_of(model, relations: dict[str, list[str]], outer: str = "pk") -> dict:
    return {rows_annotation(name): related_rows(model, name, fields, outer) for name, fields in relations.items()}


def _take_rows(instance, relations: dict[str, list[str]], rows_of=None) -> None:
    for relation in relations:
        take_prefetched(instance, relation, getattr(rows_of or instance, rows_annotation(relation)))


@functools.cache
def checked_certificates() -> QuerySet[Certificate]:
    """Certificates with their officer, agency and what the check reads of them as JSON: one query, no prefetch.

    `holders` turns the rows into officers with their certificates, as `with_certificates` would load them.
    """
    # Built once: putting the subqueries together costs as much as running them.
    # Unordered: `check_officer` sorts them, and the default ordering (by the
    # agency's path and the officer's name) is work to compile and to plan.
    return (
        Certificate.objects.select_related("officer__agency")
        .order_by()
        .annotate(
            **_rows_of(Certificate, CHECKED_CERTIFICATE_ROWS), **_rows_of(Officer, CHECKED_OFFICER_ROWS, "officer")
        )
    )


@functools.cache
def _checked_officers() -> QuerySet[Officer]:
    return Officer.objects.select_related("agency").annotate(**_rows_of(Officer, CHECKED_OFFICER_ROWS))


def holders(certificates: list[Certificate]) -> dict[int, Officer]:
    """The holders of `certificates` (rows of `checked_certificates`) by key, each with those certificates."""
    officers: dict[int, Officer] = {}
    for certificate in certificates:
        officer = officers.get(certificate.officer_id)
        if officer is None:
            officer = officers[certificate.officer_id] = certificate.officer
            _take_rows(officer, CHECKED_OFFICER_ROWS, rows_of=certificate)
            officer._prefetched_objects_cache["certificates"] = []
        _take_rows(certificate, CHECKED_CERTIFICATE_ROWS)
        certificate.officer = officer  # one object for the person, as the serializer expects
        officer._prefetched_objects_cache["certificates"].append(certificate)
    return officers


def _matching_officer(shape: tuple, value: str) -> QuerySet[Officer]:
    paths, lookup = shape
    return Officer.objects.within(paths).filter(**{lookup: value}).order_by("pk")[:1]


# The person's certificates, and the person alone when they hold none: built
# and compiled once per reader's scope and lookup (lawgov/prepared.py).
_CERTIFICATES_OF = PreparedQuery(
    lambda shape, value: checked_certificates().filter(officer__in=_matching_officer(shape, value))
)
_OFFICER = PreparedQuery(lambda shape, value: _checked_officers().filter(pk__in=_matching_officer(shape, value))[:1])


def check_certification(
    reader, *, number: str = "", id_number: str = "", day: datetime.date
) -> CertificationCheck | None:
    """The HR check among the officers `reader` may see; None when nobody matches.

    One query: the person's certificates, with the officer and agency joined
    in and the related rows the check reads as JSON (`related_rows`); a
    second only for a person who holds no certificate.
    """
    scope = scope_key(reader)
    if number:
        shape, value = (scope, "certificates__number"), number.strip()
    else:
        shape, value = (scope, "id_number"), normalise_id_number(id_number)
    certificates = _CERTIFICATES_OF.rows(shape, value=value)
    if certificates:
        (officer,) = holders(certificates).values()
    else:
        found = _OFFICER.rows(shape, value=value)
        if not found:
            return None
        officer = found[0]
        _take_rows(officer, CHECKED_OFFICER_ROWS)
        officer._prefetched_objects_cache["certificates"] = []
    return check_officer(officer, day)


def certificate_check(certificate: Certificate, day: datetime.date) -> tuple[bool, str]:
    """The public answer for one card: whether it may be relied on on `day`, and why, without personal data."""
    not_in_service = service_reason(certificate.officer, day, with_dates=False)
    if not_in_service:
        return False, not_in_service
    return certificate.is_effective_on(day), certificate_reason(certificate, day)
