import datetime

from enforcement.agencies.scope import Scope
from tests.base import query_counts_at_two_sizes
from tests.factories import (
    AudienceFactory,
    OfficerFactory,
    PublicityActivityFactory,
    PublicityFormatFactory,
    ThemeDayFactory,
    VicePrincipalFactory,
)
from training.publicity.stats import publicity_figures


def figures_of_a(world, year=2024, **kwargs):
    return publicity_figures(Scope(world.team_lead_a, world.township_a), year, **kwargs)


def test_counts_by_theme_and_format_and_the_interactive_share(world):
    constitution = ThemeDayFactory(name="国家宪法日")
    anti_drug = ThemeDayFactory(name="国际禁毒日", month=6, day=26)
    banner = PublicityFormatFactory(name="悬挂横幅")
    leaflet = PublicityFormatFactory(name="发放宣传资料")
    consultation = PublicityFormatFactory(name="法律咨询", is_interactive=True)
    quiz = PublicityFormatFactory(name="知识竞赛", is_interactive=True)
    a = world.township_a
    PublicityActivityFactory(agency=a, theme=constitution, formats=[banner, leaflet], participants=100, materials=300)
    PublicityActivityFactory(agency=a, theme=constitution, formats=[banner, consultation, quiz], participants=60)
    PublicityActivityFactory(agency=world.team_a, theme=anti_drug, formats=[leaflet], participants=40, materials=0)
    PublicityActivityFactory(agency=a, theme=None, formats=[banner], participants=0, materials=20)
    PublicityActivityFactory(agency=world.township_b, theme=constitution, formats=[quiz])
    PublicityActivityFactory(agency=a, start_date=datetime.date(2023, 12, 4), formats=[quiz])
    figures = figures_of_a(world)
    assert figures["activities"] == 4
    assert figures["participants"] == 200
    assert figures["materials"] == 420
    assert figures["by_theme"] == {"国家宪法日": 2, "国际禁毒日": 1, "无主题日": 1}
    assert figures["by_format"] == {"悬挂横幅": 3, "发放宣传资料": 2, "法律咨询": 1, "知识竞赛": 1}
    assert figures["interactive_share"] == 0.25


def test_without_activities_the_interactive_share_is_none(world):
    figures = figures_of_a(world)
    assert (figures["activities"], figures["participants"], figures["interactive_share"]) == (0, 0, None)
    assert figures["by_theme"] == figures["by_format"] == {}


def test_youth_activities_are_those_at_a_school_or_for_young_people(world):
    students = AudienceFactory(name="青少年学生", is_youth=True)
    villagers = AudienceFactory(name="村(居)民")
    PublicityActivityFactory(agency=world.township_a, school="城关镇中心小学")
    PublicityActivityFactory(agency=world.township_a, audiences=[students, villagers])
    PublicityActivityFactory(agency=world.township_a, school="城关中学", audiences=[students])
    PublicityActivityFactory(agency=world.township_a, audiences=[villagers])
    assert figures_of_a(world)["youth_activities"] == 3


def test_a_vice_principal_whose_term_ends_mid_year_counts_for_that_year(world):
    VicePrincipalFactory(
        officer=OfficerFactory(agency=world.township_a),
        appointed_on=datetime.date(2021, 9, 1),
        ended_on=datetime.date(2024, 6, 30),
    )
    assert figures_of_a(world, 2024)["vice_principals"] == 1
    assert figures_of_a(world, 2025)["vice_principals"] == 0


def test_a_vice_principal_is_counted_once_for_two_schools_and_not_before_appointment(world):
    officer = OfficerFactory(agency=world.team_a)
    VicePrincipalFactory(officer=officer, school="一小", appointed_on=datetime.date(2024, 3, 1))
    VicePrincipalFactory(officer=officer, school="二小", appointed_on=datetime.date(2024, 3, 1))
    VicePrincipalFactory(officer=OfficerFactory(agency=world.township_a), appointed_on=datetime.date(2024, 9, 1))
    VicePrincipalFactory(officer=OfficerFactory(agency=world.township_b))
    assert figures_of_a(world, 2024)["vice_principals"] == 2
    assert figures_of_a(world, 2024, today=datetime.date(2024, 5, 1))["vice_principals"] == 1
    assert figures_of_a(world, 2023)["vice_principals"] == 0


def test_publicity_figures_take_the_same_number_of_queries_at_any_size(world):
    interactive = PublicityFormatFactory(name="模拟法庭", is_interactive=True)
    counts = query_counts_at_two_sizes(
        lambda n: PublicityActivityFactory.create_batch(n, agency=world.township_a, formats=[interactive]),
        lambda: figures_of_a(world),
    )
    assert counts[0] == counts[1] <= 4
