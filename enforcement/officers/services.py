"""Changes to certificates that span records: renewal, status changes, reissue of a lost card.

Each is atomic, locks the certificate it starts from (two clerks renewing the
same card at once must not make two successors) and validates every row it
writes with full_clean().
"""

from __future__ import annotations

import datetime

from django.conf import settings
from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from enforcement.agencies.enforcement_fields import set_fields_in_bulk
from enforcement.officers.models.certificate import (
    FINAL_STATUSES,
    Certificate,
    CertificateStatus,
    CertificateStatusChange,
    validate_status_change,
)


def default_valid_until(issued_on: datetime.date) -> datetime.date:
    """The last day of validity of a certificate issued on `issued_on`, per the province's setting."""
    years = settings.LAWGOV["CERTIFICATE_VALIDITY_YEARS"]
    try:
        end = issued_on.replace(year=issued_on.year + years)
    except ValueError:  # issued on 29 February
        end = issued_on.replace(year=issued_on.year + years, day=28) + datetime.timedelta(days=1)
    return end - datetime.timedelta(days=1)


def _locked(certificate: Certificate) -> Certificate:
    return Certificate.objects.select_for_update().get(pk=certificate.pk)


def last_status_change_on(certificate: Certificate) -> datetime.date | None:
    return certificate.status_changes.order_by("-changed_on").values_list("changed_on", flat=True).first()


def _successor(
    old: Certificate, *, number: str, issued_on: datetime.date, valid_until: datetime.date, by
) -> Certificate:
    if hasattr(old, "replacement"):
        raise ValidationError(
            {"replaces": _("Certificate %(number)s has already been replaced.") % {"number": old.number}}
        )
    new = Certificate(
        number=number,
        officer=old.officer,
        kind=old.kind,
        issuing_authority=old.issuing_authority,
        area=old.area,
        issued_on=issued_on,
        valid_until=valid_until,
        replaces=old,
    )
    new.full_clean()
    # The history row of the new certificate names who issued it.
    new._history_user = by
    new.save()
    set_fields_in_bulk(Certificate, "fields", {new.pk: list(old.fields.all())})
    return new


@transaction.atomic
def change_certificate_status(
    *,
    certificate: Certificate,
    status: str,
    reason: str,
    on: datetime.date | None = None,
    by=None,
) -> Certificate:
    """Suspend, revoke, cancel or reinstate a certificate, recording the reason and the date."""
    certificate = _locked(certificate)
    on = on or timezone.localdate()
    validate_status_change(
        current=certificate.status,
        new=status,
        reason=reason,
        on=on,
        last_change_on=last_status_change_on(certificate),
    )
    change = CertificateStatusChange(
        certificate=certificate,
        status=status,
        previous_status=certificate.status,
        changed_on=on,
        reason=reason.strip(),
        changed_by=by,
    )
    change.full_clean()
    certificate.status = status
    certificate.full_clean()
    certificate._history_user = by
    certificate.save()
    change.save()
    return certificate


@transaction.atomic
def renew_certificate(
    *,
    certificate: Certificate,
    number: str,
    issued_on: datetime.date,
    valid_until: datetime.date | None = None,
    by=None,
) -> Certificate:
    """Issue the successor of a certificate (换证); the old row stays as it was."""
    old = _locked(certificate)
    if old.status in FINAL_STATUSES:
        raise ValidationError({"replaces": _("A revoked or cancelled certificate cannot be renewed; issue a new one.")})
    return _successor(
        old, number=number, issued_on=issued_on, valid_until=valid_until or default_valid_until(issued_on), by=by
    )


@transaction.atomic
def reissue_lost_certificate(
    *,
    certificate: Certificate,
    number: str,
    on: datetime.date | None = None,
    reason: str = "",
    by=None,
) -> Certificate:
    """Reissue a lost card (遗失补发) under a new number; the lost one is cancelled so it cannot be shown."""
    old = _locked(certificate)
    on = on or timezone.localdate()
    if old.status in FINAL_STATUSES:
        raise ValidationError({"replaces": _("A revoked or cancelled certificate cannot be reissued.")})
    if old.status != CertificateStatus.VALID:
        raise ValidationError({"replaces": _("A suspended certificate cannot be reissued.")})
    change_certificate_status(
        certificate=old,
        status=CertificateStatus.CANCELLED,
        reason=reason or _("Lost; reissued as %(number)s.") % {"number": number},
        on=on,
        by=by,
    )
    old.refresh_from_db()
    return _successor(old, number=number, issued_on=on, valid_until=old.valid_until, by=by)
