"""Admin of penalty cases for a team lead: open cases by next deadline, events and files through the services."""

from __future__ import annotations

from django import forms
from django.contrib import admin
from django.core.exceptions import ValidationError
from django.urls import path, reverse
from django.utils import timezone
from django.utils.html import format_html, format_html_join
from django.utils.translation import gettext_lazy as _

from enforcement.agencies.admin_base import ScopedModelAdmin, ScopedTabularInline, VersionedForm, VersionedHistoryAdmin
from enforcement.cases import services
from enforcement.cases.admin_autocomplete import URL_NAME, CertifiedOfficerAutocomplete, CertifiedOfficersSelect
from enforcement.cases.models import EnforcementCase, EnforcementEvent, EventFile, Party, Penalty
from enforcement.officers.models.officer import Officer

RED = '<strong style="color:#ba2121">{}</strong>'


class PartyInline(ScopedTabularInline):
    model = Party
    extra = 1
    fields = ["kind", "name", "id_number", "credit_code"]


class PenaltyInline(ScopedTabularInline):
    model = Penalty
    extra = 1
    fields = ["kind", "amount", "description"]


class EventInline(ScopedTabularInline):
    """The events, read-only: an event is recorded once, through the service, and never edited."""

    model = EnforcementEvent
    extra = 0
    can_delete = False
    show_change_link = True
    fields = ["occurred_on", "kind", "acting_officers", "outcome", "document_number", "file_count"]
    readonly_fields = fields

    def has_add_permission(self, request, obj=None):
        return False

    def has_change_permission(self, request, obj=None):
        return False

    @admin.display(description=_("officers"))
    def acting_officers(self, event: EnforcementEvent) -> str:
        return "、".join(link.officer.name for link in event.officer_links.all())

    @admin.display(description=_("files"))
    def file_count(self, event: EnforcementEvent) -> int:
        return len(event.files.all())

    def get_queryset(self, request):
        return super().get_queryset(request).prefetch_related("officer_links__officer", "files")


class EnforcementCaseForm(VersionedForm):
    """The handlers are checked as the service checks them: at least two, certified for the field."""

    def clean(self):
        cleaned = super().clean()
        handlers, field, agency = cleaned.get("handlers"), cleaned.get("field"), cleaned.get("agency")
        day = cleaned.get("discovered_on")
        if handlers is not None and field and agency and day:
            refusals = services.officer_refusals(
                officers=services.with_certificates_list(handlers), field=field, agency=agency, day=day
            )
            if refusals:
                self.add_error("handlers", refusals)
        return cleaned


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


@admin.register(EnforcementCase)
class EnforcementCaseAdmin(VersionedHistoryAdmin):
    form = EnforcementCaseForm
    list_display = ["__str__", "agency", "field", "procedure", "status", "next_deadline", "days_left"]
    list_filter = ["status", OverdueFilter, "procedure", "field"]
    list_select_related = ["agency", "field"]
    search_fields = ["number", "parties__name", "act"]
    autocomplete_fields = ["agency", "field", "handlers"]
    inlines = [PartyInline, PenaltyInline, EventInline]
    readonly_fields = ["number", "status", "outcome", "deadline_rules", "add_event"]
    ordering = ["next_deadline_on", "-pk"]
    fieldsets = [
        (None, {"fields": ["agency", "number", "procedure", "field", "handlers", "version"]}),
        (
            _("The act"),
            {
                "fields": [
                    "act",
                    "act_place",
                    "act_on",
                    "act_ended_on",
                    "discovered_on",
                    "harm_to_life_health_or_finance",
                    "act_basis",
                    "penalty_basis",
                ]
            },
        ),
        (_("Review and discussion"), {"fields": ["major_public_interest", "major_rights", "complex"]}),
        (_("State"), {"fields": ["status", "outcome", "deadline_rules", "add_event"]}),
        (None, {"fields": ["note"]}),
    ]

    def get_urls(self):
        view = CertifiedOfficerAutocomplete.as_view(admin_site=self.admin_site, case_admin=self)
        return [path("certified-officers/", self.admin_site.admin_view(view), name=URL_NAME), *super().get_urls()]

    def formfield_for_manytomany(self, db_field, request, **kwargs):
        if db_field.name == "handlers":
            # The day the form checks the handlers on (EnforcementCaseForm.clean).
            forward = {"enforcement_field": "field", "on": "discovered_on"}
            kwargs["widget"] = CertifiedOfficersSelect(
                db_field, self.admin_site, forward=forward, using=kwargs.get("using")
            )
        return super().formfield_for_manytomany(db_field, request, **kwargs)

    def save_related(self, request, form, formsets, change):
        super().save_related(request, form, formsets, change)
        services.refresh_case(form.instance)

    @admin.display(description=_("next deadline"), ordering="next_deadline_on")
    def next_deadline(self, case: EnforcementCase):
        if case.next_deadline_on is None:
            return "—"
        text = f"{case.get_next_deadline_kind_display()} {case.next_deadline_on:%Y-%m-%d}"
        return format_html(RED, text) if case.is_overdue() else text

    @admin.display(description=_("days left"), ordering="next_deadline_on")
    def days_left(self, case: EnforcementCase):
        left = case.days_left()
        if left is None:
            return "—"
        return format_html(RED, left) if left < 0 else left

    @admin.display(description=_("deadlines and their rules"))
    def deadline_rules(self, case: EnforcementCase):
        if not case.pk:
            return "—"
        today = timezone.localdate()
        rows = []
        for deadline in services.case_deadlines(case):
            state = _("met on %(date)s") % {"date": deadline.met_on} if deadline.met_on else ""
            style = "color:#ba2121;font-weight:bold" if deadline.watched and deadline.is_overdue(today) else ""
            estimated = _("(estimated)") if deadline.estimated else ""
            rows.append((style, deadline.name, f"{deadline.due:%Y-%m-%d}", estimated, deadline.rule, state))
        return format_html_join("", '<div style="{}">{}：{} {} — {} {}</div>', rows) if rows else "—"

    @admin.display(description=_("record an event"))
    def add_event(self, case: EnforcementCase):
        if not case.pk:
            return "—"
        url = reverse("admin:enforcement_enforcementevent_add") + f"?case={case.pk}"
        return format_html('<a class="button" href="{}">{}</a>', url, _("Record an event"))


class EventFileForm(forms.ModelForm):
    class Meta:
        model = EventFile
        fields = ["file", "supersedes"]


class EventFileInline(ScopedTabularInline):
    """Files are added, never changed or removed (art. 47); a correction supersedes."""

    model = EventFile
    form = EventFileForm
    extra = 1
    can_delete = False
    fields = ["file", "supersedes", "sha256", "size"]
    readonly_fields = ["sha256", "size"]
    fk_name = "event"

    def has_change_permission(self, request, obj=None):
        return False


class EnforcementEventForm(forms.ModelForm):
    """A new event is checked by the service before anything is saved."""

    officers = forms.ModelMultipleChoiceField(
        label=_("officers"),
        queryset=Officer.objects.none(),
        required=False,
        widget=CertifiedOfficersSelect(
            EnforcementEvent._meta.get_field("officers"), admin.site, forward={"case": "case", "on": "occurred_on"}
        ),
        help_text=_("Those who performed the act: at least two, certified on its day for the case's field."),
    )

    def clean(self):
        cleaned = super().clean()
        if self.instance.pk or not cleaned.get("case") or self.errors:
            return cleaned
        fields = {k: v for k, v in cleaned.items() if k not in {"case", "kind", "occurred_on", "officers"}}
        try:
            services.check_event(
                case=cleaned["case"],
                kind=cleaned["kind"],
                occurred_on=cleaned["occurred_on"],
                officers=cleaned.get("officers") or [],
                **fields,
            )
        except ValidationError as error:
            self._update_errors(error)
        return cleaned


@admin.register(EnforcementEvent)
class EnforcementEventAdmin(ScopedModelAdmin):
    form = EnforcementEventForm
    list_display = ["__str__", "case", "kind"]
    list_select_related = ["case"]
    list_filter = ["kind"]
    autocomplete_fields = ["case", "presider"]
    inlines = [EventFileInline]

    def get_form(self, request, obj=None, change=False, **kwargs):
        form = super().get_form(request, obj, change, **kwargs)
        if "officers" in form.base_fields:
            form.base_fields["officers"].queryset = Officer.objects.visible_to(request.user)
        return form

    def get_readonly_fields(self, request, obj=None):
        # An event once recorded is a fact; only files may be added to it.
        if obj is not None:
            return [f.name for f in self.model._meta.fields] + ["acting_officers"]
        return []

    def has_delete_permission(self, request, obj=None):
        return False

    @admin.display(description=_("officers"))
    def acting_officers(self, event: EnforcementEvent) -> str:
        return "、".join(link.officer.name for link in event.officer_links.select_related("officer"))

    def get_changeform_initial_data(self, request):
        return {**super().get_changeform_initial_data(request), "occurred_on": timezone.localdate()}

    def save_model(self, request, obj, form, change):
        if change:
            return
        fields = {k: v for k, v in form.cleaned_data.items() if k not in {"case", "kind", "occurred_on", "officers"}}
        event = services.record_event(
            case=obj.case,
            kind=obj.kind,
            occurred_on=obj.occurred_on,
            officers=form.cleaned_data.get("officers") or [],
            **fields,
        )
        # The admin redirects to, and logs, the row the service stored.
        obj.pk, obj._state.adding = event.pk, False
        form.instance = obj

    def save_related(self, request, form, formsets, change):
        # The officers were stored by the service; files go through it one by one.
        for formset in formsets:
            formset.new_objects, formset.changed_objects, formset.deleted_objects = [], [], []
            for file_form in formset.forms:
                upload = file_form.cleaned_data.get("file") if file_form.has_changed() else None
                if upload and not file_form.instance.pk:
                    services.attach_file(
                        event=form.instance,
                        upload=upload,
                        by=request.user,
                        supersedes=file_form.cleaned_data.get("supersedes"),
                    )
