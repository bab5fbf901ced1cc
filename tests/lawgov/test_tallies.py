"""Rows counted by the conditions they meet, in one query."""

from django.db.models import Q

from enforcement.agencies.models import Agency, AgencyKind
from lawgov.tallies import counts, tally


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


def test_several_querysets_are_counted_in_one_query(world, django_assert_num_queries):
    with django_assert_num_queries(1):
        found = counts(
            all=Agency.objects.all(), none=Agency.objects.none(), teams=Agency.objects.filter(kind=AgencyKind.TEAM)
        )
    assert found == {"all": 4, "none": 0, "teams": 1}
