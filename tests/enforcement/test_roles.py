import pytest
from django.contrib.auth.models import Group

from enforcement.agencies import roles


@pytest.mark.django_db
@pytest.mark.parametrize("role", [roles.TEAM_LEAD, roles.HR, roles.SUPERVISOR, roles.STATS_CLIENT])
def test_no_role_may_change_the_tables_every_agency_shares(role):
    codenames = set(Group.objects.get(name=role).permissions.values_list("codename", flat=True))
    assert "view_calendarday" in codenames
    assert not codenames & {"change_calendarday", "add_calendarday", "change_reminderthreshold", "change_themeday"}


@pytest.mark.django_db
def test_a_team_lead_changes_records_of_every_app_but_not_memberships():
    codenames = set(Group.objects.get(name=roles.TEAM_LEAD).permissions.values_list("codename", flat=True))
    assert {
        "change_officer",
        "add_certificate",
        "change_reconsiderationcase",
        "add_trainingsession",
        "add_publicityactivity",
        "add_annualreport",
        "view_full_id_number",
    } <= codenames
    assert "add_membership" not in codenames
    assert "delete_agency" not in codenames


@pytest.mark.django_db
@pytest.mark.parametrize("role", [roles.SUPERVISOR, roles.STATS_CLIENT])
def test_read_only_roles_hold_only_view_permissions(role):
    codenames = Group.objects.get(name=role).permissions.values_list("codename", flat=True)
    assert codenames
    assert all(codename.startswith("view_") for codename in codenames)
    assert "view_full_id_number" not in codenames
