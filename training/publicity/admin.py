from __future__ import annotations

from django.contrib import admin
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from enforcement.agencies.admin_base import ScopedModelAdmin, ScopedTabularInline, VersionedHistoryAdmin
from enforcement.agencies.spreadsheet_admin import (
    AgencyImportForm,
    ImportRefused,
    SpreadsheetImportMixin,
    rows_written,
    year_filter,
)
from enforcement.agencies.spreadsheets import import_sheet
from training.publicity.imports import ACTIVITY_COLUMNS, activity_row, save_activity
from training.publicity.models import ActivityPhoto, Audience, PublicityActivity, PublicityFormat, ThemeDay
from training.publicity.youth import PublicitySite, RuleOfLawVicePrincipal


@admin.register(ThemeDay)
class ThemeDayAdmin(admin.ModelAdmin):
    list_display = ["name", "month", "day", "days"]


@admin.register(PublicityFormat)
class PublicityFormatAdmin(admin.ModelAdmin):
    list_display = ["name", "is_interactive"]
    list_filter = ["is_interactive"]


@admin.register(Audience)
class AudienceAdmin(admin.ModelAdmin):
    list_display = ["name", "is_youth"]


class ActivityPhotoInline(ScopedTabularInline):
    model = ActivityPhoto
    extra = 1
    fields = ["image", "caption"]


class DatedLaterFilter(admin.SimpleListFilter):
    """Activities dated after today: left out of the yearly figures until their day comes."""

    title = _("date")
    parameter_name = "dated"

    def lookups(self, request, model_admin):
        return [("later", _("Dated after today (not counted in the statistics)"))]

    def queryset(self, request, queryset):
        if self.value() == "later":
            return queryset.filter(start_date__gt=timezone.localdate())
        return queryset


@admin.register(PublicityActivity)
class PublicityActivityAdmin(SpreadsheetImportMixin, VersionedHistoryAdmin):
    list_display = ["start_date", "title", "agency", "theme", "format_names", "participants", "materials"]
    list_filter = [
        DatedLaterFilter,
        year_filter("start_date"),
        "theme",
        "formats",
        "audiences",
        "formats__is_interactive",
        ("agency", admin.RelatedOnlyFieldListFilter),
    ]
    list_select_related = ["agency", "theme"]
    search_fields = ["title", "place", "laws_promoted", "school"]
    date_hierarchy = "start_date"
    filter_horizontal = ["formats", "audiences"]
    autocomplete_fields = ["vice_principal"]
    inlines = [ActivityPhotoInline]
    import_form_class = AgencyImportForm
    import_columns = ACTIVITY_COLUMNS
    import_title = _("Import an activity log from Excel")

    def get_queryset(self, request):
        return super().get_queryset(request).prefetch_related("formats")

    @admin.display(description=_("formats"))
    def format_names(self, activity: PublicityActivity) -> str:
        return "、".join(fmt.name for fmt in activity.formats.all())

    def _import(self, file, form, *, commit: bool):
        return import_sheet(
            file,
            columns=ACTIVITY_COLUMNS,
            validate=activity_row(agency=form.cleaned_data["agency"]),
            save=save_activity,
            commit=commit,
        )

    def import_check(self, request, file, form):
        return self._import(file, form, commit=False)

    def import_write(self, request, file, form, *, good_rows_only):
        outcome = self._import(file, form, commit=True)
        if not outcome.written:
            raise ImportRefused(outcome)
        return rows_written(outcome.written)


@admin.register(RuleOfLawVicePrincipal)
class VicePrincipalAdmin(ScopedModelAdmin):
    list_display = ["officer", "school", "appointed_on", "ended_on"]
    list_filter = [year_filter("appointed_on"), ("officer__agency", admin.RelatedOnlyFieldListFilter)]
    list_select_related = ["officer"]
    search_fields = ["officer__name", "school"]
    autocomplete_fields = ["officer"]


@admin.register(PublicitySite)
class PublicitySiteAdmin(ScopedModelAdmin):
    list_display = ["name", "kind", "agency", "place", "since", "until"]
    list_filter = ["kind", ("agency", admin.RelatedOnlyFieldListFilter)]
    list_select_related = ["agency"]
    search_fields = ["name", "place"]
