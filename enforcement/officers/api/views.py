from django.http import Http404
from django.utils import timezone
from drf_spectacular.utils import extend_schema
from rest_framework import status
from rest_framework.decorators import action
from rest_framework.exceptions import PermissionDenied
from rest_framework.response import Response

from enforcement.agencies.prepared_lists import PreparedListMixin
from enforcement.agencies.related_rows import with_related_rows
from enforcement.officers.api.check_answers import check_answer
from enforcement.officers.api.serializers import (
    CertificateSerializer,
    CertificationCheckSerializer,
    CertificationQuerySerializer,
    OfficerListSerializer,
    ReissueSerializer,
    RenewalSerializer,
    StatusChangeSerializer,
)
from enforcement.officers.certification import with_validity_history
from enforcement.officers.filters import CertificateFilterSet, OfficerFilterSet
from enforcement.officers.models.certificate import Certificate
from enforcement.officers.models.officer import Officer
from enforcement.officers.services import change_certificate_status, reissue_lost_certificate, renew_certificate
from lawgov.api.views import ScopedModelViewSet

# The columns the list of officers shows (the birth date and sex come from the ID number), and of each
# officer's agency its name.
LISTED = [
    "name",
    "id_number",
    "agency__name",
    "position",
    "is_leader",
    "is_enforcement_officer",
    "phone",
    "employment_status",
    "employed_since",
    "employed_until",
    "version",
]


class OfficerViewSet(PreparedListMixin, ScopedModelViewSet):
    queryset = with_related_rows(Officer.objects.select_related("agency"), enforcement_fields=["id", "name", "order"])
    serializer_class = OfficerListSerializer
    filterset_class = OfficerFilterSet
    ordering_fields = ["name", "agency__path", "employed_since"]
    ordering = ["agency__path", "name", "pk"]

    def get_queryset(self):
        officers = super().get_queryset()
        # A list reads only what it shows. One officer is read whole: saving it writes every column read.
        return officers.only(*LISTED) if self.action == "list" else officers


class CertificateViewSet(ScopedModelViewSet):
    queryset = with_validity_history(Certificate.objects.select_related("officer__agency").prefetch_related("fields"))
    serializer_class = CertificateSerializer
    filterset_class = CertificateFilterSet
    ordering_fields = ["number", "valid_until", "issued_on"]
    ordering = ["valid_until", "pk"]

    @extend_schema(parameters=[CertificationQuerySerializer], responses=CertificationCheckSerializer)
    @action(detail=False, methods=["get"], filterset_class=None, pagination_class=None)
    def check(self, request):
        """HR check: may the holder of this certificate number, or this ID number, enforce today, and why."""
        query = CertificationQuerySerializer(data=request.query_params)
        query.is_valid(raise_exception=True)
        answer = check_answer(request, query.validated_data, timezone.localdate(), self.get_serializer_context())
        if answer is None:
            raise Http404
        return Response(answer)

    def _require(self, *actions: str) -> None:
        missing = [a for a in actions if not self.request.user.has_perm(f"enforcement.{a}_certificate")]
        if missing:
            raise PermissionDenied

    def _answer(self, certificate: Certificate, code: int = status.HTTP_201_CREATED) -> Response:
        certificate = self.get_queryset().get(pk=certificate.pk)
        return Response(self.get_serializer(certificate).data, status=code)

    @extend_schema(request=RenewalSerializer, responses={201: CertificateSerializer})
    @action(detail=True, methods=["post"], filterset_class=None)
    def renew(self, request, pk=None):
        """换证: issue the successor of this certificate; answers the new one."""
        self._require("add", "change")
        certificate = self.get_object()
        data = RenewalSerializer(data=request.data)
        data.is_valid(raise_exception=True)
        return self._answer(renew_certificate(certificate=certificate, **data.validated_data, by=request.user))

    @extend_schema(request=ReissueSerializer, responses={201: CertificateSerializer})
    @action(detail=True, methods=["post"], filterset_class=None)
    def reissue(self, request, pk=None):
        """补证: reissue a lost card under a new number; the lost one is cancelled. Answers the new one."""
        self._require("add", "change")
        certificate = self.get_object()
        data = ReissueSerializer(data=request.data)
        data.is_valid(raise_exception=True)
        return self._answer(reissue_lost_certificate(certificate=certificate, **data.validated_data, by=request.user))

    @extend_schema(request=StatusChangeSerializer, responses={200: CertificateSerializer})
    @action(detail=True, methods=["post"], url_path="change-status", filterset_class=None)
    def change_status(self, request, pk=None):
        """Suspend, revoke, cancel or reinstate, with the reason: recorded in the certificate's status history."""
        self._require("change")
        certificate = self.get_object()
        data = StatusChangeSerializer(data=request.data)
        data.is_valid(raise_exception=True)
        changed = change_certificate_status(certificate=certificate, **data.validated_data, by=request.user)
        return self._answer(changed, status.HTTP_200_OK)
