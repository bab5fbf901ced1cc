from django.db import models
from rest_framework import serializers

from enforcement.agencies.models import Agency
from enforcement.officers.models.officer import Officer
from lawgov.api.fields import ScopedPrimaryKeyRelatedField
from training.exams.models import Exam, ExamResult
from training.publicity.models import PublicityActivity
from training.publicity.youth import RuleOfLawVicePrincipal
from training.study.models import TrainingSession


class ModelCleanMixin:
    """Runs the model's own rules (clean, constraints) on the would-be record, so they answer 400."""

    def validate(self, attrs):
        attrs = super().validate(attrs)
        model = self.Meta.model
        plain = {
            name: value
            for name, value in attrs.items()
            if not isinstance(model._meta.get_field(name), models.ManyToManyField)
        }
        if self.instance is None:
            record = model(**plain)
        else:
            record = model.objects.get(pk=self.instance.pk)
            for name, value in plain.items():
                setattr(record, name, value)
        record.full_clean()
        return attrs


def agency_field():
    return ScopedPrimaryKeyRelatedField(queryset=Agency.objects.all())


class TrainingSessionSerializer(ModelCleanMixin, serializers.ModelSerializer):
    agency = agency_field()
    attendee_count = serializers.IntegerField(read_only=True)

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


class ExamSerializer(ModelCleanMixin, serializers.ModelSerializer):
    agency = agency_field()

    class Meta:
        model = Exam
        fields = ["id", "agency", "kind", "title", "date", "max_score", "pass_mark", "excellence_mark"]


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


class PublicityActivitySerializer(ModelCleanMixin, serializers.ModelSerializer):
    agency = agency_field()
    vice_principal = ScopedPrimaryKeyRelatedField(
        queryset=RuleOfLawVicePrincipal.objects.all(), allow_null=True, required=False
    )
    is_interactive = serializers.BooleanField(read_only=True)

    class Meta:
        model = PublicityActivity
        fields = [
            "id",
            "agency",
            "title",
            "start_date",
            "end_date",
            "theme",
            "formats",
            "audiences",
            "place",
            "participants",
            "materials",
            "laws_promoted",
            "partner",
            "school",
            "vice_principal",
            "class_periods",
            "description",
            "is_interactive",
        ]
        extra_kwargs = {"formats": {"allow_empty": False}}
