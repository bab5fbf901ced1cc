"""A form sent back with an id from another township never shows that record's name or link."""

from django.test import Client

from tests.factories import ExamFactory, OfficerFactory

BACKEND = "django.contrib.auth.backends.ModelBackend"


def lead_of_a(world) -> Client:
    client = Client()
    client.force_login(world.team_lead_a, backend=BACKEND)
    return client


def test_the_exam_result_form_refuses_another_townships_officer_without_naming_them(world):
    stranger = OfficerFactory(agency=world.township_b, name="乙乡的某人")
    exam = ExamFactory(agency=world.township_a)
    response = lead_of_a(world).post(
        "/admin/training/examresult/add/", {"officer": stranger.pk, "exam": exam.pk, "score": "80"}
    )
    assert response.status_code == 200
    page = response.content.decode()
    assert "errorlist" in page
    assert "乙乡的某人" not in page and f"/officer/{stranger.pk}/change/" not in page


def test_the_vice_principal_form_refuses_another_townships_officer_without_naming_them(world):
    stranger = OfficerFactory(agency=world.township_b, name="乙乡的某人")
    response = lead_of_a(world).post(
        "/admin/training/ruleoflawviceprincipal/add/",
        {"officer": stranger.pk, "school": "城关小学", "appointed_on": "2025-09-01"},
    )
    assert response.status_code == 200
    page = response.content.decode()
    assert "errorlist" in page
    assert "乙乡的某人" not in page and f"/officer/{stranger.pk}/change/" not in page


def test_an_officer_in_scope_is_still_named_beside_the_input(world):
    own = OfficerFactory(agency=world.team_a, name="甲队员")
    response = lead_of_a(world).post(
        "/admin/training/ruleoflawviceprincipal/add/", {"officer": own.pk, "school": "", "appointed_on": ""}
    )
    assert "甲队员" in response.content.decode()
