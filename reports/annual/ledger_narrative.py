"""The report's sentences on leadership and lawful administration, written from the ledger's figures.

Each sentence states what the records show. Where the ledger holds no record
a claim would need, the sentence is a placeholder instead, which keeps the
draft from being published until the record is entered.
"""

from __future__ import annotations

from reports.statistics.wording import number

from .placeholders import placeholder


def figures_of(stats: dict) -> dict:
    return stats.get("governance") or {}


def joined(clauses: list[str | None], separator: str = "，") -> str:
    return separator.join(clause for clause in clauses if clause)


def responsibility(stats: dict) -> str:
    """一、(一) 1: the first responsible persons, the leading group and its meetings, 述法, the work plan."""
    g = figures_of(stats)
    if not g.get("leading_groups"):
        group = placeholder("法治政府建设领导小组及其会议记录")
    elif g.get("leading_group_meetings"):
        group = f"全年召开法治政府建设领导小组会议{number(g['leading_group_meetings'])}次，" + (
            f"研究重大问题{number(g['leading_group_topics'])}项"
        )
    else:
        group = "法治政府建设领导小组全年未召开会议"
    if not g.get("responsible_persons"):
        duty = placeholder("法治建设第一责任人及述法记录")
    elif g.get("first_responsible_reports"):
        duty = f"党政主要负责人述法{number(g['first_responsible_reports'])}次"
    else:
        duty = "党政主要负责人全年未述法"
    plan = "将法治建设纳入年度工作计划。" if g.get("work_plans") else placeholder("年度工作计划") + "。"
    return "落实党政主要负责人第一责任人职责。" + f"{group}；{duty}。" + plan


def decisions(stats: dict) -> str:
    g = figures_of(stats)
    lead = "健全依法决策机制。"
    count = g.get("major_decisions")
    if not count:
        if g.get("no_major_decisions_confirmed"):
            return lead + "全年未作出重大行政决策。"
        return lead + placeholder("重大行政决策台账（全年确无的，在年度工作计划中确认）") + "。"
    if not g.get("decisions_without_review") and not g.get("decisions_without_collective_discussion"):
        procedure = "均经合法性审查和集体讨论决定"
    else:
        procedure = (
            f"其中经合法性审查{number(g.get('major_decisions_reviewed'))}项、"
            f"经集体讨论决定{number(g.get('decisions_collectively_discussed'))}项"
        )
    public = f"公开征求意见{number(g['public_comment_decisions'])}项" if g.get("public_comment_decisions") else None
    return lead + joined([f"作出重大行政决策{number(count)}项", procedure, public]) + "。"


def documents(stats: dict) -> str:
    g = figures_of(stats)
    lead = "加强行政规范性文件管理。"
    count = g.get("normative_documents")
    if not count:
        if g.get("no_normative_documents_confirmed"):
            return lead + "全年未制定行政规范性文件。"
        return lead + placeholder("行政规范性文件台账（全年确无的，在年度工作计划中确认）") + "。"
    if not g.get("normative_documents_without_review"):
        review = "均经合法性审核"
    else:
        review = f"经合法性审核{number(g.get('normative_documents_reviewed'))}件"
    filed = g.get("normative_documents_filed_on_time")
    filing = f"按期备案{number(filed)}件" if filed else "未按期报送备案"
    return lead + joined([f"制定行政规范性文件{number(count)}件", review, filing]) + "。"


def advisers(stats: dict) -> str:
    g = figures_of(stats)
    lead = "发挥法律顾问作用。"
    if not g.get("advisers"):
        return lead + placeholder("法律顾问聘用合同") + "。"
    matters = joined(
        [
            f"审查合同{number(g['adviser_contracts_reviewed'])}件" if g.get("adviser_contracts_reviewed") else None,
            f"审查重大决策和规范性文件{number(g['adviser_decisions_reviewed'])}件"
            if g.get("adviser_decisions_reviewed")
            else None,
            f"参与处理纠纷{number(g['adviser_disputes_attended'])}件" if g.get("adviser_disputes_attended") else None,
            f"提供法律咨询{number(g['adviser_consultations'])}次" if g.get("adviser_consultations") else None,
        ],
        "、",
    )
    hired = f"聘请法律顾问{number(g['advisers'])}名"
    return lead + (f"{hired}，{matters}。" if matters else f"{hired}，全年未办理具体法律事务。")


def disputes(stats: dict) -> str:
    g = figures_of(stats)
    lead = "依法化解矛盾纠纷。"
    if not g.get("disputes_received"):
        return lead + placeholder("矛盾纠纷排查调处台账") + "。"
    return (
        lead
        + joined(
            [
                f"排查调处矛盾纠纷{number(g['disputes_received'])}件",
                f"调处成功{number(g.get('disputes_mediated') or 0)}件",
                f"移交有关部门处理{number(g['disputes_referred'])}件" if g.get("disputes_referred") else None,
                f"调处未成功{number(g['disputes_failed'])}件" if g.get("disputes_failed") else None,
                f"正在调处{number(g['disputes_pending'])}件" if g.get("disputes_pending") else None,
            ]
        )
        + "。"
    )


def lawful_administration(stats: dict) -> list[str]:
    """一、(二)'s paragraphs from the ledger, before those on enforcement."""
    return [decisions(stats), documents(stats), advisers(stats), disputes(stats)]
