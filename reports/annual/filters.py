import django_filters

from enforcement.agencies.filters import AgencySubtreeFilter
from reports.annual.models import AnnualReport, ReportStatus


class AnnualReportFilterSet(django_filters.FilterSet):
    agency = AgencySubtreeFilter()
    year = django_filters.NumberFilter()
    status = django_filters.MultipleChoiceFilter(choices=ReportStatus.choices)

    class Meta:
        model = AnnualReport
        fields = ["agency", "year", "status"]
