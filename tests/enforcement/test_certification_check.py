import datetime

import pytest
import time_machine
from django.utils import translation

from enforcement.agencies.enforcement_fields import fields_named
from enforcement.officers.certification import check_certification
from enforcement.officers.models.certificate import Certificate, CertificateStatus, ReviewResult
from enforcement.officers.services import change_certificate_status
from tests.base import api_client_for
from tests.factories import AnnualReviewFactory, CertificateFactory, OfficerFactory, UserFactory

TODAY = datetime.date(2026, 6, 1)
URL = "/api/v1/certificates/check/"


@pytest.fixture(autouse=True)
def _today():
    with time_machine.travel(datetime.datetime(2026, 6, 1, 9, 0), tick=False), translation.override("en"):
        yield


def answer(officer):
    return check_certification(UserFactory(is_superuser=True), id_number=officer.id_number, day=TODAY)


def test_an_officer_with_an_effective_certificate_may_enforce(world):
    certificate = CertificateFactory(officer__agency=world.township_a, number="A-1")
    result = answer(certificate.officer)
    assert result.may_enforce
    assert "A-1" in result.reason


def test_an_officer_without_certificate_may_not_enforce(world):
    result = answer(OfficerFactory(agency=world.township_a))
    assert not result.may_enforce
    assert result.reason == "Holds no law-enforcement certificate."
    assert result.certificates == []


def test_an_expired_certificate_says_it_expired_on_the_day_after_its_last_valid_day(world):
    certificate = CertificateFactory(
        officer__agency=world.township_a, issued_on=datetime.date(2021, 1, 1), valid_until=datetime.date(2026, 5, 31)
    )
    result = answer(certificate.officer)
    assert not result.may_enforce
    assert result.reason.endswith("expired on 2026-06-01.")


def test_a_suspended_certificate_gives_the_day_of_suspension(world):
    certificate = CertificateFactory(officer__agency=world.township_a)
    change_certificate_status(
        certificate=certificate, status=CertificateStatus.SUSPENDED, reason="暂扣", on=datetime.date(2026, 4, 2)
    )
    result = answer(certificate.officer)
    assert not result.may_enforce
    assert result.reason.endswith("suspended since 2026-04-02.")
    assert (
        result.reason
        == check_certification(UserFactory(is_superuser=True), number=certificate.number, day=TODAY).reason
    )


def test_a_revoked_certificate_gives_the_day_of_revocation(world):
    certificate = CertificateFactory(officer__agency=world.township_a)
    change_certificate_status(
        certificate=certificate, status=CertificateStatus.REVOKED, reason="吊销", on=datetime.date(2026, 3, 3)
    )
    result = answer(certificate.officer)
    assert not result.may_enforce
    assert result.reason.endswith("revoked on 2026-03-03.")


def test_a_certificate_not_yet_valid_gives_its_first_day(world):
    certificate = CertificateFactory(
        officer__agency=world.township_a, issued_on=datetime.date(2026, 7, 1), valid_until=datetime.date(2031, 6, 30)
    )
    result = answer(certificate.officer)
    assert not result.may_enforce
    assert result.reason.endswith("is not valid until 2026-07-01.")


def test_the_reasons_differ_for_each_case(world):
    reasons = set()
    for status in (CertificateStatus.SUSPENDED, CertificateStatus.REVOKED, CertificateStatus.CANCELLED):
        certificate = CertificateFactory(officer__agency=world.township_a)
        Certificate.objects.filter(pk=certificate.pk).update(status=status)
        reasons.add(answer(certificate.officer).reason.replace(certificate.number, ""))
    assert len(reasons) == 3


def test_the_check_endpoint_answers_by_certificate_number(world):
    certificate = CertificateFactory(officer__agency=world.township_a, number="A-9")
    response = api_client_for(world.hr_a).get(URL, {"number": "A-9"})
    assert response.status_code == 200, response.content
    body = response.json()
    assert body["may_enforce"] is True
    assert "A-9" in body["reason"]
    assert body["officer"]["id"] == certificate.officer_id
    assert body["officer"]["id_number"] == certificate.officer.id_number
    assert [row["number"] for row in body["certificates"]] == ["A-9"]


def test_the_check_endpoint_answers_as_the_certificate_and_officer_endpoints_do(world):
    officer = OfficerFactory(agency=world.township_a)
    officer.enforcement_fields.set(fields_named(["市容环境", "城乡规划"]))
    older = CertificateFactory(
        officer=officer, fields="市容环境、城乡规划", issued_on=datetime.date(2021, 1, 1), valid_until=TODAY
    )
    AnnualReviewFactory(certificate=older, result=ReviewResult.FAILED, reviewed_on=datetime.date(2025, 12, 1))
    newer = CertificateFactory(officer=officer, fields="城乡规划", issued_on=datetime.date(2025, 1, 1))
    change_certificate_status(certificate=newer, status=CertificateStatus.SUSPENDED, reason="调查", on=TODAY)
    client = api_client_for(world.hr_a)
    body = client.get(URL, {"number": newer.number}).json()
    assert [row["state"] for row in body["certificates"]] == ["suspended", "review_failed"]
    for row in body["certificates"]:
        assert row == client.get(f"/api/v1/certificates/{row['id']}/").json()
    officer_row = client.get(f"/api/v1/officers/{officer.pk}/").json()
    assert body["officer"] == {key: officer_row[key] for key in body["officer"]}
    assert body["officer"]["enforcement_fields"] == ["城乡规划", "市容环境"]


def test_the_check_endpoint_names_the_fields_of_a_person_without_certificates(world):
    officer = OfficerFactory(agency=world.township_a)
    officer.enforcement_fields.set(fields_named(["市容环境", "城乡规划"]))
    body = api_client_for(world.hr_a).get(URL, {"id_number": officer.id_number}).json()
    assert body["certificates"] == []
    assert body["officer"]["enforcement_fields"] == ["城乡规划", "市容环境"]


def test_the_check_endpoint_answers_by_id_number_in_lower_case(world):
    officer = OfficerFactory(agency=world.township_a, id_number="11010519491231002X")
    response = api_client_for(world.hr_a).get(URL, {"id_number": "11010519491231002x"})
    assert response.status_code == 200
    assert response.json()["may_enforce"] is False
    assert response.json()["officer"]["id"] == officer.pk


@pytest.mark.parametrize("query", [{}, {"number": "A-1", "id_number": "11010519491231002X"}])
def test_the_check_endpoint_needs_exactly_one_of_number_and_id_number(world, query):
    response = api_client_for(world.hr_a).get(URL, query)
    assert response.status_code == 400
    assert response.json()["errors"][0]["attr"] == "number"


def test_the_check_endpoint_answers_404_for_an_unknown_number(world):
    assert api_client_for(world.hr_a).get(URL, {"number": "NOPE"}).status_code == 404


def test_the_check_endpoint_answers_404_for_another_townships_officer(world):
    CertificateFactory(officer__agency=world.township_b, number="B-1")
    assert api_client_for(world.hr_a).get(URL, {"number": "B-1"}).status_code == 404
    assert api_client_for(world.team_lead_b).get(URL, {"number": "B-1"}).status_code == 200


def test_the_check_endpoint_needs_login(world):
    assert api_client_for(None).get(URL, {"number": "A-1"}).status_code == 401


def test_checks_in_a_row_answer_for_each_person_within_each_readers_scope(world):
    in_a = CertificateFactory(officer__agency=world.township_a, number="A-1")
    in_b = CertificateFactory(officer__agency=world.township_b, number="B-1")
    # The same reader twice, then another reader: the query prepared for one
    # reader's scope is not another's, and one person's answer is not the next's.
    assert check_certification(world.hr_a, number="A-1", day=TODAY).officer == in_a.officer
    assert check_certification(world.hr_a, number="B-1", day=TODAY) is None
    assert check_certification(world.supervisor, number="B-1", day=TODAY).officer == in_b.officer
    assert check_certification(world.supervisor, id_number=in_a.officer.id_number, day=TODAY).officer == in_a.officer
    assert check_certification(world.hr_a, id_number=in_b.officer.id_number, day=TODAY) is None
