"""The ledger's API: a scoped viewset per resource; out of scope answers 404 (lawgov/api/views.py)."""

from __future__ import annotations

from django.db.models import Prefetch

from lawgov.api.views import ScopedModelViewSet

from .. import filters
from ..models import (
    AdviserMatter,
    Dispute,
    FilingPeriod,
    LeadingGroup,
    LeadingGroupMeeting,
    LeadingGroupMember,
    LegalAdviser,
    MajorDecision,
    MandatoryDecisionStep,
    NormativeDocument,
    ResponsiblePerson,
    RuleOfLawReport,
    WorkPlan,
)
from . import serializers


class ResponsiblePersonViewSet(ScopedModelViewSet):
    queryset = ResponsiblePerson.objects.all()
    serializer_class = serializers.ResponsiblePersonSerializer
    filterset_class = filters.ResponsiblePersonFilterSet
    ordering_fields = ["started_on", "name"]
    ordering = ["-started_on", "id"]


class LeadingGroupViewSet(ScopedModelViewSet):
    queryset = LeadingGroup.objects.all()
    serializer_class = serializers.LeadingGroupSerializer
    filterset_class = filters.LeadingGroupFilterSet
    ordering_fields = ["established_on", "name"]
    ordering = ["-established_on", "id"]


class LeadingGroupMemberViewSet(ScopedModelViewSet):
    queryset = LeadingGroupMember.objects.all()
    serializer_class = serializers.LeadingGroupMemberSerializer
    filterset_class = filters.LeadingGroupMemberFilterSet
    ordering_fields = ["joined_on", "name"]
    ordering = ["group", "group_role", "id"]


class LeadingGroupMeetingViewSet(ScopedModelViewSet):
    queryset = LeadingGroupMeeting.objects.prefetch_related(
        Prefetch("attendees", queryset=LeadingGroupMember.objects.order_by("pk"))
    )
    serializer_class = serializers.LeadingGroupMeetingSerializer
    filterset_class = filters.LeadingGroupMeetingFilterSet
    ordering_fields = ["held_on"]
    ordering = ["-held_on", "-id"]


class RuleOfLawReportViewSet(ScopedModelViewSet):
    queryset = RuleOfLawReport.objects.all()
    serializer_class = serializers.RuleOfLawReportSerializer
    filterset_class = filters.RuleOfLawReportFilterSet
    ordering_fields = ["reported_on", "year"]
    ordering = ["-reported_on", "-id"]


class WorkPlanViewSet(ScopedModelViewSet):
    queryset = WorkPlan.objects.all()
    serializer_class = serializers.WorkPlanSerializer
    filterset_class = filters.WorkPlanFilterSet
    ordering_fields = ["year"]
    ordering = ["-year", "id"]


class MajorDecisionViewSet(ScopedModelViewSet):
    queryset = MajorDecision.objects.all()
    serializer_class = serializers.MajorDecisionSerializer
    filterset_class = filters.MajorDecisionFilterSet
    ordering_fields = ["decided_on", "catalogue_year", "title"]
    ordering = ["-decided_on", "-id"]

    def get_serializer_context(self):
        # The rules in force, read once for the whole page of decisions.
        return {**super().get_serializer_context(), "mandatory_steps": list(MandatoryDecisionStep.for_province())}


class NormativeDocumentViewSet(ScopedModelViewSet):
    queryset = NormativeDocument.objects.all()
    serializer_class = serializers.NormativeDocumentSerializer
    filterset_class = filters.NormativeDocumentFilterSet
    ordering_fields = ["issued_on", "drafted_on", "number"]
    ordering = ["-issued_on", "-id"]

    def get_serializer_context(self):
        return {**super().get_serializer_context(), "filing_period": FilingPeriod.in_force()}


class LegalAdviserViewSet(ScopedModelViewSet):
    queryset = LegalAdviser.objects.all()
    serializer_class = serializers.LegalAdviserSerializer
    filterset_class = filters.LegalAdviserFilterSet
    ordering_fields = ["contract_from", "name"]
    ordering = ["-contract_from", "id"]


class AdviserMatterViewSet(ScopedModelViewSet):
    queryset = AdviserMatter.objects.all()
    serializer_class = serializers.AdviserMatterSerializer
    filterset_class = filters.AdviserMatterFilterSet
    ordering_fields = ["handled_on"]
    ordering = ["-handled_on", "-id"]


class DisputeViewSet(ScopedModelViewSet):
    queryset = Dispute.objects.all()
    serializer_class = serializers.DisputeSerializer
    filterset_class = filters.DisputeFilterSet
    ordering_fields = ["received_on", "concluded_on"]
    ordering = ["-received_on", "-id"]


# (path, viewset) of every ledger resource, registered by reports/api/urls.py.
ROUTES = [
    ("responsible-persons", ResponsiblePersonViewSet),
    ("leading-groups", LeadingGroupViewSet),
    ("leading-group-members", LeadingGroupMemberViewSet),
    ("leading-group-meetings", LeadingGroupMeetingViewSet),
    ("rule-of-law-reports", RuleOfLawReportViewSet),
    ("work-plans", WorkPlanViewSet),
    ("major-decisions", MajorDecisionViewSet),
    ("normative-documents", NormativeDocumentViewSet),
    ("legal-advisers", LegalAdviserViewSet),
    ("adviser-matters", AdviserMatterViewSet),
    ("disputes", DisputeViewSet),
]
