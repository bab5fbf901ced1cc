"""The yearly report's text in Chinese, in the official structure, written from the statistics.

Every figure in it comes from the statistics dictionary; a figure that is
missing or has no denominator is left out, and an activity that did not take
place is said not to have been organised, rather than reported as "0".
"""

from __future__ import annotations

import datetime

from reports.annual.document import section
from reports.annual.ledger_narrative import lawful_administration, responsibility
from reports.statistics.wording import chinese_date, figure, number, percent, self_reference

UNTHEMED_KEYS = {"", "无主题"}


def sentence(*clauses: str | None) -> str:
    """Clauses joined with "，" into one sentence; empty clauses drop out."""
    kept = [clause for clause in clauses if clause]
    return "，".join(kept) + "。" if kept else ""


def counted(template: str, value) -> str | None:
    """`template` with the count filled in, or None when the count is missing or zero."""
    return template.format(number(value)) if value else None


def rated(template: str, rate: float | None) -> str | None:
    return template.format(percent(rate)) if rate is not None else None


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
    sessions = figure(stats, "training.leader_study_sessions")
    leaders_attending = figure(stats, "training.leaders_attending")
    if sessions:
        study = sentence(
            f"全年召开党委理论学习中心组集体学法会议{number(sessions)}次",
            counted("{}名领导干部参加集体学法", leaders_attending),
            "把法治学习纳入领导班子学习的重要内容，推进领导干部学法经常化、制度化",
        )
    elif sessions == 0:
        study = "全年未组织党委理论学习中心组集体学法，领导干部集体学法制度有待进一步落实。"
    else:
        study = ""
    leaders = figure(stats, "officers.leaders")
    return numbered(
        [
            responsibility(stats),
            "落实领导干部学法制度。"
            + sentence("制定年度干部学法计划", counted(f"{we}现有领导干部{{}}人", leaders))
            + study,
        ]
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
        rated("持证率{}", officers.get("certified_rate")),
    )
    if enforcing and without == 0:
        text += "坚持持证上岗、亮证执法，无未持证执法情况。"
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
    return "加强执法人员法治培训。" + sentence(
        f"严格落实年度学法计划，全年组织法治培训{number(figures['sessions'])}场次",
        counted("共计{}学时", figures.get("hours")),
        counted("参训干部职工{}人", figures.get("attendances")),
        counted("执法人员人均参训{}学时", figures.get("average_hours_per_officer")),
        counted(
            f"{{}}名执法人员完成年度{number(figures.get('required_hours'))}学时培训任务",
            figures.get("officers_meeting_requirement"),
        )
        if figures.get("required_hours")
        else None,
    )


def exams(stats: dict, whole: str) -> str:
    figures = stats.get("exams") or {}
    if not figures:
        return ""
    year = stats["year"]
    if not figures.get("exams"):
        return f"坚持以考促学。{year}年未组织干部职工学法考试。"
    times = f"{number(figures['exams'])}次" if figures["exams"] > 1 else ""
    return "坚持以考促学。" + sentence(
        f"{year}年组织{whole}干部职工学法考试{times}",
        counted("参考{}人", figures.get("participants")),
        rated("参考率{}", figures.get("participation_rate")),
        rated("考试成绩合格率{}", figures.get("pass_rate")),
        rated("优秀率{}", figures.get("excellence_rate")),
    )


def reconsideration(stats: dict, we: str) -> str:
    figures = stats.get("reconsideration") or {}
    if not figures:
        return ""
    lead = "依法做好行政复议应诉工作。"
    if not figures.get("received"):
        return lead + f"全年无以{we}为被申请人的行政复议案件。"
    outcomes = "、".join(
        clause
        for clause in (
            counted("维持{}件", figures.get("upheld")),
            counted("纠错{}件", figures.get("corrected")),
            counted("调解和解{}件", figures.get("mediated_or_settled")),
            counted("撤回{}件", figures.get("withdrawn")),
        )
        if clause
    )
    return (
        lead
        + sentence(
            f"全年以{we}为被申请人的行政复议案件{number(figures['received'])}件",
            counted("复议机关受理{}件", figures.get("accepted")),
            counted("已审结{}件", figures.get("decided")) + (f"，其中{outcomes}" if outcomes else "")
            if figures.get("decided")
            else None,
            rated("纠错率{}", figures.get("correction_rate")),
            rated("调撤率{}", figures.get("mediation_withdrawal_rate")),
            counted("尚未审结{}件", figures.get("pending")),
        )
        + sentence(
            rated("行政复议答复按时率{}", figures.get("replies_on_time_rate")),
            counted("复议后提起行政诉讼{}件", figures.get("litigated")),
        )
    )


def publicity(stats: dict, we: str) -> list[str]:
    figures = stats.get("publicity") or {}
    if not figures:
        return []
    return numbered([activities(figures, we), youth(figures)])


def activities(figures: dict, we: str) -> str:
    lead = "围绕中心工作，开展丰富多彩的法治宣传教育活动。"
    if not figures.get("activities"):
        return lead + "全年未组织法治宣传活动。"
    themes = sorted(
        (
            (name, count)
            for name, count in (figures.get("by_theme") or {}).items()
            if count and name not in UNTHEMED_KEYS
        ),
        key=lambda item: -item[1],
    )
    formats = sorted(
        ((name, count) for name, count in (figures.get("by_format") or {}).items() if count), key=lambda item: -item[1]
    )
    text = lead + sentence(
        f"全年开展法治宣传活动{number(figures['activities'])}场次",
        counted("参与群众{}人次", figures.get("participants")),
        counted("发放宣传资料{}份", figures.get("materials")),
    )
    if themes:
        text += sentence(
            "依托" + "、".join(f"“{name}”" for name, _count in themes) + "等重要节点集中开展宣传",
            "其中" + "、".join(f"{name}{number(count)}场次" for name, count in themes),
        )
    if formats:
        text += sentence(
            "宣传形式包括" + "、".join(f"{name}{number(count)}场次" for name, count in formats),
            rated("互动式宣传占{}", figures.get("interactive_share")),
        )
    return text


def youth(figures: dict) -> str:
    vice_principals = figures.get("vice_principals")
    youth_activities = figures.get("youth_activities")
    lead = "抓好青少年法治宣传教育工作。"
    if not vice_principals and not youth_activities:
        return lead + "全年未组织青少年专题法治教育活动。"
    return lead + sentence(
        counted("聘任兼职法治副校长{}名", vice_principals),
        counted("在学校开展青少年法治教育活动{}场次", youth_activities),
        "进一步完善学校、社会、家庭相结合的法治教育网络",
    )


def problems(stats: dict, we: str) -> list[str]:
    found = stats.get("problems") or []
    if not found:
        return [f"对照法治政府建设各项指标，{we}年度各项任务均已完成，但依法行政能力和法治宣传实效仍需持续提升。"]
    return [f"{index}、{problem['text']}。主要原因是{problem['cause']}。" for index, problem in enumerate(found, 1)]


def plans(stats: dict, we: str) -> list[str]:
    found = stats.get("problems") or []
    measures = [problem["measure"] for problem in found]
    measures.append(
        "继续落实领导班子集体学法制度，着力提高领导干部运用法治思维和法治方式推进发展、维护稳定的能力，"
        "有针对性、经常性、多渠道地开展群众普法宣传教育，营造办事依法、遇事找法、解决问题用法、化解矛盾靠法的法治环境"
    )
    return [
        f"针对上述问题，{we}将进一步创新机制，狠抓落实，重点做好以下工作：",
        *(f"{index}、{measure}。" for index, measure in enumerate(measures, 1)),
    ]
