"""Resident ID numbers: full-width digits and a lower-case x are normalised first, anything else non-ASCII refused."""

import datetime
import importlib

import pytest
from django.apps import apps
from django.core.exceptions import ValidationError
from django.db import connection

from enforcement.agencies.models import Agency
from enforcement.agencies.validators import validate_id_number
from enforcement.officers.certification import check_certification
from enforcement.officers.models.officer import Officer
from enforcement.officers.roster import import_roster, read_roster
from tests.enforcement.roster_files import HEADERS, roster_row, workbook_bytes
from tests.enforcement.test_agency_admin import log_in
from tests.enforcement.test_officer_admin import CHANGELIST, change_payload
from tests.factories import OfficerFactory, UserFactory, make_id_number

ASCII = "11010519491231002X"
FULL_WIDTH = "１１０１０５１９４９１２３１００２ｘ"
SUPERSCRIPT = "1101051949123100²X"


def full_width(number: str) -> str:
    return "".join(chr(0xFF10 + int(c)) if c.isdigit() else c for c in number)


def test_full_width_digits_and_a_lower_case_x_are_stored_as_ascii(world):
    officer = OfficerFactory.build(agency=world.township_a, id_number=FULL_WIDTH)
    officer.full_clean()
    officer.save()
    assert Officer.objects.values_list("id_number", flat=True).get(pk=officer.pk) == ASCII


def test_the_same_person_typed_in_full_width_is_refused_as_a_duplicate(world):
    OfficerFactory(agency=world.township_a, id_number=ASCII)
    again = OfficerFactory.build(agency=world.township_a, id_number=FULL_WIDTH)
    with pytest.raises(ValidationError) as error:
        again.full_clean()
    assert "id_number" in error.value.message_dict


def test_a_superscript_digit_is_refused_with_a_field_message_not_a_server_error():
    with pytest.raises(ValidationError) as error:
        validate_id_number(SUPERSCRIPT)
    assert error.value.code == "id_number_character"


def test_the_admin_answers_a_superscript_digit_with_a_field_message(client, world):
    log_in(client, world.team_lead_a)
    officer = OfficerFactory(agency=world.team_a)
    url = f"{CHANGELIST}{officer.pk}/change/"
    response = client.post(url, change_payload(client, officer, id_number=SUPERSCRIPT))
    assert response.status_code == 200
    assert "²" in response.context["adminform"].form.errors["id_number"][0]


def test_the_admin_stores_a_full_width_number_as_ascii(client, world):
    log_in(client, world.team_lead_a)
    officer = OfficerFactory(agency=world.team_a)
    url = f"{CHANGELIST}{officer.pk}/change/"
    response = client.post(url, change_payload(client, officer, id_number=FULL_WIDTH))
    assert response.status_code == 302, response.content.decode()[:2000]
    officer.refresh_from_db()
    assert officer.id_number == ASCII


def test_the_hr_check_finds_a_person_by_either_spelling(world):
    OfficerFactory(agency=world.township_a, id_number=FULL_WIDTH)
    for typed in (ASCII, FULL_WIDTH, ASCII.lower()):
        answer = check_certification(UserFactory(is_superuser=True), id_number=typed, day=datetime.date(2026, 6, 1))
        assert answer is not None, typed


def test_the_roster_import_normalises_full_width_numbers(world):
    row = roster_row(1, world.township_a.name)
    row[HEADERS.index("身份证号")] = full_width(make_id_number(1))
    check = read_roster(workbook_bytes([row]), agencies=Agency.objects.visible_to(world.team_lead_a))
    assert check.is_clean, check.errors
    import_roster(check)
    assert Officer.objects.get().id_number == make_id_number(1)


def _store_raw(officer: Officer, id_number: str) -> None:
    # The field normalises every write; a row stored before it existed is written by hand.
    with connection.cursor() as cursor:
        cursor.execute(f"UPDATE {Officer._meta.db_table} SET id_number = %s WHERE id = %s", [id_number, officer.pk])


migration = importlib.import_module("enforcement.migrations.0008_certificate_validity_and_id_numbers")


def test_the_data_migration_normalises_stored_numbers(world):
    officer = OfficerFactory(agency=world.township_a)
    _store_raw(officer, FULL_WIDTH)
    migration.normalise_id_numbers(apps, None)
    assert Officer.objects.values_list("id_number", flat=True).get(pk=officer.pk) == ASCII


def test_the_data_migration_stops_and_lists_two_rows_that_would_become_one_person(world):
    first = OfficerFactory(agency=world.township_a, name="张三", id_number=ASCII)
    second = OfficerFactory(agency=world.township_a, name="张叁")
    _store_raw(second, FULL_WIDTH)
    with pytest.raises(RuntimeError) as error:
        migration.normalise_id_numbers(apps, None)
    assert f"officer {first.pk} 张三" in str(error.value)
    assert f"officer {second.pk} 张叁 «{FULL_WIDTH}»" in str(error.value)
    assert Officer.objects.values_list("id_number", flat=True).get(pk=second.pk) == FULL_WIDTH
