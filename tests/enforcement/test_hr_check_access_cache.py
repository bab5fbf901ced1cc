"""The HR check in a handful of queries, and the cached identity behind it changing the moment access changes."""

import contextlib
import datetime

import pytest
import time_machine
from django.contrib.auth.models import Group, Permission
from django.core.cache import cache
from django.db import connection, transaction
from rest_framework.authtoken.models import Token

from enforcement.agencies import roles
from enforcement.agencies.access import ACCESS_VERSION
from enforcement.agencies.models import AgencyKind, Membership
from enforcement.agencies.versions import published_key
from enforcement.officers.models.certificate import CertificateStatus
from enforcement.officers.services import change_certificate_status
from tests.base import token_client
from tests.factories import AgencyFactory, CertificateFactory, OfficerFactory

URL = "/api/v1/certificates/check/"


pytestmark = pytest.mark.usefixtures("june_first_with_an_empty_cache")


def certified_officer(agency, certificates: int = 1, status_changes: int = 0):
    officer = OfficerFactory(agency=agency)
    made = [CertificateFactory(officer=officer) for _ in range(certificates)]
    for day in range(1, status_changes + 1):
        status = CertificateStatus.SUSPENDED if day % 2 else CertificateStatus.VALID
        change_certificate_status(certificate=made[0], status=status, reason="年度考核", on=datetime.date(2026, 3, day))
    return officer, made[0]


def check(client, certificate):
    return client.get(URL, {"number": certificate.number})


@pytest.mark.parametrize(("certificates", "status_changes", "others"), [(1, 0, 0), (6, 5, 40)])
def test_the_hr_check_takes_at_most_three_queries_with_warm_caches(
    world, django_assert_max_num_queries, certificates, status_changes, others
):
    for _ in range(others):
        certified_officer(world.township_a)
    _, certificate = certified_officer(world.township_a, certificates, status_changes)
    client = token_client(world.hr_a)
    assert check(client, certificate).status_code == 200
    with django_assert_max_num_queries(3):
        response = check(client, certificate)
    assert response.status_code == 200
    assert len(response.json()["certificates"]) == certificates


@pytest.mark.parametrize(("certificates", "status_changes", "others"), [(1, 0, 0), (6, 5, 40)])
def test_the_hr_check_takes_at_most_six_queries_with_cold_caches(
    world, django_assert_max_num_queries, certificates, status_changes, others
):
    for _ in range(others):
        certified_officer(world.township_a)
    _, certificate = certified_officer(world.township_a, certificates, status_changes)
    client = token_client(world.hr_a)
    # Cold caches are ours; the database driver's one probe per connection (SQLite's JSON support) is not.
    assert connection.features.supports_json_field
    with django_assert_max_num_queries(6):
        response = check(client, certificate)
    assert response.status_code == 200


def test_the_status_since_date_comes_from_the_last_change_to_the_current_status(world):
    _, certificate = certified_officer(world.township_a, status_changes=3)
    response = check(token_client(world.hr_a), certificate)
    assert response.json()["may_enforce"] is False
    assert "2026-03-03" in response.json()["reason"]


def test_a_deleted_token_is_refused_at_once(world, committed):
    _, certificate = certified_officer(world.township_a)
    client = token_client(world.hr_a)
    assert check(client, certificate).status_code == 200
    with committed():
        Token.objects.get(user=world.hr_a).delete()
    assert check(client, certificate).status_code == 401


def test_a_deactivated_user_is_refused_at_once(world, committed):
    _, certificate = certified_officer(world.township_a)
    client = token_client(world.hr_a)
    assert check(client, certificate).status_code == 200
    with committed():
        world.hr_a.is_active = False
        world.hr_a.save()
    assert check(client, certificate).status_code == 401


def test_a_removed_membership_takes_the_officer_out_of_scope_at_once(world, committed):
    _, certificate = certified_officer(world.township_a)
    client = token_client(world.hr_a)
    assert check(client, certificate).status_code == 200
    with committed():
        Membership.objects.get(user=world.hr_a, agency=world.township_a).delete()
    assert check(client, certificate).status_code == 404


def test_an_added_membership_brings_another_township_into_scope_at_once(world, committed):
    _, certificate = certified_officer(world.township_b)
    client = token_client(world.hr_a)
    assert check(client, certificate).status_code == 404
    with committed():
        Membership.objects.create(user=world.hr_a, agency=world.township_b)
    assert check(client, certificate).status_code == 200


def test_leaving_the_role_group_withdraws_the_permission_at_once(world, committed):
    _, certificate = certified_officer(world.township_a)
    client = token_client(world.hr_a)
    assert check(client, certificate).status_code == 200
    with committed():
        world.hr_a.groups.remove(Group.objects.get(name=roles.HR))
    assert check(client, certificate).status_code == 403


def test_a_permission_taken_from_the_group_is_withdrawn_at_once(world, committed):
    _, certificate = certified_officer(world.township_a)
    client = token_client(world.hr_a)
    assert check(client, certificate).status_code == 200
    with committed():
        Group.objects.get(name=roles.HR).permissions.remove(Permission.objects.get(codename="view_certificate"))
    assert check(client, certificate).status_code == 403


def test_a_change_to_another_user_does_not_reach_this_users_answer(world, committed):
    _, certificate = certified_officer(world.township_a)
    client = token_client(world.hr_a)
    assert check(client, certificate).status_code == 200
    with committed():
        Membership.objects.filter(user=world.team_lead_b).delete()
    assert check(client, certificate).status_code == 200


def test_a_change_rolled_back_leaves_access_as_it_was(world, committed):
    _, certificate = certified_officer(world.township_a)
    client = token_client(world.hr_a)
    assert check(client, certificate).status_code == 200
    with committed(), contextlib.suppress(RuntimeError), transaction.atomic():
        Membership.objects.get(user=world.hr_a, agency=world.township_a).delete()
        raise RuntimeError
    assert check(client, certificate).status_code == 200


def test_a_change_whose_publication_was_lost_takes_effect_within_a_minute(world):
    _, certificate = certified_officer(world.township_a)
    client = token_client(world.hr_a)
    assert check(client, certificate).status_code == 200
    Membership.objects.get(user=world.hr_a, agency=world.township_a).delete()  # its commit hooks never run
    with time_machine.travel(datetime.datetime(2026, 6, 1, 9, 1, 1), tick=False):
        assert check(client, certificate).status_code == 404


def test_a_tree_planted_beside_the_county_stays_out_of_its_members_sight_at_once(world, committed):
    # The county's members hold the only root, so they read without a scope
    # test; their cached identity must not carry that past a second tree.
    _, in_the_county = certified_officer(world.township_a)
    client = token_client(world.supervisor)
    assert check(client, in_the_county).status_code == 200
    with committed():
        beside = AgencyFactory(name="邻县人民政府", kind=AgencyKind.COUNTY_GOVERNMENT)
    _, beside_the_county = certified_officer(beside)
    assert check(client, beside_the_county).status_code == 404
    assert check(client, in_the_county).status_code == 200


@pytest.mark.parametrize("path", [URL, "/api/v1/officers/"])
def test_a_warm_request_reads_the_access_version_from_the_shared_cache_once(world, path, monkeypatch):
    _, certificate = certified_officer(world.township_a)
    client = token_client(world.hr_a)
    params = {"number": certificate.number} if path == URL else {}
    assert client.get(path, params).status_code == 200
    keys_read = []
    read = cache.get
    monkeypatch.setattr(cache, "get", lambda key, *args, **kwargs: keys_read.append(key) or read(key, *args, **kwargs))
    assert client.get(path, params).status_code == 200
    # Authentication reads it; what the request keeps or compiles under it reuses that reading.
    assert keys_read.count(published_key(ACCESS_VERSION)) == 1
