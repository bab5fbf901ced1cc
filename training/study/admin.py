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
from django.utils.html import format_html
from django.utils.translation import gettext
from django.utils.translation import gettext_lazy as _

from enforcement.agencies.admin_base import ScopedModelAdmin, ScopedTabularInline, VersionedHistoryAdmin
from enforcement.agencies.spreadsheet_admin import year_filter
from enforcement.officers.models.officer import Officer
from training.study.models import Attendance, StudyPlan, TrainingSession
from training.study.services import add_attendees


@admin.register(StudyPlan)
class StudyPlanAdmin(ScopedModelAdmin):
    list_display = ["agency", "year", "required_hours", "group_study_sessions"]
    list_filter = ["year", ("agency", admin.RelatedOnlyFieldListFilter)]
    list_select_related = ["agency"]


class AttendanceInline(ScopedTabularInline):
    model = Attendance
    extra = 0
    fields = ["officer", "hours_credited"]
    autocomplete_fields = ["officer"]


class OfficerChoices(forms.ModelMultipleChoiceField):
    # Two officers of the same name are told apart by their agency.
    def label_from_instance(self, officer: Officer) -> str:
        return f"{officer.name}（{officer.agency.name}）"


class AddAttendeesForm(forms.Form):
    officers = OfficerChoices(
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
class TrainingSessionAdmin(VersionedHistoryAdmin):
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
        view = self.admin_site.admin_view
        return [
            path(
                "<int:object_id>/attendees/", view(self.add_attendees_view), name="training_trainingsession_attendees"
            ),
            path("<int:object_id>/sign-in/", view(self.sign_in_sheet_view), name="training_trainingsession_sign_in"),
            *super().get_urls(),
        ]

    def sign_in_sheet_view(self, request, object_id: int):
        """The printable sign-in sheet (签到表): the attendees recorded, or else everyone expected, and blank rows."""
        session = self.get_object(request, str(object_id))
        if session is None:
            raise Http404
        recorded = Officer.objects.filter(attendances__session=session)
        expected = Officer.objects.visible_to(request.user).in_subtree_of(session.agency).in_service()
        officers = (
            (recorded if recorded.exists() else expected).select_related("agency").order_by("agency__path", "name")
        )
        context = {"session": session, "officers": officers, "blank_rows": range(5)}
        return TemplateResponse(request, "admin/training/sign_in_sheet.html", context)

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
