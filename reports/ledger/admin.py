"""The ledger in the admin: scoped like every other record, with history, and warnings at entry."""

from __future__ import annotations

from django import forms
from django.contrib import admin, messages
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from enforcement.agencies.admin_base import ScopedHistoryAdmin, ScopedTabularInline

from .models import (
    AdviserMatter,
    Dispute,
    FilingPeriod,
    LeadingGroup,
    LeadingGroupMeeting,
    LeadingGroupMember,
    LegalAdviser,
    MajorDecision,
    MandatoryDecisionStep,
    NormativeDocument,
    ResponsiblePerson,
    RuleOfLawReport,
    WorkPlan,
)
from .services import strangers_at


class LedgerAdmin(ScopedHistoryAdmin):
    list_select_related = ["agency"]
    list_filter = ["agency"]

    def record_warnings(self, obj) -> list[str]:
        return []

    def save_model(self, request, obj, form, change):
        super().save_model(request, obj, form, change)
        # The ledger records what happened; what the rules forbid is said at once, not refused.
        for warning in self.record_warnings(obj):
            self.message_user(request, f"{obj}: {warning}", messages.WARNING)


@admin.register(ResponsiblePerson)
class ResponsiblePersonAdmin(LedgerAdmin):
    list_display = ["name", "position", "role", "agency", "started_on", "ended_on"]
    search_fields = ["name", "position"]


class LeadingGroupMemberInline(ScopedTabularInline):
    model = LeadingGroupMember
    extra = 1
    fields = ["name", "position", "group_role", "joined_on", "left_on"]


@admin.register(LeadingGroup)
class LeadingGroupAdmin(LedgerAdmin):
    list_display = ["name", "agency", "established_on", "dissolved_on"]
    search_fields = ["name"]
    inlines = [LeadingGroupMemberInline]


class LeadingGroupMeetingForm(forms.ModelForm):
    class Meta:
        model = LeadingGroupMeeting
        fields = ["group", "held_on", "place", "topics", "topics_count", "decisions_count", "attendees"]

    def clean(self):
        # The same rule as services.save_leading_group_meeting: attendees are members on the day.
        cleaned = super().clean()
        group, held_on, attendees = cleaned.get("group"), cleaned.get("held_on"), cleaned.get("attendees")
        if group and held_on and attendees is not None:
            refusal = strangers_at(group, held_on, attendees)
            if refusal:
                self.add_error("attendees", refusal)
        return cleaned


@admin.register(LeadingGroupMeeting)
class LeadingGroupMeetingAdmin(ScopedHistoryAdmin):
    form = LeadingGroupMeetingForm
    list_display = ["group", "held_on", "topics_count", "decisions_count"]
    list_select_related = ["group__agency"]
    list_filter = ["held_on"]
    filter_horizontal = ["attendees"]
    date_hierarchy = "held_on"


@admin.register(RuleOfLawReport)
class RuleOfLawReportAdmin(LedgerAdmin):
    list_display = ["person", "year", "reported_on", "venue", "agency"]
    list_select_related = ["agency", "person"]


@admin.register(WorkPlan)
class WorkPlanAdmin(LedgerAdmin):
    list_display = ["title", "agency", "year", "no_major_decisions", "no_normative_documents"]


@admin.register(MajorDecision)
class MajorDecisionAdmin(LedgerAdmin):
    list_display = ["title", "agency", "category", "catalogue_year", "legality_result", "discussed_on", "decided_on"]
    list_filter = ["category", "catalogue_year", "legality_result"]
    search_fields = ["title"]
    fieldsets = [
        (None, {"fields": ["agency", "title", "category", "catalogue_year"]}),
        (
            _("Public participation, expert argument, risk assessment"),
            {
                "fields": [
                    ("public_comment_from", "public_comment_until", "public_comments"),
                    "expert_argued_on",
                    "risk_assessed_on",
                ]
            },
        ),
        (_("Legality review"), {"fields": [("legality_reviewed_on", "legality_reviewer", "legality_result")]}),
        (_("Collective discussion"), {"fields": [("discussed_on", "discussion_meeting", "discussion_attendees")]}),
        (_("Decision, publication, archive"), {"fields": ["decided_on", "published_on", "archived_on"]}),
    ]

    def record_warnings(self, obj) -> list[str]:
        return obj.warnings()


@admin.register(NormativeDocument)
class NormativeDocumentAdmin(LedgerAdmin):
    list_display = ["number", "title", "agency", "review_result", "issued_on", "published_on", "filed_on"]
    list_filter = ["review_result", "cleanup_result"]
    search_fields = ["title", "number"]

    def record_warnings(self, obj) -> list[str]:
        return obj.warnings(timezone.localdate())


@admin.register(LegalAdviser)
class LegalAdviserAdmin(LedgerAdmin):
    list_display = ["name", "kind", "firm", "agency", "contract_from", "contract_until"]
    search_fields = ["name", "firm"]


@admin.register(AdviserMatter)
class AdviserMatterAdmin(LedgerAdmin):
    list_display = ["subject", "kind", "adviser", "agency", "handled_on"]
    list_filter = ["kind"]
    list_select_related = ["agency", "adviser"]
    date_hierarchy = "handled_on"


@admin.register(Dispute)
class DisputeAdmin(LedgerAdmin):
    list_display = ["summary", "kind", "agency", "received_on", "outcome", "concluded_on"]
    list_filter = ["kind", "outcome"]
    search_fields = ["summary"]
    date_hierarchy = "received_on"


# Shared tables of the province's rules: superusers edit them; the roles only read (enforcement/roles.py).
@admin.register(MandatoryDecisionStep)
class MandatoryDecisionStepAdmin(admin.ModelAdmin):
    list_display = ["province", "category", "step", "basis"]
    list_filter = ["province", "category", "step"]


@admin.register(FilingPeriod)
class FilingPeriodAdmin(admin.ModelAdmin):
    list_display = ["province", "days", "basis"]
