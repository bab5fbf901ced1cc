"""One serializer per ledger resource; each runs the model's own rules so that they answer 400 with the field."""

from __future__ import annotations

from django.utils import timezone
from drf_spectacular.utils import extend_schema_field
from rest_framework import serializers

from enforcement.agencies.models import Agency
from lawgov.api.fields import ScopedPrimaryKeyRelatedField
from lawgov.api.serializers import ModelCleanMixin

from .. import services
from ..models import (
    AdviserMatter,
    Dispute,
    LeadingGroup,
    LeadingGroupMeeting,
    LeadingGroupMember,
    LegalAdviser,
    MajorDecision,
    NormativeDocument,
    ResponsiblePerson,
    RuleOfLawReport,
    WorkPlan,
)

WARNINGS_FIELD = extend_schema_field(serializers.ListField(child=serializers.CharField()))


def agency_field():
    return ScopedPrimaryKeyRelatedField(queryset=Agency.objects.all())


class ResponsiblePersonSerializer(ModelCleanMixin, serializers.ModelSerializer):
    agency = agency_field()

    class Meta:
        model = ResponsiblePerson
        fields = ["id", "agency", "name", "role", "position", "started_on", "ended_on"]


class LeadingGroupSerializer(ModelCleanMixin, serializers.ModelSerializer):
    agency = agency_field()

    class Meta:
        model = LeadingGroup
        fields = ["id", "agency", "name", "established_on", "document_number", "dissolved_on"]


class LeadingGroupMemberSerializer(ModelCleanMixin, serializers.ModelSerializer):
    group = ScopedPrimaryKeyRelatedField(queryset=LeadingGroup.objects.all())

    class Meta:
        model = LeadingGroupMember
        fields = ["id", "group", "name", "position", "group_role", "joined_on", "left_on"]


class LeadingGroupMeetingSerializer(serializers.ModelSerializer):
    group = ScopedPrimaryKeyRelatedField(queryset=LeadingGroup.objects.all())
    attendees = ScopedPrimaryKeyRelatedField(queryset=LeadingGroupMember.objects.all(), many=True)

    class Meta:
        model = LeadingGroupMeeting
        fields = ["id", "group", "held_on", "place", "topics", "topics_count", "decisions_count", "attendees"]

    def create(self, validated_data):
        return services.save_leading_group_meeting(**validated_data)

    def update(self, instance, validated_data):
        current = {name: getattr(instance, name) for name in self.Meta.fields if name not in ("id", "attendees")}
        current["attendees"] = list(instance.attendees.all())
        return services.save_leading_group_meeting(meeting=instance, **{**current, **validated_data})


class RuleOfLawReportSerializer(ModelCleanMixin, serializers.ModelSerializer):
    agency = agency_field()
    person = ScopedPrimaryKeyRelatedField(queryset=ResponsiblePerson.objects.all())

    class Meta:
        model = RuleOfLawReport
        fields = ["id", "agency", "person", "year", "reported_on", "venue"]


class WorkPlanSerializer(ModelCleanMixin, serializers.ModelSerializer):
    agency = agency_field()

    class Meta:
        model = WorkPlan
        fields = ["id", "agency", "year", "title", "document_url", "no_major_decisions", "no_normative_documents"]
        validators = []  # the model's unique constraint answers through full_clean


class MajorDecisionSerializer(ModelCleanMixin, serializers.ModelSerializer):
    agency = agency_field()
    warnings = serializers.SerializerMethodField()

    class Meta:
        model = MajorDecision
        fields = [
            "id",
            "agency",
            "title",
            "category",
            "catalogue_year",
            "public_comment_from",
            "public_comment_until",
            "public_comments",
            "expert_argued_on",
            "risk_assessed_on",
            "legality_reviewed_on",
            "legality_reviewer",
            "legality_result",
            "discussed_on",
            "discussion_meeting",
            "discussion_attendees",
            "decided_on",
            "published_on",
            "archived_on",
            "warnings",
        ]

    @WARNINGS_FIELD
    def get_warnings(self, decision: MajorDecision) -> list[str]:
        return decision.warnings(self.context.get("mandatory_steps"))


class NormativeDocumentSerializer(ModelCleanMixin, serializers.ModelSerializer):
    agency = agency_field()
    filing_due = serializers.SerializerMethodField()
    warnings = serializers.SerializerMethodField()

    class Meta:
        model = NormativeDocument
        fields = [
            "id",
            "agency",
            "title",
            "number",
            "drafted_on",
            "reviewed_on",
            "reviewer",
            "review_result",
            "issued_on",
            "published_on",
            "filed_on",
            "filed_with",
            "cleaned_up_on",
            "cleanup_result",
            "filing_due",
            "warnings",
        ]

    @extend_schema_field(serializers.DateField(allow_null=True))
    def get_filing_due(self, document: NormativeDocument):
        return document.filing_due(self.context.get("filing_period"))

    @WARNINGS_FIELD
    def get_warnings(self, document: NormativeDocument) -> list[str]:
        return document.warnings(timezone.localdate(), self.context.get("filing_period"))


class LegalAdviserSerializer(ModelCleanMixin, serializers.ModelSerializer):
    agency = agency_field()

    class Meta:
        model = LegalAdviser
        fields = ["id", "agency", "kind", "name", "firm", "contract_from", "contract_until"]


class AdviserMatterSerializer(ModelCleanMixin, serializers.ModelSerializer):
    agency = agency_field()
    adviser = ScopedPrimaryKeyRelatedField(queryset=LegalAdviser.objects.all())

    class Meta:
        model = AdviserMatter
        fields = ["id", "agency", "adviser", "kind", "handled_on", "subject"]


class DisputeSerializer(ModelCleanMixin, serializers.ModelSerializer):
    agency = agency_field()

    class Meta:
        model = Dispute
        fields = ["id", "agency", "kind", "summary", "received_on", "outcome", "concluded_on", "referred_to"]
