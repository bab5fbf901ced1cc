"""换证 and 补证 from a certificate's page: a short form each, the work done by the services."""

from __future__ import annotations

from django import forms
from django.contrib import messages
from django.core.exceptions import PermissionDenied, ValidationError
from django.http import Http404
from django.shortcuts import redirect
from django.template.response import TemplateResponse
from django.urls import path, reverse
from django.utils import timezone
from django.utils.translation import gettext
from django.utils.translation import gettext_lazy as _

from enforcement.agencies.wording import days_left_text
from enforcement.officers.models.certificate import Certificate
from enforcement.officers.services import reissue_lost_certificate, renew_certificate


class RenewForm(forms.Form):
    number = forms.CharField(label=_("new certificate number"), max_length=64)
    issued_on = forms.DateField(label=_("issued on"), widget=forms.DateInput(attrs={"type": "date"}))
    valid_until = forms.DateField(
        label=_("valid until"),
        required=False,
        widget=forms.DateInput(attrs={"type": "date"}),
        help_text=_("Left empty, the validity period the province sets."),
    )

    def run(self, certificate: Certificate, user) -> Certificate:
        data = self.cleaned_data
        return renew_certificate(
            certificate=certificate,
            number=data["number"],
            issued_on=data["issued_on"],
            valid_until=data["valid_until"],
            by=user,
        )


class ReissueForm(forms.Form):
    number = forms.CharField(label=_("new certificate number"), max_length=64)
    on = forms.DateField(label=_("reissued on"), widget=forms.DateInput(attrs={"type": "date"}))
    reason = forms.CharField(label=_("reason"), required=False, widget=forms.Textarea(attrs={"rows": 2}))

    def run(self, certificate: Certificate, user) -> Certificate:
        data = self.cleaned_data
        return reissue_lost_certificate(
            certificate=certificate, number=data["number"], on=data["on"], reason=data["reason"], by=user
        )


ACTIONS = {
    "renew": (RenewForm, _("Renew certificate %(number)s (换证)")),
    "reissue": (ReissueForm, _("Reissue lost certificate %(number)s (补证)")),
}


class CertificateRenewalMixin:
    """The 换证 and 补证 pages of the certificate admin, and the days left on a certificate."""

    @staticmethod
    def days_left(certificate: Certificate) -> str:
        if not certificate.pk or certificate.valid_until is None:
            return "—"
        return days_left_text(certificate.valid_until, timezone.localdate())

    def get_urls(self):
        view = self.admin_site.admin_view(self.renewal_view)
        return [
            path("<int:object_id>/renewal/<str:action>/", view, name="enforcement_certificate_renewal"),
            *super().get_urls(),
        ]

    def renewal_view(self, request, object_id: int, action: str):
        if action not in ACTIONS:
            raise Http404
        certificate = self.get_object(request, str(object_id))
        if certificate is None:
            raise Http404
        if not (self.has_add_permission(request) and self.has_change_permission(request, certificate)):
            raise PermissionDenied
        form_class, title = ACTIONS[action]
        form = form_class(request.POST or None, initial={"issued_on": timezone.localdate(), "on": timezone.localdate()})
        if request.method == "POST" and form.is_valid():
            try:
                new = form.run(certificate, request.user)
            except ValidationError as error:
                for message in error.messages:
                    form.add_error(None, message)
            else:
                self.message_user(
                    request,
                    gettext("Certificate %(number)s issued.") % {"number": new.number},
                    messages.SUCCESS,
                )
                return redirect("admin:enforcement_certificate_change", new.pk)
        context = {
            **self.admin_site.each_context(request),
            "opts": self.opts,
            "original": certificate,
            "title": title % {"number": certificate.number},
            "form": form,
        }
        return TemplateResponse(request, "admin/enforcement/certificate/renewal.html", context)

    def change_view(self, request, object_id, form_url="", extra_context=None):
        links = {
            "renew_url": reverse("admin:enforcement_certificate_renewal", args=[object_id, "renew"]),
            "reissue_url": reverse("admin:enforcement_certificate_renewal", args=[object_id, "reissue"]),
        }
        return super().change_view(request, object_id, form_url, {**(extra_context or {}), **links})
