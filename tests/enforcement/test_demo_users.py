import io

from django.contrib.auth import get_user_model
from django.core.management import call_command
from rest_framework.test import APIClient

from enforcement.agencies import roles


def test_the_demo_has_a_statistics_client_that_reads_the_statistics_through_the_api(db, settings):
    settings.DEBUG = True  # demo accounts exist in the embedded demo mode only
    call_command("seed_demo", scale=1, stdout=io.StringIO())
    out = io.StringIO()
    call_command("create_demo_users", stdout=out)
    assert "stats / lawgov-demo" in out.getvalue()
    client = APIClient()
    token = client.post(
        "/api/v1/auth/token/", "username=stats&password=lawgov-demo", content_type="application/x-www-form-urlencoded"
    ).json()["token"]
    client.credentials(HTTP_AUTHORIZATION=f"Token {token}")
    response = client.get("/api/v1/stats/")
    assert response.status_code == 200, response.content
    assert response.json()["agency"]["name"] == "示例县人民政府"
    stats_user = get_user_model().objects.get(username="stats")
    assert stats_user.groups.filter(name=roles.STATS_CLIENT).exists()
    assert not stats_user.is_staff
