"""What every admin class of lawgov shares: rows and choices through `visible_to`, the same checks on every view."""

from concurrency.admin import ConcurrencyActionMixin, ConcurrencyListEditableMixin
from concurrency.core import _select_lock
from concurrency.exceptions import RecordModifiedError
from concurrency.forms import ConcurrentForm, VersionWidget
from concurrency.forms import VersionField as VersionFormField
from django import forms
from django.contrib import admin
from django.contrib.admin import widgets
from django.contrib.admin.utils import unquote
from django.core.exceptions import PermissionDenied, ValidationError
from django.http import Http404
from django.utils.translation import gettext_lazy as _
from simple_history.admin import SimpleHistoryAdmin

from enforcement.agencies.m2m_history import history_m2m_relations, snapshot_links

STALE_EDIT_MESSAGE = _(
    "Someone else saved this record after you opened it. Your changes are still in the form below: "
    "open the record again in a new tab, compare, then save once more."
)


class ScopedRawIdWidget(widgets.ForeignKeyRawIdWidget):
    """A raw id input that names the chosen row only when it is in the user's scope.

    Django's widget looks the id up in the whole table to print its name and
    link beside the input, even when the form refuses it: a form sent back
    with someone else's id would show that person's name.
    """

    def __init__(self, rel, admin_site, *, queryset, **kwargs):
        super().__init__(rel, admin_site, **kwargs)
        self.queryset = queryset

    def label_and_url_for_value(self, value):
        key = self.rel.get_related_field().name
        try:
            in_scope = value not in (None, "") and self.queryset.filter(**{key: value}).exists()
        except (ValueError, TypeError, ValidationError):
            in_scope = False
        return super().label_and_url_for_value(value) if in_scope else ("", "")


class ScopedAdminMixin:
    """Limits an admin's rows and its foreign-key choices to the user's scope.

    A row outside the scope is not in the changelist and every page about it
    (change, delete, history, a past version, a custom view) answers "not
    found"; an agency outside the scope is not among the choices, so nothing
    can be created or moved there.
    """

    def get_queryset(self, request):
        return super().get_queryset(request).visible_to(request.user)

    def formfield_for_foreignkey(self, db_field, request, **kwargs):
        field = super().formfield_for_foreignkey(db_field, request, **kwargs)
        if field is not None and hasattr(field.queryset, "visible_to"):
            field.queryset = field.queryset.visible_to(request.user)
            if isinstance(field.widget, widgets.ForeignKeyRawIdWidget):
                field.widget = ScopedRawIdWidget(
                    db_field.remote_field, self.admin_site, queryset=field.queryset, using=field.widget.db
                )
        return field

    def formfield_for_manytomany(self, db_field, request, **kwargs):
        field = super().formfield_for_manytomany(db_field, request, **kwargs)
        if field is not None and hasattr(field.queryset, "visible_to"):
            field.queryset = field.queryset.visible_to(request.user)
        return field

    def get_scoped_object(self, request, object_id):
        """The row as the change view finds it: in scope and viewable, or 404 / 403."""
        obj = self.get_object(request, unquote(str(object_id)))
        if obj is None:
            raise Http404
        if not self.has_view_or_change_permission(request, obj):
            raise PermissionDenied
        return obj


class ScopedModelAdmin(ScopedAdminMixin, admin.ModelAdmin):
    pass


class ScopedTabularInline(ScopedAdminMixin, admin.TabularInline):
    pass


class ScopedHistoryAdmin(ScopedAdminMixin, SimpleHistoryAdmin):
    """django-simple-history's pages held to the change view's scope and permissions.

    The package loads a past version by its ids alone, and lets anyone who may
    view the record submit the revert form. Here the history list and every
    past version need the current row to be in scope, and a revert needs the
    change permission on the row as it is now.
    """

    def history_view(self, request, object_id, extra_context=None):
        self.get_scoped_object(request, object_id)
        return super().history_view(request, object_id, extra_context)

    def history_form_view(self, request, object_id, version_id, extra_context=None):
        current = self.get_scoped_object(request, object_id)
        if request.method == "POST" and not self.has_change_permission(request, current):
            raise PermissionDenied
        request._restoring_history_of = current
        return super().history_form_view(request, object_id, version_id, extra_context)

    def revert_disabled(self, request, obj=None):
        current = getattr(request, "_restoring_history_of", obj)
        return super().revert_disabled(request, obj) or not self.has_change_permission(request, current)


class VersionedForm(ConcurrentForm):
    """A change form that refuses a stale save with a message in the user's language, keeping the input."""

    def clean(self):
        version = self.cleaned_data.get(self._meta.model._concurrencymeta.field.name)
        if self.instance.pk and version is not None:
            try:
                _select_lock(self.instance, version)
            except RecordModifiedError:
                self.add_error(None, ValidationError(STALE_EDIT_MESSAGE, code="stale"))
        # ConcurrentForm.clean would add its own untranslated message.
        return forms.ModelForm.clean(self)


class VersionedHistoryAdmin(ConcurrencyActionMixin, ConcurrencyListEditableMixin, ScopedHistoryAdmin):
    """Scoped rows, history with revert, and a second concurrent save refused with a message."""

    form = VersionedForm
    formfield_overrides = {VersionFormField: {"widget": VersionWidget}}

    def get_form(self, request, obj=None, change=False, **kwargs):
        current = getattr(request, "_restoring_history_of", None)
        if obj is not None and current is not None:
            # A past version carries the version number it had then; the revert is
            # checked against the record as it is now, so an edit made after the
            # form was opened still refuses it.
            obj.version = current.version
        return super().get_form(request, obj, change=change, **kwargs)

    def save_related(self, request, form, formsets, change):
        # The links chosen in the form belong to the history entry this save wrote.
        relations = history_m2m_relations(self.model)
        if not relations:
            return super().save_related(request, form, formsets, change)
        form.instance.skip_history_when_saving = True
        try:
            super().save_related(request, form, formsets, change)
        finally:
            del form.instance.skip_history_when_saving
        for relation in relations:
            snapshot_links(self.model, relation, [form.instance.pk])
