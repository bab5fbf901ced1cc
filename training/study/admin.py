from __future__ import annotations

from django import forms
from django.contrib import admin, messages
from django.contrib.admin.widgets import FilteredSelectMultiple
from django.core.exceptions import PermissionDenied, ValidationError
from django.db.models import Count
from django.http import Http404
from django.shortcuts import redirect
from django.template.response import TemplateResponse
from django.urls import path, reverse
from django.utils import timezone
from django.utils.html import format_html
from django.utils.translation import gettext
from django.utils.translation import gettext_lazy as _

from enforcement.agencies.admin_base import ScopedModelAdmin, ScopedTabularInline
from enforcement.agencies.spreadsheet_admin import year_filter
from enforcement.officers.models.officer import Officer
from training.officer_record import training_record
from training.records import OfficerTrainingRecord
from training.study.models import Attendance, StudyPlan, TrainingSession
from training.study.services import add_attendees
from training.study.stats import hours_credited_in


@admin.register(StudyPlan)
class StudyPlanAdmin(ScopedModelAdmin):
    list_display = ["agency", "year", "required_hours"]
    list_filter = ["year", ("agency", admin.RelatedOnlyFieldListFilter)]
    list_select_related = ["agency"]


class AttendanceInline(ScopedTabularInline):
    model = Attendance
    extra = 0
    fields = ["officer", "hours_credited"]
    raw_id_fields = ["officer"]


class AddAttendeesForm(forms.Form):
    officers = forms.ModelMultipleChoiceField(
        label=_("officers"), queryset=Officer.objects.none(), widget=FilteredSelectMultiple(_("officers"), False)
    )
    hours_credited = forms.DecimalField(
        label=_("hours credited"),
        required=False,
        min_value=0.1,
        decimal_places=1,
        help_text=_("Left empty, each officer is credited the session's hours."),
    )

    def __init__(self, *args, session: TrainingSession, user, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["officers"].queryset = (
            Officer.objects.visible_to(user).in_subtree_of(session.agency).in_service().select_related("agency")
        )


@admin.register(TrainingSession)
class TrainingSessionAdmin(ScopedModelAdmin):
    list_display = ["date", "title", "kind", "agency", "hours", "attendee_count"]
    list_filter = [year_filter("date"), "kind", ("agency", admin.RelatedOnlyFieldListFilter)]
    list_select_related = ["agency"]
    search_fields = ["title", "laws_covered", "speaker"]
    date_hierarchy = "date"
    inlines = [AttendanceInline]

    def get_queryset(self, request):
        return super().get_queryset(request).annotate(attendee_count=Count("attendances"))

    @admin.display(description=_("attendees"), ordering="attendee_count")
    def attendee_count(self, session: TrainingSession) -> str:
        url = reverse("admin:training_trainingsession_attendees", args=[session.pk])
        return format_html('{} · <a href="{}">{}</a>', session.attendee_count, url, gettext("add many"))

    def get_urls(self):
        view = self.admin_site.admin_view(self.add_attendees_view)
        return [
            path("<int:object_id>/attendees/", view, name="training_trainingsession_attendees"),
            *super().get_urls(),
        ]

    def add_attendees_view(self, request, object_id: int):
        session = self.get_object(request, str(object_id))
        if session is None:
            raise Http404
        if not self.has_change_permission(request, session):
            raise PermissionDenied
        form = AddAttendeesForm(request.POST or None, session=session, user=request.user)
        if request.method == "POST" and form.is_valid():
            try:
                added = add_attendees(
                    session=session,
                    officers=form.cleaned_data["officers"],
                    hours_credited=form.cleaned_data["hours_credited"],
                )
            except ValidationError as error:
                form.add_error("officers", error.message_dict.get("officers", error.messages))
            else:
                self.message_user(
                    request, gettext("%(count)s officers added to the session.") % {"count": added}, messages.SUCCESS
                )
                return redirect("admin:training_trainingsession_change", session.pk)
        context = {
            **self.admin_site.each_context(request),
            "opts": self.opts,
            "original": session,
            "title": gettext("Add attendees to %(session)s") % {"session": session},
            "form": form,
            "media": self.media + form.media,
        }
        return TemplateResponse(request, "admin/training/add_attendees.html", context)


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
