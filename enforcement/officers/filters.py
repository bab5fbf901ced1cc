import django_filters
from django.db.models import Q
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from enforcement.agencies.filters import AgencySubtreeFilter
from enforcement.agencies.validators import normalise_id_number
from enforcement.officers.models.certificate import Certificate, CertificateKind, CertificateState, CertificateStatus
from enforcement.officers.models.officer import EmploymentStatus, Officer


def officers_visible_to_requester(request):
    return Officer.objects.visible_to(getattr(request, "user", None))


class OfficerFilterSet(django_filters.FilterSet):
    agency = AgencySubtreeFilter()
    certified = django_filters.BooleanFilter(
        method="filter_certified", label=_("Holds an effective certificate on the date `on`")
    )
    on = django_filters.DateFilter(method="certified_on", label=_("Date for `certified` (default today)"))
    status = django_filters.MultipleChoiceFilter(field_name="employment_status", choices=EmploymentStatus.choices)
    search = django_filters.CharFilter(
        method="filter_search", label=_("Name, certificate number or the end of the ID number")
    )

    class Meta:
        model = Officer
        fields = ["agency", "certified", "on", "is_leader", "is_enforcement_officer", "status", "search"]

    def filter_queryset(self, queryset):
        # Every officer listed says whether they are certified on the `on` date (today by default).
        day = self.form.cleaned_data.get("on") or timezone.localdate()
        return super().filter_queryset(queryset.with_certified(day))

    def certified_on(self, queryset, name, value):
        # `on` chooses the day of `certified` (see filter_queryset); it selects no rows itself.
        return queryset

    def filter_certified(self, queryset, name, value):
        return queryset.filter(is_certified=value)

    def filter_search(self, queryset, name, value):
        value = value.strip()
        holders = Certificate.objects.filter(number=value).values("officer_id")
        # An ID number matches only whole: a part of it would let a reader who
        # sees it masked confirm guessed digits of the birth date.
        return queryset.filter(Q(name__icontains=value) | Q(id_number=normalise_id_number(value)) | Q(pk__in=holders))


class CertificateFilterSet(django_filters.FilterSet):
    agency = AgencySubtreeFilter()
    officer = django_filters.ModelChoiceFilter(queryset=officers_visible_to_requester)
    status = django_filters.MultipleChoiceFilter(choices=CertificateStatus.choices)
    state = django_filters.MultipleChoiceFilter(
        choices=CertificateState.choices, method="filter_state", label=_("State today (derived from the history)")
    )
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
        fields = [
            "agency",
            "officer",
            "status",
            "state",
            "kind",
            "expires_before",
            "expires_after",
            "expiring_within_days",
        ]

    def filter_state(self, queryset, name, value):
        return queryset.in_state(timezone.localdate(), *value) if value else queryset

    def filter_expiring(self, queryset, name, value):
        return queryset.expiring_within(int(value), on=timezone.localdate())
