"""Admin pieces the training pages share: a year filter, the reference-data admin, the Excel import."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from django import forms
from django.contrib import admin
from django.core.exceptions import PermissionDenied
from django.template.response import TemplateResponse
from django.urls import path, reverse
from django.utils.translation import gettext_lazy as _

from enforcement.agencies.models import Agency
from enforcement.agencies.spreadsheets import Column, import_sheet


def year_filter(field: str) -> type[admin.SimpleListFilter]:
    """A list filter by the year of the date `field`, offering the years that have rows."""

    class YearFilter(admin.SimpleListFilter):
        title = _("year")
        parameter_name = "year"

        def lookups(self, request, model_admin):
            years = model_admin.get_queryset(request).dates(field, "year", order="DESC")
            return [(str(day.year), str(day.year)) for day in years]

        def queryset(self, request, queryset):
            if self.value() and self.value().isdigit():
                return queryset.filter(**{f"{field}__year": int(self.value())})
            return queryset

    return YearFilter


class SpreadsheetImportForm(forms.Form):
    file = forms.FileField(label=_("Excel file (.xlsx)"), widget=forms.ClearableFileInput(attrs={"accept": ".xlsx"}))
    confirm = forms.BooleanField(
        label=_("Write the rows"),
        required=False,
        help_text=_("Leave unticked to check the file first. Nothing is written unless every row is good."),
    )

    def __init__(self, *args, request, **kwargs):
        super().__init__(*args, **kwargs)
        self.request = request


class AgencyImportForm(SpreadsheetImportForm):
    agency = forms.ModelChoiceField(label=_("agency"), queryset=Agency.objects.none())

    def __init__(self, *args, request, **kwargs):
        super().__init__(*args, request=request, **kwargs)
        self.fields["agency"].queryset = Agency.objects.visible_to(request.user)


class SpreadsheetImportMixin:
    """An "Import from Excel" page on a model admin: check the file, then write it whole or not at all."""

    change_list_template = "admin/training/change_list_with_import.html"
    import_form_class: type[SpreadsheetImportForm] = SpreadsheetImportForm
    import_columns: list[Column] = []
    import_title = _("Import from Excel")

    def import_row_validator(self, form: SpreadsheetImportForm) -> Callable[[dict[str, Any]], Any]:
        raise NotImplementedError

    def import_save(self, row: Any) -> object:
        raise NotImplementedError

    def _import_url_name(self) -> str:
        return f"{self.opts.app_label}_{self.opts.model_name}_import"

    def get_urls(self):
        view = self.admin_site.admin_view(self.import_view)
        return [path("import/", view, name=self._import_url_name()), *super().get_urls()]

    def changelist_view(self, request, extra_context=None):
        extra_context = {**(extra_context or {}), "import_url": reverse(f"admin:{self._import_url_name()}")}
        extra_context["import_title"] = self.import_title
        return super().changelist_view(request, extra_context)

    def import_view(self, request):
        if not self.has_add_permission(request):
            raise PermissionDenied
        form = self.import_form_class(request.POST or None, request.FILES or None, request=request)
        outcome = None
        if request.method == "POST" and form.is_valid():
            outcome = import_sheet(
                form.cleaned_data["file"],
                columns=self.import_columns,
                validate=self.import_row_validator(form),
                save=self.import_save,
                commit=form.cleaned_data["confirm"],
            )
        context = {
            **self.admin_site.each_context(request),
            "opts": self.opts,
            "title": self.import_title,
            "form": form,
            "outcome": outcome,
            "columns": self.import_columns,
        }
        return TemplateResponse(request, "admin/training/spreadsheet_import.html", context)
