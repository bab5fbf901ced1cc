"""A reader without the full-number permission never recovers an ID number or the birth date in it."""

import io

from django.contrib import admin
from django.test import Client, RequestFactory
from openpyxl import load_workbook

from enforcement.officers.models.officer import Officer
from tests.base import api_client_for
from tests.factories import CertificateFactory, OfficerFactory

ID_NUMBER = "11010519491231002X"
MASKED = "110105********002X"
BACKEND = "django.contrib.auth.backends.ModelBackend"


def client_for(user) -> Client:
    client = Client()
    client.force_login(user, backend=BACKEND)
    return client


def officer_in(world, **fields) -> Officer:
    return OfficerFactory(agency=world.team_a, id_number=ID_NUMBER, **fields)


def test_the_api_hides_the_birth_date_from_a_reader_who_sees_the_number_masked(world):
    officer_in(world)
    row = api_client_for(world.supervisor).get("/api/v1/officers/").json()["results"][0]
    assert row["id_number"] == MASKED and row["birth_date"] is None
    row = api_client_for(world.hr_a).get("/api/v1/officers/").json()["results"][0]
    assert row["id_number"] == ID_NUMBER and row["birth_date"] == "1949-12-31"


def test_the_hr_check_answer_hides_the_birth_date_too(world):
    CertificateFactory(officer=officer_in(world), number="A-9")
    answer = api_client_for(world.supervisor).get("/api/v1/certificates/check/", {"number": "A-9"}).json()
    assert answer["officer"]["id_number"] == MASKED and answer["officer"]["birth_date"] is None


def test_the_admin_change_page_shows_the_number_masked_to_a_supervisor(world):
    officer = officer_in(world)
    page = client_for(world.supervisor).get(f"/admin/enforcement/officer/{officer.pk}/change/").content.decode()
    assert MASKED in page and ID_NUMBER not in page
    page = client_for(world.team_lead_a).get(f"/admin/enforcement/officer/{officer.pk}/change/").content.decode()
    assert ID_NUMBER in page


def test_the_admin_history_pages_show_the_numbers_masked_to_a_supervisor(world):
    officer = officer_in(world)
    officer.id_number = "110105194912310000"
    officer.save()
    client = client_for(world.supervisor)
    pages = [client.get(f"/admin/enforcement/officer/{officer.pk}/history/").content.decode()]
    for record in officer.history.all():
        pages.append(
            client.get(f"/admin/enforcement/officer/{officer.pk}/history/{record.history_id}/").content.decode()
        )
    for page in pages:
        assert ID_NUMBER not in page and "110105194912310000" not in page


def test_the_roster_and_certificate_exports_mask_the_numbers_for_a_supervisor(world):
    CertificateFactory(officer=officer_in(world))
    client = client_for(world.supervisor)
    for url in ("/admin/enforcement/officer/roster/export/", "/admin/enforcement/certificate/export/"):
        sheet = load_workbook(io.BytesIO(client.get(url).content)).active
        values = {cell.value for row in sheet.iter_rows(min_row=2) for cell in row}
        assert MASKED in values and ID_NUMBER not in values, url


def test_the_changelist_masks_the_numbers_for_every_reader_on_the_shared_admin_instance(world):
    """Two pages built on the one shared admin instance: both masked, whoever may see the number in full."""
    officer_in(world)
    model_admin = admin.site._registry[Officer]
    factory = RequestFactory()
    pages = {}
    for user in (world.team_lead_a, world.supervisor):
        request = factory.get("/admin/enforcement/officer/")
        request.user = user
        request.session = {}
        request._messages = None
        pages[user.username] = model_admin.changelist_view(request)
    lead_page = pages[world.team_lead_a.username].render().content.decode()
    supervisor_page = pages[world.supervisor.username].render().content.decode()
    # Lists are masked for everyone, the holder of the right included; the full number is on the officer's page.
    assert ID_NUMBER not in lead_page and MASKED in lead_page
    assert ID_NUMBER not in supervisor_page and MASKED in supervisor_page
