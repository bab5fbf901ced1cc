"""Reconsideration cases in the API: the case with its deadlines, and events added through the service."""

from django.utils.translation import gettext_lazy as _
from drf_spectacular.utils import extend_schema, extend_schema_field
from rest_framework import serializers, status
from rest_framework.decorators import action
from rest_framework.response import Response

from enforcement.agencies.models import Agency
from enforcement.officers.models.officer import Officer
from enforcement.reconsideration.choices import DeadlineKind, Outcome
from enforcement.reconsideration.filters import ReconsiderationCaseFilterSet
from enforcement.reconsideration.models import Applicant, CaseEvent, ReconsiderationCase
from enforcement.reconsideration.services import DERIVED_FIELDS, create_case, record_event, update_case
from lawgov.api.fields import OptionalChoiceField, ScopedPrimaryKeyRelatedField
from lawgov.api.serializers import VersionCheckMixin
from lawgov.api.views import ScopedModelViewSet


class ApplicantSerializer(serializers.ModelSerializer):
    class Meta:
        model = Applicant
        fields = ["kind", "name"]


class CaseEventSerializer(serializers.ModelSerializer):
    class Meta:
        model = CaseEvent
        fields = ["id", "kind", "occurred_on", "outcome", "days", "document_number", "note"]
        read_only_fields = ["id"]


class DeadlineSerializer(serializers.Serializer):
    kind = serializers.CharField()
    name = serializers.CharField()
    due = serializers.DateField(allow_null=True)
    rule = serializers.CharField()
    article = serializers.CharField()
    met_on = serializers.DateField(allow_null=True)
    watched = serializers.BooleanField()
    estimated = serializers.BooleanField(
        help_text=_("Counted over a year whose holiday schedule the State Council has not published yet.")
    )


class ReconsiderationCaseSerializer(VersionCheckMixin, serializers.ModelSerializer):
    agency = ScopedPrimaryKeyRelatedField(queryset=Agency.objects.all())
    officer = ScopedPrimaryKeyRelatedField(queryset=Officer.objects.all())
    applicants = ApplicantSerializer(many=True, required=False)
    events = CaseEventSerializer(many=True, read_only=True)
    outcome = OptionalChoiceField(Outcome.choices)
    next_deadline_kind = OptionalChoiceField(DeadlineKind.choices)
    deadlines = serializers.SerializerMethodField()
    days_left = serializers.SerializerMethodField(
        help_text=_("Calendar days until the next deadline: 0 on the day, negative once overdue.")
    )

    class Meta:
        model = ReconsiderationCase
        fields = [
            "id",
            "agency",
            "organ_name",
            "organ_case_number",
            "applicants",
            "act_kind",
            "act_title",
            "act_document_number",
            "act_date",
            "known_on",
            "officer",
            "procedure",
            "note",
            "version",
            *(name for name in DERIVED_FIELDS if name != "deadlines"),
            "days_left",
            "deadlines",
            "events",
        ]

    @extend_schema_field(DeadlineSerializer(many=True))
    def get_deadlines(self, case: ReconsiderationCase) -> list[dict]:
        # As stored by the service that recorded the last event: read, never recomputed here.
        return DeadlineSerializer(case.deadline_list(), many=True).data

    @extend_schema_field(serializers.IntegerField(allow_null=True))
    def get_days_left(self, case: ReconsiderationCase) -> int | None:
        return case.days_left()

    def create(self, validated_data):
        return create_case(**validated_data)

    def update(self, instance, validated_data):
        return update_case(case=instance, **validated_data)


class ReconsiderationCaseViewSet(ScopedModelViewSet):
    queryset = ReconsiderationCase.objects.select_related("agency", "officer").prefetch_related("applicants", "events")
    serializer_class = ReconsiderationCaseSerializer
    filterset_class = ReconsiderationCaseFilterSet
    ordering_fields = ["received_on", "next_deadline_on", "closed_on"]
    ordering = ["-received_on", "-pk"]

    @extend_schema(request=CaseEventSerializer, responses={201: ReconsiderationCaseSerializer})
    @action(detail=True, methods=["post"], url_path="events")
    def events(self, request, pk=None):
        """Record a dated event; an impossible order is refused with a 400 naming the field."""
        case = self.get_object()
        serializer = CaseEventSerializer(data=request.data)
        serializer.is_valid(raise_exception=True)
        record_event(case=case, **serializer.validated_data)
        case = self.get_queryset().get(pk=case.pk)
        return Response(self.get_serializer(case).data, status=status.HTTP_201_CREATED)
