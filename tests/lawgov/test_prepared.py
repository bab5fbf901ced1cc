import datetime
from concurrent.futures import ThreadPoolExecutor

import pytest
from django.db import connection
from django.db.models import Count, F

from enforcement.officers.models.certificate import Certificate
from enforcement.officers.models.officer import Officer
from lawgov.prepared import NotPreparable, PreparedQuery
from reports.ledger.models import WorkPlan
from tests.factories import CertificateFactory, OfficerFactory, WorkPlanFactory

D = datetime.date


def issued_between(shape, *, number: str, first: datetime.date, last: datetime.date):
    paths = shape
    return (
        Certificate.objects.within(paths)
        .select_related("officer__agency")
        .annotate(fields_count=Count("fields"))
        .filter(number__gte=number, issued_on__range=(first, last))
        .order_by("number")
    )


def test_the_prepared_sql_is_the_sql_django_builds_for_the_values(world):
    query = PreparedQuery(issued_between)
    for number, first, last in [("A", D(2020, 1, 1), D(2026, 6, 1)), ("B-7", D(2019, 3, 4), D(2025, 12, 31))]:
        built = issued_between(None, number=number, first=first, last=last)
        expected = built.query.get_compiler(using=built.db).as_sql()
        assert query.sql(None, number=number, first=first, last=last) == (expected[0], tuple(expected[1]))


def test_rows_are_those_of_the_queryset_built_for_the_values_with_its_joins_and_annotations(
    world, django_assert_num_queries
):
    early = CertificateFactory(officer__agency=world.township_a, number="A-1", issued_on=D(2021, 1, 1))
    late = CertificateFactory(officer__agency=world.township_b, number="B-1", issued_on=D(2024, 1, 1))
    built = []
    query = PreparedQuery(lambda shape, **values: built.append(values) or issued_between(shape, **values))

    with django_assert_num_queries(1):
        found = query.rows(None, number="A", first=D(2020, 1, 1), last=D(2026, 6, 1))
    assert found == [early, late]
    assert found[1].officer.agency.name == world.township_b.name
    assert [c.fields_count for c in found] == [early.fields.count(), late.fields.count()]

    with django_assert_num_queries(1):
        assert query.rows(None, number="B", first=D(2020, 1, 1), last=D(2026, 6, 1)) == [late]
    assert query.rows(None, number="A", first=D(2020, 1, 1), last=D(2022, 1, 1)) == [early]
    assert len(built) == 1  # built and compiled once for the shape, whatever the values


def test_each_shape_is_prepared_on_its_own(world):
    CertificateFactory(officer__agency=world.township_a, number="A-1", issued_on=D(2021, 1, 1))
    CertificateFactory(officer__agency=world.township_b, number="B-1", issued_on=D(2021, 1, 1))
    query = PreparedQuery(issued_between)
    values = {"number": "A", "first": D(2020, 1, 1), "last": D(2026, 6, 1)}
    assert {c.number for c in query.rows(None, **values)} == {"A-1", "B-1"}
    assert [c.number for c in query.rows((world.township_b.path,), **values)] == ["B-1"]
    assert [c.number for c in query.rows((world.township_a.path,), **values)] == ["A-1"]


def test_a_scope_that_can_match_nothing_asks_the_database_nothing(world, django_assert_num_queries):
    query = PreparedQuery(issued_between)
    with django_assert_num_queries(0):
        assert query.rows((), number="A", first=D(2020, 1, 1), last=D(2026, 6, 1)) == []


@pytest.mark.parametrize(
    ("build", "values", "named"),
    [
        # A LIKE pattern is the value with "%" added: not the value itself.
        (lambda shape, prefix: Certificate.objects.filter(number__startswith=prefix), {"prefix": "A"}, "prefix"),
        # The year's bounds are worked out from the year.
        (lambda shape, year: Certificate.objects.filter(issued_on__year=year), {"year": 2026}, "year"),
        # A day worked out in Python from another.
        (
            lambda shape, day: Certificate.objects.filter(valid_until__lte=day + datetime.timedelta(days=90)),
            {"day": D(2026, 6, 1)},
            "day",
        ),
        # A value the query does not use.
        (lambda shape, day: Certificate.objects.all(), {"day": D(2026, 6, 1)}, "day"),
    ],
    ids=["like-pattern", "year-bounds", "derived-day", "unused"],
)
def test_a_value_that_does_not_reach_the_sql_as_itself_is_refused(world, build, values, named):
    with pytest.raises(NotPreparable, match=named):
        PreparedQuery(build).sql(None, **values)


def test_a_derived_value_next_to_the_value_itself_is_refused(world):
    def build(shape, day):
        return Certificate.objects.filter(issued_on__lte=day, valid_until__gte=day - datetime.timedelta(days=1))

    with pytest.raises(NotPreparable, match="worked out from it"):
        PreparedQuery(build).sql(None, day=D(2026, 6, 1))


@pytest.mark.django_db(transaction=True)
def test_rows_prepared_on_one_threads_connection_are_read_on_anothers():
    OfficerFactory(name="甲")
    query = PreparedQuery(lambda shape, name: Officer.objects.filter(name=name).annotate(twice=F("pk") * 2))
    assert [o.name for o in query.rows(None, name="甲")] == ["甲"]

    def read_in_another_thread() -> list:
        try:
            return [(o.name, o.twice, o.pk) for o in query.rows(None, name="甲")]
        finally:
            connection.close()

    with ThreadPoolExecutor(max_workers=1) as pool:
        [(name, twice, pk)] = pool.submit(read_in_another_thread).result()
    assert (name, twice) == ("甲", pk * 2)


def test_a_small_integer_is_put_in_as_the_database_adapter_passes_it(world, django_assert_num_queries):
    # A year is a small integer: with server-side binding Django passes it wrapped (psycopg's Int2).
    WorkPlanFactory(agency=world.township_a, year=2025)
    WorkPlanFactory(agency=world.township_a, year=2026)
    query = PreparedQuery(lambda shape, year: WorkPlan.objects.filter(year=year))
    assert [plan.year for plan in query.rows(None, year=2025)] == [2025]
    assert [plan.year for plan in query.rows(None, year=2026)] == [2026]
    built = WorkPlan.objects.filter(year=2026)
    expected = built.query.get_compiler(using=built.db).as_sql()
    assert query.sql(None, year=2026) == (expected[0], tuple(expected[1]))


def test_the_least_recently_used_shape_goes_when_more_are_kept_than_allowed(world):
    built = []

    def build(shape, name):
        built.append(shape)
        return Officer.objects.filter(name=name)

    query = PreparedQuery(build, shapes_kept=2)
    for shape in ["a", "b", "a", "c", "a", "b"]:
        query.rows(shape, name="甲")
    # "a" stayed, being used; "b" went when "c" came, and was built again.
    assert built == ["a", "b", "c", "b"]
