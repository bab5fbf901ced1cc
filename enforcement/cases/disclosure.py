"""The public disclosure page of an agency (公示, arts. 39 and 48 of the Penalty Law).

No login, rate-limited like the certificate verification page. It lists the
agency's enforcement officers with their certificate numbers and fields, and
its published decisions with citizens' names masked; never an ID number, a
credit code of a person, or a phone. A withdrawn decision shows only that it
was withdrawn, when, and why (art. 48).
"""

from __future__ import annotations

import datetime

from django.db.models import Prefetch
from django.http import HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, render
from django.utils import timezone
from django.views.decorators.cache import never_cache
from django.views.decorators.http import require_GET
from drf_spectacular.types import OpenApiTypes
from drf_spectacular.utils import extend_schema
from rest_framework.permissions import AllowAny
from rest_framework.response import Response
from rest_framework.throttling import ScopedRateThrottle
from rest_framework.views import APIView

from enforcement.agencies.models import Agency
from enforcement.cases.models import CaseEventKind, EnforcementCase, EnforcementEvent
from enforcement.officers.models.certificate import Certificate
from enforcement.officers.models.officer import Officer

THROTTLE_SCOPE = "enforcement_disclosure"


def disclosure(agency: Agency, *, today: datetime.date | None = None) -> dict:
    """What the public may see of `agency` and the agencies below it, as plain data."""
    today = today or timezone.localdate()
    officers = (
        Officer.objects.in_subtree_of(agency)
        .enforcement_officers()
        .in_service()
        .select_related("agency")
        .prefetch_related(
            Prefetch(
                "certificates",
                queryset=Certificate.objects.effective_on(today).prefetch_related("fields"),
                to_attr="effective",
            )
        )
        .order_by("agency__path", "name")
    )
    cases = (
        EnforcementCase.objects.in_subtree_of(agency)
        .filter(published_on__isnull=False)
        .select_related("agency", "field")
        .prefetch_related(
            "parties",
            "penalties",
            Prefetch(
                "events",
                queryset=EnforcementEvent.objects.filter(kind=CaseEventKind.PUBLICATION_WITHDRAWN),
                to_attr="withdrawals",
            ),
        )
        .order_by("-published_on", "-pk")
    )
    return {
        "agency": {"id": agency.pk, "name": agency.name},
        "as_of": today.isoformat(),
        "officers": [
            {
                "name": officer.name,
                "agency": officer.agency.name,
                "certificates": [
                    {"number": c.number, "fields": c.fields_label, "valid_until": c.valid_until.isoformat()}
                    for c in officer.effective
                ],
            }
            for officer in officers
            if officer.effective
        ],
        "decisions": [_decision(case) for case in cases if case.withdrawn_on is None],
        "withdrawn": [
            {
                "number": case.number,
                "withdrawn_on": case.withdrawn_on.isoformat(),
                "reason": case.withdrawals[0].note if case.withdrawals else "",
            }
            for case in cases
            if case.withdrawn_on is not None
        ],
    }


def _decision(case: EnforcementCase) -> dict:
    return {
        "number": case.number,
        "agency": case.agency.name,
        "field": case.field.name,
        "parties": [party.public_name for party in case.parties.all()],
        "act": case.act,
        "act_basis": case.act_basis,
        "penalty_basis": case.penalty_basis,
        "penalties": [
            {"kind": str(p.get_kind_display()), "amount": str(p.amount) if p.amount is not None else None}
            for p in case.penalties.all()
        ],
        "decided_on": case.decided_on.isoformat() if case.decided_on else None,
        "published_on": case.published_on.isoformat(),
    }


class _ThrottleScope:
    throttle_scope = THROTTLE_SCOPE


@never_cache
@require_GET
def disclosure_page(request: HttpRequest, agency_id: int) -> HttpResponse:
    if not ScopedRateThrottle().allow_request(request, _ThrottleScope):
        return render(request, "enforcement/verify_throttled.html", status=429)
    agency = get_object_or_404(Agency, pk=agency_id)
    return render(request, "enforcement/disclosure.html", {"data": disclosure(agency)})


class DisclosureView(APIView):
    """The agency's enforcement disclosure (公示) as JSON: public, no login, rate-limited."""

    authentication_classes: list = []
    permission_classes = [AllowAny]
    throttle_classes = [ScopedRateThrottle]
    throttle_scope = THROTTLE_SCOPE

    @extend_schema(responses=OpenApiTypes.OBJECT, auth=[])
    def get(self, request, agency_id: int):
        return Response(disclosure(get_object_or_404(Agency, pk=agency_id)))
