from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from drf_spectacular.utils import extend_schema_field
from rest_framework import serializers
from rest_framework.reverse import reverse

from enforcement.agencies.models import Agency
from lawgov.api.fields import ScopedPrimaryKeyRelatedField
from reports.annual.models import AnnualReport

FIRST_YEAR = 2000


class StatisticsQuerySerializer(serializers.Serializer):
    year = serializers.IntegerField(
        min_value=FIRST_YEAR, max_value=2100, required=False, help_text=_("Defaults to the last complete year.")
    )
    agency = serializers.IntegerField(required=False, help_text=_("Defaults to the caller's own top agency."))
    children = serializers.BooleanField(
        required=False, default=False, help_text=_("Also answer the figures of each agency directly below it.")
    )


class ReportLinksSerializer(serializers.Serializer):
    docx = serializers.URLField(allow_null=True)
    xlsx = serializers.URLField(allow_null=True)
    html = serializers.URLField(allow_null=True)


class AnnualReportSerializer(serializers.ModelSerializer):
    links = serializers.SerializerMethodField()

    class Meta:
        model = AnnualReport
        fields = [
            "id",
            "agency",
            "year",
            "version",
            "status",
            "progress",
            "error",
            "generated_at",
            "published_at",
            "supersedes",
            "links",
        ]
        read_only_fields = fields

    @extend_schema_field(ReportLinksSerializer)
    def get_links(self, report: AnnualReport) -> dict:
        request = self.context.get("request")

        def link(name: str, available: bool) -> str | None:
            if not available:
                return None
            return reverse(f"annualreport-{name}", args=[report.pk], request=request)

        return {
            "docx": link("docx", bool(report.docx)),
            "xlsx": link("xlsx", bool(report.xlsx)),
            "html": link("html", bool(report.document)),
        }


class ReportRequestSerializer(serializers.Serializer):
    agency = ScopedPrimaryKeyRelatedField(queryset=Agency.objects.all())
    year = serializers.IntegerField(min_value=FIRST_YEAR)

    def validate_year(self, year: int) -> int:
        if year > timezone.localdate().year:
            raise serializers.ValidationError(_("A report can only cover a year that has begun."))
        return year


# The documented shape of /api/v1/stats/: the keys of the contract; areas may add more.
class AgencyRefSerializer(serializers.Serializer):
    id = serializers.IntegerField()
    name = serializers.CharField()


class OfficerFiguresSerializer(serializers.Serializer):
    total = serializers.IntegerField()
    enforcement_officers = serializers.IntegerField()
    certified = serializers.IntegerField()
    certified_rate = serializers.FloatField(allow_null=True)
    leaders = serializers.IntegerField()
    expiring_within_90_days = serializers.IntegerField()
    expired = serializers.IntegerField()
    enforcing_without_certificate = serializers.IntegerField()


class TrainingFiguresSerializer(serializers.Serializer):
    sessions = serializers.IntegerField()
    hours = serializers.FloatField()
    attendances = serializers.IntegerField()
    required_hours = serializers.FloatField()
    officers_meeting_requirement = serializers.IntegerField()
    officers_below_requirement = serializers.IntegerField()
    average_hours_per_officer = serializers.FloatField(allow_null=True)
    leader_study_sessions = serializers.IntegerField()
    leaders_attending = serializers.IntegerField()


class ExamFiguresSerializer(serializers.Serializer):
    exams = serializers.IntegerField()
    participants = serializers.IntegerField()
    passed = serializers.IntegerField()
    pass_rate = serializers.FloatField(allow_null=True)
    participation_rate = serializers.FloatField(allow_null=True)
    excellence_rate = serializers.FloatField(allow_null=True)
    required = serializers.IntegerField()


class PublicityFiguresSerializer(serializers.Serializer):
    activities = serializers.IntegerField()
    participants = serializers.IntegerField()
    materials = serializers.IntegerField()
    by_theme = serializers.DictField(child=serializers.IntegerField())
    by_format = serializers.DictField(child=serializers.IntegerField())
    interactive_share = serializers.FloatField(allow_null=True)
    youth_activities = serializers.IntegerField()
    vice_principals = serializers.IntegerField()


class ReconsiderationFiguresSerializer(serializers.Serializer):
    received = serializers.IntegerField()
    accepted = serializers.IntegerField()
    decided = serializers.IntegerField()
    upheld = serializers.IntegerField()
    corrected = serializers.IntegerField()
    correction_rate = serializers.FloatField(allow_null=True)
    mediated_or_settled = serializers.IntegerField()
    withdrawn = serializers.IntegerField()
    mediation_withdrawal_rate = serializers.FloatField(allow_null=True)
    pending = serializers.IntegerField()
    overdue = serializers.IntegerField()
    replies_on_time_rate = serializers.FloatField(allow_null=True)
    litigated = serializers.IntegerField()
    replies_overdue = serializers.IntegerField()


class GovernanceFiguresSerializer(serializers.Serializer):
    responsible_persons = serializers.IntegerField()
    leading_groups = serializers.IntegerField()
    leading_group_meetings = serializers.IntegerField()
    leading_group_topics = serializers.IntegerField()
    leading_group_decisions = serializers.IntegerField()
    first_responsible_reports = serializers.IntegerField()
    work_plans = serializers.IntegerField()
    no_major_decisions_confirmed = serializers.BooleanField()
    no_normative_documents_confirmed = serializers.BooleanField()
    major_decisions = serializers.IntegerField()
    major_decisions_reviewed = serializers.IntegerField()
    decisions_without_review = serializers.IntegerField()
    decisions_collectively_discussed = serializers.IntegerField()
    decisions_without_collective_discussion = serializers.IntegerField()
    public_comment_decisions = serializers.IntegerField()
    public_comments = serializers.IntegerField()
    decisions_missing_mandatory_steps = serializers.IntegerField()
    normative_documents = serializers.IntegerField()
    normative_documents_reviewed = serializers.IntegerField()
    normative_documents_without_review = serializers.IntegerField()
    normative_documents_published = serializers.IntegerField()
    normative_documents_filed = serializers.IntegerField()
    normative_documents_filed_on_time = serializers.IntegerField()
    normative_documents_filed_late = serializers.IntegerField()
    filing_period_days = serializers.IntegerField(allow_null=True)
    advisers = serializers.IntegerField()
    adviser_matters = serializers.IntegerField()
    adviser_contracts_reviewed = serializers.IntegerField()
    adviser_decisions_reviewed = serializers.IntegerField()
    adviser_disputes_attended = serializers.IntegerField()
    adviser_consultations = serializers.IntegerField()
    disputes_received = serializers.IntegerField()
    disputes_mediated = serializers.IntegerField()
    disputes_failed = serializers.IntegerField()
    disputes_referred = serializers.IntegerField()
    disputes_pending = serializers.IntegerField()
    disputes_by_kind = serializers.DictField(child=serializers.IntegerField())


class ProblemSerializer(serializers.Serializer):
    code = serializers.CharField()
    text = serializers.CharField()
    cause = serializers.CharField()
    measure = serializers.CharField()


class StatisticsSerializer(serializers.Serializer):
    year = serializers.IntegerField()
    agency = AgencyRefSerializer()
    officers = OfficerFiguresSerializer()
    training = TrainingFiguresSerializer()
    exams = ExamFiguresSerializer()
    publicity = PublicityFiguresSerializer()
    reconsideration = ReconsiderationFiguresSerializer()
    governance = GovernanceFiguresSerializer()
    problems = ProblemSerializer(many=True)


class StatisticsWithChildrenSerializer(StatisticsSerializer):
    children = StatisticsSerializer(
        many=True, required=False, help_text=_("With ?children=true: each agency directly below, side by side.")
    )
