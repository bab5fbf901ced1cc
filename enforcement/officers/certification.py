"""The HR check: may this person enforce the law today, and if not, why not."""

from __future__ import annotations

import datetime
from dataclasses import dataclass

from django.db.models import Prefetch, QuerySet
from django.utils import formats
from django.utils.translation import gettext as _

from enforcement.officers.models.certificate import Certificate, CertificateStatus, CertificateStatusChange
from enforcement.officers.models.officer import Officer


@dataclass(frozen=True)
class CertificationCheck:
    may_enforce: bool
    reason: str
    officer: Officer
    certificates: list[Certificate]


def _date(day: datetime.date) -> str:
    return formats.date_format(day, "Y-m-d")


def _last_change_on(certificate: Certificate) -> datetime.date | None:
    changes = [c for c in certificate.status_changes.all() if c.status == certificate.status]
    return max((c.changed_on for c in changes), default=None)


def certificate_reason(certificate: Certificate, day: datetime.date) -> str:
    """Why `certificate` is, or is not, effective on `day`, in plain words."""
    params = {"number": certificate.number}
    if certificate.status != CertificateStatus.VALID:
        since = _last_change_on(certificate)
        params["date"] = _date(since) if since else _("an unrecorded date")
        if certificate.status == CertificateStatus.SUSPENDED:
            return _("Certificate %(number)s has been suspended since %(date)s.") % params
        if certificate.status == CertificateStatus.REVOKED:
            return _("Certificate %(number)s was revoked on %(date)s.") % params
        return _("Certificate %(number)s was cancelled on %(date)s.") % params
    if day < certificate.issued_on:
        return _("Certificate %(number)s is not valid until %(date)s.") % {
            **params,
            "date": _date(certificate.issued_on),
        }
    if day > certificate.valid_until:
        return _("Certificate %(number)s expired on %(date)s.") % {**params, "date": _date(certificate.valid_until)}
    return _("Holds certificate %(number)s, effective until %(date)s.") % {
        **params,
        "date": _date(certificate.valid_until),
    }


def check_officer(officer: Officer, day: datetime.date) -> CertificationCheck:
    """Answer for one officer whose certificates (and their status changes) are prefetched."""
    certificates = sorted(officer.certificates.all(), key=lambda c: (c.issued_on, c.pk), reverse=True)
    effective = [c for c in certificates if c.is_effective_on(day)]
    if effective:
        best = max(effective, key=lambda c: c.valid_until)
        return CertificationCheck(True, certificate_reason(best, day), officer, certificates)
    if not certificates:
        return CertificationCheck(False, _("Holds no law-enforcement certificate."), officer, certificates)
    # The newest certificate explains the situation: an older one that lapsed
    # is history once a newer one was issued.
    return CertificationCheck(False, certificate_reason(certificates[0], day), officer, certificates)


def find_officer(officers: QuerySet[Officer], *, number: str = "", id_number: str = "") -> Officer | None:
    """The officer holding certificate `number`, or with resident ID `id_number`, among `officers`."""
    officers = officers.select_related("agency").prefetch_related(
        Prefetch(
            "certificates",
            queryset=Certificate.objects.prefetch_related(
                Prefetch("status_changes", queryset=CertificateStatusChange.objects.order_by("changed_on"))
            ),
        )
    )
    if number:
        return officers.filter(certificates__number=number.strip()).first()
    return officers.filter(id_number=id_number.strip().upper()).first()


def check_certification(
    officers: QuerySet[Officer], *, number: str = "", id_number: str = "", day: datetime.date
) -> CertificationCheck | None:
    """The HR check among `officers` (the caller's scope); None when nobody matches."""
    officer = find_officer(officers, number=number, id_number=id_number)
    return None if officer is None else check_officer(officer, day)
