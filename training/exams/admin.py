from __future__ import annotations

from django import forms
from django.contrib import admin
from django.db.models import Count
from django.utils.translation import gettext_lazy as _

from enforcement.agencies.admin_base import ScopedModelAdmin, ScopedTabularInline
from enforcement.agencies.spreadsheet_admin import (
    ImportRefused,
    SpreadsheetImportForm,
    SpreadsheetImportMixin,
    rows_written,
    year_filter,
)
from enforcement.agencies.spreadsheets import import_sheet
from training.exams.imports import EXAM_RESULT_COLUMNS, exam_result_row, save_exam_result
from training.exams.models import Exam, ExamExemption, ExamResult, passed_q, sat_q


class ExamResultInline(ScopedTabularInline):
    model = ExamResult
    fk_name = "exam"
    extra = 0
    fields = ["officer", "score", "absent", "makeup_of"]
    raw_id_fields = ["officer", "makeup_of"]


class ExamExemptionInline(ScopedTabularInline):
    model = ExamExemption
    fk_name = "exam"
    extra = 0
    fields = ["officer", "reason"]
    raw_id_fields = ["officer"]


class ExamResultImportForm(SpreadsheetImportForm):
    exam = forms.ModelChoiceField(label=_("exam"), queryset=Exam.objects.none())

    def __init__(self, *args, request, **kwargs):
        super().__init__(*args, request=request, **kwargs)
        self.fields["exam"].queryset = Exam.objects.visible_to(request.user)


@admin.register(Exam)
class ExamAdmin(SpreadsheetImportMixin, ScopedModelAdmin):
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
    raw_id_fields = ["officer", "exam", "makeup_of"]


@admin.register(ExamExemption)
class ExamExemptionAdmin(ScopedModelAdmin):
    list_display = ["officer", "exam", "reason"]
    list_filter = [year_filter("exam__date"), ("officer__agency", admin.RelatedOnlyFieldListFilter)]
    list_select_related = ["officer", "exam"]
    search_fields = ["officer__name", "exam__title", "reason"]
    raw_id_fields = ["officer", "exam"]
