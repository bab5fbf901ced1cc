"""Penalty cases in the API: one serializer per resource, the writes through `cases.services`."""

from __future__ import annotations

from drf_spectacular.types import OpenApiTypes
from drf_spectacular.utils import extend_schema_field
from rest_framework import serializers

from enforcement.agencies.calendar import WorkingCalendar
from enforcement.agencies.enforcement_fields import EnforcementField
from enforcement.agencies.models import Agency
from enforcement.cases import services
from enforcement.cases.models import EnforcementCase, EnforcementEvent, EventFile, Party, Penalty
from enforcement.officers.models.officer import Officer
from lawgov.api.fields import ScopedPrimaryKeyRelatedField

DERIVED = [
    "number",
    "year",
    "status",
    "outcome",
    "filed_on",
    "decided_on",
    "served_on",
    "closed_on",
    "published_on",
    "withdrawn_on",
    "decision_due",
    "withdrawal_due",
    "corrected_on",
    "legal_review_required",
    "legal_review_passed",
    "hearing_held",
    "next_deadline_on",
    "next_deadline_kind",
]


class PartySerializer(serializers.ModelSerializer):
    class Meta:
        model = Party
        fields = ["kind", "name", "id_number", "credit_code"]
        extra_kwargs = {"id_number": {"required": False}, "credit_code": {"required": False}}

    def to_representation(self, party: Party) -> dict:
        data = super().to_representation(party)
        request = self.context.get("request")
        # The same permission that unmasks officers' ID numbers.
        if not (request and request.user.has_perm("enforcement.view_full_id_number")):
            data["id_number"] = party.masked_id_number
        return data


class PenaltySerializer(serializers.ModelSerializer):
    class Meta:
        model = Penalty
        fields = ["kind", "amount", "description"]


class OfficerRefSerializer(serializers.Serializer):
    id = serializers.IntegerField()
    name = serializers.CharField()


class EventFileSerializer(serializers.ModelSerializer):
    class Meta:
        model = EventFile
        fields = ["id", "name", "size", "sha256", "supersedes", "created_at"]


class EventOfficerSerializer(serializers.Serializer):
    id = serializers.IntegerField(source="officer_id")
    name = serializers.CharField(source="officer.name")
    certified = serializers.BooleanField(
        source="is_certified", help_text="Certified on the event's day for the case's field, as the records stand now."
    )


class EventSerializer(serializers.ModelSerializer):
    officers = ScopedPrimaryKeyRelatedField(queryset=Officer.objects.all(), many=True, required=False)
    presider = ScopedPrimaryKeyRelatedField(queryset=Officer.objects.all(), required=False, allow_null=True)

    class Meta:
        model = EnforcementEvent
        fields = [
            "id",
            "kind",
            "occurred_on",
            "officers",
            "outcome",
            "rights_waived",
            "person",
            "reviewer_first_time",
            "reviewer_legally_qualified",
            "presider",
            "scheduled_on",
            "attendees",
            "days",
            "basis",
            "on_the_spot",
            "amount",
            "document_number",
            "note",
        ]
        read_only_fields = ["id"]


class EventReadSerializer(EventSerializer):
    officers = EventOfficerSerializer(source="officer_links", many=True, read_only=True)
    files = EventFileSerializer(many=True, read_only=True)

    class Meta(EventSerializer.Meta):
        fields = [*EventSerializer.Meta.fields, "files"]


class PenaltyDeadlineSerializer(serializers.Serializer):
    kind = serializers.CharField()
    name = serializers.CharField()
    due = serializers.DateField(allow_null=True)
    met_on = serializers.DateField(allow_null=True)
    rule = serializers.CharField()
    article = serializers.CharField()
    watched = serializers.BooleanField()
    estimated = serializers.BooleanField()


class EnforcementCaseSerializer(serializers.ModelSerializer):
    agency = ScopedPrimaryKeyRelatedField(queryset=Agency.objects.all())
    field = serializers.PrimaryKeyRelatedField(queryset=EnforcementField.objects.all())
    handlers = ScopedPrimaryKeyRelatedField(queryset=Officer.objects.all(), many=True, write_only=True)
    handler_list = OfficerRefSerializer(source="handlers", many=True, read_only=True)
    parties = PartySerializer(many=True)
    penalties = PenaltySerializer(many=True, required=False)
    events = EventReadSerializer(many=True, read_only=True)
    deadlines = serializers.SerializerMethodField()
    days_left = serializers.SerializerMethodField()

    class Meta:
        model = EnforcementCase
        fields = [
            "id",
            "agency",
            "procedure",
            "field",
            "act",
            "act_place",
            "act_on",
            "act_ended_on",
            "discovered_on",
            "harm_to_life_health_or_finance",
            "act_basis",
            "penalty_basis",
            "major_public_interest",
            "major_rights",
            "complex",
            "handlers",
            "handler_list",
            "parties",
            "penalties",
            "note",
            "version",
            *DERIVED,
            "days_left",
            "deadlines",
            "events",
        ]
        read_only_fields = ["version", *DERIVED]

    def to_representation(self, case):
        data = super().to_representation(case)
        # `handlers` answers with ids and names, as the contract says; it is written as ids.
        data["handlers"] = data.pop("handler_list")
        return data

    @extend_schema_field(PenaltyDeadlineSerializer(many=True))
    def get_deadlines(self, case: EnforcementCase) -> list[dict]:
        if "calendar" not in self.context:
            self.context["calendar"] = WorkingCalendar.load()
        return PenaltyDeadlineSerializer(services.case_deadlines(case, self.context["calendar"]), many=True).data

    @extend_schema_field(OpenApiTypes.INT)
    def get_days_left(self, case: EnforcementCase) -> int | None:
        return case.days_left()

    def create(self, validated_data):
        return services.create_case(**validated_data)

    def update(self, instance, validated_data):
        raise serializers.ValidationError("A case changes through its events.")
