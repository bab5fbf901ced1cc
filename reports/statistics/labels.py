"""Chinese labels of the statistics, shared by the Excel annex and the HTML view."""

from __future__ import annotations

from reports.statistics.wording import number, percent

AREAS = {
    "officers": "执法人员",
    "training": "学法培训",
    "exams": "学法考试",
    "publicity": "法治宣传",
    "reconsideration": "行政复议",
    "governance": "依法行政台账",
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
}

# Breakdowns keyed by a code in the statistics, and the words the annex shows for each code.
BREAKDOWN_NAMES = {
    "disputes_by_kind": {
        "land": "土地纠纷",
        "construction": "建设拆迁纠纷",
        "neighbours": "邻里纠纷",
        "labour": "劳动争议",
        "family": "婚姻家庭纠纷",
        "environment": "环境纠纷",
        "other": "其他纠纷",
    }
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
    "governance": {
        "responsible_persons": "法治建设第一责任人（人）",
        "leading_groups": "法治政府建设领导小组（个）",
        "leading_group_meetings": "领导小组会议（次）",
        "leading_group_topics": "研究重大问题（项）",
        "leading_group_decisions": "会议作出决定（项）",
        "first_responsible_reports": "党政主要负责人述法（次）",
        "work_plans": "年度工作计划（份）",
        "no_major_decisions_confirmed": "确认全年无重大行政决策",
        "no_normative_documents_confirmed": "确认全年无行政规范性文件",
        "major_decisions": "重大行政决策（项）",
        "major_decisions_reviewed": "经合法性审查（项）",
        "decisions_without_review": "未经合法性审查（项）",
        "decisions_collectively_discussed": "经集体讨论决定（项）",
        "decisions_without_collective_discussion": "未经集体讨论决定（项）",
        "public_comment_decisions": "公开征求意见（项）",
        "public_comments": "收到公众意见（条）",
        "decisions_missing_mandatory_steps": "缺少必经程序（项）",
        "normative_documents": "行政规范性文件（件）",
        "normative_documents_reviewed": "经合法性审核（件）",
        "normative_documents_without_review": "未经合法性审核（件）",
        "normative_documents_published": "已公布（件）",
        "normative_documents_filed": "已备案（件）",
        "normative_documents_filed_on_time": "按期备案（件）",
        "normative_documents_filed_late": "逾期备案或未备案（件）",
        "filing_period_days": "备案期限（日）",
        "advisers": "法律顾问（名）",
        "adviser_matters": "法律顾问办理事项（件）",
        "adviser_contracts_reviewed": "审查合同（件）",
        "adviser_decisions_reviewed": "审查决策和规范性文件（件）",
        "adviser_disputes_attended": "参与处理纠纷和诉讼（件）",
        "adviser_consultations": "提供法律咨询（次）",
        "disputes_received": "排查矛盾纠纷（件）",
        "disputes_mediated": "调处成功（件）",
        "disputes_failed": "调处未成功（件）",
        "disputes_referred": "移交处理（件）",
        "disputes_pending": "正在调处（件）",
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
    names = BREAKDOWN_NAMES.get(key, {})
    rows = [(names.get(name, name) or UNTHEMED, count or 0) for name, count in breakdown.items()]
    return sorted(rows, key=lambda row: -row[1])
