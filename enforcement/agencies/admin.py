from django.contrib import admin
from django.contrib.auth import get_user_model
from django.contrib.auth.admin import UserAdmin as DjangoUserAdmin
from django.utils.translation import gettext_lazy as _

from enforcement.agencies.admin_base import ScopedModelAdmin, ScopedTabularInline
from enforcement.agencies.job_runs import JobRun
from enforcement.agencies.models import Agency, Membership

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


User = get_user_model()
admin.site.unregister(User)


@admin.register(User)
class UserAdmin(DjangoUserAdmin):
    inlines = [MembershipInline]


@admin.register(JobRun)
class JobRunAdmin(admin.ModelAdmin):
    list_display = ["name", "started_at", "finished_at", "succeeded", "summary"]
    readonly_fields = ["name", "started_at", "finished_at", "succeeded", "summary"]

    def has_add_permission(self, request):
        return False
