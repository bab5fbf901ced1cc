from django.http import Http404
from django.utils import timezone
from drf_spectacular.utils import extend_schema
from rest_framework.decorators import action
from rest_framework.response import Response

from enforcement.officers.api.serializers import (
    CertificateSerializer,
    CertificationCheckSerializer,
    CertificationQuerySerializer,
    OfficerListSerializer,
)
from enforcement.officers.certification import check_certification, with_validity_history
from enforcement.officers.filters import CertificateFilterSet, OfficerFilterSet
from enforcement.officers.models.certificate import Certificate
from enforcement.officers.models.officer import Officer
from lawgov.api.views import ScopedReadOnlyModelViewSet


class OfficerViewSet(ScopedReadOnlyModelViewSet):
    queryset = Officer.objects.select_related("agency")
    serializer_class = OfficerListSerializer
    filterset_class = OfficerFilterSet
    ordering_fields = ["name", "agency__path", "employed_since"]
    ordering = ["agency__path", "name", "pk"]


class CertificateViewSet(ScopedReadOnlyModelViewSet):
    queryset = with_validity_history(Certificate.objects.select_related("officer__agency"))
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
        answer = check_certification(
            Officer.objects.visible_to(request.user), **query.validated_data, day=timezone.localdate()
        )
        if answer is None:
            raise Http404
        return Response(CertificationCheckSerializer(answer, context=self.get_serializer_context()).data)
