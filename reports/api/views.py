from django.http import FileResponse, Http404, HttpResponse
from django.utils.translation import gettext as _
from drf_spectacular.types import OpenApiTypes
from drf_spectacular.utils import OpenApiResponse, extend_schema
from rest_framework import permissions, status
from rest_framework.decorators import action
from rest_framework.exceptions import NotFound, ValidationError
from rest_framework.response import Response
from rest_framework.views import APIView

from enforcement.agencies.models import Agency
from enforcement.agencies.scope import Scope
from lawgov.api.exceptions import ServiceUnavailable
from lawgov.api.schema import ErrorResponse503Serializer
from lawgov.api.views import ScopedModelViewSet
from reports.annual import services
from reports.annual.filters import AnnualReportFilterSet
from reports.annual.models import AnnualReport
from reports.annual.views import render_report_page
from reports.api.serializers import (
    AnnualReportSerializer,
    ReportRequestSerializer,
    StatisticsQuerySerializer,
    StatisticsWithChildrenSerializer,
)
from reports.statistics.cache import cached_children_statistics, cached_statistics
from reports.statistics.compile import last_complete_year, top_agency_of

DOCX_TYPE = "application/vnd.openxmlformats-officedocument.wordprocessingml.document"
XLSX_TYPE = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"


class CanViewStatistics(permissions.BasePermission):
    def has_permission(self, request, view) -> bool:
        return bool(request.user and request.user.has_perm("reports.view_statistics"))


class StatisticsView(APIView):
    """The compiled yearly statistics of an agency's subtree, counting only what the caller may list."""

    permission_classes = [permissions.IsAuthenticated, CanViewStatistics]

    @extend_schema(parameters=[StatisticsQuerySerializer], responses={200: StatisticsWithChildrenSerializer})
    def get(self, request):
        query = StatisticsQuerySerializer(data=request.query_params)
        query.is_valid(raise_exception=True)
        if "agency" in query.validated_data:
            agency = Agency.objects.visible_to(request.user).filter(pk=query.validated_data["agency"]).first()
            if agency is None:
                raise NotFound()
        else:
            agency = top_agency_of(request.user)
            if agency is None:
                raise ValidationError({"agency": [_("You belong to no agency; name one.")]})
        year = query.validated_data.get("year") or last_complete_year()
        stats = cached_statistics(Scope(request.user, agency), year)
        if query.validated_data["children"]:
            stats = {**stats, "children": cached_children_statistics(request.user, agency, year)}
        return Response(stats)


class AnnualReportViewSet(ScopedModelViewSet):
    """Yearly reports: POST an agency and a year to generate one (202); each links its downloads."""

    queryset = AnnualReport.objects.select_related("agency")
    serializer_class = AnnualReportSerializer
    filterset_class = AnnualReportFilterSet
    ordering_fields = ["year", "version", "generated_at", "published_at"]
    ordering = ["-year", "agency__path", "-version"]
    http_method_names = ["get", "post", "head", "options"]

    @extend_schema(
        request=ReportRequestSerializer, responses={202: AnnualReportSerializer, 503: ErrorResponse503Serializer}
    )
    def create(self, request, *args, **kwargs):
        payload = ReportRequestSerializer(data=request.data, context=self.get_serializer_context())
        payload.is_valid(raise_exception=True)
        try:
            report = services.request_report(user=request.user, **payload.validated_data)
        except services.QueueUnavailable as error:
            raise ServiceUnavailable(str(error)) from error
        return Response(self.get_serializer(report).data, status=status.HTTP_202_ACCEPTED)

    def _stored_file(self, kind: str, content_type: str) -> FileResponse:
        report = self.get_object()
        stored = getattr(report, kind)
        if not stored:
            raise Http404
        name = stored.name.rsplit("/", 1)[-1]
        return FileResponse(stored.open("rb"), as_attachment=True, filename=name, content_type=content_type)

    @extend_schema(responses={(200, DOCX_TYPE): OpenApiResponse(OpenApiTypes.BINARY, description="Word document")})
    @action(detail=True, methods=["get"])
    def docx(self, request, pk=None):
        return self._stored_file("docx", DOCX_TYPE)

    @extend_schema(responses={(200, XLSX_TYPE): OpenApiResponse(OpenApiTypes.BINARY, description="Excel annex")})
    @action(detail=True, methods=["get"])
    def xlsx(self, request, pk=None):
        return self._stored_file("xlsx", XLSX_TYPE)

    @extend_schema(responses={(200, "text/html"): OpenApiResponse(OpenApiTypes.STR, description="Printable page")})
    @action(detail=True, methods=["get"])
    def html(self, request, pk=None):
        report = self.get_object()
        if not report.document:
            raise Http404
        return HttpResponse(render_report_page(report), content_type="text/html; charset=utf-8")
