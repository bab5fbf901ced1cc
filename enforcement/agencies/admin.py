from django import forms
from django.contrib import admin
from django.contrib.auth import get_user_model
from django.contrib.auth.admin import GroupAdmin as DjangoGroupAdmin
from django.contrib.auth.admin import UserAdmin as DjangoUserAdmin
from django.contrib.auth.models import Group, Permission
from django.utils.translation import gettext
from django.utils.translation import gettext_lazy as _

from enforcement.agencies import roles
from enforcement.agencies.admin_base import ScopedModelAdmin, ScopedTabularInline
from enforcement.agencies.enforcement_fields import EnforcementField, records_listing
from enforcement.agencies.job_runs import JobRun
from enforcement.agencies.models import Agency, Membership, Role

admin.site.site_header = _("lawgov: rule-of-law government work")
admin.site.site_title = _("lawgov")
admin.site.index_title = _("Overview")


class ChildAgencyInline(ScopedTabularInline):
    model = Agency
    fk_name = "parent"
    fields = ["name", "kind", "is_enforcement_subject"]
    extra = 0
    show_change_link = True


@admin.register(Agency)
class AgencyAdmin(ScopedModelAdmin):
    list_display = ["indented_name", "kind", "credit_code", "is_enforcement_subject"]
    list_filter = ["kind", "is_enforcement_subject"]
    search_fields = ["name", "credit_code"]
    list_select_related = ["parent"]
    autocomplete_fields = ["parent"]
    inlines = [ChildAgencyInline]

    @admin.display(description=_("name"), ordering="path")
    def indented_name(self, agency: Agency) -> str:
        return "\u3000" * (agency.depth - 1) + agency.name


@admin.register(EnforcementField)
class EnforcementFieldAdmin(admin.ModelAdmin):
    """A reference table: superusers keep it (the roles give others view permission only)."""

    list_display = ["name", "order"]
    list_editable = ["order"]
    search_fields = ["name"]

    def get_deleted_objects(self, objs, request):
        deleted, counts, permissions_needed, protected = super().get_deleted_objects(objs, request)
        listing = [str(record) for field in objs for record in records_listing(field)]
        return deleted, counts, permissions_needed, [*protected, *listing]


class MembershipInline(ScopedTabularInline):
    model = Membership
    extra = 1
    autocomplete_fields = ["agency"]


@admin.register(Membership)
class MembershipAdmin(ScopedModelAdmin):
    list_display = ["user", "agency"]
    list_select_related = ["user", "agency"]
    search_fields = ["user__username", "agency__name"]
    autocomplete_fields = ["user", "agency"]


ACTION_LABELS = {
    "add": _("Can add %(model)s"),
    "change": _("Can change %(model)s"),
    "delete": _("Can delete %(model)s"),
    "view": _("Can view %(model)s"),
}


def permission_label(permission: Permission) -> str:
    """A permission in the reader's language: Django stores its names in English, once, at migrate time."""
    model = permission.content_type.model_class()
    action = permission.codename.split("_", 1)[0]
    if model is None:
        return permission.name
    opts = model._meta
    if permission.codename == f"{action}_{opts.model_name}" and action in ACTION_LABELS:
        name = ACTION_LABELS[action] % {"model": opts.verbose_name}
    else:
        name = gettext(permission.name)
    return f"{opts.app_config.verbose_name} | {opts.verbose_name} | {name}"


class PermissionChoices(forms.ModelMultipleChoiceField):
    def label_from_instance(self, permission: Permission) -> str:
        return permission_label(permission)


class RoleChoices(forms.ModelMultipleChoiceField):
    def label_from_instance(self, group: Group) -> str:
        return str(roles.ROLE_LABELS.get(group.name, group.name))


class ReadableChoicesMixin:
    """Roles and permissions shown by their Chinese labels in the user and role forms."""

    def formfield_for_manytomany(self, db_field, request, **kwargs):
        if db_field.name == "user_permissions" or db_field.name == "permissions":
            kwargs["form_class"] = PermissionChoices
            # Only what a role can be given: lawgov's records and the users themselves, not Django's
            # internals nor the history tables (written by the system alone).
            apps = {*roles.declared_role_models(), "auth", "authtoken"}
            kwargs["queryset"] = (
                Permission.objects.filter(content_type__app_label__in=apps)
                .exclude(content_type__model__startswith="historical")
                .select_related("content_type")
            )
        elif db_field.name == "groups":
            kwargs["form_class"] = RoleChoices
        return super().formfield_for_manytomany(db_field, request, **kwargs)


User = get_user_model()
admin.site.unregister(User)
admin.site.unregister(Group)


class RoleFilter(admin.SimpleListFilter):
    title = _("role")
    parameter_name = "role"

    def lookups(self, request, model_admin):
        return list(roles.ROLE_LABELS.items())

    def queryset(self, request, queryset):
        return queryset.filter(groups__name=self.value()) if self.value() else queryset


@admin.register(User)
class UserAdmin(ReadableChoicesMixin, DjangoUserAdmin):
    inlines = [MembershipInline]
    list_filter = ["is_staff", "is_superuser", "is_active", RoleFilter]


@admin.register(Role)
class RoleAdmin(ReadableChoicesMixin, DjangoGroupAdmin):
    list_display = ["__str__"]


@admin.register(JobRun)
class JobRunAdmin(admin.ModelAdmin):
    list_display = ["job", "started_at", "finished_at", "succeeded", "summary"]
    fields = readonly_fields = ["job", "started_at", "finished_at", "succeeded", "summary"]

    @admin.display(description=_("job"), ordering="name")
    def job(self, run: JobRun) -> str:
        return str(run)

    def has_add_permission(self, request):
        return False
