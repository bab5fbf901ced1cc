"""What a township official looks for on a certificate and a case list: 换证, 补证, days left, applicants, export."""

import datetime
import io

import openpyxl
import pytest
import time_machine

from enforcement.officers.models.certificate import Certificate, CertificateStatus
from tests.enforcement.test_agency_admin import log_in
from tests.factories import ApplicantFactory, CertificateFactory, case_with_events
from tests.factories.reconsideration import d

TODAY = datetime.date(2026, 6, 1)
CERTIFICATES = "/admin/enforcement/certificate/"
CASES = "/admin/enforcement/reconsiderationcase/"


@pytest.fixture
def lead_a(client, world):
    with time_machine.travel(datetime.datetime(2026, 6, 1, 9, 0), tick=False):
        log_in(client, world.team_lead_a)
        yield client


def test_the_certificate_page_offers_renewal_and_reissue_and_says_the_days_left(lead_a, world):
    certificate = CertificateFactory(officer__agency=world.team_a, valid_until=TODAY + datetime.timedelta(days=12))
    page = lead_a.get(f"{CERTIFICATES}{certificate.pk}/change/").content.decode()
    assert "换证" in page and "补证" in page
    assert "剩余12天" in page


def test_an_expired_certificate_says_how_long_ago(lead_a, world):
    CertificateFactory(officer__agency=world.team_a, number="ZF-OLD", valid_until=TODAY - datetime.timedelta(days=11))
    page = lead_a.get(CERTIFICATES, {"q": "ZF-OLD"}).content.decode()
    assert "已逾期11天" in page and "-11" not in page


def test_renewal_from_the_certificate_page_issues_the_successor(lead_a, world):
    old = CertificateFactory(
        officer__agency=world.team_a, number="ZF-1", valid_until=TODAY + datetime.timedelta(days=20)
    )
    response = lead_a.post(f"{CERTIFICATES}{old.pk}/renewal/renew/", {"number": "ZF-2", "issued_on": "2026-06-01"})
    new = Certificate.objects.get(number="ZF-2")
    assert response.status_code == 302 and response["Location"].endswith(f"/{new.pk}/change/")
    assert new.replaces == old and new.valid_until > old.valid_until


def test_reissue_of_a_lost_card_cancels_it_and_issues_a_new_number(lead_a, world):
    old = CertificateFactory(
        officer__agency=world.team_a, number="ZF-1", valid_until=TODAY + datetime.timedelta(days=200)
    )
    lead_a.post(f"{CERTIFICATES}{old.pk}/renewal/reissue/", {"number": "ZF-1B", "on": "2026-06-01", "reason": "遗失"})
    old.refresh_from_db()
    assert old.status == CertificateStatus.CANCELLED
    assert Certificate.objects.get(number="ZF-1B").replaces == old


def test_renewing_a_revoked_certificate_is_refused_with_the_reason(lead_a, world):
    old = CertificateFactory(officer__agency=world.team_a, status=CertificateStatus.REVOKED)
    response = lead_a.post(f"{CERTIFICATES}{old.pk}/renewal/renew/", {"number": "ZF-9", "issued_on": "2026-06-01"})
    assert response.status_code == 200 and "吊销" in response.content.decode()
    assert not Certificate.objects.filter(number="ZF-9").exists()


def test_another_townships_certificate_cannot_be_renewed(lead_a, world):
    other = CertificateFactory(officer__agency=world.township_b)
    assert lead_a.get(f"{CERTIFICATES}{other.pk}/renewal/renew/").status_code == 404


def test_the_case_list_shows_applicants_and_exports_what_it_shows(lead_a, world):
    case = case_with_events(
        world.township_a, ("application_received", d("2026-05-20")), organ_case_number="示复〔2026〕9号"
    )
    ApplicantFactory(case=case, name="张三")
    page = lead_a.get(CASES).content.decode()
    assert "张三" in page and "/export/" in page
    workbook = openpyxl.load_workbook(io.BytesIO(lead_a.get(f"{CASES}export/").content))
    rows = list(workbook.active.iter_rows(values_only=True))
    assert rows[1][0] == "示复〔2026〕9号" and rows[1][2] == "张三"
