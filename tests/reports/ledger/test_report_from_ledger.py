"""The report's 一、(一) and (二) written from a township's ledger, and the placeholders where it has none."""

import datetime

import pytest
import time_machine
from django.core.exceptions import ValidationError
from django.urls import reverse

from reports.annual import services
from reports.annual.document import document_to_text
from reports.annual.placeholders import placeholder, placeholders_in
from reports.models import AnnualReport
from tests.factories import StudyPlanFactory, WorkPlanFactory, ledger_year

pytestmark = pytest.mark.django_db
COMPILED_AT = datetime.datetime(2026, 1, 20, 9, tzinfo=datetime.UTC)


@pytest.fixture(autouse=True)
def _compiled_early_next_year(settings, tmp_path):
    settings.MEDIA_ROOT = tmp_path / "media"
    with time_machine.travel(COMPILED_AT, tick=False):
        yield


@pytest.fixture
def generate(world, django_capture_on_commit_callbacks):
    """The township's draft of 2025, generated as the team lead asks for it."""

    def draft(agency) -> AnnualReport:
        # The township keeps its study plan: the placeholders these tests look for are the ledger's.
        StudyPlanFactory(agency=agency, year=2025)
        with django_capture_on_commit_callbacks(execute=True):
            report = services.request_report(agency=agency, year=2025, user=world.team_lead_a)
        report.refresh_from_db()
        return report

    return draft


def paragraphs(report: AnnualReport, heading: str) -> list[str]:
    return next(part["paragraphs"] for part in report.document["sections"] if part["heading"] == heading)


LEADERSHIP = "（一）加强组织领导，严格落实责任"
ADMINISTRATION = "（二）坚持依法行政，规范行政执法"


def test_a_township_with_a_full_ledger_states_exactly_its_figures(world, generate):
    ledger_year(
        world.township_a,
        meetings=4,
        topics_per_meeting=2,
        reports=1,
        decisions=3,
        public_comment_decisions=2,
        documents=2,
        contracts=15,
        disputes_attended=6,
        disputes=38,
        disputes_mediated=35,
    )
    report = generate(world.township_a)
    assert paragraphs(report, LEADERSHIP)[0] == (
        "1、落实党政主要负责人第一责任人职责。全年召开法治政府建设领导小组会议4次，研究重大问题8项；"
        "党政主要负责人述法1次。将法治建设纳入年度工作计划。"
    )
    assert paragraphs(report, ADMINISTRATION)[:4] == [
        "1、健全依法决策机制。作出重大行政决策3项，均经合法性审查和集体讨论决定，公开征求意见2项。",
        "2、加强行政规范性文件管理。制定行政规范性文件2件，均经合法性审核，按期备案2件。",
        "3、发挥法律顾问作用。聘请法律顾问1名，审查合同15件、参与处理纠纷6件。",
        "4、依法化解矛盾纠纷。排查调处矛盾纠纷38件，调处成功35件，移交有关部门处理3件。",
    ]
    assert placeholders_in(report.document) == []
    services.publish_report(report=report, user=world.team_lead_a)


def test_a_decision_without_review_is_stated_as_such(world, generate):
    ledger_year(world.township_a, decisions=2)
    world.township_a.ledger_majordecisions.filter(pk=world.township_a.ledger_majordecisions.first().pk).update(
        legality_result="unlawful"
    )
    report = generate(world.township_a)
    assert paragraphs(report, ADMINISTRATION)[0] == (
        "1、健全依法决策机制。作出重大行政决策2项，其中经合法性审查1项、经集体讨论决定2项，公开征求意见2项。"
    )


def test_a_year_confirmed_without_decisions_or_documents_says_so(world, generate):
    WorkPlanFactory(agency=world.township_a, no_major_decisions=True, no_normative_documents=True)
    report = generate(world.township_a)
    administration = paragraphs(report, ADMINISTRATION)
    assert administration[0] == "1、健全依法决策机制。全年未作出重大行政决策。"
    assert administration[1] == "2、加强行政规范性文件管理。全年未制定行政规范性文件。"


def test_a_township_without_ledger_records_shows_placeholders_and_cannot_be_published(world, generate, english):
    report = generate(world.township_a)
    assert paragraphs(report, LEADERSHIP)[0] == (
        "1、落实党政主要负责人第一责任人职责。【待补充：法治政府建设领导小组及其会议记录】；"
        "【待补充：法治建设第一责任人及述法记录】。【待补充：年度工作计划】。"
    )
    assert paragraphs(report, ADMINISTRATION)[:4] == [
        "1、健全依法决策机制。【待补充：重大行政决策台账（全年确无的，在年度工作计划中确认）】。",
        "2、加强行政规范性文件管理。【待补充：行政规范性文件台账（全年确无的，在年度工作计划中确认）】。",
        "3、发挥法律顾问作用。【待补充：法律顾问聘用合同】。",
        "4、依法化解矛盾纠纷。【待补充：矛盾纠纷排查调处台账】。",
    ]
    assert len(placeholders_in(report.document)) == 7
    with pytest.raises(ValidationError) as refused:
        services.publish_report(report=report, user=world.team_lead_a)
    assert refused.value.message_dict["document"][0].startswith(
        "The text still waits for records: 法治政府建设领导小组及其会议记录、"
    )
    report.refresh_from_db()
    assert not report.is_published


def test_a_placeholder_left_in_the_edited_text_still_blocks_publishing(world, generate):
    ledger_year(world.township_a)
    report = generate(world.township_a)
    text = document_to_text(report.document) + placeholder("上级考核意见") + "\n"
    report = services.update_text(report=report, text=text, user=world.team_lead_a)
    assert placeholders_in(report.document) == ["上级考核意见"]
    with pytest.raises(ValidationError):
        services.publish_report(report=report, user=world.team_lead_a)


def test_the_admin_lists_the_placeholders_of_a_draft(world, client, generate):
    report = generate(world.township_a)
    client.force_login(world.team_lead_a)
    page = client.get(reverse("admin:reports_annualreport_change", args=[report.pk])).content.decode()
    assert "<li>法治建设第一责任人及述法记录</li>" in page
    assert "<li>矛盾纠纷排查调处台账</li>" in page


def test_a_placeholder_is_made_and_found_by_one_rule():
    document = {"title": "", "sections": [{"heading": "", "paragraphs": [placeholder("甲") + placeholder("乙")]}]}
    assert placeholder("甲") == "【待补充：甲】"
    assert placeholders_in(document) == ["甲", "乙"]
