"""factory_boy factories shared by every test folder, one module per area."""

from .agencies import AgencyFactory, MembershipFactory, UserFactory
from .officers import OfficerFactory, make_id_number
from .reconsideration import ApplicantFactory, ReconsiderationCaseFactory, case_with_events

__all__ = [
    "AgencyFactory",
    "ApplicantFactory",
    "MembershipFactory",
    "OfficerFactory",
    "ReconsiderationCaseFactory",
    "UserFactory",
    "case_with_events",
    "make_id_number",
]
