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
    },
    "exams": {
        "exams": 1,
        "participants": 84,
        "passed": 84,
        "pass_rate": 1.0,
        "participation_rate": 0.9767,
        "excellence_rate": 0.4524,
        "required": 86,
    },
    "publicity": {
        "activities": 12,
        "participants": 1860,
        "materials": 5200,
        "by_theme": {"国家宪法日": 3, "全民国家安全教育日": 2, "国际禁毒日": 2, "": 5},
        "by_format": {"横幅标语": 7, "发放资料": 9, "法律咨询": 3, "以案释法": 1},
        "interactive_share": 0.3333,
        "youth_activities": 4,
        "vice_principals": 2,
    },
    "reconsideration": {
        "received": 5,
        "accepted": 4,
        "decided": 3,
        "upheld": 2,
        "corrected": 1,
        "correction_rate": 0.3333,
        "mediated_or_settled": 1,
        "withdrawn": 0,
        "mediation_withdrawal_rate": 0.25,
        "pending": 1,
        "overdue": 0,
        "replies_on_time_rate": 0.75,
        "litigated": 1,
        "replies_overdue": 1,
    },
    "enforcement": {
        "filed": 24,
        "decided": 21,
        "by_procedure": {"ordinary": 16, "simplified": 8},
        "by_field": {"城乡规划": 10, "市容环境": 14},
        "fines_count": 18,
        "fines_total": 46500,
        "decided_within_period_rate": 0.9375,
        "legal_review_required": 2,
        "legal_review_done": 2,
        "hearings_held": 1,
        "published": 3,
        "withdrawn_on_time_rate": 1.0,
        "uncertified_handler_acts": 0,
        "corrected_by_reconsideration": 1,
        "corrected_by_reconsideration_rate": 0.0476,
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
