"""The officer lists of the penalty-case admin: only those certified for the case's field on the day.

Django's autocomplete keeps the scope (`OfficerAdmin.get_queryset` is
`visible_to`), the view permission on officers and the search; this adds the
certification rule (`OfficerQuerySet.certified_for`), so the list offers whom
the save will accept. The save checks again: the list is a help, not the rule.
"""

from __future__ import annotations

import json

from django import forms
from django.contrib.admin.views.autocomplete import AutocompleteJsonView
from django.contrib.admin.widgets import AutocompleteSelectMultiple
from django.core.exceptions import PermissionDenied, ValidationError
from django.db.models import QuerySet
from django.http import JsonResponse
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from enforcement.agencies.enforcement_fields import EnforcementField
from enforcement.cases.models import EnforcementCase
from enforcement.officers.models.officer import Officer, OfficerQuerySet

URL_NAME = "enforcement_enforcementcase_certified_officers"


class CertifiedOfficerQuery(forms.Form):
    """What narrows the list: the case (for its field) or the field itself, and the day, today if none.

    Without a case or a field the list is the user's whole scope, as Django's autocomplete gives it.
    """

    case = forms.ModelChoiceField(
        queryset=EnforcementCase.objects.none(),
        required=False,
        error_messages={"invalid_choice": _("There is no such case among those you may see.")},
    )
    enforcement_field = forms.ModelChoiceField(
        queryset=EnforcementField.objects.all(),
        required=False,
        error_messages={"invalid_choice": _("There is no such enforcement field.")},
    )
    on = forms.DateField(required=False)

    def __init__(self, data, *, cases: QuerySet[EnforcementCase]):
        super().__init__(data)
        self.fields["case"].queryset = cases.select_related("field")

    def clean(self):
        cleaned = super().clean()
        if cleaned.get("case") and cleaned.get("enforcement_field"):
            raise ValidationError(_("Give the case or the enforcement field, not both."))
        return cleaned

    def narrow(self, officers: OfficerQuerySet) -> OfficerQuerySet:
        case, field = self.cleaned_data["case"], self.cleaned_data["enforcement_field"]
        field = case.field if case else field
        if field is None:
            return officers
        return officers.certified_for(field, self.cleaned_data["on"] or timezone.localdate())


class CertifiedOfficerAutocomplete(AutocompleteJsonView):
    """Django's autocomplete of officers, narrowed by CertifiedOfficerQuery; a bad parameter answers 400."""

    case_admin = None

    def get(self, request, *args, **kwargs):
        try:
            return super().get(request, *args, **kwargs)
        except ValidationError as refused:
            return JsonResponse({"errors": refused.message_dict}, status=400)

    def process_request(self, request):
        term, model_admin, source_field, to_field_name = super().process_request(request)
        if source_field.remote_field.model is not Officer:
            raise PermissionDenied  # as Django answers a source field it cannot serve
        return term, model_admin, source_field, to_field_name

    def get_queryset(self):
        # Read after the permission check of `get`: a user without it learns nothing from a 400.
        allowed = self.case_admin.has_view_permission(self.request)
        cases = self.case_admin.get_queryset(self.request) if allowed else EnforcementCase.objects.none()
        query = CertifiedOfficerQuery(self.request.GET, cases=cases)
        if not query.is_valid():
            raise ValidationError(query.errors)
        return query.narrow(super().get_queryset())


class CertifiedOfficersSelect(AutocompleteSelectMultiple):
    """Officers chosen by name from CertifiedOfficerAutocomplete, sending the form's case or field and day.

    `forward` maps each parameter of CertifiedOfficerQuery to the name of the
    form's input that holds it; the script reads them at every search, so a
    changed date or field applies at once.
    """

    url_name = f"%s:{URL_NAME}"

    def __init__(self, field, admin_site, *, forward: dict[str, str], **kwargs):
        super().__init__(field, admin_site, **kwargs)
        self.forward = forward

    def build_attrs(self, base_attrs, extra_attrs=None):
        attrs = super().build_attrs(base_attrs, extra_attrs)
        # Django's script would start the list without the forwarded values; ours starts it instead.
        attrs["class"] = attrs["class"].replace("admin-autocomplete", "forwarding-autocomplete")
        attrs["data-forward"] = json.dumps(self.forward)
        return attrs

    @property
    def media(self):
        # Each list names what it follows, so the merge keeps ours after Django's.
        return super().media + forms.Media(
            js=["admin/js/jquery.init.js", "enforcement/js/forwarding_autocomplete.js"],
            css={"screen": ["admin/css/autocomplete.css", "enforcement/css/autocomplete.css"]},
        )
