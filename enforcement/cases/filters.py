import django_filters
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from enforcement.agencies.enforcement_fields import EnforcementField
from enforcement.agencies.filters import AgencySubtreeFilter, YearFilter
from enforcement.cases.models import CaseStatus, EnforcementCase, PenaltyProcedure


class EnforcementCaseFilterSet(django_filters.FilterSet):
    agency = AgencySubtreeFilter()
    year = YearFilter(method="filter_year", label=_("Year filed (or discovered, when not filed)"))
    field = django_filters.ModelChoiceFilter(queryset=EnforcementField.objects.all())
    procedure = django_filters.ChoiceFilter(choices=PenaltyProcedure.choices)
    status = django_filters.MultipleChoiceFilter(choices=CaseStatus.choices)
    overdue = django_filters.BooleanFilter(method="filter_overdue", label=_("Overdue"))

    class Meta:
        model = EnforcementCase
        fields = ["agency", "year", "field", "procedure", "status", "overdue"]

    def filter_year(self, queryset, name, value):
        return queryset.in_year(value)

    def filter_overdue(self, queryset, name, value):
        overdue = queryset.overdue(timezone.localdate())
        return overdue if value else queryset.exclude(pk__in=overdue.values("pk"))
