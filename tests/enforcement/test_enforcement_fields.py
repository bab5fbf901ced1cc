"""Officers, certificates and cases name their enforcement fields from one table, with the history of each change."""

import datetime
import importlib

import pytest
import time_machine
from django.apps import apps
from django.db.models import ProtectedError

from enforcement.agencies.enforcement_fields import EnforcementField, fields_named
from enforcement.agencies.models import Agency
from enforcement.officers.models.certificate import Certificate
from enforcement.officers.models.officer import Officer
from enforcement.officers.roster import import_roster, read_roster
from tests.base import api_client_for
from tests.enforcement.admin_forms import signed_version
from tests.enforcement.roster_files import HEADERS, roster_row, workbook_bytes
from tests.enforcement.test_agency_admin import log_in
from tests.factories import CertificateFactory, OfficerFactory, make_id_number

INLINES = ("status_changes", "annual_reviews")
migration = importlib.import_module("enforcement.migrations.0015_fields_reference_table")


def names(fields) -> list[str]:
    return sorted(field.name for field in fields)


def test_written_lists_are_matched_to_the_table_and_what_matches_nothing_stays_listed(world, capsys):
    certificate = CertificateFactory(officer__agency=world.township_a, fields=[])
    Certificate.objects.filter(pk=certificate.pk).update(unmatched_fields="城乡规划，市容环境、城市绿化")
    officer = OfficerFactory(agency=world.township_a)
    Officer.objects.filter(pk=officer.pk).update(unmatched_fields="市场监管 生态环境")

    migration.match_written_lists(apps, None)

    certificate.refresh_from_db()
    officer.refresh_from_db()
    assert names(certificate.fields.all()) == ["城乡规划", "市容环境"]
    assert certificate.unmatched_fields == "城市绿化"
    assert names(officer.enforcement_fields.all()) == ["市场监管", "生态环境"]
    assert officer.unmatched_fields == ""
    assert "城市绿化" in capsys.readouterr().out


def test_the_migration_back_writes_the_lists_again(world):
    certificate = CertificateFactory(officer__agency=world.township_a, fields="城乡规划")
    Certificate.objects.filter(pk=certificate.pk).update(unmatched_fields="城市绿化")

    migration.write_lists_back(apps, None)

    certificate.refresh_from_db()
    assert certificate.unmatched_fields == "城乡规划、城市绿化"


def test_a_roster_row_naming_an_unknown_field_is_refused_with_the_name(world):
    rows = [[*roster_row(1, world.township_a.name), "城乡规划、城市绿化"]]
    check = read_roster(
        workbook_bytes(rows, [*HEADERS, "执法领域"]), agencies=Agency.objects.visible_to(world.team_lead_a)
    )
    assert [error.row for error in check.errors] == [2]
    assert "城市绿化" in check.errors[0].message


def test_a_roster_gives_the_certificate_its_fields_in_its_first_history_entry(world):
    rows = [[*roster_row(1, world.township_a.name), "市容环境；城乡规划"]]
    check = read_roster(
        workbook_bytes(rows, [*HEADERS, "执法领域"]), agencies=Agency.objects.visible_to(world.team_lead_a)
    )
    assert check.is_clean, check.errors
    import_roster(check)
    certificate = Certificate.objects.get(officer__id_number=make_id_number(1))
    assert names(certificate.fields.all()) == ["城乡规划", "市容环境"]
    (entry,) = certificate.history.all()
    assert names(link.enforcementfield for link in entry.fields.all()) == ["城乡规划", "市容环境"]


def test_the_api_writes_and_reads_fields_by_name_and_names_an_unknown_one(world):
    client = api_client_for(world.team_lead_a)
    certificate = CertificateFactory(officer__agency=world.township_a, fields="城乡规划")
    url = f"/api/v1/certificates/{certificate.pk}/"
    assert client.get(url).json()["fields"] == ["城乡规划"]

    response = client.patch(url, {"fields": ["市场监管", "城市绿化"]}, format="json")
    assert response.status_code == 400
    assert "城市绿化" in str(response.json())
    assert names(certificate.fields.all()) == ["城乡规划"]

    response = client.patch(url, {"fields": ["市场监管", "生态环境"]}, format="json")
    assert response.status_code == 200, response.json()
    assert sorted(response.json()["fields"]) == ["市场监管", "生态环境"]


def test_an_admin_save_records_the_new_fields_in_one_history_entry(client, world):
    certificate = CertificateFactory(officer__agency=world.team_a, fields="城乡规划")
    url = f"/admin/enforcement/certificate/{certificate.pk}/change/"
    with time_machine.travel(datetime.datetime(2026, 6, 1, 9, 0), tick=False):
        log_in(client, world.team_lead_a)
        data = {
            "number": certificate.number,
            "officer": certificate.officer_id,
            "kind": certificate.kind,
            "issuing_authority": certificate.issuing_authority,
            "fields": [field.pk for field in fields_named(["市场监管"])],
            "area": certificate.area,
            "issued_on": certificate.issued_on.isoformat(),
            "valid_until": certificate.valid_until.isoformat(),
            "status": certificate.status,
            "version": signed_version(client, url),
            **{
                f"{prefix}-{key}": 0
                for prefix in ("status_changes", "annual_reviews")
                for key in ("TOTAL_FORMS", "INITIAL_FORMS")
            },
        }
        response = client.post(url, data)
    assert response.status_code == 302, response.content.decode()[:2000]
    entries = list(certificate.history.order_by("history_id"))
    assert [e.history_type for e in entries] == ["+", "~"], [
        (e.history_type, e.area, e.history_change_reason) for e in entries
    ]
    assert [names(link.enforcementfield for link in e.fields.all()) for e in entries] == [["城乡规划"], ["市场监管"]]


def test_a_field_in_use_cannot_be_deleted_from_the_table(world):
    field = EnforcementField.objects.get(name="城乡规划")
    CertificateFactory(officer__agency=world.township_a, fields="城乡规划")
    with pytest.raises(ProtectedError):
        field.delete()


def test_the_admin_does_not_delete_a_field_in_use_and_names_who_lists_it(admin_client, world):
    field = EnforcementField.objects.get(name="城乡规划")
    certificate = CertificateFactory(officer__agency=world.township_a, fields="城乡规划", number="ZF-IN-USE")
    response = admin_client.post(f"/admin/enforcement/enforcementfield/{field.pk}/delete/", {"post": "yes"})
    assert response.status_code == 200
    assert certificate.number in response.content.decode()
    assert EnforcementField.objects.filter(pk=field.pk).exists()
