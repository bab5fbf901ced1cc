import django_filters
from django import forms
from django.db.models import Q
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from drf_spectacular.types import OpenApiTypes
from drf_spectacular.utils import extend_schema_field

from enforcement.agencies.models import Agency, AgencyKind
from enforcement.officers.models.certificate import Certificate, CertificateKind, CertificateStatus
from enforcement.officers.models.officer import EmploymentStatus, Officer
from enforcement.reconsideration.models import CaseStatus, Outcome, ReconsiderationCase


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


def officers_visible_to_requester(request):
    return Officer.objects.visible_to(getattr(request, "user", None))


class OfficerFilterSet(django_filters.FilterSet):
    agency = AgencySubtreeFilter()
    certified = django_filters.BooleanFilter(
        method="filter_certified", label=_("Holds an effective certificate on the date `on`")
    )
    on = django_filters.DateFilter(method="filter_nothing", label=_("Date for `certified` (default today)"))
    status = django_filters.MultipleChoiceFilter(field_name="employment_status", choices=EmploymentStatus.choices)
    search = django_filters.CharFilter(
        method="filter_search", label=_("Name, certificate number or the end of the ID number")
    )

    class Meta:
        model = Officer
        fields = ["agency", "certified", "on", "is_leader", "is_enforcement_officer", "status", "search"]

    def filter_nothing(self, queryset, name, value):
        return queryset

    def filter_certified(self, queryset, name, value):
        day = self.form.cleaned_data.get("on") or timezone.localdate()
        return queryset.with_certified(day).filter(is_certified=value)

    def filter_search(self, queryset, name, value):
        value = value.strip()
        holders = Certificate.objects.filter(number=value).values("officer_id")
        return queryset.filter(Q(name__icontains=value) | Q(id_number__endswith=value.upper()) | Q(pk__in=holders))


class CertificateFilterSet(django_filters.FilterSet):
    agency = AgencySubtreeFilter()
    officer = django_filters.ModelChoiceFilter(queryset=officers_visible_to_requester)
    status = django_filters.MultipleChoiceFilter(choices=CertificateStatus.choices)
    kind = django_filters.ChoiceFilter(choices=CertificateKind.choices)
    expires_before = django_filters.DateFilter(
        field_name="valid_until", lookup_expr="lte", label=_("Valid until this day or earlier")
    )
    expires_after = django_filters.DateFilter(
        field_name="valid_until", lookup_expr="gte", label=_("Valid until this day or later")
    )
    expiring_within_days = django_filters.NumberFilter(
        method="filter_expiring", min_value=0, label=_("Effective today and expiring within this many days")
    )

    class Meta:
        model = Certificate
        fields = ["agency", "officer", "status", "kind", "expires_before", "expires_after", "expiring_within_days"]

    def filter_expiring(self, queryset, name, value):
        return queryset.expiring_within(int(value), on=timezone.localdate())
