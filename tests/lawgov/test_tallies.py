"""Rows counted by the conditions they meet, in one query."""

import pytest
from django.db import connection
from django.db.models import Q

from enforcement.agencies.models import Agency, AgencyKind
from lawgov.prepared import PreparedQuery
from lawgov.tallies import counts, prepared_counts, tally, tally_rows


def test_a_tally_counts_each_row_once_by_the_conditions_it_meets_in_one_query(world, django_assert_num_queries):
    with django_assert_num_queries(1):
        agencies = tally(Agency.objects.all(), {"root": Q(parent__isnull=True)}, fields=["kind"])
    assert (agencies.count(), agencies.count(root=True), agencies.count(root=False)) == (4, 1, 3)
    assert agencies.count(root=False, kind=[AgencyKind.TEAM]) == 1
    assert sum(agencies.by("kind").values()) == 4


def test_a_condition_the_database_answers_with_null_is_not_met(world):
    # The county has no parent, so whether its parent is 甲镇 is unknown: not met, as in a filter.
    agencies = tally(Agency.objects.all(), {"under_a": Q(parent__name="甲镇人民政府")})
    assert (agencies.count(under_a=True), agencies.count(under_a=False)) == (1, 3)


def test_nothing_to_count_asks_the_database_nothing(world, django_assert_num_queries):
    with django_assert_num_queries(0):
        assert tally(Agency.objects.none(), {"root": Q(parent__isnull=True)}).count(root=True) == 0


def test_a_tally_per_value_counts_each_value_once_meeting_what_any_of_its_rows_meets(world):
    # By parent: the county's own (none), the county (two townships), 甲镇 (one team).
    agencies = tally(
        Agency.objects.all(),
        {"township": Q(kind=AgencyKind.TOWNSHIP), "unknown": Q(parent__name="甲镇人民政府")},
        fields=["parent__kind"],
        per="parent",
    )
    assert agencies.count() == 3
    assert agencies.count(township=True) == 1
    # Only the team's parent is 甲镇; the county's parent is unknown (NULL), which is not met.
    assert agencies.count(unknown=True) == 1
    assert agencies.by("parent__kind") == {None: 1, AgencyKind.COUNTY_GOVERNMENT: 1, AgencyKind.TOWNSHIP: 1}


def test_several_querysets_are_counted_in_one_query(world, django_assert_num_queries):
    with django_assert_num_queries(1):
        found = counts(
            all=Agency.objects.all(), none=Agency.objects.none(), teams=Agency.objects.filter(kind=AgencyKind.TEAM)
        )
    assert found == {"all": 4, "none": 0, "teams": 1}


def _kinds_under(path: str, *, kind: str):
    return tally_rows(Agency.objects.filter(path__startswith=path, kind=kind))


@pytest.mark.parametrize("plan_each_time", [True, False])
def test_counts_planned_each_time_are_never_prepared_on_the_connection(world, plan_each_time):
    """PostgreSQL plans a statement prepared on the connection generically after some runs, whatever its values;
    a count planned each time is sent unprepared, so it is planned for its values on every run."""
    if connection.vendor != "postgresql":
        pytest.skip("prepared statements are PostgreSQL's")
    query = PreparedQuery(_kinds_under)
    before = _counts_prepared()
    for _ in range(8):
        found = prepared_counts(
            world.county.path, plan_each_time=plan_each_time, teams=(query, {"kind": AgencyKind.TEAM})
        )
        assert found == {"teams": 1}
    assert bool(_counts_prepared() - before) is not plan_each_time


def _counts_prepared() -> set[str]:
    with connection.cursor() as cursor:
        cursor.execute("SELECT statement FROM pg_prepared_statements WHERE statement LIKE '%%counted%%'")
        return {row[0] for row in cursor.fetchall()}
