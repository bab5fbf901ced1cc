"""May this officer act in this case on this day: the HR check's rule, plus the case's field.

Validity and service are decided by the officers' rules (`Officer.is_in_service_on`,
`Certificate.is_effective_on`), as for the HR check, whose reason a refusal
repeats word for word; a penalty case adds only that an effective
certificate must list the case's enforcement field (art. 42).
"""

from __future__ import annotations

import datetime
from typing import TYPE_CHECKING

from django.db.models import QuerySet
from django.utils.translation import gettext as _

from enforcement.officers.certification import check_officer, with_validity_history
from enforcement.officers.models.certificate import Certificate

if TYPE_CHECKING:
    from enforcement.agencies.enforcement_fields import EnforcementField
    from enforcement.officers.models.officer import Officer


def certificates_for_the_check() -> QuerySet[Certificate]:
    """What `officer_refusal` reads of each certificate: its dated history and its fields."""
    return with_validity_history(Certificate.objects.prefetch_related("fields"))


def may_act(officer: Officer, field: EnforcementField, day: datetime.date) -> bool:
    """Whether `officer` may act on `day` in `field`: in service, with an effective certificate listing the field.

    The decision alone; `officer_refusal` gives it in words, and `certified_q`
    (given the act's officer, day and field) is its query form, which the
    statistics count with. The officer's certificates (`certificates_for_the_check`) must be prefetched.
    """
    return officer.is_in_service_on(day) and any(
        certificate.is_effective_on(day) and certificate.covers(field) for certificate in officer.certificates.all()
    )


def officer_refusal(officer: Officer, field: EnforcementField, day: datetime.date) -> str | None:
    """Why `officer` may not act on `day` in `field`, naming the officer; None when they may (`may_act`).

    The officer's certificates (with their history and fields) must be prefetched.
    `OfficerQuerySet.certified_for` is the same rule as a query.
    """
    if may_act(officer, field, day):
        return None
    check = check_officer(officer, day)
    if not check.may_enforce:
        return f"{officer.name}: {check.reason}"
    effective = [c for c in check.certificates if c.is_effective_on(day)]
    return _("%(officer)s: certificate %(numbers)s does not cover the field %(field)s.") % {
        "officer": officer.name,
        "numbers": "、".join(c.number for c in effective),
        "field": field,
    }
