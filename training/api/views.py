from django.db.models import Count, Prefetch
from rest_framework.negotiation import DefaultContentNegotiation
from rest_framework.settings import api_settings

from lawgov.api.views import ScopedModelViewSet
from training.api.serializers import (
    ExamResultSerializer,
    ExamSerializer,
    PublicityActivitySerializer,
    TrainingSessionSerializer,
)
from training.exams.models import Exam, ExamResult
from training.filters import ExamFilterSet, ExamResultFilterSet, PublicityActivityFilterSet, TrainingSessionFilterSet
from training.publicity.models import PublicityActivity, PublicityFormat
from training.study.models import TrainingSession


class TrainingSessionViewSet(ScopedModelViewSet):
    queryset = TrainingSession.objects.annotate(attendee_count=Count("attendances"))
    serializer_class = TrainingSessionSerializer
    filterset_class = TrainingSessionFilterSet
    ordering_fields = ["date", "hours", "title"]
    ordering = ["-date", "-id"]


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


class NoFormatOverrideSettings:
    """The API settings, except that `?format=` does not choose the renderer."""

    URL_FORMAT_OVERRIDE = None

    def __getattr__(self, name):
        return getattr(api_settings, name)


class FormatIsAFilterNegotiation(DefaultContentNegotiation):
    # `format` is a filter of publicity activities (the API contract names it
    # so); DRF would otherwise read it as the wanted renderer and answer 404.
    settings = NoFormatOverrideSettings()


class PublicityActivityViewSet(ScopedModelViewSet):
    content_negotiation_class = FormatIsAFilterNegotiation
    queryset = PublicityActivity.objects.prefetch_related(
        Prefetch("formats", queryset=PublicityFormat.objects.order_by()), "audiences"
    )
    serializer_class = PublicityActivitySerializer
    filterset_class = PublicityActivityFilterSet
    ordering_fields = ["start_date", "participants"]
    ordering = ["-start_date", "-id"]
