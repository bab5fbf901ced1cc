"""Admin of officers and their certificates: history with restore, refused concurrent edits, the Excel roster."""

from __future__ import annotations

import dataclasses

from django import forms
from django.contrib import admin
from django.core.exceptions import PermissionDenied, ValidationError
from django.urls import path, reverse
from django.utils import timezone
from django.utils.html import format_html
from django.utils.translation import gettext
from django.utils.translation import gettext_lazy as _
from simple_history.models import ModelChange
from simple_history.template_utils import HistoricalRecordContextHelper

from enforcement.agencies.admin_base import ScopedAdminMixin, ScopedTabularInline, VersionedForm, VersionedHistoryAdmin
from enforcement.agencies.models import Agency
from enforcement.agencies.spreadsheet_admin import ImportRefused, SpreadsheetImportMixin, xlsx_response
from enforcement.officers.admin_filters import CertificateValidityFilter, CertificationFilter, UnmatchedFieldsFilter
from enforcement.officers.admin_renewal import CertificateRenewalMixin
from enforcement.officers.certification import certificate_reason, with_validity_history
from enforcement.officers.models.certificate import (
    AnnualReview,
    Certificate,
    CertificateState,
    CertificateStatusChange,
    validate_status_change,
)
from enforcement.officers.models.officer import Officer, mask_id_number, may_see_full_id_numbers
from enforcement.officers.models.reminders import CertificateReminder, ReminderThreshold, UncertifiedOfficerReminder
from enforcement.officers.roster import (
    SHEET_COLUMNS,
    RosterRejected,
    certificate_pairs,
    export_roster,
    import_roster,
    officer_pairs,
    read_roster,
    roster_template,
)
from enforcement.officers.services import change_certificate_status, last_status_change_on


class MaskedIdNumberHistory(HistoricalRecordContextHelper):
    """The changes between two versions, with ID numbers masked for a reader who may not see them."""

    def format_delta_change(self, change: ModelChange) -> ModelChange:
        if change.field == "id_number":
            change = dataclasses.replace(change, old=mask_id_number(change.old), new=mask_id_number(change.new))
        return super().format_delta_change(change)


class CertificateInline(ScopedTabularInline):
    model = Certificate
    fields = ["number", "kind", "issuing_authority", "fields", "area", "issued_on", "valid_until", "status"]
    readonly_fields = ["status"]
    extra = 0
    show_change_link = True


@admin.register(Officer)
class OfficerAdmin(SpreadsheetImportMixin, VersionedHistoryAdmin):
    list_display = [
        "name",
        "id_number_column",
        "agency",
        "position",
        "is_leader",
        "is_enforcement_officer",
        "employment_status",
        "certified_today",
    ]
    list_select_related = ["agency"]
    list_filter = [
        CertificationFilter,
        ("agency", admin.RelatedOnlyFieldListFilter),
        "is_enforcement_officer",
        "is_leader",
        "employment_status",
        ("enforcement_fields", admin.RelatedOnlyFieldListFilter),
        UnmatchedFieldsFilter,
    ]
    # An ID number is found only whole (see OfficerFilterSet.filter_search).
    search_fields = ["name", "=certificates__number", "=id_number"]
    autocomplete_fields = ["agency", "enforcement_fields"]
    inlines = [CertificateInline]
    change_list_template = "admin/enforcement/officer/change_list.html"
    import_columns = SHEET_COLUMNS
    import_title = _("Import roster")
    import_template_url_name = "admin:enforcement_officer_roster_template"
    import_allows_good_rows_only = True

    def get_queryset(self, request):
        return super().get_queryset(request).with_certified(timezone.localdate())

    def get_fields(self, request, obj=None):
        fields = list(super().get_fields(request, obj))
        if not may_see_full_id_numbers(request.user):
            fields = ["id_number_masked" if name == "id_number" else name for name in fields]
        return fields

    def get_readonly_fields(self, request, obj=None):
        readonly = list(super().get_readonly_fields(request, obj))
        return readonly if may_see_full_id_numbers(request.user) else [*readonly, "id_number_masked"]

    def get_historical_record_context_helper(self, request, historical_record):
        if may_see_full_id_numbers(request.user):
            return super().get_historical_record_context_helper(request, historical_record)
        return MaskedIdNumberHistory(self.model, historical_record)

    # Lists are masked for everyone: a list is read over shoulders and printed;
    # the full number is on the officer's own page for those allowed to see it.
    @admin.display(description=_("resident ID number"))
    def id_number_column(self, officer: Officer) -> str:
        return officer.masked_id_number

    @admin.display(description=_("resident ID number"))
    def id_number_masked(self, officer: Officer) -> str:
        return officer.masked_id_number

    @admin.display(description=_("certified today"), boolean=True, ordering="is_certified")
    def certified_today(self, officer: Officer) -> bool:
        return officer.is_certified

    def get_urls(self):
        view = self.admin_site.admin_view
        return [
            path("roster/template/", view(self.roster_template_view), name="enforcement_officer_roster_template"),
            path("roster/export/", view(self.export_roster_view), name="enforcement_officer_export"),
            *super().get_urls(),
        ]

    def roster_template_view(self, request):
        if not self.has_view_permission(request):
            raise PermissionDenied
        return xlsx_response(roster_template(), "roster-template.xlsx")

    def export_roster_view(self, request):
        """The roster of the officers the changelist shows with the same filters and search."""
        if not self.has_view_permission(request):
            raise PermissionDenied
        officers = self.get_changelist_instance(request).get_queryset(request)
        content = export_roster(officer_pairs(officers), full_id_numbers=may_see_full_id_numbers(request.user))
        return xlsx_response(content, f"roster-{timezone.localdate():%Y%m%d}.xlsx")

    def has_import_permission(self, request) -> bool:
        return self.has_add_permission(request) and self.has_change_permission(request)

    def import_check(self, request, file, form):
        return read_roster(file, agencies=Agency.objects.visible_to(request.user))

    def import_write(self, request, file, form, *, good_rows_only):
        check = read_roster(file, agencies=Agency.objects.visible_to(request.user))
        try:
            result = import_roster(check, skip_bad_rows=good_rows_only, user=request.user)
        except RosterRejected:
            raise ImportRefused(check) from None
        return gettext(
            "Roster imported: %(created)d officers added, %(updated)d updated, "
            "%(certificates)d certificates added, %(skipped)d rows skipped."
        ) % {
            "created": result.officers_created,
            "updated": result.officers_updated,
            "certificates": result.certificates_created + result.certificates_updated,
            "skipped": result.rows_skipped,
        }


class CertificateStatusChangeInline(ScopedTabularInline):
    model = CertificateStatusChange
    fields = ["changed_on", "previous_status", "status", "reason", "changed_by"]
    readonly_fields = fields
    extra = 0
    can_delete = False

    def has_add_permission(self, request, obj=None):
        return False


class AnnualReviewInline(ScopedTabularInline):
    model = AnnualReview
    fields = ["year", "result", "reviewed_on", "note"]
    extra = 0


class CertificateAdminForm(VersionedForm):
    status_reason = forms.CharField(
        label=_("reason for the change of status"), required=False, widget=forms.Textarea(attrs={"rows": 2})
    )
    status_changed_on = forms.DateField(label=_("status changed on"), required=False, help_text=_("Default today."))

    class Meta:
        model = Certificate
        fields = "__all__"

    def clean(self):
        cleaned = super().clean()
        if self.instance.pk and "status" in self.changed_data and cleaned.get("status"):
            # The rule is the service's (validate_status_change); the form only shows its answer early.
            try:
                validate_status_change(
                    current=self.initial["status"],
                    new=cleaned["status"],
                    reason=cleaned.get("status_reason") or "",
                    on=cleaned.get("status_changed_on") or timezone.localdate(),
                    last_change_on=last_status_change_on(self.instance),
                )
            except ValidationError as error:
                fields = {"reason": "status_reason", "changed_on": "status_changed_on"}
                for field, messages_ in error.message_dict.items():
                    for message in messages_:
                        self.add_error(fields.get(field, field), message)
        return cleaned


@admin.register(Certificate)
class CertificateAdmin(CertificateRenewalMixin, VersionedHistoryAdmin):
    form = CertificateAdminForm
    list_display = [
        "number",
        "officer",
        "agency",
        "kind",
        "issued_on",
        "valid_until",
        "days_left_shown",
        "state_today",
        "reason_today",
    ]
    list_select_related = ["officer__agency"]
    list_filter = [
        CertificateValidityFilter,
        "kind",
        ("fields", admin.RelatedOnlyFieldListFilter),
        UnmatchedFieldsFilter,
    ]
    search_fields = ["number", "officer__name", "=officer__id_number"]
    autocomplete_fields = ["officer", "replaces", "fields"]
    readonly_fields = ["days_left_shown", "verification_link"]
    inlines = [CertificateStatusChangeInline, AnnualReviewInline]
    change_list_template = "admin/enforcement/certificate/change_list.html"
    date_hierarchy = "valid_until"

    @admin.display(description=_("agency"), ordering="officer__agency__path")
    def agency(self, certificate: Certificate) -> Agency:
        return certificate.officer.agency

    def get_queryset(self, request):
        return with_validity_history(super().get_queryset(request))

    @admin.display(description=_("days left"), ordering="valid_until")
    def days_left_shown(self, certificate: Certificate) -> str:
        return self.days_left(certificate)

    @admin.display(description=_("state today"))
    def state_today(self, certificate: Certificate) -> str:
        return CertificateState(certificate.state_on(timezone.localdate())).label

    @admin.display(description=_("why"))
    def reason_today(self, certificate: Certificate) -> str:
        return certificate_reason(certificate, timezone.localdate())

    @admin.display(description=_("public verification"))
    def verification_link(self, certificate: Certificate) -> str:
        if not certificate.pk:
            return "—"
        page = reverse("certificate-verify", args=[certificate.verification_token])
        qr = reverse("certificate-verify-qr", args=[certificate.verification_token])
        return format_html('<a href="{}" target="_blank">{}</a> · <a href="{}">{}</a>', page, page, qr, _("QR code"))

    def save_model(self, request, obj, form, change):
        if not (change and "status" in form.changed_data):
            return super().save_model(request, obj, form, change)
        new_status = obj.status
        obj.status = form.initial["status"]
        super().save_model(request, obj, form, change)
        changed = change_certificate_status(
            certificate=obj,
            status=new_status,
            reason=form.cleaned_data["status_reason"],
            on=form.cleaned_data.get("status_changed_on") or timezone.localdate(),
            by=request.user,
        )
        obj.status, obj.version = changed.status, changed.version
        return None

    def get_urls(self):
        return [
            path(
                "export/",
                self.admin_site.admin_view(self.export_roster_view),
                name="enforcement_certificate_export",
            ),
            *super().get_urls(),
        ]

    def export_roster_view(self, request):
        if not self.has_view_permission(request):
            raise PermissionDenied
        certificates = self.get_changelist_instance(request).get_queryset(request)
        return xlsx_response(
            export_roster(certificate_pairs(certificates), full_id_numbers=may_see_full_id_numbers(request.user)),
            f"certificates-{timezone.localdate():%Y%m%d}.xlsx",
        )


@admin.register(ReminderThreshold)
class ReminderThresholdAdmin(admin.ModelAdmin):
    # Thresholds apply to every agency: the roles grant only viewing them (enforcement/roles.py).
    list_display = ["kind", "days"]
    list_filter = ["kind"]


class ReadOnlyLogAdmin(ScopedAdminMixin, admin.ModelAdmin):
    def has_add_permission(self, request):
        return False

    def has_change_permission(self, request, obj=None):
        return False


@admin.register(CertificateReminder)
class CertificateReminderAdmin(ReadOnlyLogAdmin):
    list_display = ["certificate", "threshold_days", "valid_until", "created_at"]
    list_select_related = ["certificate"]
    date_hierarchy = "created_at"


@admin.register(UncertifiedOfficerReminder)
class UncertifiedOfficerReminderAdmin(ReadOnlyLogAdmin):
    list_display = ["officer", "reason", "created_at"]
    list_select_related = ["officer"]
    date_hierarchy = "created_at"
    fields = readonly_fields = ["officer", "reason", "created_at"]

    @admin.display(description=_("situation"))
    def reason(self, reminder: UncertifiedOfficerReminder) -> str:
        return reminder.reason
