from django import forms
from django.core.exceptions import ValidationError
from django.utils.translation import gettext_lazy as _

from enforcement.agencies.text import validate_no_control_characters
from reports.annual.document import document_to_text, text_to_document
from reports.annual.models import AnnualReport


class ReportRequestForm(forms.ModelForm):
    """Which agency and year to generate; the version follows from the reports already there."""

    class Meta:
        model = AnnualReport
        fields = ["agency", "year"]


class ReportTextForm(forms.ModelForm):
    """The draft's text as the team lead edits it: the title, then headings and paragraphs line by line."""

    text = forms.CharField(
        label=_("report text"),
        required=False,
        widget=forms.Textarea(attrs={"rows": 40, "cols": 110}),
        validators=[validate_no_control_characters],
        help_text=_("First line: the title. Headings start with “一、” or “（一）”; every other line is a paragraph."),
    )

    class Meta:
        model = AnnualReport
        fields = []

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        if self.instance.document:
            self.fields["text"].initial = document_to_text(self.instance.document)

    def clean_text(self) -> str:
        text = self.cleaned_data["text"]
        if "text" in self.changed_data:
            try:
                text_to_document(text, signature="", date="")
            except ValidationError as error:
                raise ValidationError(error.messages) from error
        return text
