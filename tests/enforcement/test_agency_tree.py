import datetime

import pytest
from django.contrib.auth.models import User
from django.core.exceptions import ValidationError
from django.db.models import F, Value

from enforcement.agencies.models import Agency, AgencyKind, Membership
from enforcement.agencies.querysets import PathLists, scope_paths
from enforcement.agencies.scope import Scope
from enforcement.agencies.validators import validate_credit_code
from enforcement.officers.models.officer import Officer
from enforcement.officers.stats import officer_figures
from tests.factories import AgencyFactory, OfficerFactory, UserFactory


def test_subtree_is_the_agency_and_everything_below_it(world):
    assert set(Agency.objects.in_subtree_of(world.township_a)) == {world.township_a, world.team_a}


def test_a_path_lists_in_sql_the_agency_it_ends_at_and_those_above_it(world):
    agencies = list(Agency.objects.all())
    for node in agencies:
        listed = Agency.objects.filter(PathLists(Value(node.path), F("pk")))
        assert set(listed) == {agency for agency in agencies if node.is_within(agency)}, node.path


@pytest.mark.parametrize("path", ["{id}1/", "1{id}/", "9/{id}0/", ""])
def test_a_path_lists_whole_ids_only(world, path):
    agency = world.team_a
    assert not Agency.objects.filter(pk=agency.pk).filter(PathLists(Value(path.format(id=agency.pk)), F("pk"))).exists()


def test_a_subtrees_path_is_written_into_the_querys_text_so_each_subtree_is_planned_knowing_its_size(world):
    sql, params = Agency.objects.in_subtree_of(world.township_a).query.sql_with_params()
    assert f"LIKE '{world.township_a.path}%%'" in sql
    assert world.township_a.path not in "".join(map(str, params))


@pytest.mark.parametrize("path", ["1/'; DROP TABLE enforcement_agency; --", "1/%", "1/_/", "1\\/", "x/"])
def test_anything_but_a_tree_path_is_refused_as_a_subtree(db, path):
    with pytest.raises(ValueError, match="Not a tree path"):
        list(Agency.objects.in_subtree_at(path))


def test_a_member_of_the_only_trees_root_reads_every_row_without_a_scope_test(world):
    assert scope_paths(world.supervisor) is None
    sql = str(Officer.objects.visible_to(world.supervisor).order_by().query)
    assert "enforcement_agency" not in sql and "LIKE" not in sql
    assert scope_paths(world.team_lead_a) == [world.township_a.path]


def test_a_tree_planted_beside_the_county_is_out_of_its_members_scope(world):
    beside = AgencyFactory(name="邻县人民政府", kind=AgencyKind.COUNTY_GOVERNMENT)
    OfficerFactory(agency=beside)
    in_the_county = OfficerFactory(agency=world.team_a)
    supervisor = User.objects.get(pk=world.supervisor.pk)  # as the next request reads them
    assert scope_paths(supervisor) == [world.county.path]
    assert set(Officer.objects.visible_to(supervisor)) == {in_the_county}
    Membership.objects.create(user=supervisor, agency=beside)
    assert scope_paths(User.objects.get(pk=supervisor.pk)) is None


def test_the_only_trees_rows_are_read_without_testing_each_rows_agency(world):
    county = Scope(world.supervisor, world.county).shape
    assert county.every_tree
    assert "LIKE" not in str(county.rows(Officer).order_by().query)
    assert not Scope(world.team_lead_a, world.township_a).shape.every_tree


def test_a_tree_planted_beside_the_county_stays_out_of_the_countys_figures(world):
    OfficerFactory.create_batch(2, agency=world.team_a)
    beside = AgencyFactory(name="邻县人民政府", kind=AgencyKind.COUNTY_GOVERNMENT)
    OfficerFactory.create_batch(3, agency=beside)
    scope = Scope(world.supervisor, world.county)
    assert not scope.shape.every_tree
    assert officer_figures(scope, 2026, today=datetime.date(2026, 6, 1))["total"] == 2


def test_moving_an_agency_moves_its_whole_subtree(world):
    world.township_a.parent = world.township_b
    world.township_a.save()
    world.team_a.refresh_from_db()
    assert world.team_a.path.startswith(world.township_b.path)
    assert set(Agency.objects.in_subtree_of(world.township_b)) == {world.township_b, world.township_a, world.team_a}


def test_an_agency_cannot_be_placed_below_its_own_office(world):
    world.township_a.parent = world.team_a
    with pytest.raises(ValidationError) as error:
        world.township_a.full_clean()
    assert "parent" in error.value.message_dict


def test_user_with_two_memberships_sees_both_subtrees_once(world):
    user = UserFactory(agencies=[world.township_a, world.team_a, world.township_b])
    assert Agency.objects.visible_to(user).count() == 3


def test_user_without_membership_sees_nothing(db):
    AgencyFactory()
    assert not Agency.objects.visible_to(UserFactory()).exists()


@pytest.mark.parametrize(
    "code",
    [
        "91350100M000100Y43",  # enterprise
        "11100000000013127D",  # a state organ
        "N2110381MF00000005",  # a village collective starts with N
    ],
)
def test_valid_credit_codes_are_accepted(code):
    validate_credit_code(code)


@pytest.mark.parametrize(
    ("code", "reason"),
    [
        ("91350100M000100Y44", "credit_code_checksum"),
        ("91350100M000100Y4", "credit_code_length"),
        ("B1350100M000100Y43", "credit_code_authority"),
        ("91350100M0001O0Y43", "credit_code_character"),
    ],
)
def test_invalid_credit_codes_are_refused_with_the_reason(code, reason):
    with pytest.raises(ValidationError) as error:
        validate_credit_code(code)
    assert error.value.code == reason


def test_credit_code_is_stored_upper_case(db):
    agency = Agency(name="某村", kind=AgencyKind.OFFICE, credit_code="91350100m000100y43")
    agency.full_clean()
    assert agency.credit_code == "91350100M000100Y43"
