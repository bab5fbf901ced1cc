import datetime

import factory

from enforcement.officers.models.certificate import (
    AnnualReview,
    Certificate,
    CertificateKind,
    CertificateStatus,
    ReviewResult,
)
from tests.factories.officers import OfficerFactory


class CertificateFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Certificate

    number = factory.Sequence(lambda n: f"41042320{n:06d}")
    officer = factory.SubFactory(OfficerFactory)
    kind = CertificateKind.ENFORCEMENT
    issuing_authority = "示例县人民政府"
    fields = "城乡规划、市容环境"
    area = "甲镇"
    issued_on = datetime.date(2024, 1, 1)
    valid_until = datetime.date(2028, 12, 31)
    status = CertificateStatus.VALID


class AnnualReviewFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = AnnualReview

    certificate = factory.SubFactory(CertificateFactory)
    year = 2025
    result = ReviewResult.PASSED
