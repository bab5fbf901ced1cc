"""Every figure of the yearly statistics, declared once.

Each area (officers, training, exams, publicity, reconsideration, enforcement, governance) is one
`Area`: its key in the statistics, its Chinese title, the function that
computes it, and its figures in order, each with its key, its label (through
gettext) and its unit. Everything else is derived from these declarations:
the compiled dictionary (reports/statistics/compile.py checks that each
function answers exactly its declared keys), the API serializer
(reports/api/serializers.py), the report's figure tables and the Excel annex
(labels.py), and the charts (reports/annual/charts.py). A rate names its
numerator and denominator, so every percentage a person reads is worked out
from them and rounded once (lawgov/rates.py), while the API keeps the fraction.

To add a figure: add it to the area function's answer and declare it here.
To add an area (e.g. `enforcement` for penalty cases or `governance` for the
ledger): write its function `<area>_figures(scope, year, *, today=None) ->
dict` in the area's own package (taking the as-of date from
enforcement/agencies/yearly.py), import it below, and append one `Area` to
AREAS with its figures and charts. Reports may import training and
enforcement; nothing there imports reports.
"""

from __future__ import annotations

import datetime

from django.conf import settings
from django.utils.translation import gettext_lazy as _

from enforcement.agencies.scope import Scope
from enforcement.cases.models.choices import PenaltyProcedure
from enforcement.cases.stats import enforcement_figures
from enforcement.officers.stats import officer_figures
from enforcement.reconsideration.stats import reconsideration_figures
from lawgov import rates
from reports.ledger.models import DisputeKind
from reports.ledger.stats import governance_figures
from reports.statistics.shapes import Area, Chart, Figure, Unit, rate
from training.exams.stats import exam_figures
from training.publicity.stats import publicity_figures
from training.publicity.youth import PublicitySiteKind
from training.study.stats import training_figures


def site_kind(code: str) -> str:
    """The name of a kind of permanent publicity site: "board" → 法治宣传栏."""
    return str(PublicitySiteKind(code).label) if code in PublicitySiteKind.values else code


def dispute_kind(code: str) -> str:
    """The name of a kind of dispute: "land" → 土地纠纷."""
    return str(DisputeKind(code).label) if code in DisputeKind.values else code


def procedure_name(code: str) -> str:
    """The name of a penalty-case procedure: "simplified" → 简易程序."""
    return str(PenaltyProcedure(code).label) if code in PenaltyProcedure.values else code


def correction_rate_denominator() -> str:
    """Decided on the merits by default; some authorities divide by the cases received (a setting)."""
    return "received" if settings.LAWGOV["CORRECTION_RATE_DENOMINATOR"] == "received" else "decided"


AREAS: tuple[Area, ...] = (
    Area(
        "officers",
        _("Officers and certificates"),
        officer_figures,
        (
            Figure("total", _("Staff in service (persons)")),
            Figure("enforcement_officers", _("Enforcement officers (persons)"), summary=True),
            Figure("certified", _("Holding an effective enforcement certificate (persons)"), summary=True),
            rate("certified_rate", _("Certified rate"), "certified", "enforcement_officers", summary=True),
            Figure("leaders", _("Leading cadres (persons)")),
            Figure("expiring_within_90_days", _("Certificates expiring within 90 days"), summary=True),
            Figure("expired", _("Certificates expired in the year and not renewed")),
            Figure("enforcing_without_certificate", _("Enforcement officers without an effective certificate")),
        ),
        (
            Chart(
                _("Certificates of the enforcement officers"),
                "bar",
                keys=(
                    "enforcement_officers",
                    "certified",
                    "enforcing_without_certificate",
                    "expiring_within_90_days",
                    "expired",
                ),
            ),
        ),
        schema_name="OfficerFigures",
    ),
    Area(
        "training",
        _("Law study and training"),
        training_figures,
        (
            Figure("sessions", _("Training sessions"), summary=True),
            Figure("hours", _("Training hours"), Unit.HOURS, summary=True),
            Figure("attendances", _("Staff trained (persons)")),
            Figure("required_hours", _("Hours required per officer"), Unit.HOURS),
            Figure("officers_meeting_requirement", _("Enforcement officers meeting the required hours"), summary=True),
            Figure("officers_below_requirement", _("Enforcement officers below the required hours")),
            Figure(
                "average_hours_per_officer",
                _("Average hours per enforcement officer"),
                Unit.HOURS,
                nullable=True,
                summary=True,
            ),
            Figure("leader_study_sessions", _("Party-committee group study sessions")),
            Figure("leaders_attending", _("Leading cadres at law study (persons)")),
            Figure("group_study_planned", _("Group study sessions planned"), nullable=True),
            Figure("group_study_held", _("Group study sessions held")),
        ),
        (
            Chart(
                _("Training hours of the enforcement officers"),
                "bar",
                keys=("officers_meeting_requirement", "officers_below_requirement"),
            ),
            Chart(_("Group study planned and held"), "bar", keys=("group_study_planned", "group_study_held")),
        ),
        schema_name="TrainingFigures",
    ),
    Area(
        "exams",
        _("Law exams"),
        exam_figures,
        (
            Figure("exams", _("Exams held")),
            Figure("roll", _("On the roll (persons)"), summary=True),
            Figure("required", _("On the roll (persons, former key)")),
            Figure("participants", _("Sat the exam (persons)"), summary=True),
            Figure("passed", _("Passed (persons)"), summary=True),
            Figure("excellent", _("Excellent (persons)")),
            rate("pass_rate", _("Pass rate"), "passed", "participants", summary=True),
            rate("participation_rate", _("Participation rate"), "participants", "roll", summary=True),
            rate("excellence_rate", _("Excellence rate"), "excellent", "participants"),
        ),
        (Chart(_("Law exams"), "bar", keys=("roll", "participants", "passed", "excellent")),),
        schema_name="ExamFigures",
    ),
    Area(
        "publicity",
        _("Legal publicity"),
        publicity_figures,
        (
            Figure("activities", _("Publicity activities"), summary=True),
            Figure("participants", _("Participants (person-times)"), summary=True),
            Figure("materials", _("Materials handed out (copies)")),
            Figure("by_theme", _("Activities by theme day"), Unit.MAPPING),
            Figure("by_format", _("Activities by format"), Unit.MAPPING),
            Figure("interactive_activities", _("Activities with an interactive format")),
            rate("interactive_share", _("Interactive share"), "interactive_activities", "activities", summary=True),
            Figure("youth_activities", _("Youth legal education activities")),
            Figure("vice_principals", _("Rule-of-law vice principals")),
            Figure(
                "vice_principals_meeting_lessons",
                _("Vice principals giving the required class periods in the school year"),
            ),
            Figure("sites", _("Permanent publicity sites"), summary=True),
            Figure("sites_by_kind", _("Permanent publicity sites by kind"), Unit.MAPPING, names=site_kind),
        ),
        (
            Chart(_("Publicity formats"), "pie", mapping="by_format"),
            Chart(_("Activities on theme days"), "bar", mapping="by_theme"),
            Chart(_("Permanent publicity sites"), "bar", mapping="sites_by_kind"),
        ),
        schema_name="PublicityFigures",
    ),
    Area(
        "reconsideration",
        _("Administrative reconsideration"),
        reconsideration_figures,
        (
            Figure("received", _("Applications received"), summary=True),
            Figure("not_accepted", _("Not accepted"), summary=True),
            Figure("abandoned", _("Deemed abandoned: no supplement in time")),
            Figure("accepted", _("Accepted"), summary=True),
            Figure("awaiting_acceptance", _("Awaiting the acceptance decision")),
            Figure("concluded", _("Concluded"), summary=True),
            Figure("decided", _("Decided on the merits")),
            Figure("upheld", _("Upheld")),
            Figure("claim_rejected", _("Claim rejected")),
            Figure("corrected", _("Corrected"), summary=True),
            Figure("application_rejected", _("Application rejected")),
            Figure("mediated_or_settled", _("Mediated or settled")),
            Figure("withdrawn", _("Withdrawn")),
            Figure("terminated", _("Terminated")),
            Figure("pending", _("Pending"), summary=True),
            rate("correction_rate", _("Correction rate"), "corrected", correction_rate_denominator, summary=True),
            rate(
                "mediation_withdrawal_rate",
                _("Mediation and withdrawal rate"),
                ("mediated_or_settled", "withdrawn"),
                "concluded",
            ),
            Figure("overdue", _("Overdue")),
            Figure("replies_due", _("Written replies due")),
            Figure("replies_on_time", _("Written replies on time")),
            rate("replies_on_time_rate", _("Replies on time rate"), "replies_on_time", "replies_due"),
            Figure("replies_overdue", _("Written replies overdue")),
            Figure("litigated", _("Lawsuits after reconsideration")),
        ),
        (
            Chart(
                _("Reconsideration cases"),
                "bar",
                keys=("received", "not_accepted", "accepted", "concluded", "decided", "corrected", "pending"),
            ),
        ),
        schema_name="ReconsiderationFigures",
    ),
    Area(
        "enforcement",
        _("Administrative penalty cases"),
        enforcement_figures,
        (
            Figure("filed", _("Cases filed"), summary=True),
            Figure("decided", _("Cases decided"), summary=True),
            Figure("by_procedure", _("Cases filed by procedure"), Unit.MAPPING, names=procedure_name),
            Figure("by_field", _("Cases filed by enforcement field"), Unit.MAPPING),
            Figure("fines_count", _("Fines imposed")),
            Figure("fines_total", _("Fines in total (yuan)"), Unit.MONEY),
            Figure("decided_with_period", _("Decisions with a statutory period")),
            Figure("decided_within_period", _("Decisions within the statutory period")),
            rate(
                "decided_within_period_rate",
                _("Decided within the statutory period"),
                "decided_within_period",
                "decided_with_period",
                summary=True,
            ),
            Figure("legal_review_required", _("Decisions requiring legal review")),
            Figure("legal_review_done", _("Decisions with a passing legal review")),
            Figure("hearings_held", _("Hearings held")),
            Figure("published", _("Decisions published")),
            Figure("withdrawals_due", _("Published decisions due for withdrawal")),
            Figure("withdrawn_on_time", _("Published decisions withdrawn on time")),
            rate("withdrawn_on_time_rate", _("Withdrawn on time"), "withdrawn_on_time", "withdrawals_due"),
            Figure("uncertified_handler_acts", _("Acts by officers without an effective certificate"), summary=True),
            Figure("corrected_by_reconsideration", _("Decisions corrected by reconsideration")),
            rate(
                "corrected_by_reconsideration_rate",
                _("Share of decisions corrected by reconsideration"),
                "corrected_by_reconsideration",
                "decided",
            ),
        ),
        (
            Chart(
                _("Administrative penalty cases"),
                "bar",
                keys=("filed", "decided", "fines_count", "legal_review_required", "legal_review_done", "hearings_held"),
            ),
            Chart(_("Penalty cases by procedure"), "pie", mapping="by_procedure"),
        ),
        schema_name="EnforcementFigures",
    ),
    Area(
        "governance",
        _("Rule-of-law work ledger"),
        governance_figures,
        (
            Figure("responsible_persons", _("First responsible persons (persons)")),
            Figure("leading_groups", _("Rule-of-law leading groups")),
            Figure("leading_group_meetings", _("Leading group meetings"), summary=True),
            Figure("leading_group_topics", _("Major issues studied")),
            Figure("leading_group_decisions", _("Decisions made at the meetings")),
            Figure(
                "first_responsible_reports",
                _("Reports of the principal leaders on their rule-of-law duties"),
                summary=True,
            ),
            Figure("work_plans", _("Yearly work plans")),
            Figure(
                "no_major_decisions_confirmed", _("Confirmed: no major administrative decision this year"), Unit.FLAG
            ),
            Figure("no_normative_documents_confirmed", _("Confirmed: no normative document this year"), Unit.FLAG),
            Figure("major_decisions", _("Major administrative decisions"), summary=True),
            Figure("major_decisions_reviewed", _("Decisions with a legality review")),
            Figure("decisions_without_review", _("Decisions without a passing legality review")),
            Figure("decisions_collectively_discussed", _("Decisions by collective discussion")),
            Figure("decisions_without_collective_discussion", _("Decisions without collective discussion")),
            Figure("public_comment_decisions", _("Decisions put out for public comment")),
            Figure("public_comments", _("Public comments received")),
            Figure("decisions_missing_mandatory_steps", _("Decisions missing a mandatory step")),
            Figure("normative_documents", _("Normative documents issued"), summary=True),
            Figure("normative_documents_reviewed", _("Documents with a legality review")),
            Figure("normative_documents_without_review", _("Documents without a legality review")),
            Figure("normative_documents_published", _("Documents published")),
            Figure("normative_documents_filed", _("Documents filed")),
            Figure("normative_documents_filed_on_time", _("Documents filed on time")),
            Figure("normative_documents_filed_late", _("Documents filed late or not filed")),
            Figure("filing_period_days", _("Filing period (days)"), nullable=True),
            Figure("advisers", _("Legal advisers")),
            Figure("adviser_matters", _("Matters handled by legal advisers"), summary=True),
            Figure("adviser_contracts_reviewed", _("Contracts reviewed")),
            Figure("adviser_decisions_reviewed", _("Decisions and documents reviewed")),
            Figure("adviser_disputes_attended", _("Disputes and lawsuits attended")),
            Figure("adviser_consultations", _("Legal consultations given")),
            Figure("disputes_received", _("Disputes received"), summary=True),
            Figure("disputes_mediated", _("Disputes mediated successfully"), summary=True),
            Figure("disputes_failed", _("Disputes not resolved by mediation")),
            Figure("disputes_referred", _("Disputes referred")),
            Figure("disputes_pending", _("Disputes still being mediated")),
            Figure("disputes_by_kind", _("Disputes by kind"), Unit.MAPPING, names=dispute_kind),
        ),
        (
            Chart(
                _("Major decisions and normative documents"),
                "bar",
                keys=(
                    "major_decisions",
                    "major_decisions_reviewed",
                    "decisions_collectively_discussed",
                    "normative_documents",
                    "normative_documents_reviewed",
                    "normative_documents_filed_on_time",
                ),
            ),
            Chart(_("Disputes by kind"), "bar", mapping="disputes_by_kind"),
        ),
        schema_name="GovernanceFigures",
    ),
)

BY_KEY: dict[str, Area] = {area.key: area for area in AREAS}


def declared(path: str) -> Figure:
    """The declaration of the figure at "area.key"."""
    area, key = path.split(".", 1)
    return BY_KEY[area].figure(key)


def percent(stats: dict, path: str) -> str | None:
    """The percentage a person reads for the rate at "area.key", from its numerator and denominator."""
    area = path.split(".", 1)[0]
    numerator, denominator = declared(path).parts(stats.get(area) or {})
    return rates.percent(numerator, denominator)


def compute(area: Area, scope: Scope, year: int, *, today: datetime.date | None = None) -> dict:
    """The area's figures in declaration order; an undeclared or missing key is a programming error."""
    figures = area.compute(scope, year, today=today)
    if set(figures) != set(area.keys):
        raise KeyError(
            f"{area.key}: declared but not computed {sorted(set(area.keys) - set(figures))}, "
            f"computed but not declared {sorted(set(figures) - set(area.keys))}"
        )
    return {key: figures[key] for key in area.keys}
