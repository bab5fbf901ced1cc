from enforcement.agencies.models import Agency
from tests.factories.agencies import PASSWORD


def log_in(client, user):
    response = client.post("/admin/login/?next=/admin/", {"username": user.username, "password": PASSWORD})
    assert response.status_code == 302, response.content


def test_admin_login_page_is_in_simplified_chinese_by_default(client, db):
    response = client.get("/admin/login/")
    assert response.status_code == 200
    assert "用户名" in response.content.decode()


def test_admin_is_available_in_english(client, db):
    response = client.get("/admin/login/", HTTP_ACCEPT_LANGUAGE="en")
    assert "Username" in response.content.decode()


def test_team_lead_sees_own_township_in_the_admin_but_not_another(client, world):
    log_in(client, world.team_lead_a)
    page = client.get("/admin/enforcement/agency/").content.decode()
    assert "甲镇人民政府" in page
    assert "乙乡人民政府" not in page


def test_another_townships_agency_page_is_not_found_in_the_admin(client, world):
    log_in(client, world.team_lead_a)
    response = client.get(f"/admin/enforcement/agency/{world.township_b.pk}/change/")
    assert response.status_code == 302
    assert response.url == "/admin/"


def test_county_supervisor_sees_every_township_in_the_admin(client, world):
    log_in(client, world.supervisor)
    page = client.get("/admin/enforcement/agency/").content.decode()
    assert "甲镇人民政府" in page and "乙乡人民政府" in page


def test_team_lead_cannot_move_an_office_out_of_their_scope_in_the_admin(client, world):
    log_in(client, world.team_lead_a)
    response = client.post(
        f"/admin/enforcement/agency/{world.team_a.pk}/change/",
        {
            "name": world.team_a.name,
            "kind": world.team_a.kind,
            "parent": world.township_b.pk,
            "credit_code": "",
            "children-TOTAL_FORMS": 0,
            "children-INITIAL_FORMS": 0,
        },
    )
    assert response.status_code == 200  # the form comes back with an error
    world.team_a.refresh_from_db()
    assert world.team_a.parent == world.township_a
    assert Agency.objects.get(pk=world.team_a.pk).path.startswith(world.township_a.path)
