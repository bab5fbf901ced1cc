import datetime

import pytest
import time_machine

from enforcement.officers.models.certificate import CertificateKind, CertificateStatus
from tests.base import ScopedResourceChecks, api_client_for, query_counts_at_two_sizes
from tests.factories import CertificateFactory, OfficerFactory

URL = "/api/v1/certificates/"


class TestCertificateApi(ScopedResourceChecks):
    url = URL

    def make_record(self, agency):
        return CertificateFactory(officer__agency=agency)


@pytest.fixture(autouse=True)
def _today():
    with time_machine.travel(datetime.datetime(2026, 6, 1, 9, 0), tick=False):
        yield


def listed_numbers(user, **query):
    response = api_client_for(user).get(URL, query)
    assert response.status_code == 200, response.content
    return {row["number"] for row in response.json()["results"]}


def test_a_certificate_lists_its_holder_agency_and_verification_url(world):
    certificate = CertificateFactory(officer__agency=world.team_a)
    row = api_client_for(world.team_lead_a).get(URL).json()["results"][0]
    assert row["officer"] == certificate.officer_id
    assert row["agency"] == world.team_a.pk
    assert row["is_effective_today"] is True
    assert row["verification_url"].endswith(f"/verify/{certificate.verification_token}/")


def test_agency_filter_takes_the_subtree(world):
    CertificateFactory(officer__agency=world.team_a, number="A")
    CertificateFactory(officer__agency=world.township_b, number="B")
    assert listed_numbers(world.supervisor, agency=world.township_a.pk) == {"A"}


def test_officer_filter(world):
    officer = OfficerFactory(agency=world.township_a)
    CertificateFactory(officer=officer, number="MINE")
    CertificateFactory(officer__agency=world.township_a, number="OTHER")
    assert listed_numbers(world.team_lead_a, officer=officer.pk) == {"MINE"}


def test_status_filter(world):
    CertificateFactory(officer__agency=world.township_a, number="S", status=CertificateStatus.SUSPENDED)
    CertificateFactory(officer__agency=world.township_a, number="V")
    assert listed_numbers(world.team_lead_a, status="suspended") == {"S"}


def test_kind_filter(world):
    CertificateFactory(officer__agency=world.township_a, number="J", kind=CertificateKind.SUPERVISION)
    CertificateFactory(officer__agency=world.township_a, number="Z")
    assert listed_numbers(world.team_lead_a, kind="supervision") == {"J"}


def test_expiry_date_filters(world):
    CertificateFactory(officer__agency=world.township_a, number="EARLY", valid_until=datetime.date(2026, 7, 1))
    CertificateFactory(officer__agency=world.township_a, number="LATE", valid_until=datetime.date(2029, 1, 1))
    assert listed_numbers(world.team_lead_a, expires_before="2026-07-01") == {"EARLY"}
    assert listed_numbers(world.team_lead_a, expires_after="2026-07-02") == {"LATE"}


def test_expiring_within_days_counts_only_effective_certificates(world):
    CertificateFactory(officer__agency=world.township_a, number="SOON", valid_until=datetime.date(2026, 6, 30))
    CertificateFactory(officer__agency=world.township_a, number="LATER", valid_until=datetime.date(2026, 9, 30))
    CertificateFactory(
        officer__agency=world.township_a,
        number="SUSPENDED",
        valid_until=datetime.date(2026, 6, 30),
        status=CertificateStatus.SUSPENDED,
    )
    CertificateFactory(officer__agency=world.township_a, number="GONE", valid_until=datetime.date(2026, 5, 31))
    assert listed_numbers(world.team_lead_a, expiring_within_days=29) == {"SOON"}


def test_certificates_list_query_count_does_not_grow_with_rows(world):
    client = api_client_for(world.supervisor)
    counts = query_counts_at_two_sizes(
        lambda count: CertificateFactory.create_batch(count, officer__agency=world.team_a),
        lambda: client.get(URL, {"page_size": 100}),
    )
    assert counts[0] == counts[1]
