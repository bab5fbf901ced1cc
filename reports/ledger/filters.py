"""One FilterSet per ledger resource: `agency` (its subtree), the year of its defining day, its kinds."""

from __future__ import annotations

import django_filters
from django.utils.translation import gettext_lazy as _

from enforcement.agencies.filters import AgencySubtreeFilter, YearFilter

from .models import (
    AdviserMatter,
    DecisionCategory,
    Dispute,
    DisputeKind,
    DisputeOutcome,
    LeadingGroup,
    LeadingGroupMeeting,
    LeadingGroupMember,
    LegalAdviser,
    MajorDecision,
    MatterKind,
    NormativeDocument,
    ResponsiblePerson,
    ResponsibleRole,
    ReviewResult,
    RuleOfLawReport,
    WorkPlan,
)


class ResponsiblePersonFilterSet(django_filters.FilterSet):
    agency = AgencySubtreeFilter()
    role = django_filters.MultipleChoiceFilter(choices=ResponsibleRole.choices)
    serving_in = YearFilter(method="filter_serving_in", label=_("In post during the year"))

    class Meta:
        model = ResponsiblePerson
        fields = ["agency", "role", "serving_in"]

    def filter_serving_in(self, queryset, name, value):
        return queryset.serving_in(int(value))


class LeadingGroupFilterSet(django_filters.FilterSet):
    agency = AgencySubtreeFilter()

    class Meta:
        model = LeadingGroup
        fields = ["agency"]


class LeadingGroupMemberFilterSet(django_filters.FilterSet):
    agency = AgencySubtreeFilter()
    group = django_filters.NumberFilter(field_name="group_id")

    class Meta:
        model = LeadingGroupMember
        fields = ["agency", "group", "group_role"]


class LeadingGroupMeetingFilterSet(django_filters.FilterSet):
    agency = AgencySubtreeFilter()
    group = django_filters.NumberFilter(field_name="group_id")
    year = YearFilter(field_name="held_on")

    class Meta:
        model = LeadingGroupMeeting
        fields = ["agency", "group", "year"]


class RuleOfLawReportFilterSet(django_filters.FilterSet):
    agency = AgencySubtreeFilter()
    year = django_filters.NumberFilter()

    class Meta:
        model = RuleOfLawReport
        fields = ["agency", "year"]


class WorkPlanFilterSet(django_filters.FilterSet):
    agency = AgencySubtreeFilter()
    year = django_filters.NumberFilter()

    class Meta:
        model = WorkPlan
        fields = ["agency", "year"]


class MajorDecisionFilterSet(django_filters.FilterSet):
    agency = AgencySubtreeFilter()
    year = YearFilter(field_name="decided_on", label=_("Year decided"))
    catalogue_year = django_filters.NumberFilter()
    category = django_filters.MultipleChoiceFilter(choices=DecisionCategory.choices)
    legality_result = django_filters.MultipleChoiceFilter(choices=ReviewResult.choices)
    discussed = django_filters.BooleanFilter(field_name="discussed_on", lookup_expr="isnull", exclude=True)

    class Meta:
        model = MajorDecision
        fields = ["agency", "year", "catalogue_year", "category", "legality_result", "discussed"]


class NormativeDocumentFilterSet(django_filters.FilterSet):
    agency = AgencySubtreeFilter()
    year = YearFilter(field_name="issued_on", label=_("Year issued"))
    review_result = django_filters.MultipleChoiceFilter(choices=ReviewResult.choices)
    filed = django_filters.BooleanFilter(field_name="filed_on", lookup_expr="isnull", exclude=True)

    class Meta:
        model = NormativeDocument
        fields = ["agency", "year", "review_result", "filed"]


class LegalAdviserFilterSet(django_filters.FilterSet):
    agency = AgencySubtreeFilter()
    under_contract_in = YearFilter(method="filter_under_contract_in", label=_("Under contract in"))

    class Meta:
        model = LegalAdviser
        fields = ["agency", "kind", "under_contract_in"]

    def filter_under_contract_in(self, queryset, name, value):
        return queryset.under_contract_in(int(value))


class AdviserMatterFilterSet(django_filters.FilterSet):
    agency = AgencySubtreeFilter()
    year = YearFilter(field_name="handled_on")
    kind = django_filters.MultipleChoiceFilter(choices=MatterKind.choices)
    adviser = django_filters.NumberFilter(field_name="adviser_id")

    class Meta:
        model = AdviserMatter
        fields = ["agency", "year", "kind", "adviser"]


class DisputeFilterSet(django_filters.FilterSet):
    agency = AgencySubtreeFilter()
    year = YearFilter(field_name="received_on")
    kind = django_filters.MultipleChoiceFilter(choices=DisputeKind.choices)
    outcome = django_filters.MultipleChoiceFilter(choices=DisputeOutcome.choices)

    class Meta:
        model = Dispute
        fields = ["agency", "year", "kind", "outcome"]
