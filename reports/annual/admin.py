from django.contrib import admin, messages
from django.core.exceptions import ValidationError
from django.http import FileResponse, Http404
from django.shortcuts import get_object_or_404, redirect
from django.template.response import TemplateResponse
from django.urls import path, reverse
from django.utils import timezone
from django.utils.html import format_html, format_html_join
from django.utils.translation import gettext
from django.utils.translation import gettext_lazy as _

from enforcement.agencies.admin_base import ScopedHistoryAdmin
from reports.annual import services
from reports.annual.forms import ReportRequestForm, ReportTextForm
from reports.annual.models import AnnualReport, ReportStatus
from reports.annual.placeholders import placeholders_in
from reports.annual.views import report_context

# The start page shows the user's agency at a glance (templatetags/reports_glance.py).
admin.site.index_template = "admin/reports/index.html"

DETAIL_FIELDS = [
    "agency",
    "year",
    "version",
    "status",
    "progress_bar",
    "generated_at",
    "published_at",
    "published_by",
    "downloads",
    "missing_records",
    "supersedes",
    "error",
]


@admin.register(AnnualReport)
class AnnualReportAdmin(ScopedHistoryAdmin):
    list_display = ["agency", "year", "version", "status", "progress_bar", "generated_at", "published_at", "downloads"]
    list_filter = ["status", "year"]
    list_select_related = ["agency"]
    search_fields = ["agency__name"]
    actions = ["regenerate", "publish", "draft_new_version"]

    def get_changeform_initial_data(self, request):
        # A yearly report is written about the year that has ended.
        return {"year": timezone.localdate().year - 1, **super().get_changeform_initial_data(request)}

    def get_form(self, request, obj=None, change=False, **kwargs):
        kwargs["form"] = ReportTextForm if obj is not None else ReportRequestForm
        return super().get_form(request, obj, change=change, **kwargs)

    def get_fields(self, request, obj=None):
        if obj is None:
            return ["agency", "year"]
        return [*DETAIL_FIELDS, "text"] if obj.status == ReportStatus.DRAFT and obj.document else DETAIL_FIELDS

    def get_readonly_fields(self, request, obj=None):
        return DETAIL_FIELDS if obj is not None else []

    def has_change_permission(self, request, obj=None):
        # A published report is shown read-only: it never changes again.
        if obj is not None and not obj.is_editable:
            return False
        return super().has_change_permission(request, obj)

    def has_delete_permission(self, request, obj=None):
        if obj is not None and obj.is_published:
            return False
        return super().has_delete_permission(request, obj)

    def save_model(self, request, obj, form, change):
        if not change:
            report = services.request_report(agency=obj.agency, year=obj.year, user=request.user)
            obj.pk = report.pk
            obj.refresh_from_db()
        elif "text" in form.changed_data:
            services.update_text(report=obj, text=form.cleaned_data["text"], user=request.user)

    def changeform_view(self, request, object_id=None, form_url="", extra_context=None):
        # The task is sent when the admin's transaction commits, after
        # save_model returned: a queue that is down is reported here. The
        # report was then marked failed with the reason.
        try:
            return super().changeform_view(request, object_id, form_url, extra_context)
        except services.QueueUnavailable as error:
            self.message_user(request, str(error), messages.ERROR)
            return redirect("admin:reports_annualreport_changelist")

    def save_related(self, request, form, formsets, change):
        pass

    @admin.display(description=_("progress"))
    def progress_bar(self, report: AnnualReport) -> str:
        return format_html('<progress value="{}" max="100"></progress> {}%', report.progress, report.progress)

    @admin.display(description=_("records still missing"))
    def missing_records(self, report: AnnualReport) -> str:
        # Publishing is refused while the text holds any placeholder (services.publish_report).
        missing = placeholders_in(report.document or {})
        if not missing:
            return "—"
        return format_html("<ul>{}</ul>", format_html_join("", "<li>{}</li>", ((item,) for item in missing)))

    @admin.display(description=_("downloads"))
    def downloads(self, report: AnnualReport) -> str:
        links = []
        if report.document:
            links.append((reverse("admin:reports_annualreport_report", args=[report.pk]), gettext("Report")))
        for kind, label in (("docx", gettext("Word")), ("xlsx", gettext("Excel"))):
            if getattr(report, kind):
                links.append((reverse("admin:reports_annualreport_download", args=[report.pk, kind]), label))
        return format_html_join(" | ", '<a href="{}">{}</a>', links) or "—"

    def get_urls(self):
        return [
            path("<int:pk>/report/", self.admin_site.admin_view(self.report_view), name="reports_annualreport_report"),
            path(
                "<int:pk>/download/<str:kind>/",
                self.admin_site.admin_view(self.download_view),
                name="reports_annualreport_download",
            ),
            *super().get_urls(),
        ]

    def _visible_report(self, request, pk: int) -> AnnualReport:
        report = get_object_or_404(self.get_queryset(request), pk=pk)
        if not self.has_view_permission(request, report):
            raise Http404
        return report

    def report_view(self, request, pk: int):
        report = self._visible_report(request, pk)
        context = {**self.admin_site.each_context(request), **report_context(report), "opts": self.opts}
        context["title"] = report.document.get("title") or str(report)
        return TemplateResponse(request, "admin/reports/annualreport/report.html", context)

    def download_view(self, request, pk: int, kind: str):
        report = self._visible_report(request, pk)
        if kind not in {"docx", "xlsx"} or not getattr(report, kind):
            raise Http404
        file = getattr(report, kind)
        return FileResponse(file.open("rb"), as_attachment=True, filename=file.name.rsplit("/", 1)[-1])

    def _run(self, request, queryset, service, done: str) -> None:
        count = 0
        for report in queryset:
            try:
                service(report=report, user=request.user)
            except ValidationError as error:
                self.message_user(request, f"{report}: {' '.join(error.messages)}", messages.ERROR)
            except services.QueueUnavailable as error:
                self.message_user(request, f"{report}: {error}", messages.ERROR)
            else:
                count += 1
        if count:
            self.message_user(request, done % {"count": count}, messages.SUCCESS)

    @admin.action(description=_("Generate or regenerate the selected draft reports"), permissions=["change"])
    def regenerate(self, request, queryset):
        self._run(request, queryset, services.regenerate_report, gettext("%(count)d report(s) are being generated."))

    @admin.action(description=_("Publish the selected reports (final)"), permissions=["change"])
    def publish(self, request, queryset):
        self._run(request, queryset, services.publish_report, gettext("%(count)d report(s) published."))

    @admin.action(description=_("Draft a new version of the selected published reports"), permissions=["add"])
    def draft_new_version(self, request, queryset):
        self._run(request, queryset, services.new_version, gettext("%(count)d new version(s) are being drafted."))
