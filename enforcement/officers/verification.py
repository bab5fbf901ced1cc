"""The public verification page of a certificate (亮证执法: scan the card, see that it is valid).

No login. It shows what the card itself shows, and whether it is effective
now; never the ID number or the phone. Requests are rate-limited per client so
the tokens cannot be guessed by brute force.
"""

from __future__ import annotations

import io

import qrcode
from django.http import HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, render
from django.urls import reverse
from django.utils import timezone
from django.views.decorators.cache import never_cache
from django.views.decorators.http import require_GET
from rest_framework.throttling import ScopedRateThrottle

from enforcement.officers.certification import certificate_check, with_validity_history
from enforcement.officers.models.certificate import Certificate, CertificateState


class _VerificationThrottleScope:
    throttle_scope = "certificate_verification"


def _throttled(request: HttpRequest) -> bool:
    return not ScopedRateThrottle().allow_request(request, _VerificationThrottleScope)


def _certificate(token: str) -> Certificate:
    return get_object_or_404(
        with_validity_history(Certificate.objects.select_related("officer__agency")), verification_token=token
    )


def _too_many_requests(request: HttpRequest) -> HttpResponse:
    return render(request, "enforcement/verify_throttled.html", status=429)


@never_cache
@require_GET
def verify_certificate(request: HttpRequest, token: str) -> HttpResponse:
    if _throttled(request):
        return _too_many_requests(request)
    certificate = _certificate(token)
    today = timezone.localdate()
    is_effective, reason = certificate_check(certificate, today)
    context = {
        "certificate": certificate,
        "officer_name": certificate.officer.name,
        "agency_name": certificate.officer.agency.name,
        "is_effective": is_effective,
        "state": CertificateState(certificate.state_on(today)).label,
        "reason": reason,
        "today": today,
    }
    return render(request, "enforcement/verify.html", context)


def verification_qr_png(url: str) -> bytes:
    image = qrcode.make(url, box_size=8, border=2)
    buffer = io.BytesIO()
    image.save(buffer, format="PNG")
    return buffer.getvalue()


@require_GET
def verify_certificate_qr(request: HttpRequest, token: str) -> HttpResponse:
    if _throttled(request):
        return _too_many_requests(request)
    certificate = _certificate(token)
    url = request.build_absolute_uri(reverse("certificate-verify", args=[certificate.verification_token]))
    return HttpResponse(verification_qr_png(url), content_type="image/png")
