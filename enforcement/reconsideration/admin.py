"""Admin of reconsideration cases and of the working-day calendar overrides."""

from __future__ import annotations

from django.contrib import admin
from django.core.exceptions import PermissionDenied
from django.forms.models import BaseInlineFormSet
from django.urls import path
from django.utils import timezone
from django.utils.html import format_html, format_html_join
from django.utils.translation import gettext_lazy as _

from enforcement.agencies.admin_base import ScopedModelAdmin, ScopedTabularInline, VersionedHistoryAdmin
from enforcement.agencies.calendar import CalendarDay, CalendarYear, WorkingCalendar
from enforcement.agencies.spreadsheet_admin import xlsx_response
from enforcement.agencies.wording import days_left_text
from enforcement.reconsideration.export import export_cases
from enforcement.reconsideration.models import (
    MAX_APPLICANTS,
    Applicant,
    CaseEvent,
    DeadlineWarning,
    ReconsiderationCase,
)
from enforcement.reconsideration.sequence import replay
from enforcement.reconsideration.services import change_events


class CaseEventFormSet(BaseInlineFormSet):
    """Checks the order of all the events of the form together, new ones included."""

    def _construct_form(self, i, **kwargs):
        form = super()._construct_form(i, **kwargs)
        # Each form alone would be checked against the stored events only.
        form.instance.check_sequence = False
        return form

    def clean(self) -> None:
        super().clean()
        if any(self.errors):
            return
        events = [
            form.instance
            for form in self.forms
            if not self._should_delete_form(form) and (form.instance.pk or form.has_changed())
        ]
        replay(events, procedure=self.instance.procedure, calendar=WorkingCalendar.load())


class ApplicantInline(ScopedTabularInline):
    model = Applicant
    extra = 1
    max_num = MAX_APPLICANTS
    validate_max = True
    fields = ["kind", "name"]


class CaseEventInline(ScopedTabularInline):
    model = CaseEvent
    formset = CaseEventFormSet
    extra = 1
    fields = ["occurred_on", "kind", "outcome", "days", "document_number", "note"]


class OverdueFilter(admin.SimpleListFilter):
    title = _("overdue")
    parameter_name = "overdue"

    def lookups(self, request, model_admin):
        return [("yes", _("Yes")), ("no", _("No"))]

    def queryset(self, request, queryset):
        overdue = queryset.overdue(timezone.localdate())
        if self.value() == "yes":
            return overdue
        if self.value() == "no":
            return queryset.exclude(pk__in=overdue.values("pk"))
        return queryset


class YearFilter(admin.SimpleListFilter):
    title = _("year received")
    parameter_name = "year"

    def lookups(self, request, model_admin):
        this_year = timezone.localdate().year
        return [(str(year), str(year)) for year in range(this_year, this_year - 6, -1)]

    def queryset(self, request, queryset):
        return queryset.received_in(int(self.value())) if self.value() else queryset


@admin.register(ReconsiderationCase)
class ReconsiderationCaseAdmin(VersionedHistoryAdmin):
    list_display = [
        "__str__",
        "applicant_names",
        "agency",
        "act_kind",
        "received_on",
        "status",
        "outcome",
        "next_deadline",
        "days_left",
    ]
    list_filter = ["status", "outcome", YearFilter, OverdueFilter, "procedure", "act_kind"]
    list_select_related = ["agency"]
    search_fields = ["organ_case_number", "act_document_number", "applicants__name"]
    autocomplete_fields = ["agency"]
    inlines = [ApplicantInline, CaseEventInline]
    change_list_template = "admin/enforcement/reconsiderationcase/change_list.html"
    readonly_fields = ["status", "outcome", "deadline_rules"]
    ESTIMATED = _("estimated")
    fieldsets = [
        (None, {"fields": ["agency", "organ_name", "organ_case_number", "officer", "procedure", "version"]}),
        (_("Contested act"), {"fields": ["act_kind", "act_title", "act_document_number", "act_date", "known_on"]}),
        (_("State"), {"fields": ["status", "outcome", "deadline_rules"]}),
        (None, {"fields": ["note"]}),
    ]

    def get_queryset(self, request):
        return super().get_queryset(request).with_overdue(timezone.localdate()).prefetch_related("applicants")

    def save_related(self, request, form, formsets, change) -> None:
        # The events go through the service that checks them together and
        # stores the case's status and deadlines once, after all of them.
        # A change of the procedure alone changes the periods too, so the service runs without events as well.
        events = next((formset for formset in formsets if formset.model is CaseEvent), None)
        form.save_m2m()
        for formset in formsets:
            if formset is not events:
                self.save_formset(request, form, formset, change)
        saved = events.save(commit=False) if events else []
        change_events(case=form.instance, saved=saved, deleted=events.deleted_objects if events else [])

    def _estimated(self, text: str, estimated: bool):
        if not estimated:
            return text
        return format_html('{} <span class="estimated" style="color:#a36b00">（{}）</span>', text, self.ESTIMATED)

    @admin.display(description=_("applicants"))
    def applicant_names(self, case: ReconsiderationCase) -> str:
        return "、".join(applicant.name for applicant in case.applicants.all()) or "—"

    def get_urls(self):
        export = self.admin_site.admin_view(self.export_view)
        return [path("export/", export, name="enforcement_reconsiderationcase_export"), *super().get_urls()]

    def export_view(self, request):
        """The cases the changelist shows, with the same filters and search, as a workbook."""
        if not self.has_view_permission(request):
            raise PermissionDenied
        cases = self.get_changelist_instance(request).get_queryset(request)
        return xlsx_response(export_cases(cases), f"reconsideration-cases-{timezone.localdate():%Y%m%d}.xlsx")

    @admin.display(description=_("next deadline"), ordering="next_deadline_on")
    def next_deadline(self, case: ReconsiderationCase):
        if case.next_deadline_on is None:
            return "—"
        text = f"{case.get_next_deadline_kind_display()} {case.next_deadline_on:%Y-%m-%d}"
        if getattr(case, "is_overdue", False):
            text = format_html('<strong style="color:#ba2121">{}</strong>', text)
        return self._estimated(text, case.next_deadline_estimated)

    @admin.display(description=_("days left"), ordering="next_deadline_on")
    def days_left(self, case: ReconsiderationCase):
        left = case.days_left()
        if left is None:
            return "—"
        text = days_left_text(case.next_deadline_on, timezone.localdate())
        if left < 0:
            return format_html('<strong style="color:#ba2121">{}</strong>', text)
        return text

    @admin.display(description=_("deadlines and their rules"))
    def deadline_rules(self, case: ReconsiderationCase):
        if not case.pk:
            return "—"
        today = timezone.localdate()
        rows = []
        # As stored by the service that recorded the last event: read, never recomputed here.
        for deadline in case.deadline_list():
            due = f"{deadline.due:%Y-%m-%d}" if deadline.due else _("clock stopped")
            state = _("met on %(date)s") % {"date": deadline.met_on} if deadline.met_on else ""
            style = "color:#ba2121;font-weight:bold" if deadline.watched and deadline.is_overdue(today) else ""
            rows.append((style, deadline.name, self._estimated(due, deadline.estimated), deadline.rule, state))
        return format_html_join("", '<div style="{}">{}：{} — {} {}</div>', rows) if rows else "—"


@admin.register(CalendarDay)
class CalendarDayAdmin(admin.ModelAdmin):
    list_display = ["date", "weekday", "is_working_day", "note"]
    list_filter = ["is_working_day"]
    date_hierarchy = "date"
    search_fields = ["note"]

    @admin.display(description=_("weekday"))
    def weekday(self, day: CalendarDay) -> str:
        return day.date.strftime("%a")

    def changelist_view(self, request, extra_context=None):
        published = CalendarYear.objects.filter(published=True).values_list("year", flat=True)
        extra_context = {
            **(extra_context or {}),
            "subtitle": _("Holiday schedules entered for %(years)s; deadlines in other years are estimates.")
            % {"years": "、".join(str(year) for year in sorted(published)) or "—"},
        }
        return super().changelist_view(request, extra_context)


@admin.register(CalendarYear)
class CalendarYearAdmin(admin.ModelAdmin):
    """A superuser ticks a year once the State Council's schedule is entered as calendar days."""

    list_display = ["year", "published", "note"]
    list_editable = ["published"]
    list_filter = ["published"]


@admin.register(DeadlineWarning)
class DeadlineWarningAdmin(ScopedModelAdmin):
    list_display = ["case", "deadline_kind", "due_on", "warning_kind", "created_at"]
    list_select_related = ["case"]
    list_filter = ["warning_kind", "deadline_kind"]

    def has_add_permission(self, request):
        return False

    def has_change_permission(self, request, obj=None):
        return False
