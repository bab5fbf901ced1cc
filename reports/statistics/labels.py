"""Chinese labels of the statistics, shared by the Excel annex and the HTML view."""

from __future__ import annotations

from reports.statistics.wording import number, percent

AREAS = {
    "officers": "执法人员",
    "training": "学法培训",
    "exams": "学法考试",
    "publicity": "法治宣传",
    "reconsideration": "行政复议",
    "enforcement": "行政处罚",
}

# Keys that are fractions 0–1, written as percentages.
RATES = {
    "certified_rate",
    "pass_rate",
    "participation_rate",
    "excellence_rate",
    "interactive_share",
    "correction_rate",
    "mediation_withdrawal_rate",
    "replies_on_time_rate",
    "decided_within_period_rate",
    "withdrawn_on_time_rate",
    "corrected_by_reconsideration_rate",
}

LABELS = {
    "officers": {
        "total": "在职干部职工（人）",
        "enforcement_officers": "行政执法人员（人）",
        "certified": "持有效执法证件（人）",
        "certified_rate": "持证率",
        "leaders": "领导干部（人）",
        "expiring_within_90_days": "90日内到期证件（本）",
        "expired": "年内到期未换证（本）",
        "enforcing_without_certificate": "未持有效证件的执法人员（人）",
    },
    "training": {
        "sessions": "培训场次",
        "hours": "培训学时",
        "attendances": "参训人数",
        "required_hours": "每人应完成学时",
        "officers_meeting_requirement": "完成学时要求的执法人员（人）",
        "officers_below_requirement": "未完成学时要求的执法人员（人）",
        "average_hours_per_officer": "执法人员人均学时",
        "leader_study_sessions": "中心组集体学法（次）",
        "leaders_attending": "参加学法的领导干部（人）",
    },
    "exams": {
        "exams": "考试场次",
        "required": "应考人数",
        "participants": "参考人数",
        "passed": "合格人数",
        "pass_rate": "合格率",
        "participation_rate": "参考率",
        "excellence_rate": "优秀率",
    },
    "publicity": {
        "activities": "宣传活动（场次）",
        "participants": "参与群众（人次）",
        "materials": "发放资料（份）",
        "interactive_share": "互动式活动占比",
        "youth_activities": "青少年法治教育活动（场次）",
        "vice_principals": "法治副校长（名）",
    },
    "reconsideration": {
        "received": "收到申请（件）",
        "accepted": "受理（件）",
        "decided": "审结（件）",
        "upheld": "维持（件）",
        "corrected": "纠错（件）",
        "correction_rate": "纠错率",
        "mediated_or_settled": "调解和解（件）",
        "withdrawn": "撤回（件）",
        "mediation_withdrawal_rate": "调撤率",
        "pending": "未审结（件）",
        "overdue": "逾期未结（件）",
        "replies_on_time_rate": "答复按时率",
        "replies_overdue": "逾期答复（件）",
        "litigated": "复议后诉讼（件）",
    },
    "enforcement": {
        "filed": "立案（件）",
        "decided": "作出决定（件）",
        "fines_count": "罚款（件）",
        "fines_total": "罚款金额（元）",
        "decided_within_period_rate": "法定期限内决定率",
        "legal_review_required": "应当法制审核（件）",
        "legal_review_done": "经法制审核（件）",
        "hearings_held": "举行听证（件）",
        "published": "公开处罚决定（件）",
        "withdrawn_on_time_rate": "按时撤回公开率",
        "uncertified_handler_acts": "无有效证件人员执法（次）",
        "corrected_by_reconsideration": "被复议纠错（件）",
        "corrected_by_reconsideration_rate": "被复议纠错率",
    },
}


UNTHEMED = "无主题"


def figure_rows(stats: dict, area: str) -> list[tuple[str, str, float | int | None]]:
    """(key, label, value) of an area's scalar figures: the labelled ones first, then any extra keys."""
    figures = stats.get(area) or {}
    labels = LABELS.get(area, {})
    keys = [key for key in labels if key in figures]
    keys += [key for key in figures if key not in labels and not isinstance(figures[key], (dict, list))]
    return [(key, labels.get(key, key), figures[key]) for key in keys]


def display_value(key: str, value) -> str | None:
    """A figure as the report writes it: rates as percentages, counts and hours as numbers."""
    if key in RATES:
        return percent(value)
    return number(value) if isinstance(value, (int, float)) else value


def breakdown_rows(stats: dict, area: str, key: str) -> list[tuple[str, int]]:
    """(name, count) of a breakdown such as publicity by theme, largest first."""
    breakdown = (stats.get(area) or {}).get(key) or {}
    rows = [(name or UNTHEMED, count or 0) for name, count in breakdown.items()]
    return sorted(rows, key=lambda row: -row[1])
