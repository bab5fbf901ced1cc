"""The exams and exam-results resources."""

import django_filters
from django.utils.translation import gettext_lazy as _
from rest_framework import serializers

from enforcement.agencies.api import agency_field
from enforcement.agencies.filters import dated_filterset
from enforcement.officers.models.officer import Officer
from lawgov.api.fields import ScopedPrimaryKeyRelatedField
from lawgov.api.serializers import ModelCleanMixin, VersionCheckMixin
from lawgov.api.views import ScopedModelViewSet
from training.exams.models import Exam, ExamKind, ExamResult


class ExamFilterSet(dated_filterset("date", ExamKind.choices)):
    class Meta:
        model = Exam
        fields = ["agency", "year", "kind", "date_from", "date_to"]


class ExamResultFilterSet(dated_filterset("exam__date", ExamKind.choices)):
    exam = django_filters.NumberFilter(field_name="exam_id", label=_("Exam"))
    officer = django_filters.NumberFilter(field_name="officer_id", label=_("Officer"))

    class Meta:
        model = ExamResult
        fields = ["agency", "year", "kind", "date_from", "date_to", "exam", "officer", "absent"]


class ExamSerializer(VersionCheckMixin, ModelCleanMixin, serializers.ModelSerializer):
    agency = agency_field()

    class Meta:
        model = Exam
        fields = ["id", "agency", "kind", "title", "date", "max_score", "pass_mark", "excellence_mark", "version"]


class ExamResultSerializer(ModelCleanMixin, serializers.ModelSerializer):
    exam = ScopedPrimaryKeyRelatedField(queryset=Exam.objects.all())
    officer = ScopedPrimaryKeyRelatedField(queryset=Officer.objects.all())
    makeup_of = ScopedPrimaryKeyRelatedField(queryset=ExamResult.objects.all(), allow_null=True, required=False)
    officer_name = serializers.CharField(source="officer.name", read_only=True)
    passed = serializers.BooleanField(read_only=True)

    class Meta:
        model = ExamResult
        fields = ["id", "exam", "officer", "officer_name", "score", "absent", "makeup_of", "passed"]
        # The model's full_clean checks the one-first-sitting rule; DRF's own
        # validator would demand makeup_of, the field in the rule's condition.
        validators = []


class ExamViewSet(ScopedModelViewSet):
    queryset = Exam.objects.all()
    serializer_class = ExamSerializer
    filterset_class = ExamFilterSet
    ordering_fields = ["date", "title"]
    ordering = ["-date", "-id"]


class ExamResultViewSet(ScopedModelViewSet):
    queryset = ExamResult.objects.select_related("exam", "officer")
    serializer_class = ExamResultSerializer
    filterset_class = ExamResultFilterSet
    ordering_fields = ["exam__date", "score"]
    ordering = ["-exam__date", "id"]
