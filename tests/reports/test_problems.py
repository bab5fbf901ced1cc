import pytest

from reports.statistics.problems import RULES, Rule, above, find_problems
from tests.reports.fixtures import township_stats

# Figures that break no rule.
HEALTHY = dict(
    officers__enforcing_without_certificate=0,
    officers__expiring_within_90_days=0,
    training__officers_below_requirement=0,
    exams__pass_rate=1.0,
    publicity__interactive_share=0.45,
    publicity__participants=1860,
    publicity__activities=12,
    reconsideration__replies_overdue=0,
    reconsideration__correction_rate=0.1,
    governance__decisions_without_review=0,
    governance__decisions_without_collective_discussion=0,
    governance__normative_documents_without_review=0,
    governance__normative_documents_filed_late=0,
    governance__first_responsible_reports=1,
    governance__leading_group_meetings=4,
    enforcement__uncertified_handler_acts=0,
    enforcement__decided_within_period=13,
    enforcement__legal_review_required=2,
    enforcement__legal_review_done=2,
)

# For each rule, one change to the healthy figures that breaks it.
BREAKING = {
    "uncertified_enforcement": {"officers__enforcing_without_certificate": 2},
    "certificates_expiring": {"officers__expiring_within_90_days": 3},
    "training_hours_short": {"training__officers_below_requirement": 4},
    "group_study_short": {"training__group_study_planned": 8},
    "exam_pass_rate_low": {"exams__pass_rate": 0.9643, "exams__passed": 81},
    "publicity_one_way": {"publicity__interactive_share": 0.25},
    "publicity_low_participation": {"publicity__participants": 240},
    "replies_overdue": {"reconsideration__replies_overdue": 1},
    "correction_rate_high": {"reconsideration__correction_rate": 0.3333},
    "decision_without_review": {"governance__decisions_without_review": 1},
    "decision_without_discussion": {"governance__decisions_without_collective_discussion": 2},
    "document_without_review": {"governance__normative_documents_without_review": 1},
    "document_filed_late": {"governance__normative_documents_filed_late": 1},
    "no_rule_of_law_report": {"governance__first_responsible_reports": 0},
    "no_leading_group_meeting": {"governance__leading_group_meetings": 0},
    "uncertified_handler_acts": {"enforcement__uncertified_handler_acts": 2},
    "decisions_late": {"enforcement__decided_within_period": 11},
    "legal_review_missing": {"enforcement__legal_review_done": 1},
}


def codes(stats) -> list[str]:
    return [problem["code"] for problem in find_problems(stats)]


def test_every_rule_has_a_breaking_case_and_a_threshold(settings):
    assert {rule.code for rule in RULES} == set(BREAKING)
    assert set(settings.LAWGOV["PROBLEM_THRESHOLDS"]) == set(BREAKING)


def test_healthy_figures_show_no_problem():
    assert codes(township_stats(**HEALTHY)) == []


@pytest.mark.parametrize("code", sorted(BREAKING))
def test_a_rule_fires_on_figures_that_break_it_and_only_it(code):
    assert codes(township_stats(**(HEALTHY | BREAKING[code]))) == [code]


@pytest.mark.parametrize("code", sorted(BREAKING))
def test_a_problem_brings_its_sentence_cause_and_measure(code):
    (problem,) = find_problems(township_stats(**(HEALTHY | BREAKING[code])))
    assert set(problem) == {"code", "text", "cause", "measure"}
    assert all(problem.values())


def test_the_sentence_carries_the_figures():
    problems = {p["code"]: p for p in find_problems(township_stats(**(HEALTHY | BREAKING["exam_pass_rate_low"])))}
    assert "合格率为96.4%" in problems["exam_pass_rate_low"]["text"]
    assert "有3人未通过考试" in problems["exam_pass_rate_low"]["text"]


def test_the_training_measure_names_the_required_hours():
    changes = HEALTHY | BREAKING["training_hours_short"] | {"training__required_hours": 72}
    (problem,) = find_problems(township_stats(**changes))
    assert "72学时" in problem["text"]
    assert "不少于72学时" in problem["measure"]


def test_rates_without_a_denominator_break_nothing():
    stats = township_stats(**(HEALTHY | {"exams__pass_rate": None, "reconsideration__correction_rate": None}))
    stats["publicity"].update(activities=0, participants=0, interactive_share=None)
    assert codes(stats) == []


def test_missing_areas_break_nothing():
    assert find_problems({"year": 2021, "agency": {"id": 1, "name": "甲镇人民政府"}}) == []


def test_the_threshold_comes_from_settings(settings):
    stats = township_stats(**(HEALTHY | {"reconsideration__correction_rate": 0.12}))
    assert codes(stats) == []
    settings.LAWGOV = {
        **settings.LAWGOV,
        "PROBLEM_THRESHOLDS": {**settings.LAWGOV["PROBLEM_THRESHOLDS"], "correction_rate_high": 0.1},
    }
    assert codes(stats) == ["correction_rate_high"]


def test_a_new_rule_is_one_more_entry(settings):
    settings.LAWGOV = {**settings.LAWGOV, "PROBLEM_THRESHOLDS": {"no_vice_principal": 1}}
    rule = Rule(
        code="no_vice_principal",
        applies=lambda s, t: not above("publicity.vice_principals")(s, t - 1),
        text=lambda s, t: "未聘任法治副校长",
        cause="重视不够",
        measure="聘任法治副校长",
    )
    assert find_problems(township_stats(publicity__vice_principals=0), rules=[rule])[0]["text"] == "未聘任法治副校长"
    assert find_problems(township_stats(publicity__vice_principals=2), rules=[rule]) == []


def test_the_overdue_reply_problem_names_the_period_of_each_procedure():
    stats = township_stats(**{**HEALTHY, "reconsideration__replies_overdue": 1})
    measure = next(problem["measure"] for problem in find_problems(stats) if problem["code"] == "replies_overdue")
    assert "10个工作日" in measure and "第四十八条" in measure
    assert "简易程序的为5个工作日" in measure and "第五十四条" in measure


def test_the_leadership_rules_stay_silent_for_a_township_that_keeps_no_ledger():
    stats = township_stats(
        **(
            HEALTHY
            | {
                "governance__responsible_persons": 0,
                "governance__first_responsible_reports": 0,
                "governance__leading_groups": 0,
                "governance__leading_group_meetings": 0,
            }
        )
    )
    # Its draft carries placeholders instead (reports/ledger/narrative.py).
    assert codes(stats) == []


def test_a_late_filing_names_the_provinces_period():
    (problem,) = find_problems(township_stats(**(HEALTHY | BREAKING["document_filed_late"])))
    assert problem["text"] == "行政规范性文件备案不够及时，有1件未在公布后30日内报送备案"


def test_decisions_after_their_period_are_counted_against_those_that_have_one():
    (problem,) = find_problems(township_stats(**(HEALTHY | BREAKING["decisions_late"])))
    assert problem["text"] == "行政处罚案件办理期限管理不够严格，有法定期限的13件案件决定中，有2件超过法定期限作出"
    assert "第六十条" in problem["measure"] and "90日内" in problem["measure"]
