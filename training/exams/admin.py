from __future__ import annotations

from django import forms
from django.contrib import admin, messages
from django.core.exceptions import PermissionDenied, ValidationError
from django.db.models import Count
from django.http import Http404
from django.shortcuts import redirect
from django.template.response import TemplateResponse
from django.urls import path, reverse
from django.utils.translation import gettext
from django.utils.translation import gettext_lazy as _

from enforcement.agencies.admin_base import ScopedModelAdmin, ScopedTabularInline, VersionedHistoryAdmin
from enforcement.agencies.spreadsheet_admin import (
    ImportRefused,
    SpreadsheetImportForm,
    SpreadsheetImportMixin,
    rows_written,
    year_filter,
)
from enforcement.agencies.spreadsheets import import_sheet
from training.exams.forms import score_sheet
from training.exams.imports import EXAM_RESULT_COLUMNS, exam_result_row, save_exam_result
from training.exams.models import Exam, ExamExemption, ExamResult, passed_q, sat_q
from training.exams.services import record_exam_results


class ExamResultInline(ScopedTabularInline):
    model = ExamResult
    fk_name = "exam"
    extra = 0
    fields = ["officer", "score", "absent", "makeup_of"]
    autocomplete_fields = ["officer", "makeup_of"]


class ExamExemptionInline(ScopedTabularInline):
    model = ExamExemption
    fk_name = "exam"
    extra = 0
    fields = ["officer", "reason"]
    autocomplete_fields = ["officer"]


class ExamResultImportForm(SpreadsheetImportForm):
    exam = forms.ModelChoiceField(label=_("exam"), queryset=Exam.objects.none())

    def __init__(self, *args, request, **kwargs):
        super().__init__(*args, request=request, **kwargs)
        self.fields["exam"].queryset = Exam.objects.visible_to(request.user)
        # Reached from an exam's page, the exam is already chosen.
        self.fields["exam"].initial = request.GET.get("exam")


@admin.register(Exam)
class ExamAdmin(SpreadsheetImportMixin, VersionedHistoryAdmin):
    list_display = ["date", "title", "kind", "agency", "max_score", "pass_mark", "sat", "passed"]
    list_filter = [year_filter("date"), "kind", ("agency", admin.RelatedOnlyFieldListFilter)]
    list_select_related = ["agency"]
    search_fields = ["title"]
    date_hierarchy = "date"
    inlines = [ExamResultInline, ExamExemptionInline]
    import_form_class = ExamResultImportForm
    import_columns = EXAM_RESULT_COLUMNS
    import_title = _("Import results from Excel")

    def get_queryset(self, request):
        return (
            super()
            .get_queryset(request)
            .annotate(
                sat_count=Count("results", filter=sat_q("results__")),
                passed_count=Count("results", filter=passed_q("results__")),
            )
        )

    @admin.display(description=_("sat"), ordering="sat_count")
    def sat(self, exam: Exam) -> int:
        return exam.sat_count

    @admin.display(description=_("passed"), ordering="passed_count")
    def passed(self, exam: Exam) -> int:
        return exam.passed_count

    def get_urls(self):
        view = self.admin_site.admin_view(self.scores_view)
        return [path("<int:object_id>/scores/", view, name="training_exam_scores"), *super().get_urls()]

    def scores_view(self, request, object_id: int):
        """The whole exam's results on one page: every officer on the roll with a score box."""
        exam = self.get_object(request, str(object_id))
        if exam is None:
            raise Http404
        if not self.has_change_permission(request, exam):
            raise PermissionDenied
        formset = score_sheet(exam, request.user, request.POST or None)
        if request.method == "POST" and formset.is_valid():
            rows = {form.cleaned_data["officer"].pk: form for form in formset.forms if form.cleaned_data}
            try:
                written = record_exam_results(exam=exam, entries=[form.entry() for form in rows.values()])
            except ValidationError as error:
                for officer_id, problems in error.message_dict.items():
                    rows[int(officer_id)].add_error("score", problems)
            else:
                self.message_user(request, gettext("%(count)s results saved.") % {"count": written}, messages.SUCCESS)
                return redirect("admin:training_exam_change", exam.pk)
        context = {
            **self.admin_site.each_context(request),
            "opts": self.opts,
            "original": exam,
            "title": gettext("Results of %(exam)s") % {"exam": exam},
            "formset": formset,
            "import_url": self._import_link(exam),
        }
        return TemplateResponse(request, "admin/training/exam_scores.html", context)

    def _import_link(self, exam: Exam) -> str:
        return f"{reverse(f'admin:{self._import_url_name()}')}?exam={exam.pk}"

    def change_view(self, request, object_id, form_url="", extra_context=None):
        extra_context = {**(extra_context or {}), "scores_url": reverse("admin:training_exam_scores", args=[object_id])}
        return super().change_view(request, object_id, form_url, extra_context)

    def _import(self, request, file, form, *, commit: bool):
        return import_sheet(
            file,
            columns=EXAM_RESULT_COLUMNS,
            validate=exam_result_row(exam=form.cleaned_data["exam"], user=request.user),
            save=save_exam_result,
            commit=commit,
        )

    def import_check(self, request, file, form):
        return self._import(request, file, form, commit=False)

    def import_write(self, request, file, form, *, good_rows_only):
        outcome = self._import(request, file, form, commit=True)
        if not outcome.written:
            raise ImportRefused(outcome)
        return rows_written(outcome.written)


@admin.register(ExamResult)
class ExamResultAdmin(ScopedModelAdmin):
    list_display = ["officer", "exam", "score", "absent", "makeup_of"]
    list_filter = [
        year_filter("exam__date"),
        "exam__kind",
        "absent",
        ("officer__agency", admin.RelatedOnlyFieldListFilter),
    ]
    list_select_related = ["officer", "exam", "makeup_of__exam", "makeup_of__officer"]
    search_fields = ["officer__name", "exam__title"]
    autocomplete_fields = ["officer", "exam", "makeup_of"]


@admin.register(ExamExemption)
class ExamExemptionAdmin(ScopedModelAdmin):
    list_display = ["officer", "exam", "reason"]
    list_filter = [year_filter("exam__date"), ("officer__agency", admin.RelatedOnlyFieldListFilter)]
    list_select_related = ["officer", "exam"]
    search_fields = ["officer__name", "exam__title", "reason"]
    autocomplete_fields = ["officer", "exam"]
