"""The HR check and the statistics get the same scope and permission matrix as the resources."""

from tests.base import api_client_for, township_a_personas
from tests.factories import CertificateFactory

CHECK = "/api/v1/certificates/check/"
STATS = "/api/v1/stats/"


def test_no_role_of_a_township_can_check_another_townships_certificate(world):
    certificate = CertificateFactory(officer__agency=world.township_b, number="B-1")
    for user in township_a_personas(world):
        for query in ({"number": "B-1"}, {"id_number": certificate.officer.id_number}):
            response = api_client_for(user).get(CHECK, query)
            assert response.status_code in {403, 404}, (user.username, response.status_code)
            assert certificate.officer.name not in response.content.decode()


def test_the_county_checks_a_townships_certificate_and_the_anonymous_caller_cannot(world):
    CertificateFactory(officer__agency=world.township_b, number="B-1")
    assert api_client_for(world.supervisor).get(CHECK, {"number": "B-1"}).status_code == 200
    assert api_client_for(None).get(CHECK, {"number": "B-1"}).status_code == 401


def test_statistics_of_another_township_answer_404_to_every_role_that_may_see_statistics(world):
    for user in township_a_personas(world):
        response = api_client_for(user).get(STATS, {"agency": world.township_b.pk, "year": 2025})
        expected = 404 if user.has_perm("reports.view_statistics") else 403
        assert response.status_code == expected, user.username


def test_statistics_of_the_own_township_answer_to_every_role_that_may_see_them(world):
    for user in [*township_a_personas(world), world.supervisor]:
        response = api_client_for(user).get(STATS, {"agency": world.township_a.pk, "year": 2025})
        expected = 200 if user.has_perm("reports.view_statistics") else 403
        assert response.status_code == expected, user.username
    assert api_client_for(None).get(STATS, {"year": 2025}).status_code == 401
