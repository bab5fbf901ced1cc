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

from reports.statistics.wording import figure, number, percent

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


def required_hours(stats: Figures) -> str:
    return number(figure(stats, "training.required_hours")) or number(settings.LAWGOV["REQUIRED_TRAINING_HOURS"])


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
        code="exam_pass_rate_low",
        applies=below("exams.pass_rate"),
        text=lambda s, t: (
            f"干部职工学法考试合格率为{percent(s['exams']['pass_rate'])}，有{exams_failed(s)}人未通过考试"
        ),
        cause="部分干部职工学法主动性不强，学用结合不够紧密",
        measure="对考试未合格人员组织补考和专题辅导，将学法考试结果纳入年度考核，推动学法常态化",
    ),
    Rule(
        code="publicity_one_way",
        applies=below("publicity.interactive_share"),
        text=lambda s, t: (
            "法治宣传方式较为单一，以悬挂横幅、展板和发放资料等单向宣传为主，"
            f"互动式宣传活动仅占{percent(s['publicity']['interactive_share'])}"
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
            f"纠错率{percent(s['reconsideration']['correction_rate'])}"
        ),
        cause="部分行政行为在事实认定、程序履行和法律适用方面不够规范，重大执法决定法制审核不够严格",
        measure="全面落实行政执法公示、执法全过程记录和重大执法决定法制审核制度，对被纠错案件逐案剖析、以案促改",
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
