"""The publicity-activities resource."""

import django_filters
from django.db.models import Prefetch
from django.utils.translation import gettext_lazy as _
from rest_framework import serializers
from rest_framework.negotiation import DefaultContentNegotiation
from rest_framework.settings import api_settings

from enforcement.agencies.api import agency_field
from enforcement.agencies.filters import AgencySubtreeFilter, YearFilter
from lawgov.api.fields import ScopedPrimaryKeyRelatedField
from lawgov.api.serializers import ModelCleanMixin, VersionCheckMixin
from lawgov.api.views import ScopedModelViewSet
from training.publicity.models import Audience, PublicityActivity, PublicityFormat, ThemeDay
from training.publicity.youth import RuleOfLawVicePrincipal


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


class PublicityActivitySerializer(VersionCheckMixin, ModelCleanMixin, serializers.ModelSerializer):
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
            "version",
        ]
        extra_kwargs = {"formats": {"allow_empty": False}}


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
