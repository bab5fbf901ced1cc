import django_filters
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from enforcement.agencies.filters import AgencySubtreeFilter, YearFilter
from enforcement.reconsideration.choices import CaseStatus, Outcome
from enforcement.reconsideration.models import ReconsiderationCase


class ReconsiderationCaseFilterSet(django_filters.FilterSet):
    agency = AgencySubtreeFilter()
    year = YearFilter(field_name="received_on", label=_("Year received"))
    status = django_filters.MultipleChoiceFilter(choices=CaseStatus.choices)
    outcome = django_filters.MultipleChoiceFilter(choices=Outcome.choices)
    overdue = django_filters.BooleanFilter(method="filter_overdue", label=_("Overdue"))

    class Meta:
        model = ReconsiderationCase
        fields = ["agency", "year", "status", "outcome", "overdue", "procedure", "act_kind"]

    def filter_overdue(self, queryset, name, value):
        overdue = queryset.overdue(timezone.localdate())
        return overdue if value else queryset.exclude(pk__in=overdue.values("pk"))
