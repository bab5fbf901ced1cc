"""Study-plan targets as data; publicity sites, vice principals' lessons and the sanity of activity dates."""

import importlib

from django.apps import apps
from django.test import Client

from enforcement.agencies.scope import Scope
from tests.factories import (
    OfficerFactory,
    PublicityActivityFactory,
    StudyPlanFactory,
    ThemeDayFactory,
    TrainingSessionFactory,
    VicePrincipalFactory,
)
from tests.factories.reconsideration import d
from training.publicity.models import PublicityActivity, ThemeDay
from training.publicity.stats import publicity_figures
from training.publicity.youth import PublicitySite, PublicitySiteKind
from training.study.models import SessionKind
from training.study.stats import training_figures


def scope_of_a(world) -> Scope:
    return Scope(world.team_lead_a, world.township_a)


def test_group_study_planned_and_held_come_from_the_plan_and_the_sessions(world):
    StudyPlanFactory(agency=world.county, year=2025, required_hours=50, group_study_sessions=4)
    for day in ("2025-03-20", "2025-09-18"):
        TrainingSessionFactory(agency=world.township_a, kind=SessionKind.GROUP_STUDY, date=d(day), hours=2)
    figures = training_figures(scope_of_a(world), 2025)
    # The county's plan binds its townships.
    assert (figures["group_study_planned"], figures["group_study_held"], figures["required_hours"]) == (4, 2, 50)


def test_without_a_plan_nothing_is_planned(world):
    figures = training_figures(scope_of_a(world), 2025)
    assert figures["group_study_planned"] is None


def site(world, kind, since, until=None) -> PublicitySite:
    row = PublicitySite(
        agency=world.township_a, kind=kind, name=f"{kind}{since}", since=d(since), until=until and d(until)
    )
    row.full_clean()
    row.save()
    return row


def test_permanent_sites_in_use_during_the_year_are_counted_by_kind(world):
    site(world, PublicitySiteKind.BOARD, "2020-01-01")
    site(world, PublicitySiteKind.BOARD, "2024-05-01", until="2025-03-31")
    site(world, PublicitySiteKind.SQUARE, "2025-06-01")
    site(world, PublicitySiteKind.CORRIDOR, "2019-01-01", until="2024-12-31")
    site(world, PublicitySiteKind.PARK, "2026-01-05")
    figures = publicity_figures(scope_of_a(world), 2025, today=d("2026-01-10"))
    assert (figures["sites"], figures["sites_by_kind"]) == (3, {"board": 2, "square": 1})


def lesson(world, vice_principal, day: str, periods: int):
    PublicityActivityFactory(
        agency=world.township_a,
        start_date=d(day),
        school=vice_principal.school,
        vice_principal=vice_principal,
        class_periods=periods,
    )


def test_a_vice_principal_meets_the_rule_with_four_class_periods_in_the_school_year(world):
    meets = VicePrincipalFactory(officer=OfficerFactory(agency=world.team_a), appointed_on=d("2024-09-01"))
    short = VicePrincipalFactory(officer=OfficerFactory(agency=world.team_a), appointed_on=d("2024-09-01"))
    lesson(world, meets, "2024-10-15", 2)
    lesson(world, meets, "2025-04-10", 2)
    lesson(world, short, "2025-03-12", 3)
    lesson(world, short, "2025-10-20", 2)  # the next school year
    figures = publicity_figures(scope_of_a(world), 2025, today=d("2026-01-10"))
    assert (figures["vice_principals"], figures["vice_principals_meeting_lessons"]) == (2, 1)


def test_an_activity_dated_after_the_compile_date_is_left_out_and_listed_in_the_admin(world):
    PublicityActivityFactory(agency=world.township_a, start_date=d("2025-11-20"), participants=40)
    later = PublicityActivityFactory(agency=world.township_a, start_date=d("2025-12-20"), participants=400)
    figures = publicity_figures(scope_of_a(world), 2025, today=d("2025-12-01"))
    assert (figures["activities"], figures["participants"]) == (1, 40)
    PublicityActivity.objects.filter(pk=later.pk).update(start_date=d("2099-12-20"), end_date=d("2099-12-20"))
    client = Client()
    client.force_login(world.team_lead_a)
    page = client.get("/admin/training/publicityactivity/?dated=later").content.decode()
    assert later.title in page
    assert "日期晚于今天（不计入统计）" in page


def test_activities_without_a_theme_count_under_an_explicit_key(world):
    PublicityActivityFactory(agency=world.township_a, start_date=d("2025-05-05"), theme=None)
    assert publicity_figures(scope_of_a(world), 2025)["by_theme"] == {"无主题日": 1}


def test_december_fourth_is_one_theme_day(world):
    assert ThemeDay.objects.filter(month=12, day=4, days=1).count() == 1
    assert ThemeDay.objects.get(month=12, day=4, days=1).name == "国家宪法日"


def test_the_migration_moves_activities_of_the_duplicate_to_the_constitution_day(world):
    migration = importlib.import_module("training.migrations.0003_one_constitution_day")
    kept = ThemeDayFactory(name="国家宪法日")
    # The duplicate of the old reference data (its period altered: the constraint now forbids the same one).
    duplicate = ThemeDay.objects.create(name="全国法制宣传日", month=12, day=4, days=2)
    moved = PublicityActivityFactory(agency=world.township_a, theme=duplicate)
    migration.merge_duplicate_theme_days(apps, None)
    moved.refresh_from_db()
    assert moved.theme_id == kept.pk
    assert not ThemeDay.objects.filter(name="全国法制宣传日").exists()
