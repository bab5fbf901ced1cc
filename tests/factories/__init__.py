"""factory_boy factories shared by every test folder, one module per area."""

from .agencies import AgencyFactory, MembershipFactory, UserFactory

__all__ = ["AgencyFactory", "MembershipFactory", "UserFactory"]
