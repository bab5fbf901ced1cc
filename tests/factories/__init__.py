"""factory_boy factories shared by every test folder, one module per area."""

from .agencies import AgencyFactory, MembershipFactory, UserFactory
from .officers import OfficerFactory, make_id_number

__all__ = ["AgencyFactory", "MembershipFactory", "OfficerFactory", "UserFactory", "make_id_number"]
