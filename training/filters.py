import django_filters
from django.utils.translation import gettext_lazy as _

from enforcement.officers.filters import AgencySubtreeFilter, YearFilter
from training.exams.models import Exam, ExamKind, ExamResult
from training.publicity.models import Audience, PublicityActivity, PublicityFormat, ThemeDay
from training.study.models import SessionKind, TrainingSession


def dated_filterset(date_field: str, kinds) -> type[django_filters.FilterSet]:
    """A FilterSet base with `agency` (its subtree), `year`, `kind`, `date_from` and `date_to` on `date_field`."""

    class DatedFilterSet(django_filters.FilterSet):
        agency = AgencySubtreeFilter()
        year = YearFilter(field_name=date_field)
        kind = django_filters.MultipleChoiceFilter(
            field_name=date_field.replace("date", "kind"), choices=kinds, label=_("Kind")
        )
        date_from = django_filters.DateFilter(field_name=date_field, lookup_expr="gte", label=_("From date"))
        date_to = django_filters.DateFilter(field_name=date_field, lookup_expr="lte", label=_("To date"))

    return DatedFilterSet


class TrainingSessionFilterSet(dated_filterset("date", SessionKind.choices)):
    class Meta:
        model = TrainingSession
        fields = ["agency", "year", "kind", "date_from", "date_to"]


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


class PublicityActivityFilterSet(django_filters.FilterSet):
    agency = AgencySubtreeFilter()
    year = YearFilter(field_name="start_date")
    theme = django_filters.ModelChoiceFilter(queryset=ThemeDay.objects.all(), label=_("Theme day"))
    format = django_filters.ModelMultipleChoiceFilter(
        field_name="formats", queryset=PublicityFormat.objects.all(), distinct=True, label=_("Format")
    )
    audience = django_filters.ModelMultipleChoiceFilter(
        field_name="audiences", queryset=Audience.objects.all(), distinct=True, label=_("Audience")
    )
    date_from = django_filters.DateFilter(field_name="start_date", lookup_expr="gte", label=_("From date"))
    date_to = django_filters.DateFilter(field_name="start_date", lookup_expr="lte", label=_("To date"))

    class Meta:
        model = PublicityActivity
        fields = ["agency", "year", "theme", "format", "audience", "date_from", "date_to"]
