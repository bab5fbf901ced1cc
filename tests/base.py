"""Personas every test can use, and the checks every API resource gets for free.

The world: a county with townships A and B; A has an enforcement team. Users:
a team lead of A, a team lead of B, HR of A, a county supervisor (read-only),
a statistics client of A and a superuser.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

from django.contrib.auth.models import AbstractUser
from django.db import connection
from django.test.utils import CaptureQueriesContext
from rest_framework.authtoken.models import Token
from rest_framework.test import APIClient

from enforcement.agencies import roles
from enforcement.agencies.models import Agency, AgencyKind
from tests.factories import AgencyFactory, UserFactory
from tests.factories.certificates import restore_migrated_fields


@dataclass
class World:
    county: Agency
    township_a: Agency
    team_a: Agency
    township_b: Agency
    team_lead_a: AbstractUser
    team_lead_b: AbstractUser
    hr_a: AbstractUser
    supervisor: AbstractUser
    stats_client_a: AbstractUser
    superuser: AbstractUser


def build_world() -> World:
    restore_migrated_fields()
    county = AgencyFactory(name="示例县人民政府", kind=AgencyKind.COUNTY_GOVERNMENT)
    township_a = AgencyFactory(name="甲镇人民政府", parent=county)
    team_a = AgencyFactory(name="甲镇综合行政执法队", kind=AgencyKind.TEAM, parent=township_a)
    township_b = AgencyFactory(name="乙乡人民政府", parent=county)
    return World(
        county=county,
        township_a=township_a,
        team_a=team_a,
        township_b=township_b,
        team_lead_a=UserFactory(username="lead_a", roles=[roles.TEAM_LEAD], agencies=[township_a]),
        team_lead_b=UserFactory(username="lead_b", roles=[roles.TEAM_LEAD], agencies=[township_b]),
        hr_a=UserFactory(username="hr_a", roles=[roles.HR], agencies=[township_a]),
        supervisor=UserFactory(username="supervisor", roles=[roles.SUPERVISOR], agencies=[county]),
        stats_client_a=UserFactory(username="stats_a", roles=[roles.STATS_CLIENT], agencies=[township_a]),
        superuser=UserFactory(username="root", is_superuser=True),
    )


def token_client(user) -> APIClient:
    """A client presenting the user's token, as REST clients do (the cached identity behind it included)."""
    client = APIClient()
    client.credentials(HTTP_AUTHORIZATION=f"Token {Token.objects.get_or_create(user=user)[0].key}")
    return client


def api_client_for(user) -> APIClient:
    client = APIClient()
    if user is not None:
        client.force_authenticate(user)
    return client


class ScopedResourceChecks:
    """The permission matrix, run against one API resource.

    A test class sets `url` (the list endpoint) and implements
    `make_record(agency)`; ScopedWritableResourceChecks adds the write checks.
    """

    url: str

    def make_record(self, agency: Agency):
        raise NotImplementedError

    def detail_url(self, record) -> str:
        return f"{self.url}{record.pk}/"

    @staticmethod
    def listed_ids(response) -> set[int]:
        return {row["id"] for row in response.json()["results"]}

    def test_anonymous_gets_401(self, world):
        assert api_client_for(None).get(self.url).status_code == 401

    def test_township_user_lists_own_records_only(self, world):
        own, other = self.make_record(world.township_a), self.make_record(world.township_b)
        response = api_client_for(world.team_lead_a).get(self.url)
        assert response.status_code == 200
        assert own.pk in self.listed_ids(response)
        assert other.pk not in self.listed_ids(response)

    def test_another_townships_record_answers_404(self, world):
        other = self.make_record(world.township_b)
        assert api_client_for(world.team_lead_a).get(self.detail_url(other)).status_code == 404

    def test_every_role_of_a_township_lists_its_own_records_only(self, world):
        own, other = self.make_record(world.township_a), self.make_record(world.township_b)
        for user in (world.hr_a, world.stats_client_a):
            response = api_client_for(user).get(self.url, {"page_size": 500})
            assert response.status_code == 200, (user.username, response.content)
            assert own.pk in self.listed_ids(response) and other.pk not in self.listed_ids(response)

    def test_every_role_gets_404_for_another_townships_record(self, world):
        other = self.make_record(world.township_b)
        for user in (world.team_lead_a, world.hr_a, world.stats_client_a):
            assert api_client_for(user).get(self.detail_url(other)).status_code == 404, user.username

    def test_county_supervisor_sees_every_township(self, world):
        a, b = self.make_record(world.township_a), self.make_record(world.township_b)
        response = api_client_for(world.supervisor).get(self.url, {"page_size": 500})
        assert {a.pk, b.pk} <= self.listed_ids(response)


class ScopedWritableResourceChecks(ScopedResourceChecks):
    """The write half of the matrix, for resources that accept POST."""

    def create_payload(self, agency: Agency) -> dict:
        raise NotImplementedError

    def test_read_only_role_cannot_create(self, world):
        assert api_client_for(world.supervisor).post(self.url, self.create_payload(world.township_a)).status_code == 403

    def test_team_lead_creates_a_record_in_own_township(self, world):
        response = api_client_for(world.team_lead_a).post(self.url, self.create_payload(world.township_a))
        assert response.status_code == 201, response.content

    def test_creating_a_record_in_another_township_is_refused(self, world):
        response = api_client_for(world.team_lead_a).post(self.url, self.create_payload(world.township_b))
        assert response.status_code == 400, response.content

    def test_hr_and_stats_client_cannot_create_what_they_may_only_read(self, world):
        existing = self.make_record(world.township_a)
        for user in (world.hr_a, world.stats_client_a):
            expected = 201 if user.has_perm(permission(existing, "add")) else 403
            response = api_client_for(user).post(self.url, self.create_payload(world.township_a))
            assert response.status_code == expected, (user.username, response.content)

    def test_updating_or_deleting_another_townships_record_answers_404(self, world):
        other = self.make_record(world.township_b)
        for user in (world.team_lead_a, world.hr_a, world.stats_client_a):
            client = api_client_for(user)
            assert client.patch(self.detail_url(other), {}).status_code == 404, user.username
            assert client.delete(self.detail_url(other)).status_code == 404, user.username
        assert type(other)._default_manager.filter(pk=other.pk).exists()

    def test_updating_or_deleting_in_scope_without_the_permission_answers_403(self, world):
        own = self.make_record(world.township_a)
        for user in (world.supervisor, world.stats_client_a, world.hr_a, world.team_lead_a):
            client = api_client_for(user)
            if not user.has_perm(permission(own, "change")):
                assert client.patch(self.detail_url(own), {}).status_code == 403, user.username
            if not user.has_perm(permission(own, "delete")):
                assert client.delete(self.detail_url(own)).status_code == 403, user.username
        assert type(own)._default_manager.filter(pk=own.pk).exists()


def permission(record, action: str) -> str:
    return f"{record._meta.app_label}.{action}_{record._meta.model_name}"


class HrWritableResourceChecks:
    """For the records HR keeps (officers, certificates): HR writes them in its own township too."""

    def test_hr_creates_a_record_in_own_township(self, world):
        response = api_client_for(world.hr_a).post(self.url, self.create_payload(world.township_a))
        assert response.status_code == 201, response.content


class VersionedResourceChecks:
    """Optimistic locking: a write naming a stale version answers 409 with the current version; nothing is lost.

    A test class sets `patch_payload` (a harmless change of one field).
    """

    patch_payload: dict

    def test_a_write_with_the_current_version_is_accepted(self, world):
        record = self.make_record(world.township_a)
        client = api_client_for(world.team_lead_a)
        version = client.get(self.detail_url(record)).json()["version"]
        response = client.patch(self.detail_url(record), {**self.patch_payload, "version": version}, format="json")
        assert response.status_code == 200, response.content
        assert response.json()["version"] != version

    def test_a_write_with_a_stale_version_is_refused_with_409_and_the_current_version(self, world):
        record = self.make_record(world.township_a)
        client = api_client_for(world.team_lead_a)
        stale = client.get(self.detail_url(record)).json()["version"]
        client.patch(self.detail_url(record), self.patch_payload, format="json")
        response = client.patch(self.detail_url(record), {**self.patch_payload, "version": stale}, format="json")
        assert response.status_code == 409, response.content
        assert response.json()["current_version"] == type(record).objects.get(pk=record.pk).version != stale


def query_counts_at_two_sizes(make_rows: Callable[[int], object], request: Callable[[], object]) -> list[int]:
    """The number of queries `request` makes with 5 rows, then with 50 rows.

    One unmeasured call first, so per-user caches (permissions, scope) are
    warm in both measured calls alike.
    """
    request()
    counts = []
    for added in (5, 45):
        make_rows(added)
        with CaptureQueriesContext(connection) as captured:
            response = request()
        if hasattr(response, "status_code"):
            assert response.status_code == 200, response
        counts.append(len(captured))
    return counts


def township_a_personas(world) -> list:
    """Every role of township A."""
    return [world.team_lead_a, world.hr_a, world.stats_client_a]
