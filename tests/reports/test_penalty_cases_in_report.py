"""The penalty cases of a year in the yearly report: its paragraph, its problems, the Word file and the annex.

甲镇 in 2025, compiled on 2026-01-15, with cases recorded through the services:

- decided 2025-04-01 (fine 5,000 yuan), published, revoked by reconsideration on 2025-06-09 and its
  publication withdrawn two days later;
- heard on 2025-04-18 (major rights, so legal review required), reviewed and passed, decided
  2025-04-25 (fine 1,200.50 yuan);
- filed 2025-03-04 and decided 2025-07-01 (a warning), after its 90-day period (due 2025-06-03);
- 市容环境: filed 2025-05-06, not yet decided; and one filed in 2024, outside the year.
"""

from __future__ import annotations

import datetime
import io
from decimal import Decimal

import docx
import openpyxl
import pytest
import time_machine

from enforcement.cases.services import record_event
from enforcement.models import CertificateStatus
from enforcement.officers.services import change_certificate_status
from enforcement.reconsideration.services import record_event as record_reconsideration_event
from reports.annual import services
from reports.annual.document import paragraphs_of
from reports.annual.narrative import build_document
from reports.statistics.compile import compile_statistics, subtree_scope
from tests.factories import ReconsiderationCaseFactory, certified_officer, penalty_case

D = datetime.date
YEAR = 2025
COMPILED_AT = datetime.datetime(2026, 1, 15, 9, tzinfo=datetime.UTC)
DECIDED = [("filed", D(2025, 3, 4)), ("notified", D(2025, 3, 20)), ("decided", D(2025, 4, 1))]
LEAD = "严格规范行政处罚案件办理。"

PARAGRAPH = (
    LEAD + "全年立案行政处罚案件4件（普通程序4件），按执法领域分，城乡规划3件、市容环境1件。"
    "作出案件处理决定3件，其中处以罚款2件、罚款金额共计6200.5元。"
    "有法定期限的3件决定中，2件在法定期限内作出，法定期限内决定率66.7%。"
    "应当进行法制审核的1件决定经法制审核通过，举行听证1件，依法公开行政处罚决定1件，"
    "公开后被变更、撤销或者确认违法、无效的决定1件，已按时撤回公开。"
    "参与执法活动的人员均持有当日有效且载明相应执法领域的执法证件，未发生无证执法情况。"
    "全年作出的决定中经行政复议被纠错1件。"
)


@pytest.fixture(autouse=True)
def compiled_at():
    with time_machine.travel(COMPILED_AT, tick=False):
        yield


def revoked_by_reconsideration(agency):
    case = penalty_case(agency, *DECIDED, ("served", D(2025, 4, 2)), ("published", D(2025, 4, 3)))
    reconsideration = ReconsiderationCaseFactory(agency=agency, enforcement_case=case, received_on=D(2025, 4, 20))
    record_reconsideration_event(case=reconsideration, kind="accepted", occurred_on=D(2025, 4, 22))
    record_reconsideration_event(case=reconsideration, kind="decision", occurred_on=D(2025, 6, 9), outcome="revoked")
    record_event(case=case, kind="publication_withdrawn", occurred_on=D(2025, 6, 11), note="复议撤销")
    return case


def heard_and_reviewed(agency):
    review = {"person": "李法审", "outcome": "passed", "reviewer_first_time": True, "reviewer_legally_qualified": True}
    return penalty_case(
        agency,
        ("filed", D(2025, 3, 4)),
        ("notified", D(2025, 4, 1)),
        ("hearing_requested", D(2025, 4, 3)),
        ("hearing_notified", D(2025, 4, 7), {"scheduled_on": D(2025, 4, 18)}),
        ("hearing_held", D(2025, 4, 18), {"presider": certified_officer(agency)}),
        ("legal_review", D(2025, 4, 22), review),
        ("decided", D(2025, 4, 25)),
        major_rights=True,
        penalties=[{"kind": "fine", "amount": Decimal("1200.50")}],
    )


def decided_late(agency):
    return penalty_case(
        agency,
        ("filed", D(2025, 3, 4)),
        ("notified", D(2025, 3, 20)),
        ("decided", D(2025, 7, 1)),
        penalties=[{"kind": "warning"}],
    )


@pytest.fixture
def cases(world):
    a = world.township_a
    revoked_by_reconsideration(a)
    heard_and_reviewed(a)
    decided_late(a)
    penalty_case(a, ("filed", D(2025, 5, 6)), field="市容环境", discovered_on=D(2025, 5, 6))
    penalty_case(a, ("filed", D(2024, 3, 4)), discovered_on=D(2024, 3, 1))


def document_of(world) -> dict:
    return build_document(compile_statistics(subtree_scope(world.township_a), YEAR), dated=D(2026, 1, 20))


def section(document: dict, heading: str) -> list[str]:
    return next(part for part in document["sections"] if part["heading"] == heading)["paragraphs"]


def case_paragraphs(document: dict) -> list[str]:
    return [text for text in paragraphs_of(document) if LEAD in text]


def test_a_year_with_penalty_cases_tells_their_real_counts(world, cases):
    enforcement = section(document_of(world), "（二）坚持依法行政，规范行政执法")
    (paragraph,) = [text for text in enforcement if LEAD in text]
    assert paragraph.split("、", 1)[1] == PARAGRAPH
    # After the exams and before reconsideration, whose corrections it leads to.
    assert enforcement.index(paragraph) == len(enforcement) - 2


def test_a_decision_after_its_period_is_a_problem_with_its_cause_and_measure(world, cases):
    document = document_of(world)
    (problem,) = [text for text in section(document, "（一）存在问题") if "超过法定期限作出" in text]
    assert "有法定期限的3件案件决定中，有1件超过法定期限作出。主要原因是案件办理缺少期限跟踪和到期提醒" in problem
    assert any("自立案之日起90日内作出行政处罚决定" in text for text in section(document, "（二）下一步工作计划"))


def test_a_year_without_penalty_cases_says_nothing_of_them(world):
    certified_officer(world.township_a)
    penalty_case(world.township_a, ("filed", D(2024, 3, 4)), discovered_on=D(2024, 3, 1))
    document = document_of(world)
    assert case_paragraphs(document) == []
    text = "".join(paragraphs_of(document))
    assert "行政处罚案件" not in text and "无证执法" not in text


def test_acts_by_an_officer_without_an_effective_certificate_are_a_problem_with_their_cause(world):
    case = penalty_case(world.township_a, ("filed", D(2025, 3, 4)), ("investigated", D(2025, 3, 6)))
    certificate = case.handlers.first().certificates.get()
    change_certificate_status(
        certificate=certificate, status=CertificateStatus.REVOKED, reason="违规", on=D(2025, 3, 5)
    )
    document = document_of(world)
    (problem,) = [text for text in section(document, "（一）存在问题") if "持证执法要求落实不到位" in text]
    assert "行政处罚案件中有1次执法活动由当日未持有效执法证件或证件未载明该执法领域的人员参与实施" in problem
    assert "主要原因是案件承办人员安排时未核对执法证件的有效期和执法领域" in problem
    assert any("《行政处罚法》第四十二条" in text for text in section(document, "（二）下一步工作计划"))
    # The paragraph states the filing, and claims no certified enforcement.
    (paragraph,) = case_paragraphs(document)
    assert "全年立案行政处罚案件1件" in paragraph and "未发生无证执法" not in paragraph


def test_the_word_file_and_the_annex_carry_the_cases_and_their_problems(
    world, cases, django_capture_on_commit_callbacks
):
    with django_capture_on_commit_callbacks(execute=True):
        report = services.request_report(agency=world.township_a, year=YEAR, user=world.team_lead_a)
    report.refresh_from_db()
    with report.docx.open("rb") as file:
        word = docx.Document(io.BytesIO(file.read()))
    lines = [(p.style.name, p.text) for p in word.paragraphs]
    headings = [text for style, text in lines if style.startswith("Heading")]
    paragraph = next(index for index, (_style, text) in enumerate(lines) if LEAD in text)
    # The paragraph stands under its heading, as in the document the text was written from.
    above = [text for style, text in lines[:paragraph] if style.startswith("Heading")]
    assert above[-1] == "（二）坚持依法行政，规范行政执法"
    assert lines[paragraph][1].split("、", 1)[1] == PARAGRAPH
    problems = headings.index("（一）存在问题")
    assert any("超过法定期限作出" in text for _style, text in lines[problems:])

    with report.xlsx.open("rb") as file:
        annex = openpyxl.load_workbook(io.BytesIO(file.read()))
    figures = {row[0]: row[1] for row in annex["行政处罚案件"].iter_rows(min_row=4, max_col=2, values_only=True)}
    assert (figures["立案（件）"], figures["作出决定（件）"], figures["罚款金额（元）"]) == (4, 3, 6200.5)
    assert (figures["举行听证（件）"], figures["被复议纠错（件）"]) == (1, 1)
    problems_sheet = [row[1] for row in annex["存在问题"].iter_rows(min_row=2, max_col=2, values_only=True)]
    assert any("超过法定期限作出" in text for text in problems_sheet)
