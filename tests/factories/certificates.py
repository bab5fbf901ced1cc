import datetime
import importlib

import factory

from enforcement.agencies.enforcement_fields import EnforcementField, field_names, set_fields_in_bulk
from enforcement.officers.models.certificate import (
    AnnualReview,
    Certificate,
    CertificateKind,
    CertificateStatus,
    ReviewResult,
)
from tests.factories.officers import OfficerFactory

DEFAULT_FIELDS = "城乡规划、市容环境"


def restore_migrated_fields() -> None:
    """The enforcement fields a migration adds, back after a transactional test flushed the tables."""
    if not EnforcementField.objects.exists():
        common = importlib.import_module("enforcement.migrations.0011_enforcement_fields").COMMON_FIELDS
        EnforcementField.objects.bulk_create(
            EnforcementField(name=name, order=order) for order, name in enumerate(common, start=1)
        )


class CertificateFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Certificate
        skip_postgeneration_save = True

    number = factory.Sequence(lambda n: f"41042320{n:06d}")
    officer = factory.SubFactory(OfficerFactory)
    kind = CertificateKind.ENFORCEMENT
    issuing_authority = "示例县人民政府"
    area = "甲镇"
    issued_on = datetime.date(2024, 1, 1)
    valid_until = datetime.date(2028, 12, 31)
    status = CertificateStatus.VALID

    @factory.post_generation
    def fields(self, create, extracted, **kwargs):
        """The fields covered, by name: a written list such as "城乡规划、市容环境" or a list of names."""
        if not create:
            return
        names = DEFAULT_FIELDS if extracted is None else extracted
        # As the roster writes them: in the certificate's first history entry, not a second one.
        # get_or_create: a test after a transactional one finds the table flushed of the migrations' rows.
        names = field_names(names) if isinstance(names, str) else names
        fields = [EnforcementField.objects.get_or_create(name=name)[0] for name in names]
        set_fields_in_bulk(Certificate, "fields", {self.pk: fields})


class AnnualReviewFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = AnnualReview

    certificate = factory.SubFactory(CertificateFactory)
    year = 2025
    result = ReviewResult.PASSED
