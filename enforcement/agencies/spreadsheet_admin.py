"""The admin side of the one spreadsheet importer, and the year filter every dated list shares.

One flow for every import: upload → the file is checked and every bad row is
listed by number, nothing written → confirm. Between the two steps the file
waits in storage under a signed name (a day at most), so the user does not
upload it twice and cannot point the confirmation at someone else's file.
"""

from __future__ import annotations

import uuid
from typing import Any

from django import forms
from django.contrib import admin, messages
from django.core import signing
from django.core.exceptions import PermissionDenied, ValidationError
from django.core.files.storage import default_storage
from django.db import models
from django.http import HttpResponse
from django.shortcuts import redirect
from django.template.response import TemplateResponse
from django.urls import path, reverse
from django.utils.translation import gettext
from django.utils.translation import gettext_lazy as _

from enforcement.agencies.models import Agency
from enforcement.agencies.spreadsheets import (
    UPLOADS,
    Column,
    Limits,
    RowError,
    SpreadsheetError,
    check_size,
    delete_stale_uploads,
)

XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
UPLOAD_SALT = "lawgov.spreadsheet-upload"
UPLOAD_MAX_AGE = 24 * 3600


def xlsx_response(content: bytes, filename: str) -> HttpResponse:
    response = HttpResponse(content, content_type=XLSX)
    response["Content-Disposition"] = f'attachment; filename="{filename}"'
    return response


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
    """The upload step: the file and whatever the import needs to know (an agency, an exam)."""

    file = forms.FileField(label=_("Excel file (.xlsx)"), widget=forms.ClearableFileInput(attrs={"accept": ".xlsx"}))

    def __init__(self, *args, request, with_file: bool = True, **kwargs):
        super().__init__(*args, **kwargs)
        self.request = request
        if not with_file:
            del self.fields["file"]

    def clean_file(self):
        upload = self.cleaned_data["file"]
        try:
            check_size(upload, Limits.from_settings())
        except SpreadsheetError as error:
            raise ValidationError(str(error)) from None
        return upload

    def options(self) -> dict[str, Any]:
        """The choices made besides the file, as plain values a signed token can carry."""
        return {
            name: value.pk if isinstance(value, models.Model) else value
            for name, value in self.cleaned_data.items()
            if name != "file"
        }


class AgencyImportForm(SpreadsheetImportForm):
    agency = forms.ModelChoiceField(label=_("agency"), queryset=Agency.objects.none())

    def __init__(self, *args, request, **kwargs):
        super().__init__(*args, request=request, **kwargs)
        self.fields["agency"].queryset = Agency.objects.visible_to(request.user)


class ConfirmImportForm(forms.Form):
    upload = forms.CharField(widget=forms.HiddenInput)
    good_rows_only = forms.BooleanField(label=_("Import only the good rows"), required=False)

    def clean_upload(self) -> dict[str, Any]:
        expired = _("The upload has expired; please upload the file again.")
        try:
            token = signing.loads(self.cleaned_data["upload"], salt=UPLOAD_SALT, max_age=UPLOAD_MAX_AGE)
        except signing.BadSignature:
            raise ValidationError(expired) from None
        if not default_storage.exists(token["name"]):
            raise ValidationError(expired)
        return token


class SpreadsheetImportMixin:
    """An "Import from Excel" page on a model admin, in the one flow: check, then confirm.

    A subclass says what the sheet holds (`import_columns`), what else the
    upload asks for (`import_form_class`), how a file is checked
    (`import_check`) and written (`import_write`).
    """

    change_list_template = "admin/spreadsheet_import_change_list.html"
    import_form_class: type[SpreadsheetImportForm] = SpreadsheetImportForm
    import_columns: list[Column] = []
    import_title = _("Import from Excel")
    import_template_url_name: str | None = None
    # Whether the user may choose to write the good rows of a file with bad ones.
    import_allows_good_rows_only = False

    def import_check(self, request, file, form: SpreadsheetImportForm):
        """The check of `file`: an object with `rows` and `errors` (RowError), nothing written."""
        raise NotImplementedError

    def import_write(self, request, file, form: SpreadsheetImportForm, *, good_rows_only: bool) -> str:
        """Write `file`; answers the message to show, or raises ImportRefused with the rows' errors."""
        raise NotImplementedError

    def has_import_permission(self, request) -> bool:
        return self.has_add_permission(request)

    def _import_url_name(self) -> str:
        return f"{self.opts.app_label}_{self.opts.model_name}_import"

    def get_urls(self):
        view = self.admin_site.admin_view(self.import_view)
        return [path("import/", view, name=self._import_url_name()), *super().get_urls()]

    def changelist_view(self, request, extra_context=None):
        extra_context = {
            **(extra_context or {}),
            "import_url": reverse(f"admin:{self._import_url_name()}"),
            "import_title": self.import_title,
            "has_import_permission": self.has_import_permission(request),
        }
        return super().changelist_view(request, extra_context)

    def import_view(self, request):
        if not self.has_import_permission(request):
            raise PermissionDenied
        context = {
            **self.admin_site.each_context(request),
            "opts": self.opts,
            "title": self.import_title,
            "columns": self.import_columns,
            "allows_good_rows_only": self.import_allows_good_rows_only,
            "template_url": reverse(self.import_template_url_name) if self.import_template_url_name else None,
            "form": self.import_form_class(request=request),
        }
        if request.method == "POST" and "upload" in request.POST:
            return self._confirm(request, context)
        if request.method == "POST":
            form = self.import_form_class(request.POST, request.FILES, request=request)
            context["form"] = form
            if form.is_valid():
                self._check(request, form, context)
        return TemplateResponse(request, "admin/spreadsheet_import.html", context)

    def _check(self, request, form: SpreadsheetImportForm, context: dict) -> None:
        upload = form.cleaned_data["file"]
        try:
            check = self.import_check(request, upload, form)
        except SpreadsheetError as error:
            form.add_error("file", str(error))
            return
        delete_stale_uploads()
        upload.seek(0)
        name = default_storage.save(f"{UPLOADS}{uuid.uuid4().hex}.xlsx", upload)
        token = signing.dumps({"name": name, "options": form.options()}, salt=UPLOAD_SALT)
        context.update(check=check, confirm_form=ConfirmImportForm(initial={"upload": token}))

    def _confirm(self, request, context: dict):
        confirm_form = ConfirmImportForm(request.POST)
        if not confirm_form.is_valid():
            context["upload_errors"] = confirm_form.errors.get("upload")
            return TemplateResponse(request, "admin/spreadsheet_import.html", context)
        token = confirm_form.cleaned_data["upload"]
        # The choices are checked again: the scope may have changed since the upload.
        form = self.import_form_class(token["options"], request=request, with_file=False)
        if not form.is_valid():
            context["upload_errors"] = [error for errors in form.errors.values() for error in errors]
            return TemplateResponse(request, "admin/spreadsheet_import.html", context)
        good_rows_only = self.import_allows_good_rows_only and confirm_form.cleaned_data["good_rows_only"]
        with default_storage.open(token["name"], "rb") as file:
            try:
                message = self.import_write(request, file, form, good_rows_only=good_rows_only)
            except ImportRefused as refused:
                messages.error(request, str(refused))
                context.update(check=refused.check, confirm_form=confirm_form)
                return TemplateResponse(request, "admin/spreadsheet_import.html", context)
            except SpreadsheetError as error:
                context["upload_errors"] = [str(error)]
                return TemplateResponse(request, "admin/spreadsheet_import.html", context)
        default_storage.delete(token["name"])
        messages.success(request, message)
        return redirect(reverse(f"admin:{self.opts.app_label}_{self.opts.model_name}_changelist"))


class ImportRefused(Exception):
    """Nothing was written: the file has bad rows (and the user did not choose the good rows alone)."""

    def __init__(self, check):
        self.check = check
        bad = len({error.row for error in check.errors})
        super().__init__(gettext("%(count)d rows are wrong; nothing was imported.") % {"count": bad})


def rows_written(count: int) -> str:
    return gettext("%(count)d rows written.") % {"count": count}


__all__ = ["AgencyImportForm", "ImportRefused", "RowError", "SpreadsheetImportForm", "SpreadsheetImportMixin"]
