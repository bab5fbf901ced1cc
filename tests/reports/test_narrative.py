import datetime

import pytest
from django.core.exceptions import ValidationError

from reports.annual.document import document_to_text, paragraphs_of, text_to_document
from reports.annual.narrative import build_document
from reports.statistics.problems import find_problems
from tests.reports.fixtures import township_stats

DAY = datetime.date(2022, 2, 20)


def narrative(**changes) -> dict:
    stats = township_stats(**changes)
    stats["problems"] = find_problems(stats)
    return build_document(stats, dated=DAY)


def text_of(**changes) -> str:
    return document_to_text(narrative(**changes))


def test_the_title_names_the_agency_and_the_year():
    assert narrative()["title"] == "南鲁山镇人民政府关于2021年度法治政府建设工作情况的报告"


def test_the_report_follows_the_official_structure():
    headings = [part["heading"] for part in narrative()["sections"] if part["level"]]
    assert headings[0] == "一、主要做法和成效"
    assert "二、存在问题及下一步工作计划" in headings
    assert headings.index("（一）存在问题") < headings.index("（二）下一步工作计划")


def test_the_exam_sentence_comes_from_the_figures():
    assert (
        "2021年组织全镇干部职工学法考试，应考86人，参考84人，缺考2人，参考率97.7%，考试成绩合格率100%，优秀率45.2%。"
        in text_of()
    )
    assert "考试成绩合格率95.2%" in text_of(exams__passed=80)


def test_the_report_states_certificates_training_and_reconsideration_figures():
    text = text_of()
    assert "其中行政执法人员24人，持有有效行政执法证件22人，持证率91.7%" in text
    assert "全年组织法治培训14场次，共计62.5学时" in text
    assert (
        "全年以我镇为被申请人的行政复议案件收到申请6件，不予受理1件，受理5件；"
        "已审结4件（维持1件、纠错2件、调解和解1件），尚未审结1件。"
    ) in text


def test_publicity_is_reported_by_theme_day_and_format():
    text = text_of()
    assert "全年开展法治宣传活动12场次，参与群众1860人次，发放宣传资料5200份" in text
    assert "国家宪法日3场次" in text
    assert "发放资料9场次、横幅标语7场次" in text
    assert "聘任兼职法治副校长2名" in text


def test_the_leaders_study_paragraph_states_the_plan_and_the_group_study_held():
    text = text_of()
    assert "制定年度学法计划，安排党委理论学习中心组集体学法4次，我镇现有领导干部9人。" in text
    assert "全年召开党委理论学习中心组集体学法会议6次，9名领导干部参加集体学法。" in text


def test_activities_that_did_not_take_place_are_said_not_to_have_been_organised():
    stats = township_stats(exams__exams=0, exams__participants=0, exams__pass_rate=None, training__sessions=0)
    stats["training"].update(group_study_held=0, leader_study_sessions=0)
    stats["publicity"].update(activities=0, participants=0, youth_activities=0, vice_principals=0)
    text = document_to_text(build_document(stats, dated=DAY))
    assert "2021年未组织干部职工学法考试。" in text
    assert "全年未组织专题法治培训。" in text
    assert "全年未组织法治宣传活动。" in text
    assert "全年未组织党委理论学习中心组集体学法。" in text
    assert "None" not in text


def test_rates_without_a_denominator_are_left_out():
    text = text_of(exams__roll=0, exams__participation_rate=None)
    assert "2021年组织全镇干部职工学法考试，参考84人，考试成绩合格率100%，优秀率45.2%。" in text


def test_a_township_without_reconsideration_cases_says_so():
    assert "全年无以我镇为被申请人的行政复议案件。" in text_of(reconsideration__received=0)


def test_each_problem_states_its_cause_and_next_years_measure():
    document = narrative()
    problems = next(part for part in document["sections"] if part["heading"] == "（一）存在问题")["paragraphs"]
    plans = next(part for part in document["sections"] if part["heading"] == "（二）下一步工作计划")["paragraphs"]
    assert problems[0].startswith("1、执法人员持证上岗管理不到位，仍有2名在岗执法人员未持有效行政执法证件。主要原因是")
    assert "一律不得独立从事执法工作" in plans[1]
    assert len(problems) == len(find_problems(township_stats()))


def test_without_problems_the_plan_still_has_next_years_work():
    stats = township_stats(
        officers__enforcing_without_certificate=0,
        officers__expiring_within_90_days=0,
        training__officers_below_requirement=0,
        reconsideration__replies_overdue=0,
        reconsideration__correction_rate=0.0,
        reconsideration__corrected=0,
        enforcement__decided_within_period=13,
    )
    stats["problems"] = find_problems(stats)
    assert stats["problems"] == []
    document = build_document(stats, dated=DAY)
    plans = next(part for part in document["sections"] if part["heading"] == "（二）下一步工作计划")
    assert len(plans["paragraphs"]) >= 2


def test_a_county_speaks_of_itself_as_the_county():
    stats = township_stats()
    stats["agency"]["name"] = "示例县人民政府"
    assert "组织全县干部职工学法考试" in document_to_text(build_document(stats, dated=DAY))


def test_the_date_line_and_signature():
    document = narrative()
    assert (document["signature"], document["date"]) == ("南鲁山镇人民政府", "2022年2月20日")


def test_edited_text_reads_back_into_the_same_document():
    document = narrative()
    again = text_to_document(document_to_text(document), signature=document["signature"], date=document["date"])
    assert again == document


def test_an_edited_paragraph_stays_under_its_heading():
    text = text_of().replace("坚持以考促学。", "坚持以考促学，以学促用。")
    document = text_to_document(text, signature="甲", date="")
    assert any(p.startswith("7、坚持以考促学，以学促用。") for p in paragraphs_of(document))


def test_text_without_headings_is_refused():
    with pytest.raises(ValidationError):
        text_to_document("标题\n只有一段文字", signature="", date="")


def test_rates_are_rounded_half_up_as_in_official_reports():
    assert "优秀率31.3%" in text_of(exams__excellent=5, exams__participants=16, exams__roll=16)


def penalty_paragraph(**changes) -> str | None:
    stats = township_stats(**changes)
    return next((p for p in paragraphs_of(build_document(stats, dated=DAY)) if "严格规范行政处罚案件办理。" in p), None)


def test_the_penalty_cases_paragraph_comes_from_the_figures():
    assert penalty_paragraph() == (
        "8、严格规范行政处罚案件办理。全年立案行政处罚案件24件（普通程序16件、简易程序8件），"
        "按执法领域分，市容环境14件、城乡规划10件。作出案件处理决定21件，其中处以罚款18件、罚款金额共计46500元。"
        "有法定期限的13件决定中，12件在法定期限内作出，法定期限内决定率92.3%。"
        "应当进行法制审核的2件决定均经法制审核通过，举行听证1件，依法公开行政处罚决定3件，"
        "公开后被变更、撤销或者确认违法、无效的决定1件，已按时撤回公开。"
        "参与执法活动的人员均持有当日有效且载明相应执法领域的执法证件，未发生无证执法情况。"
        "全年作出的决定中经行政复议被纠错1件。"
    )


def test_penalty_figures_that_fall_short_are_stated_as_they_are():
    paragraph = penalty_paragraph(
        enforcement__decided_within_period=13,
        enforcement__legal_review_done=1,
        enforcement__withdrawals_due=2,
        enforcement__withdrawn_on_time=1,
        enforcement__fines_total=1234.56,
    )
    assert "罚款金额共计1234.56元" in paragraph
    assert "有法定期限的13件决定均在法定期限内作出。" in paragraph
    assert "应当进行法制审核的2件决定中，经法制审核通过1件" in paragraph
    assert "决定2件，按时撤回公开1件" in paragraph


def test_zero_penalty_figures_are_left_out():
    paragraph = penalty_paragraph(
        enforcement__hearings_held=0,
        enforcement__legal_review_required=0,
        enforcement__legal_review_done=0,
        enforcement__fines_count=0,
        enforcement__fines_total=0,
        enforcement__corrected_by_reconsideration=0,
        enforcement__withdrawals_due=0,
        enforcement__withdrawn_on_time=0,
    )
    assert not any(word in paragraph for word in ("听证", "法制审核", "罚款", "纠错", "撤回", "None"))


def test_certified_enforcement_is_claimed_only_of_a_year_with_acts_all_certified():
    assert "未发生无证执法" not in penalty_paragraph(enforcement__uncertified_handler_acts=2)
    # Decisions of cases filed the year before, and nothing filed this year: no claim about the acts.
    assert "未发生无证执法" not in penalty_paragraph(
        enforcement__filed=0, enforcement__by_procedure={}, enforcement__by_field={}
    )


def test_a_year_without_penalty_cases_has_no_paragraph_on_them():
    empty = dict.fromkeys(
        (
            "filed",
            "decided",
            "fines_count",
            "fines_total",
            "decided_with_period",
            "decided_within_period",
            "legal_review_required",
            "legal_review_done",
            "hearings_held",
            "published",
            "withdrawals_due",
            "withdrawn_on_time",
            "uncertified_handler_acts",
            "corrected_by_reconsideration",
        ),
        0,
    )
    changes = {f"enforcement__{key}": value for key, value in empty.items()}
    changes |= {"enforcement__by_procedure": {}, "enforcement__by_field": {}}
    assert penalty_paragraph(**changes) is None
    assert "行政处罚" not in text_of(**changes).split("二、存在问题")[0]
