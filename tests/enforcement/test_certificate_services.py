import datetime

import pytest
from django.core.exceptions import ValidationError

from enforcement.officers.models.certificate import CertificateStatus
from enforcement.officers.services import change_certificate_status, reissue_lost_certificate, renew_certificate
from tests.factories import CertificateFactory

DAY = datetime.date(2025, 3, 1)


@pytest.fixture
def certificate(world):
    return CertificateFactory(officer__agency=world.township_a)


def test_suspending_records_the_reason_and_the_date(certificate, world):
    change_certificate_status(
        certificate=certificate, status=CertificateStatus.SUSPENDED, reason="违规执法", on=DAY, by=world.hr_a
    )
    certificate.refresh_from_db()
    assert certificate.status == CertificateStatus.SUSPENDED
    change = certificate.status_changes.get()
    assert (change.previous_status, change.status, change.changed_on, change.reason, change.changed_by) == (
        CertificateStatus.VALID,
        CertificateStatus.SUSPENDED,
        DAY,
        "违规执法",
        world.hr_a,
    )


def test_a_suspended_certificate_can_be_reinstated(certificate):
    change_certificate_status(certificate=certificate, status=CertificateStatus.SUSPENDED, reason="暂扣", on=DAY)
    change_certificate_status(certificate=certificate, status=CertificateStatus.VALID, reason="期满发还", on=DAY)
    certificate.refresh_from_db()
    assert certificate.status == CertificateStatus.VALID
    assert certificate.status_changes.count() == 2


def test_a_revoked_certificate_cannot_be_reinstated(certificate):
    change_certificate_status(certificate=certificate, status=CertificateStatus.REVOKED, reason="吊销", on=DAY)
    with pytest.raises(ValidationError) as error:
        change_certificate_status(certificate=certificate, status=CertificateStatus.VALID, reason="恢复", on=DAY)
    assert "status" in error.value.message_dict


def test_a_status_change_without_a_reason_is_refused(certificate):
    with pytest.raises(ValidationError) as error:
        change_certificate_status(certificate=certificate, status=CertificateStatus.SUSPENDED, reason=" ", on=DAY)
    assert "reason" in error.value.message_dict
    certificate.refresh_from_db()
    assert certificate.status == CertificateStatus.VALID


def test_renewal_is_a_new_certificate_linked_to_the_old_one(certificate):
    renewed = renew_certificate(certificate=certificate, number="NEW-1", issued_on=datetime.date(2028, 12, 1))
    certificate.refresh_from_db()
    assert renewed.replaces == certificate
    assert renewed.valid_until == datetime.date(2033, 11, 30)
    assert certificate.valid_until == datetime.date(2028, 12, 31)
    assert certificate.status == CertificateStatus.VALID


def test_a_certificate_is_renewed_only_once(certificate):
    renew_certificate(certificate=certificate, number="NEW-1", issued_on=datetime.date(2028, 12, 1))
    with pytest.raises(ValidationError):
        renew_certificate(certificate=certificate, number="NEW-2", issued_on=datetime.date(2028, 12, 1))


def test_a_lost_card_is_reissued_under_a_new_number_and_the_old_one_cancelled(certificate):
    new = reissue_lost_certificate(certificate=certificate, number="BU-1", on=DAY, reason="遗失")
    certificate.refresh_from_db()
    assert certificate.status == CertificateStatus.CANCELLED
    assert new.replaces == certificate
    assert (new.number, new.issued_on, new.valid_until) == ("BU-1", DAY, certificate.valid_until)
    assert new.is_effective_on(DAY)
