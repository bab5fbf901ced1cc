"""The exam's score sheet in the admin: every officer on the roll, one score box per row."""

from __future__ import annotations

from django import forms
from django.utils.translation import gettext_lazy as _

from enforcement.officers.models.officer import Officer
from training.exams.models import Exam
from training.exams.services import ScoreEntry


class ScoreRowForm(forms.Form):
    officer = forms.ModelChoiceField(queryset=Officer.objects.none(), widget=forms.HiddenInput)
    score = forms.DecimalField(
        label=_("score"),
        required=False,
        min_value=0,
        decimal_places=1,
        widget=forms.NumberInput(attrs={"step": "0.5", "class": "vIntegerField"}),
    )
    absent = forms.BooleanField(label=_("absent"), required=False)

    def __init__(self, *args, roll, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["officer"].queryset = roll

    def entry(self) -> ScoreEntry:
        data = self.cleaned_data
        return ScoreEntry(officer=data["officer"], score=data.get("score"), absent=bool(data.get("absent")))


ScoreFormSet = forms.formset_factory(ScoreRowForm, extra=0)


def exam_roll(exam: Exam, user):
    """The officers expected to sit `exam`: those in service under its agency that the user may see, not exempted."""
    return (
        Officer.objects.visible_to(user)
        .in_subtree_of(exam.agency)
        .in_service()
        .exclude(exam_exemptions__exam=exam)
        .select_related("agency")
        .order_by("agency__path", "name", "pk")
    )


def score_sheet(exam: Exam, user, data=None) -> ScoreFormSet:
    """The sheet with the results already entered filled in, one row per officer on the roll."""
    roll = exam_roll(exam, user)
    officers = list(roll)
    results = {result.officer_id: result for result in exam.results.filter(makeup_of=None)}
    initial = [
        {
            "officer": officer,
            "score": getattr(results.get(officer.pk), "score", None),
            "absent": getattr(results.get(officer.pk), "absent", False),
        }
        for officer in officers
    ]
    formset = ScoreFormSet(data, initial=initial, prefix="scores", form_kwargs={"roll": roll})
    for form, officer in zip(formset.forms, officers, strict=False):
        form.person = officer
    return formset
