"""The yearly report's text in Chinese, in the official structure, written from the statistics.

Every sentence is built from records: every figure comes from the
statistics dictionary, and where the records a sentence needs are missing
(no study plan for the year, no ledger of the first responsible person's
duty) the draft carries a visible placeholder (placeholders.py), which
blocks publishing. A figure without a denominator is left out, and an
activity that did not take place is said not to have been organised rather
than reported as "0". Every sentence that lists parts lists all of them, so
they add up to the total they break down; every percentage is worked out
from its numerator and denominator and rounded once (lawgov/rates.py).
"""

from __future__ import annotations

import datetime

from django.conf import settings
from django.utils import translation

from reports.annual.document import section
from reports.annual.ledger_narrative import lawful_administration, responsibility
from reports.annual.placeholders import placeholder
from reports.statistics.figures import percent
from reports.statistics.labels import breakdown_rows
from reports.statistics.wording import amount, chinese_date, figure, number, self_reference
from training.publicity.stats import UNTHEMED, school_year_ending_in


def sentence(*clauses: str | None) -> str:
    """Clauses joined with "，" into one sentence; empty clauses drop out."""
    kept = [clause for clause in clauses if clause]
    return "，".join(kept) + "。" if kept else ""


def counted(template: str, value) -> str | None:
    """`template` with the count filled in, or None when the count is missing or zero."""
    return template.format(number(value)) if value else None


def rated(template: str, stats: dict, path: str) -> str | None:
    """`template` with the percentage of the rate at "area.key", or None without a denominator."""
    shown = percent(stats, path)
    return template.format(shown) if shown is not None else None


def listed(parts: list[tuple[str, int | None]], separator: str = "、") -> str:
    """The parts as "维持1件、纠错2件" from (template, count) pairs, leaving out the zero ones."""
    return separator.join(template.format(number(count)) for template, count in parts if count)


def build_document(stats: dict, *, dated: datetime.date) -> dict:
    agency = stats["agency"]["name"]
    year = stats["year"]
    we, whole = self_reference(agency)
    sections = [
        section(
            0,
            "",
            [
                f"{year}年，{we}认真贯彻落实党中央、国务院关于法治政府建设的决策部署，深入学习贯彻习近平法治思想，"
                "切实履行政府职能，完善依法行政制度体系，加强干部队伍法治教育，严格规范公正文明执法，"
                f"有效推进了法治政府建设。现将{we}{year}年度法治政府建设工作情况报告如下：",
            ],
        ),
        section(1, "一、主要做法和成效", []),
        section(2, "（一）加强组织领导，严格落实责任", leadership(stats, we)),
        section(2, "（二）坚持依法行政，规范行政执法", enforcement(stats, we, whole)),
        section(2, "（三）强化法治宣传，提升全民法律素质", publicity(stats, we)),
        section(1, "二、存在问题及下一步工作计划", []),
        section(2, "（一）存在问题", problems(stats, we)),
        section(2, "（二）下一步工作计划", plans(stats, we)),
    ]
    return {
        "title": f"{agency}关于{year}年度法治政府建设工作情况的报告",
        "sections": sections,
        "signature": agency,
        "date": chinese_date(dated),
    }


def leadership(stats: dict, we: str) -> list[str]:
    return numbered(
        [
            responsibility(stats),
            "落实领导干部学法制度。" + study_plan(stats, we) + group_study(stats),
        ]
    )


def study_plan(stats: dict, we: str) -> str:
    planned = figure(stats, "training.group_study_planned")
    leaders = counted(f"{we}现有领导干部{{}}人", figure(stats, "officers.leaders"))
    if planned is None:
        return sentence(placeholder("年度学法计划"), leaders)
    return sentence(
        "制定年度学法计划" + (f"，安排党委理论学习中心组集体学法{number(planned)}次" if planned else ""),
        leaders,
    )


def group_study(stats: dict) -> str:
    held = figure(stats, "training.group_study_held")
    planned = figure(stats, "training.group_study_planned")
    if held is None:
        return ""
    if not held:
        return "全年未组织党委理论学习中心组集体学法。"
    return sentence(
        f"全年召开党委理论学习中心组集体学法会议{number(held)}次",
        f"较计划少{number(planned - held)}次" if planned and held < planned else None,
        counted("{}名领导干部参加集体学法", figure(stats, "training.leaders_attending")),
    )


def numbered(paragraphs: list[str]) -> list[str]:
    """The paragraphs that have something to say, numbered "1、", "2、" … in order."""
    kept = [paragraph for paragraph in paragraphs if paragraph]
    return [f"{index}、{paragraph}" for index, paragraph in enumerate(kept, 1)]


def enforcement(stats: dict, we: str, whole: str) -> list[str]:
    return numbered(
        [
            *lawful_administration(stats),
            certificates(stats, we),
            training(stats),
            exams(stats, whole),
            penalty_cases(stats),
            reconsideration(stats, we),
        ]
    )


def certificates(stats: dict, we: str) -> str:
    officers = stats.get("officers") or {}
    if not officers:
        return ""
    without = officers.get("enforcing_without_certificate")
    enforcing = officers.get("enforcement_officers")
    text = "严格执法人员资格管理。" + sentence(
        counted(f"{we}现有在职干部职工{{}}人", officers.get("total")),
        counted("其中行政执法人员{}人", enforcing),
        counted("持有有效行政执法证件{}人", officers.get("certified")),
        rated("持证率{}", stats, "officers.certified_rate"),
    )
    if enforcing and without == 0:
        text += "执法人员均持有效证件，无未持证执法情况。"
    text += sentence(
        counted("年内执法证件到期{}本", officers.get("expired")),
        counted("另有{}本执法证件将于90日内到期", officers.get("expiring_within_90_days")),
    )
    return text


def training(stats: dict) -> str:
    figures = stats.get("training") or {}
    if not figures:
        return ""
    if not figures.get("sessions"):
        return "加强执法人员法治培训。全年未组织专题法治培训。"
    meeting = figures.get("officers_meeting_requirement") or 0
    below = figures.get("officers_below_requirement") or 0
    requirement = (
        f"执法人员{number(meeting + below)}人中，{number(meeting)}人完成年度"
        f"{number(figures.get('required_hours'))}学时培训任务" + (f"，{number(below)}人未完成" if below else "")
        if meeting + below
        else None
    )
    return "加强执法人员法治培训。" + sentence(
        f"全年组织法治培训{number(figures['sessions'])}场次",
        counted("共计{}学时", figures.get("hours")),
        counted("参训干部职工{}人", figures.get("attendances")),
        counted("执法人员人均参训{}学时", figures.get("average_hours_per_officer")),
        requirement,
    )


def exams(stats: dict, whole: str) -> str:
    figures = stats.get("exams") or {}
    if not figures:
        return ""
    year = stats["year"]
    if not figures.get("exams"):
        return f"坚持以考促学。{year}年未组织干部职工学法考试。"
    times = f"{number(figures['exams'])}次" if figures["exams"] > 1 else ""
    roll, sat = figures.get("roll") or 0, figures.get("participants") or 0
    return "坚持以考促学。" + sentence(
        f"{year}年组织{whole}干部职工学法考试{times}",
        counted("应考{}人", roll),
        f"参考{number(sat)}人",
        counted("缺考{}人", roll - sat if roll > sat else 0),
        rated("参考率{}", stats, "exams.participation_rate"),
        rated("考试成绩合格率{}", stats, "exams.pass_rate"),
        rated("优秀率{}", stats, "exams.excellence_rate"),
    )


def penalty_cases(stats: dict) -> str:
    """The administrative-penalty cases of the year; nothing at all in a year without any."""
    figures = stats.get("enforcement") or {}
    fines = figures.get("fines_count")
    body = (
        case_filing(stats)
        + sentence(
            counted("作出案件处理决定{}件", figures.get("decided")),
            f"其中处以罚款{number(fines)}件、罚款金额共计{amount(figures.get('fines_total') or 0)}元"
            if fines
            else None,
        )
        + sentence(*decided_in_period(stats))
        + sentence(
            legal_reviews(figures),
            counted("举行听证{}件", figures.get("hearings_held")),
            counted("依法公开行政处罚决定{}件", figures.get("published")),
            *withdrawals(figures),
        )
        + case_handlers(figures)
        + sentence(counted("全年作出的决定中经行政复议被纠错{}件", figures.get("corrected_by_reconsideration")))
    )
    return "严格规范行政处罚案件办理。" + body if body else ""


def every(count: int) -> str:
    """ "均" before what holds of each of several records; of one record, nothing."""
    return "均" if count > 1 else ""


def case_filing(stats: dict) -> str:
    filed = figure(stats, "enforcement.filed")
    if not filed:
        return ""
    with translation.override(settings.LANGUAGE_CODE):
        procedures = breakdown_rows(stats, "enforcement", "by_procedure")
        fields = breakdown_rows(stats, "enforcement", "by_field")
    by_procedure = listed([(f"{name}{{}}件", count) for name, count in procedures])
    by_field = listed([(f"{name}{{}}件", count) for name, count in fields])
    return sentence(
        f"全年立案行政处罚案件{number(filed)}件" + (f"（{by_procedure}）" if by_procedure else ""),
        f"按执法领域分，{by_field}" if by_field else None,
    )


def decided_in_period(stats: dict) -> tuple[str | None, ...]:
    """How many decisions came within their statutory period (art. 60), of those that have one."""
    figures = stats.get("enforcement") or {}
    due, met = figures.get("decided_with_period") or 0, figures.get("decided_within_period") or 0
    if not due:
        return ()
    if met == due:
        return (f"有法定期限的{number(due)}件决定{every(due)}在法定期限内作出",)
    return (
        f"有法定期限的{number(due)}件决定中，{number(met)}件在法定期限内作出",
        rated("法定期限内决定率{}", stats, "enforcement.decided_within_period_rate"),
    )


def legal_reviews(figures: dict) -> str | None:
    required, passed = figures.get("legal_review_required") or 0, figures.get("legal_review_done") or 0
    if not required:
        return None
    if passed == required:
        return f"应当进行法制审核的{number(required)}件决定{every(required)}经法制审核通过"
    return f"应当进行法制审核的{number(required)}件决定中，经法制审核通过{number(passed)}件"


def withdrawals(figures: dict) -> tuple[str, ...]:
    """Published decisions later varied, revoked, or found unlawful or void, and their withdrawal in time (art. 48)."""
    due, on_time = figures.get("withdrawals_due") or 0, figures.get("withdrawn_on_time") or 0
    if not due:
        return ()
    changed = f"公开后被变更、撤销或者确认违法、无效的决定{number(due)}件"
    if on_time == due:
        return (changed, f"{every(due) or '已'}按时撤回公开")
    return (changed, f"按时撤回公开{number(on_time)}件")


def case_handlers(figures: dict) -> str:
    # Every filed case was filed by at least two officers (a simplified one by their
    # on-the-spot decision), so a year with filings has acts to speak for; one without
    # says nothing of them. Acts that were not certified are told among the problems.
    if figures.get("filed") and figures.get("uncertified_handler_acts") == 0:
        return "参与执法活动的人员均持有当日有效且载明相应执法领域的执法证件，未发生无证执法情况。"
    return ""


def reconsideration(stats: dict, we: str) -> str:
    figures = stats.get("reconsideration") or {}
    if not figures:
        return ""
    lead = "依法做好行政复议应诉工作。"
    if not figures.get("received"):
        return lead + f"全年无以{we}为被申请人的行政复议案件。"
    acceptance = listed(
        [
            ("不予受理{}件", figures.get("not_accepted")),
            ("逾期未补正视为放弃申请{}件", figures.get("abandoned")),
            ("受理{}件", figures.get("accepted")),
            ("正在审查是否受理{}件", figures.get("awaiting_acceptance")),
        ],
        separator="，",
    )
    outcomes = listed(
        [
            ("维持{}件", figures.get("upheld")),
            ("驳回复议请求{}件", figures.get("claim_rejected")),
            ("纠错{}件", figures.get("corrected")),
            ("驳回复议申请{}件", figures.get("application_rejected")),
            ("调解和解{}件", figures.get("mediated_or_settled")),
            ("撤回{}件", figures.get("withdrawn")),
            ("终止{}件", figures.get("terminated")),
        ]
    )
    conclusion = listed([("已审结{}件", figures.get("concluded"))]) + (f"（{outcomes}）" if outcomes else "")
    progress = "，".join(part for part in (conclusion, listed([("尚未审结{}件", figures.get("pending"))])) if part)
    received = f"全年以{we}为被申请人的行政复议案件收到申请{number(figures['received'])}件，{acceptance}"
    return (
        lead
        + (f"{received}；{progress}。" if progress else f"{received}。")
        + sentence(
            rated("纠错率{}", stats, "reconsideration.correction_rate"),
            rated("调撤率{}", stats, "reconsideration.mediation_withdrawal_rate"),
            rated("行政复议答复按时率{}", stats, "reconsideration.replies_on_time_rate"),
            counted("复议后提起行政诉讼{}件", figures.get("litigated")),
        )
    )


def publicity(stats: dict, we: str) -> list[str]:
    figures = stats.get("publicity") or {}
    if not figures:
        return []
    return numbered([activities(stats, we), youth(stats), sites(figures, we)])


def activities(stats: dict, we: str) -> str:
    figures = stats["publicity"]
    lead = "围绕中心工作开展法治宣传教育活动。"
    if not figures.get("activities"):
        return lead + "全年未组织法治宣传活动。"
    by_theme = figures.get("by_theme") or {}
    themes = sorted(
        ((name, count) for name, count in by_theme.items() if count and name != UNTHEMED),
        key=lambda item: (-item[1], item[0]),
    )
    formats = sorted(
        ((name, count) for name, count in (figures.get("by_format") or {}).items() if count),
        key=lambda item: (-item[1], item[0]),
    )
    text = lead + sentence(
        f"全年开展法治宣传活动{number(figures['activities'])}场次",
        counted("参与群众{}人次", figures.get("participants")),
        counted("发放宣传资料{}份", figures.get("materials")),
    )
    if themes:
        text += sentence(
            "依托" + "、".join(f"“{name}”" for name, _count in themes) + "等重要节点集中开展宣传",
            "其中"
            + "、".join(f"{name}{number(count)}场次" for name, count in themes)
            + (f"、其他时间{number(by_theme[UNTHEMED])}场次" if by_theme.get(UNTHEMED) else ""),
        )
    if formats:
        text += sentence(
            "宣传形式（一场活动可有多种形式）包括" + "、".join(f"{name}{number(count)}场次" for name, count in formats),
            rated("有互动式宣传的活动占{}", stats, "publicity.interactive_share"),
        )
    return text


def youth(stats: dict) -> str:
    figures = stats["publicity"]
    vice_principals = figures.get("vice_principals")
    youth_activities = figures.get("youth_activities")
    lead = "抓好青少年法治宣传教育工作。"
    if not vice_principals and not youth_activities:
        return lead + "全年未组织青少年专题法治教育活动。"
    start, end = school_year_ending_in(stats["year"])
    meeting = figures.get("vice_principals_meeting_lessons") or 0
    periods = number(settings.LAWGOV["VICE_PRINCIPAL_CLASS_PERIODS"])
    school_year = f"{start.year}—{end.year}学年"
    short = (vice_principals or 0) - meeting
    lessons = (
        f"其中{number(meeting)}名在{school_year}完成不少于{periods}课时的法治教育课"
        + (f"，{number(short)}名未完成" if short else "")
        if meeting
        else f"在{school_year}均未完成{periods}课时的法治教育课"
    )
    return lead + sentence(
        counted("聘任兼职法治副校长{}名", vice_principals),
        lessons if vice_principals else None,
        counted("在学校开展青少年法治教育活动{}场次", youth_activities),
    )


def sites(figures: dict, we: str) -> str:
    lead = "加强法治宣传阵地建设。"
    total = figures.get("sites")
    if total is None:
        return ""
    if not total:
        return lead + f"{we}尚未建设永久性法治宣传阵地。"
    with translation.override(settings.LANGUAGE_CODE):
        kinds = breakdown_rows({"publicity": figures}, "publicity", "sites_by_kind")
    parts = "、".join(f"{name}{number(count)}处" for name, count in kinds)
    return lead + f"{we}现有永久性法治宣传阵地{number(total)}处（{parts}）。"


def problems(stats: dict, we: str) -> list[str]:
    found = stats.get("problems") or []
    if not found:
        return [f"对照本报告所列各项统计指标，{we}本年度未发现需要说明的问题。"]
    return [f"{index}、{problem['text']}。主要原因是{problem['cause']}。" for index, problem in enumerate(found, 1)]


def plans(stats: dict, we: str) -> list[str]:
    found = stats.get("problems") or []
    measures = [problem["measure"] for problem in found]
    measures.append(
        "继续落实领导班子集体学法制度，着力提高领导干部运用法治思维和法治方式推进发展、维护稳定的能力，"
        "有针对性、经常性、多渠道地开展群众普法宣传教育，营造办事依法、遇事找法、解决问题用法、化解矛盾靠法的法治环境"
    )
    return [
        f"针对上述问题，{we}将进一步创新机制，狠抓落实，重点做好以下工作：" if found else f"{we}将重点做好以下工作：",
        *(f"{index}、{measure}。" for index, measure in enumerate(measures, 1)),
    ]
