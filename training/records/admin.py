"""An officer's training record: their hours for a year and, on their page, the whole record."""

from django.contrib import admin
from django.http import Http404
from django.template.response import TemplateResponse
from django.utils import timezone
from django.utils.translation import gettext
from django.utils.translation import gettext_lazy as _

from enforcement.agencies.admin_base import ScopedModelAdmin
from training.records.models import OfficerTrainingRecord
from training.records.record import training_record
from training.study.stats import hours_credited_in


class RecordYearFilter(admin.SimpleListFilter):
    """Which year's hours the list shows; the current year by default."""

    title = _("year")
    parameter_name = "year"

    def lookups(self, request, model_admin):
        this_year = timezone.localdate().year
        return [(str(year), str(year)) for year in range(this_year, this_year - 6, -1)]

    def queryset(self, request, queryset):
        return queryset


def record_year(request) -> int:
    raw = request.GET.get("year", "")
    return int(raw) if raw.isdigit() else timezone.localdate().year


@admin.register(OfficerTrainingRecord)
class OfficerTrainingRecordAdmin(ScopedModelAdmin):
    """Each officer's hours for a year; an officer's page is their training record for that year."""

    list_display = ["name", "agency", "is_leader", "is_enforcement_officer", "hours_in_year"]
    list_filter = [
        RecordYearFilter,
        "is_enforcement_officer",
        "is_leader",
        ("agency", admin.RelatedOnlyFieldListFilter),
    ]
    list_select_related = ["agency"]
    search_fields = ["name"]

    def get_queryset(self, request):
        return (
            super().get_queryset(request).in_service().annotate(hours_in_year=hours_credited_in(record_year(request)))
        )

    @admin.display(description=_("hours credited in the year"), ordering="hours_in_year")
    def hours_in_year(self, officer) -> str:
        return officer.hours_in_year

    def has_add_permission(self, request):
        return False

    def has_delete_permission(self, request, obj=None):
        return False

    def change_view(self, request, object_id, form_url="", extra_context=None):
        officer = self.get_object(request, object_id)
        if officer is None or not self.has_view_permission(request, officer):
            raise Http404
        year = record_year(request)
        context = {
            **self.admin_site.each_context(request),
            "opts": self.opts,
            "original": officer,
            "title": gettext("Training record of %(name)s for %(year)s") % {"name": officer.name, "year": year},
            "record": training_record(officer, year),
            "years": range(timezone.localdate().year, timezone.localdate().year - 6, -1),
        }
        return TemplateResponse(request, "admin/training/officer_training_record.html", context)
