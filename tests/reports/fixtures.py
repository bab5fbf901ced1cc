"""A hand-made statistics dictionary of a township, in the shape of the /api/v1/stats/ contract.

Its keys are those of the real `compile_statistics` (a test in test_integration.py
compares them), so the pure tests of the narrative and the files cannot drift
from what the areas answer.
"""

import copy

TOWNSHIP_2021 = {
    "year": 2021,
    "agency": {"id": 7, "name": "南鲁山镇人民政府"},
    "officers": {
        "total": 86,
        "enforcement_officers": 24,
        "certified": 22,
        "certified_rate": 0.9167,
        "leaders": 9,
        "expiring_within_90_days": 3,
        "expired": 1,
        "enforcing_without_certificate": 2,
    },
    "training": {
        "sessions": 14,
        "hours": 62.5,
        "attendances": 81,
        "required_hours": 60,
        "officers_meeting_requirement": 20,
        "officers_below_requirement": 4,
        "average_hours_per_officer": 56.5,
        "leader_study_sessions": 6,
        "leaders_attending": 9,
        "group_study_planned": 4,
        "group_study_held": 6,
    },
    "exams": {
        "exams": 1,
        "roll": 86,
        "required": 86,
        "participants": 84,
        "passed": 84,
        "excellent": 38,
        "pass_rate": 1.0,
        "participation_rate": 0.9767,
        "excellence_rate": 0.4524,
    },
    "publicity": {
        "activities": 12,
        "participants": 1860,
        "materials": 5200,
        "by_theme": {"国家宪法日": 3, "全民国家安全教育日": 2, "国际禁毒日": 2, "无主题日": 5},
        "by_format": {"横幅标语": 7, "发放资料": 9, "法律咨询": 3, "以案释法": 1},
        "interactive_activities": 4,
        "interactive_share": 0.3333,
        "youth_activities": 4,
        "vice_principals": 2,
        "vice_principals_meeting_lessons": 1,
        "sites": 3,
        "sites_by_kind": {"board": 2, "square": 1},
    },
    "reconsideration": {
        "received": 6,
        "not_accepted": 1,
        "abandoned": 0,
        "accepted": 5,
        "awaiting_acceptance": 0,
        "concluded": 4,
        "decided": 3,
        "upheld": 1,
        "claim_rejected": 0,
        "corrected": 2,
        "application_rejected": 0,
        "mediated_or_settled": 1,
        "withdrawn": 0,
        "terminated": 0,
        "pending": 1,
        "correction_rate": 0.6667,
        "mediation_withdrawal_rate": 0.25,
        "overdue": 0,
        "replies_due": 4,
        "replies_on_time": 3,
        "replies_on_time_rate": 0.75,
        "replies_overdue": 1,
        "litigated": 1,
    },
    # The figures behind the example paragraph of a township that keeps its ledger.
    "governance": {
        "responsible_persons": 2,
        "leading_groups": 1,
        "leading_group_meetings": 4,
        "leading_group_topics": 7,
        "leading_group_decisions": 4,
        "first_responsible_reports": 1,
        "work_plans": 1,
        "no_major_decisions_confirmed": False,
        "no_normative_documents_confirmed": False,
        "major_decisions": 3,
        "major_decisions_reviewed": 3,
        "decisions_without_review": 0,
        "decisions_collectively_discussed": 3,
        "decisions_without_collective_discussion": 0,
        "public_comment_decisions": 2,
        "public_comments": 31,
        "decisions_missing_mandatory_steps": 0,
        "normative_documents": 2,
        "normative_documents_reviewed": 2,
        "normative_documents_without_review": 0,
        "normative_documents_published": 2,
        "normative_documents_filed": 2,
        "normative_documents_filed_on_time": 2,
        "normative_documents_filed_late": 0,
        "filing_period_days": 30,
        "advisers": 1,
        "adviser_matters": 23,
        "adviser_contracts_reviewed": 15,
        "adviser_decisions_reviewed": 0,
        "adviser_disputes_attended": 6,
        "adviser_consultations": 2,
        "disputes_received": 38,
        "disputes_mediated": 35,
        "disputes_failed": 0,
        "disputes_referred": 2,
        "disputes_pending": 1,
        "disputes_by_kind": {
            "land": 9,
            "construction": 4,
            "neighbours": 15,
            "labour": 3,
            "family": 5,
            "environment": 0,
            "other": 2,
        },
    },
    "problems": [],
}


def township_stats(**changes) -> dict:
    """A copy of the township figures with `area__key=value` changes, e.g. exams__pass_rate=0.9."""
    stats = copy.deepcopy(TOWNSHIP_2021)
    for name, value in changes.items():
        area, key = name.split("__", 1)
        stats[area][key] = value
    return stats
