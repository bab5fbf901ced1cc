"""The training-sessions resource."""

from django.db.models import Count
from rest_framework import serializers

from enforcement.agencies.api import agency_field
from enforcement.agencies.filters import dated_filterset
from lawgov.api.serializers import ModelCleanMixin
from lawgov.api.views import ScopedModelViewSet
from training.study.models import SessionKind, TrainingSession


class TrainingSessionFilterSet(dated_filterset("date", SessionKind.choices)):
    class Meta:
        model = TrainingSession
        fields = ["agency", "year", "kind", "date_from", "date_to"]


class TrainingSessionSerializer(ModelCleanMixin, serializers.ModelSerializer):
    agency = agency_field()
    attendee_count = serializers.SerializerMethodField()

    class Meta:
        model = TrainingSession
        fields = [
            "id",
            "agency",
            "kind",
            "title",
            "laws_covered",
            "date",
            "hours",
            "speaker",
            "place",
            "attendee_count",
        ]

    def get_attendee_count(self, session: TrainingSession) -> int:
        # Lists annotate the count; a session just created or changed is counted here.
        if hasattr(session, "attendee_count"):
            return session.attendee_count
        return session.attendances.count()


class TrainingSessionViewSet(ScopedModelViewSet):
    queryset = TrainingSession.objects.annotate(attendee_count=Count("attendances"))
    serializer_class = TrainingSessionSerializer
    filterset_class = TrainingSessionFilterSet
    ordering_fields = ["date", "hours", "title"]
    ordering = ["-date", "-id"]
