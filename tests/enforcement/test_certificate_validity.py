import datetime

import pytest
from django.core.exceptions import ValidationError
from django.db import IntegrityError, transaction

from enforcement.officers.models.certificate import Certificate, CertificateStatus
from enforcement.officers.models.officer import Officer
from tests.factories import CertificateFactory, OfficerFactory

ISSUED = datetime.date(2024, 1, 1)
LAST_DAY = datetime.date(2028, 12, 31)


@pytest.fixture
def certificate(world):
    return CertificateFactory(officer__agency=world.township_a, issued_on=ISSUED, valid_until=LAST_DAY)


def effective_ids(day):
    return set(Certificate.objects.effective_on(day).values_list("pk", flat=True))


def test_valid_until_before_issued_on_is_refused_by_clean(world):
    certificate = CertificateFactory.build(
        officer=OfficerFactory(agency=world.township_a), issued_on=ISSUED, valid_until=ISSUED - datetime.timedelta(1)
    )
    with pytest.raises(ValidationError) as error:
        certificate.full_clean()
    assert "valid_until" in error.value.message_dict


def test_valid_until_before_issued_on_is_refused_by_the_database(certificate):
    with pytest.raises(IntegrityError), transaction.atomic():
        Certificate.objects.filter(pk=certificate.pk).update(valid_until=ISSUED - datetime.timedelta(days=1))


def test_a_certificate_is_effective_on_its_first_day(certificate):
    assert certificate.is_effective_on(ISSUED)
    assert certificate.pk in effective_ids(ISSUED)


def test_a_certificate_is_effective_on_its_last_day(certificate):
    assert certificate.is_effective_on(LAST_DAY)
    assert certificate.pk in effective_ids(LAST_DAY)


def test_a_certificate_is_not_effective_the_day_after_it_expires(certificate):
    day_after = LAST_DAY + datetime.timedelta(days=1)
    assert not certificate.is_effective_on(day_after)
    assert certificate.pk not in effective_ids(day_after)


def test_a_certificate_is_not_effective_before_it_is_issued(certificate):
    day_before = ISSUED - datetime.timedelta(days=1)
    assert not certificate.is_effective_on(day_before)
    assert certificate.pk not in effective_ids(day_before)


@pytest.mark.parametrize(
    "status", [CertificateStatus.SUSPENDED, CertificateStatus.REVOKED, CertificateStatus.CANCELLED]
)
def test_a_certificate_that_is_not_valid_is_not_effective(certificate, status):
    Certificate.objects.filter(pk=certificate.pk).update(status=status)
    certificate.refresh_from_db()
    assert not certificate.is_effective_on(ISSUED)
    assert certificate.pk not in effective_ids(ISSUED)


def test_an_officer_is_certified_while_holding_an_effective_certificate(certificate, world):
    uncertified = OfficerFactory(agency=world.township_a)
    assert set(Officer.objects.certified_on(LAST_DAY)) == {certificate.officer}
    assert set(Officer.objects.not_certified_on(LAST_DAY)) == {uncertified}
    assert set(Officer.objects.not_certified_on(LAST_DAY + datetime.timedelta(days=1))) == {
        certificate.officer,
        uncertified,
    }


def test_certificates_are_scoped_through_their_officer(certificate, world):
    CertificateFactory(officer__agency=world.township_b)
    assert list(Certificate.objects.visible_to(world.team_lead_a)) == [certificate]
