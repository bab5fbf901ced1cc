"""Problems found in the yearly figures, by named rules with thresholds from settings.

Each rule reads the statistics dictionary and, when the figures break it,
gives the sentence for the report, its cause and next year's measure. The
thresholds live in `settings.LAWGOV["PROBLEM_THRESHOLDS"]` under the rule's
code. A new rule is one more entry in RULES (and its threshold in settings).
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

from django.conf import settings

from enforcement.cases.deadlines import DECISION_DAYS
from reports.statistics.figures import percent
from reports.statistics.wording import figure, number

Figures = dict
Threshold = float


@dataclass(frozen=True)
class Rule:
    """A named problem: when `applies(stats, threshold)` holds, the report states it."""

    code: str
    applies: Callable[[Figures, Threshold], bool]
    text: Callable[[Figures, Threshold], str]
    cause: str
    measure: Callable[[Figures, Threshold], str] | str

    def problem(self, stats: Figures, threshold: Threshold) -> dict | None:
        if not self.applies(stats, threshold):
            return None
        measure = self.measure(stats, threshold) if callable(self.measure) else self.measure
        return {"code": self.code, "text": self.text(stats, threshold), "cause": self.cause, "measure": measure}


def above(path: str) -> Callable[[Figures, Threshold], bool]:
    """The figure exceeds the threshold; a missing figure breaks nothing."""

    def applies(stats: Figures, threshold: Threshold) -> bool:
        value = figure(stats, path)
        return value is not None and value > threshold

    return applies


def below(path: str) -> Callable[[Figures, Threshold], bool]:
    """The figure falls short of the threshold; a rate without a denominator (None) breaks nothing."""

    def applies(stats: Figures, threshold: Threshold) -> bool:
        value = figure(stats, path)
        return value is not None and value < threshold

    return applies


def participants_per_activity(stats: Figures) -> float | None:
    activities = figure(stats, "publicity.activities")
    if not activities:
        return None
    return (figure(stats, "publicity.participants") or 0) / activities


def exams_failed(stats: Figures) -> int:
    return max((figure(stats, "exams.participants") or 0) - (figure(stats, "exams.passed") or 0), 0)


def group_study_shortfall(stats: Figures) -> int | None:
    """Group-study sessions the plan set and were not held; None without a plan."""
    planned = figure(stats, "training.group_study_planned")
    if planned is None:
        return None
    return max(planned - (figure(stats, "training.group_study_held") or 0), 0)


def decisions_late(stats: Figures) -> int:
    """Decisions of the year that came after their statutory period."""
    due = figure(stats, "enforcement.decided_with_period") or 0
    return max(due - (figure(stats, "enforcement.decided_within_period") or 0), 0)


def required_hours(stats: Figures) -> str:
    return number(figure(stats, "training.required_hours")) or number(settings.LAWGOV["REQUIRED_TRAINING_HOURS"])


def kept_and_below(kept: str, path: str) -> Callable[[Figures, Threshold], bool]:
    """The ledger is kept (`kept` counts at least one record) and the figure falls short of the threshold.

    A township that keeps no ledger gets placeholders in its draft instead:
    the rule would otherwise blame it for records nobody entered.
    """

    def applies(stats: Figures, threshold: Threshold) -> bool:
        value = figure(stats, path)
        return bool(figure(stats, kept)) and value is not None and value < threshold

    return applies


RULES: list[Rule] = [
    Rule(
        code="uncertified_enforcement",
        applies=above("officers.enforcing_without_certificate"),
        text=lambda s, t: (
            f"执法人员持证上岗管理不到位，仍有{s['officers']['enforcing_without_certificate']}名"
            "在岗执法人员未持有效行政执法证件"
        ),
        cause="部分执法人员证件到期未及时换领，新进人员尚未参加执法资格考试，持证上岗管理不够严格",
        measure=(
            "严格落实持证上岗、亮证执法制度，组织未持证人员参加行政执法资格考试，"
            "未取得有效执法证件的人员一律不得独立从事执法工作"
        ),
    ),
    Rule(
        code="certificates_expiring",
        applies=above("officers.expiring_within_90_days"),
        text=lambda s, t: (
            f"执法证件管理有待加强，有{s['officers']['expiring_within_90_days']}本行政执法证件将在90日内到期"
        ),
        cause="执法证件有效期依靠人工台账管理，到期换证和年审提醒不够及时",
        measure="建立执法证件到期预警机制，提前组织办理换证和年审，确保执法证件持续有效",
    ),
    Rule(
        code="training_hours_short",
        applies=above("training.officers_below_requirement"),
        text=lambda s, t: (
            f"执法人员学法培训不够充分，有{s['training']['officers_below_requirement']}名执法人员"
            f"年度培训未达到{required_hours(s)}学时要求"
        ),
        cause="基层工作任务繁重，工学矛盾较为突出，培训安排不够系统",
        measure=lambda s, t: (
            "制定年度学法培训计划，采取集中培训、网络学法和旁听庭审相结合的方式，"
            f"确保每名执法人员完成不少于{required_hours(s)}学时的法律知识和业务培训"
        ),
    ),
    Rule(
        code="group_study_short",
        applies=lambda s, t: (group_study_shortfall(s) or 0) > t,
        text=lambda s, t: (
            f"领导干部集体学法计划未完全落实，年度学法计划安排党委理论学习中心组集体学法"
            f"{number(figure(s, 'training.group_study_planned'))}次，实际开展"
            f"{number(figure(s, 'training.group_study_held'))}次，少{number(group_study_shortfall(s))}次"
        ),
        cause="集体学法未列入党委会议固定议程，学法时间安排让位于日常事务，计划执行缺少跟踪督促",
        measure="将中心组集体学法列入党委会议年度议程，按季度对照学法计划检查落实情况，未完成的及时补学",
    ),
    Rule(
        code="exam_pass_rate_low",
        applies=below("exams.pass_rate"),
        text=lambda s, t: f"干部职工学法考试合格率为{percent(s, 'exams.pass_rate')}，有{exams_failed(s)}人未通过考试",
        cause="部分干部职工学法主动性不强，学用结合不够紧密",
        measure="对考试未合格人员组织补考和专题辅导，将学法考试结果纳入年度考核，推动学法常态化",
    ),
    Rule(
        code="publicity_one_way",
        applies=below("publicity.interactive_share"),
        text=lambda s, t: (
            "法治宣传方式较为单一，以悬挂横幅、展板和发放资料等单向宣传为主，"
            f"互动式宣传活动仅占{percent(s, 'publicity.interactive_share')}"
        ),
        cause="宣传方式主要以法律条文宣讲、制作宣传栏、发放普法资料为主，群众参与度较低，没有形成双向互动",
        measure="增加以案释法、法律咨询、知识竞赛、模拟法庭等互动式宣传，提升法治宣传教育的针对性和实效性",
    ),
    Rule(
        code="publicity_low_participation",
        applies=lambda s, t: participants_per_activity(s) is not None and participants_per_activity(s) < t,
        text=lambda s, t: (
            f"法治宣传覆盖面不够广，全年{s['publicity']['activities']}场次宣传活动"
            f"平均每场参与群众仅{number(participants_per_activity(s))}人次"
        ),
        cause="宣传活动与群众生产生活结合不够紧密，影响力仍然不足",
        measure="结合赶集日、重要节点和中心工作开展宣传，依托村（社区）法律顾问和新媒体平台扩大宣传覆盖面",
    ),
    Rule(
        code="replies_overdue",
        applies=above("reconsideration.replies_overdue"),
        text=lambda s, t: (
            f"行政复议应诉工作有待规范，有{s['reconsideration']['replies_overdue']}件行政复议案件"
            "未在法定期限内提交书面答复"
        ),
        cause="对行政复议答复期限重视不够，案件承办与法制审核衔接不畅",
        measure=(
            "建立行政复议答复期限台账和提醒机制，明确承办责任，确保在收到申请书副本之日起10个工作日内"
            "（《行政复议法》第四十八条；适用简易程序的为5个工作日内，第五十四条）"
            "提交书面答复和证据材料，避免因逾期答复导致行政行为被撤销或确认违法（第七十条）"
        ),
    ),
    Rule(
        code="correction_rate_high",
        applies=above("reconsideration.correction_rate"),
        text=lambda s, t: (
            f"行政执法规范化水平有待提高，行政复议案件被纠错{s['reconsideration']['corrected']}件，"
            f"纠错率{percent(s, 'reconsideration.correction_rate')}"
        ),
        cause="部分行政行为在事实认定、程序履行和法律适用方面不够规范，重大执法决定法制审核不够严格",
        measure="全面落实行政执法公示、执法全过程记录和重大执法决定法制审核制度，对被纠错案件逐案剖析、以案促改",
    ),
    Rule(
        code="decision_without_review",
        applies=above("governance.decisions_without_review"),
        text=lambda s, t: (
            f"重大行政决策程序执行不够严格，有{s['governance']['decisions_without_review']}项重大行政决策"
            "未经合法性审查或审查未通过即作出决定"
        ),
        cause="对《重大行政决策程序暂行条例》第二十四条“未经合法性审查或者经审查不合法的，不得提交决策机关讨论”"
        "的要求落实不到位，决策承办单位送审意识不强",
        measure=(
            "严格执行重大行政决策合法性审查制度，决策草案未经合法性审查或者经审查不合法的一律不得提交讨论，"
            "充分发挥法律顾问在合法性审查中的作用"
        ),
    ),
    Rule(
        code="decision_without_discussion",
        applies=above("governance.decisions_without_collective_discussion"),
        text=lambda s, t: (
            f"重大行政决策集体讨论制度落实不到位，有{s['governance']['decisions_without_collective_discussion']}项"
            "重大行政决策未经集体讨论决定"
        ),
        cause="部分决策事项以传阅会签或个别征求意见代替会议讨论，未严格执行《重大行政决策程序暂行条例》第三十条",
        measure="坚持民主集中制，重大行政决策一律经政府常务会议或者全体会议集体讨论决定，如实记录讨论情况和决定",
    ),
    Rule(
        code="document_without_review",
        applies=above("governance.normative_documents_without_review"),
        text=lambda s, t: (
            f"行政规范性文件管理不够规范，有{s['governance']['normative_documents_without_review']}件"
            "行政规范性文件未经合法性审核即印发"
        ),
        cause="行政规范性文件合法性审核机制不健全，起草单位未按规定送审",
        measure="全面落实行政规范性文件合法性审核机制，未经合法性审核或者经审核不合法的文件一律不得印发",
    ),
    Rule(
        code="document_filed_late",
        applies=above("governance.normative_documents_filed_late"),
        text=lambda s, t: (
            f"行政规范性文件备案不够及时，有{s['governance']['normative_documents_filed_late']}件"
            f"未在公布后{number(figure(s, 'governance.filing_period_days'))}日内报送备案"
        ),
        cause="文件印发后的备案环节缺少期限提醒，责任不够明确",
        measure="建立行政规范性文件备案台账和期限提醒，文件公布后按规定期限报送上级人民政府备案",
    ),
    Rule(
        code="no_rule_of_law_report",
        applies=kept_and_below("governance.responsible_persons", "governance.first_responsible_reports"),
        text=lambda s, t: "党政主要负责人全年未开展述法，履行推进法治建设第一责任人职责的监督考核不够到位",
        cause="述法工作尚未形成制度，领导干部述法与年度述职衔接不够",
        measure="将党政主要负责人述法纳入年终述职内容，每年至少述法一次，接受上级党委和群众监督",
    ),
    Rule(
        code="no_leading_group_meeting",
        applies=kept_and_below("governance.leading_groups", "governance.leading_group_meetings"),
        text=lambda s, t: "法治政府建设领导小组全年未召开会议，统筹协调作用发挥不够",
        cause="领导小组会议制度不健全，未定期研究法治建设重大问题",
        measure="建立领导小组定期会议制度，每年至少召开一次会议研究解决法治政府建设中的重大问题",
    ),
    Rule(
        code="uncertified_handler_acts",
        applies=above("enforcement.uncertified_handler_acts"),
        text=lambda s, t: (
            f"持证执法要求落实不到位，行政处罚案件中有{s['enforcement']['uncertified_handler_acts']}次执法活动"
            "由当日未持有效执法证件或证件未载明该执法领域的人员参与实施"
        ),
        cause="案件承办人员安排时未核对执法证件的有效期和执法领域，证件状态变更后未及时调整承办人员",
        measure=(
            "严格执行《行政处罚法》第四十二条，执法人员不得少于两人且均须持有效执法证件，"
            "安排承办人员前逐人核验证件有效期和执法领域，证件被暂扣、吊销的人员立即调离执法岗位"
        ),
    ),
    Rule(
        code="decisions_late",
        applies=lambda s, t: decisions_late(s) > t,
        text=lambda s, t: (
            f"行政处罚案件办理期限管理不够严格，有法定期限的{number(figure(s, 'enforcement.decided_with_period'))}件"
            f"案件决定中，有{number(decisions_late(s))}件超过法定期限作出"
        ),
        cause="案件办理缺少期限跟踪和到期提醒，调查取证、告知、法制审核等环节衔接不够紧凑，确需延长期限的未及时依法报批",
        measure=(
            f"严格执行《行政处罚法》第六十条，自立案之日起{DECISION_DAYS}日内作出行政处罚决定，"
            "建立办案期限台账和到期提醒，确需延长办案期限的依法报经批准"
        ),
    ),
    Rule(
        code="legal_review_missing",
        applies=lambda s, t: (
            (figure(s, "enforcement.legal_review_required") or 0) - (figure(s, "enforcement.legal_review_done") or 0)
            > t
        ),
        text=lambda s, t: (
            f"重大执法决定法制审核制度落实不够严格，应当法制审核的{s['enforcement']['legal_review_required']}件"
            f"行政处罚决定中，经审核通过的为{s['enforcement']['legal_review_done']}件"
        ),
        cause="法制审核人员力量不足，部分案件在审核前即作出决定",
        measure="配齐配强法制审核人员，对《行政处罚法》第五十八条规定的情形一律先审核后决定，未经审核或审核未通过的不得作出决定",
    ),
]


def thresholds() -> dict:
    return settings.LAWGOV["PROBLEM_THRESHOLDS"]


def find_problems(stats: Figures, rules: list[Rule] | None = None) -> list[dict]:
    """The problems the figures show, in the order of RULES: [{"code", "text", "cause", "measure"}]."""
    limits = thresholds()
    found = (rule.problem(stats, limits[rule.code]) for rule in (RULES if rules is None else rules))
    return [problem for problem in found if problem is not None]
