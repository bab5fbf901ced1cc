"""May this officer act in this case on this day: the HR check's rule, plus the case's field.

Validity and service are decided by `officers.certification.check_officer`,
whose reason is repeated word for word; a penalty case adds only that an
effective certificate must list the case's enforcement field (art. 42).
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


def officer_refusal(officer: Officer, field: EnforcementField, day: datetime.date) -> str | None:
    """Why `officer` may not act on `day` in `field`, naming the officer; None when they may.

    The officer's certificates (with their history and fields) must be prefetched.
    `OfficerQuerySet.certified_for` is the same rule as a query.
    """
    check = check_officer(officer, day)
    if not check.may_enforce:
        return f"{officer.name}: {check.reason}"
    effective = [c for c in check.certificates if c.is_effective_on(day)]
    if not any(c.covers(field) for c in effective):
        return _("%(officer)s: certificate %(numbers)s does not cover the field %(field)s.") % {
            "officer": officer.name,
            "numbers": "、".join(c.number for c in effective),
            "field": field,
        }
    return None
