"""Filters every resource shares: the agency subtree a requester may choose, the calendar year."""

import django_filters
from django import forms
from django.utils.translation import gettext_lazy as _
from drf_spectacular.types import OpenApiTypes
from drf_spectacular.utils import extend_schema_field

from enforcement.agencies.models import Agency, AgencyKind


def agencies_visible_to_requester(request):
    return Agency.objects.visible_to(getattr(request, "user", None))


@extend_schema_field(OpenApiTypes.INT)
class AgencySubtreeFilter(django_filters.ModelChoiceFilter):
    """Records of the chosen agency and of every agency below it.

    The choices are the requester's own agencies: an agency outside their
    scope is "not a valid choice", exactly like one that does not exist.
    """

    def __init__(self, *args, **kwargs):
        kwargs.setdefault("queryset", agencies_visible_to_requester)
        kwargs.setdefault("label", _("Agency, with the agencies below it"))
        super().__init__(*args, **kwargs)

    def filter(self, queryset, agency):
        if agency is None:
            return queryset
        return queryset.in_subtree_of(agency)


@extend_schema_field({"type": "integer", "minimum": 1900, "maximum": 2999})
class YearFilter(django_filters.NumberFilter):
    """Rows of one calendar year of `field_name` (a date field)."""

    field_class = forms.IntegerField

    def __init__(self, *args, **kwargs):
        kwargs.setdefault("lookup_expr", "year")
        kwargs.setdefault("min_value", 1900)
        kwargs.setdefault("max_value", 2999)
        kwargs.setdefault("label", _("Year"))
        super().__init__(*args, **kwargs)


class AgencyFilterSet(django_filters.FilterSet):
    kind = django_filters.MultipleChoiceFilter(choices=AgencyKind.choices)
    parent = django_filters.ModelChoiceFilter(queryset=agencies_visible_to_requester)
    within = AgencySubtreeFilter()
    q = django_filters.CharFilter(method="filter_q", label=_("Search"))

    class Meta:
        model = Agency
        fields = ["kind", "parent", "is_enforcement_subject", "within", "q"]

    def filter_q(self, queryset, name, value):
        return queryset.filter(name__icontains=value) | queryset.filter(credit_code__iexact=value)


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
