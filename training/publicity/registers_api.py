"""The publicity registers read through the API: theme days, formats, vice principals and sites."""

import django_filters
from rest_framework import serializers, viewsets

from enforcement.agencies.filters import AgencySubtreeFilter
from lawgov.api.views import ScopedReadOnlyModelViewSet
from training.publicity.models import PublicityFormat, ThemeDay
from training.publicity.youth import PublicitySite, RuleOfLawVicePrincipal


class ThemeDaySerializer(serializers.ModelSerializer):
    class Meta:
        model = ThemeDay
        fields = ["id", "name", "month", "day", "days"]
        read_only_fields = fields


class ThemeDayViewSet(viewsets.ReadOnlyModelViewSet):
    """The national theme days: a table every agency shares, so not scoped."""

    queryset = ThemeDay.objects.all()
    serializer_class = ThemeDaySerializer
    ordering = ["month", "day", "pk"]


class PublicityFormatSerializer(serializers.ModelSerializer):
    class Meta:
        model = PublicityFormat
        fields = ["id", "name", "is_interactive"]
        read_only_fields = fields


class PublicityFormatViewSet(viewsets.ReadOnlyModelViewSet):
    """The forms publicity takes, shared by every agency."""

    queryset = PublicityFormat.objects.all()
    serializer_class = PublicityFormatSerializer
    ordering = ["name", "pk"]


class VicePrincipalFilterSet(django_filters.FilterSet):
    agency = AgencySubtreeFilter()

    class Meta:
        model = RuleOfLawVicePrincipal
        fields = ["agency", "officer"]


class VicePrincipalSerializer(serializers.ModelSerializer):
    officer_name = serializers.CharField(source="officer.name", read_only=True)

    class Meta:
        model = RuleOfLawVicePrincipal
        fields = ["id", "officer", "officer_name", "school", "appointed_on", "ended_on"]
        read_only_fields = fields


class VicePrincipalViewSet(ScopedReadOnlyModelViewSet):
    queryset = RuleOfLawVicePrincipal.objects.select_related("officer")
    serializer_class = VicePrincipalSerializer
    filterset_class = VicePrincipalFilterSet
    ordering = ["-appointed_on", "pk"]


class PublicitySiteFilterSet(django_filters.FilterSet):
    agency = AgencySubtreeFilter()

    class Meta:
        model = PublicitySite
        fields = ["agency", "kind"]


class PublicitySiteSerializer(serializers.ModelSerializer):
    class Meta:
        model = PublicitySite
        fields = ["id", "agency", "kind", "name", "place", "since", "until"]
        read_only_fields = fields


class PublicitySiteViewSet(ScopedReadOnlyModelViewSet):
    queryset = PublicitySite.objects.select_related("agency")
    serializer_class = PublicitySiteSerializer
    filterset_class = PublicitySiteFilterSet
    ordering = ["agency__path", "name", "pk"]
