"""The HR check asked again is answered as kept, until a write that could change the answer, and only then."""

import datetime

import pytest
from django.contrib.auth.models import Permission
from django.db import connection
from django.test.utils import CaptureQueriesContext

from enforcement.agencies.enforcement_fields import EnforcementField
from enforcement.officers.models.certificate import CertificateStatus
from enforcement.officers.models.officer import EmploymentStatus
from enforcement.officers.services import change_certificate_status
from tests.base import token_client
from tests.factories import CertificateFactory, OfficerFactory, UserFactory
from tests.factories.cases import EnforcementFieldFactory

URL = "/api/v1/certificates/check/"
ID_NUMBER = "11010519491231002X"
MASKED = "110105********002X"

pytestmark = pytest.mark.usefixtures("june_first_with_an_empty_cache")


def ask(client, **lookup):
    return client.get(URL, lookup)


def tables_read(client, **lookup) -> set[str]:
    """The tables the check reads, asked again: the records' versions alone when the answer was kept."""
    with CaptureQueriesContext(connection) as queries:
        assert ask(client, **lookup).status_code in (200, 404)
    return {table for query in queries for table in _TABLES if f'"{table}"' in query["sql"]}


_TABLES = ("enforcement_cacheversion", "enforcement_officer", "enforcement_certificate", "enforcement_agency")


@pytest.fixture
def certificate(world):
    return CertificateFactory(officer=OfficerFactory(agency=world.team_a, id_number=ID_NUMBER), number="A-1")


def test_a_check_asked_again_reads_only_the_records_versions(world, certificate):
    client = token_client(world.hr_a)
    first = ask(client, number="A-1").json()
    assert tables_read(client, number="A-1") == {"enforcement_cacheversion"}
    assert ask(client, number="A-1").json() == first


def test_a_certificate_revoked_changes_the_answer_at_once(world, certificate):
    client = token_client(world.hr_a)
    assert ask(client, number="A-1").json()["may_enforce"] is True
    change_certificate_status(
        certificate=certificate, status=CertificateStatus.REVOKED, reason="吊销", on=datetime.date(2026, 5, 20)
    )
    answer = ask(client, number="A-1").json()
    assert answer["may_enforce"] is False
    assert "2026-05-20" in answer["reason"]


def test_an_officer_who_left_is_answered_so_at_once(world, certificate):
    client = token_client(world.hr_a)
    assert ask(client, id_number=ID_NUMBER).json()["may_enforce"] is True
    officer = certificate.officer
    officer.employment_status = EmploymentStatus.RETIRED
    officer.employed_until = datetime.date(2026, 5, 31)
    officer.save()
    assert ask(client, id_number=ID_NUMBER).json()["may_enforce"] is False


def test_a_number_issued_after_it_was_asked_for_is_found_at_once(world):
    client = token_client(world.hr_a)
    assert ask(client, number="B-7").status_code == 404
    CertificateFactory(officer__agency=world.team_a, number="B-7")
    assert ask(client, number="B-7").status_code == 200


def test_fields_linked_to_a_certificate_show_at_once(world, certificate):
    client = token_client(world.hr_a)
    before = ask(client, number="A-1").json()["certificates"][0]["fields"]
    # Links written on their own, without saving the certificate (as the API's serializers write them).
    certificate.fields.set([EnforcementFieldFactory(name="市场监管")])
    after = ask(client, number="A-1").json()["certificates"][0]["fields"]
    assert after == ["市场监管"] != before


def test_a_renamed_enforcement_field_shows_at_once(world, certificate):
    certificate.fields.set([EnforcementFieldFactory(name="城乡规划")])
    client = token_client(world.hr_a)
    assert ask(client, number="A-1").json()["certificates"][0]["fields"] == ["城乡规划"]
    field = EnforcementField.objects.get(name="城乡规划")
    field.name = "城乡规划建设"
    field.save()
    assert ask(client, number="A-1").json()["certificates"][0]["fields"] == ["城乡规划建设"]


def test_a_write_in_another_township_leaves_the_answer_alone(world, certificate):
    client = token_client(world.hr_a)
    ask(client, number="A-1")
    CertificateFactory(officer__agency=world.township_b)
    assert tables_read(client, number="A-1") == {"enforcement_cacheversion"}


def test_each_reader_gets_the_id_number_their_permissions_allow(world, certificate, committed):
    hr = token_client(world.hr_a)
    supervisor = token_client(world.supervisor)
    assert ask(hr, number="A-1").json()["officer"]["id_number"] == ID_NUMBER
    assert ask(supervisor, number="A-1").json()["officer"]["id_number"] == MASKED
    with committed():
        world.supervisor.user_permissions.add(Permission.objects.get(codename="view_full_id_number"))
    assert ask(supervisor, number="A-1").json()["officer"]["id_number"] == ID_NUMBER


def test_a_reader_of_every_tree_is_answered_afresh_after_a_write_anywhere(world):
    superuser = UserFactory(is_superuser=True, is_staff=True)
    client = token_client(superuser)
    certificate = CertificateFactory(officer__agency=world.township_b, number="C-3")
    assert ask(client, number="C-3").json()["may_enforce"] is True
    change_certificate_status(
        certificate=certificate, status=CertificateStatus.SUSPENDED, reason="停职", on=datetime.date(2026, 5, 2)
    )
    assert ask(client, number="C-3").json()["may_enforce"] is False


def test_a_member_of_every_tree_asked_again_reads_one_version_query(world, certificate, django_assert_num_queries):
    client = token_client(world.supervisor)
    assert ask(client, number="A-1").json()["may_enforce"] is True
    with django_assert_num_queries(1):
        assert ask(client, number="A-1").status_code == 200
    change_certificate_status(
        certificate=certificate, status=CertificateStatus.SUSPENDED, reason="停职", on=datetime.date(2026, 5, 2)
    )
    assert ask(client, number="A-1").json()["may_enforce"] is False
