"""Reconsideration cases in the API: the case with its deadlines, and events added through the service."""

from django.db import transaction
from django.utils.translation import gettext_lazy as _
from drf_spectacular.types import OpenApiTypes
from drf_spectacular.utils import extend_schema, extend_schema_field
from rest_framework import serializers, status
from rest_framework.decorators import action
from rest_framework.response import Response

from enforcement.agencies.calendar import WorkingCalendar
from enforcement.agencies.models import Agency
from enforcement.officers.models.officer import Officer
from enforcement.reconsideration.filters import ReconsiderationCaseFilterSet
from enforcement.reconsideration.models import Applicant, CaseEvent, ReconsiderationCase
from enforcement.reconsideration.sequence import DERIVED_FIELDS, case_deadlines
from enforcement.reconsideration.services import record_event
from lawgov.api.fields import ScopedPrimaryKeyRelatedField
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


class ReconsiderationCaseSerializer(serializers.ModelSerializer):
    agency = ScopedPrimaryKeyRelatedField(queryset=Agency.objects.all())
    officer = ScopedPrimaryKeyRelatedField(queryset=Officer.objects.all())
    applicants = ApplicantSerializer(many=True, required=False)
    events = CaseEventSerializer(many=True, read_only=True)
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
            *DERIVED_FIELDS,
            "days_left",
            "deadlines",
            "events",
        ]
        read_only_fields = ["version"]

    @extend_schema_field(DeadlineSerializer(many=True))
    def get_deadlines(self, case: ReconsiderationCase) -> list[dict]:
        deadlines = case_deadlines(case, list(case.events.all()), self._calendar())
        return DeadlineSerializer(deadlines, many=True).data

    @extend_schema_field(OpenApiTypes.INT)
    def get_days_left(self, case: ReconsiderationCase) -> int | None:
        return case.days_left()

    def _calendar(self) -> WorkingCalendar:
        # One calendar per request, so a list costs one query for it, not one per case.
        if "calendar" not in self.context:
            self.context["calendar"] = WorkingCalendar.load()
        return self.context["calendar"]

    def validate(self, attrs):
        # The model's clean() holds the rules between fields: the officer within
        # the agency, the applicant knowing of the act after its date.
        fields = ("agency", "officer", "act_date", "known_on")
        current = {name: getattr(self.instance, name) for name in fields} if self.instance else {}
        ReconsiderationCase(**{**current, **{k: v for k, v in attrs.items() if k in fields}}).clean()
        return attrs

    @transaction.atomic
    def create(self, validated_data):
        applicants = validated_data.pop("applicants", [])
        case = ReconsiderationCase(**validated_data)
        case.full_clean()
        case.save()
        Applicant.objects.bulk_create(Applicant(case=case, **applicant) for applicant in applicants)
        return case

    @transaction.atomic
    def update(self, instance, validated_data):
        applicants = validated_data.pop("applicants", None)
        case = super().update(instance, validated_data)
        if applicants is not None:
            case.applicants.all().delete()
            Applicant.objects.bulk_create(Applicant(case=case, **applicant) for applicant in applicants)
        return case


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
