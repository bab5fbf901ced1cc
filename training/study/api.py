"""The training-sessions resource, and the study plans and attendance read beside it."""

import django_filters
from django.db.models import Count
from rest_framework import serializers

from enforcement.agencies.api import agency_field
from enforcement.agencies.filters import AgencySubtreeFilter, YearFilter, dated_filterset
from lawgov.api.serializers import ModelCleanMixin, VersionCheckMixin
from lawgov.api.views import ScopedModelViewSet, ScopedReadOnlyModelViewSet
from training.study.models import Attendance, SessionKind, StudyPlan, TrainingSession


class TrainingSessionFilterSet(dated_filterset("date", SessionKind.choices)):
    class Meta:
        model = TrainingSession
        fields = ["agency", "year", "kind", "date_from", "date_to"]


class TrainingSessionSerializer(VersionCheckMixin, ModelCleanMixin, serializers.ModelSerializer):
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
            "version",
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


class StudyPlanFilterSet(django_filters.FilterSet):
    agency = AgencySubtreeFilter()

    class Meta:
        model = StudyPlan
        fields = ["agency", "year"]


class StudyPlanSerializer(serializers.ModelSerializer):
    class Meta:
        model = StudyPlan
        fields = ["id", "agency", "year", "required_hours", "planned_items"]
        read_only_fields = fields


class StudyPlanViewSet(ScopedReadOnlyModelViewSet):
    queryset = StudyPlan.objects.select_related("agency")
    serializer_class = StudyPlanSerializer
    filterset_class = StudyPlanFilterSet
    ordering = ["-year", "agency__path"]


class AttendanceFilterSet(django_filters.FilterSet):
    agency = AgencySubtreeFilter()
    year = YearFilter(field_name="session__date")

    class Meta:
        model = Attendance
        fields = ["agency", "year", "session", "officer"]


class AttendanceSerializer(serializers.ModelSerializer):
    officer_name = serializers.CharField(source="officer.name", read_only=True)
    session_date = serializers.DateField(source="session.date", read_only=True)

    class Meta:
        model = Attendance
        fields = ["id", "session", "session_date", "officer", "officer_name", "hours_credited"]
        read_only_fields = fields


class AttendanceViewSet(ScopedReadOnlyModelViewSet):
    """Who attended which session, with the hours credited; counted where the officer works."""

    queryset = Attendance.objects.select_related("officer", "session")
    serializer_class = AttendanceSerializer
    filterset_class = AttendanceFilterSet
    ordering = ["-session__date", "officer__name", "pk"]
