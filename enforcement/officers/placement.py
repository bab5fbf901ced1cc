from __future__ import annotations

from django.utils.translation import gettext as _

from enforcement.agencies.models import Agency
from enforcement.officers.models.officer import Officer


def officer_in_subtree(officer: Officer, agency: Agency, what: str) -> str | None:
    """Why `officer` may not appear on a record of `agency`, or None when they may.

    Attendance and exam results only list staff of the agency that held the
    session or the exam, or of the agencies below it.
    """
    if officer.agency.is_within(agency):
        return None
    return _("%(officer)s works at %(officer_agency)s, which is not within %(what)s (%(agency)s).") % {
        "officer": officer.name,
        "officer_agency": officer.agency.name,
        "what": what,
        "agency": agency.name,
    }
