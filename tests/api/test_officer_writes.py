"""Officers and certificates written through the API by team leads and HR, with the admin's rules."""

import datetime

import pytest

from enforcement.officers.models.certificate import Certificate, CertificateStatus
from tests.base import (
    HrWritableResourceChecks,
    ScopedWritableResourceChecks,
    VersionedResourceChecks,
    api_client_for,
)
from tests.factories import CertificateFactory, OfficerFactory, ReconsiderationCaseFactory, make_id_number

pytestmark = pytest.mark.django_db


class TestOfficerWrites(ScopedWritableResourceChecks, HrWritableResourceChecks, VersionedResourceChecks):
    url = "/api/v1/officers/"
    patch_payload = {"position": "副队长"}

    def make_record(self, agency):
        return OfficerFactory(agency=agency)

    def create_payload(self, agency):
        return {"name": "周明", "id_number": make_id_number(9100), "agency": agency.pk, "position": "队员"}


class TestCertificateWrites(ScopedWritableResourceChecks, HrWritableResourceChecks, VersionedResourceChecks):
    url = "/api/v1/certificates/"
    patch_payload = {"area": "甲镇全域"}

    def make_record(self, agency):
        return CertificateFactory(officer__agency=agency)

    def create_payload(self, agency):
        return {
            "number": f"ZF-{agency.pk}-9",
            "officer": OfficerFactory(agency=agency).pk,
            "issuing_authority": "示例县人民政府",
            "issued_on": "2025-01-01",
            "valid_until": "2029-12-31",
        }


class TestReconsiderationCaseVersions(VersionedResourceChecks):
    url = "/api/v1/reconsideration-cases/"
    patch_payload = {"note": "补充材料已收到"}

    def make_record(self, agency):
        return ReconsiderationCaseFactory(agency=agency)

    def detail_url(self, record):
        return f"{self.url}{record.pk}/"


def test_an_invalid_id_number_is_refused_with_a_field_message(world):
    payload = {"name": "周明", "id_number": "110101199003071234", "agency": world.township_a.pk}
    response = api_client_for(world.hr_a).post("/api/v1/officers/", payload)
    assert response.status_code == 400
    assert response.json()["errors"][0]["attr"] == "id_number"


def test_a_certificates_status_cannot_be_written_as_a_field(world):
    certificate = CertificateFactory(officer__agency=world.team_a)
    api_client_for(world.team_lead_a).patch(
        f"/api/v1/certificates/{certificate.pk}/", {"status": CertificateStatus.REVOKED}, format="json"
    )
    certificate.refresh_from_db()
    assert certificate.status == CertificateStatus.VALID


def test_a_status_change_goes_through_the_action_with_its_reason(world):
    certificate = CertificateFactory(officer__agency=world.team_a)
    response = api_client_for(world.team_lead_a).post(
        f"/api/v1/certificates/{certificate.pk}/change-status/",
        {"status": CertificateStatus.SUSPENDED, "reason": "涉嫌违法执法，暂扣", "on": "2026-03-02"},
    )
    assert response.status_code == 200, response.content
    assert response.json()["status"] == CertificateStatus.SUSPENDED
    assert certificate.status_changes.get().reason == "涉嫌违法执法，暂扣"


def test_renewal_and_reissue_are_actions_answering_the_new_certificate(world):
    old = CertificateFactory(officer__agency=world.team_a, number="ZF-A", valid_until=datetime.date(2026, 6, 30))
    client = api_client_for(world.hr_a)
    renewed = client.post(f"/api/v1/certificates/{old.pk}/renew/", {"number": "ZF-B", "issued_on": "2026-06-01"})
    assert renewed.status_code == 201, renewed.content
    assert renewed.json()["replaces"] == old.pk
    new = Certificate.objects.get(number="ZF-B")
    reissued = client.post(f"/api/v1/certificates/{new.pk}/reissue/", {"number": "ZF-C", "on": "2026-07-01"})
    assert reissued.status_code == 201, reissued.content
    new.refresh_from_db()
    assert new.status == CertificateStatus.CANCELLED


def test_a_read_only_supervisor_cannot_renew(world):
    certificate = CertificateFactory(officer__agency=world.team_a)
    response = api_client_for(world.supervisor).post(
        f"/api/v1/certificates/{certificate.pk}/renew/", {"number": "ZF-X", "issued_on": "2026-06-01"}
    )
    assert response.status_code == 403
