"""factory_boy factories shared by every test folder, one module per area."""

from .agencies import AgencyFactory, MembershipFactory, UserFactory
from .certificates import AnnualReviewFactory, CertificateFactory
from .officers import OfficerFactory, make_id_number

__all__ = [
    "AgencyFactory",
    "AnnualReviewFactory",
    "CertificateFactory",
    "MembershipFactory",
    "OfficerFactory",
    "UserFactory",
    "make_id_number",
]
