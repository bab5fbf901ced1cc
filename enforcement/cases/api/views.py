"""Penalty cases: list and detail for every role in scope; create, events and files for team leads."""

from __future__ import annotations

import io
import json
import zipfile

from django.db.models import Prefetch
from django.http import HttpResponse
from django.utils.translation import gettext as _
from drf_spectacular.types import OpenApiTypes
from drf_spectacular.utils import OpenApiResponse, extend_schema
from rest_framework import mixins, serializers, status, viewsets
from rest_framework.decorators import action
from rest_framework.exceptions import MethodNotAllowed
from rest_framework.parsers import MultiPartParser
from rest_framework.response import Response

from enforcement.cases import services
from enforcement.cases.api.serializers import EnforcementCaseSerializer, EventFileSerializer, EventSerializer
from enforcement.cases.certification import certificates_for_the_check
from enforcement.cases.filters import EnforcementCaseFilterSet
from enforcement.cases.models import EnforcementCase, EnforcementEvent, EventFile, EventOfficer
from lawgov.api.views import ScopedQuerysetMixin


class FileUploadSerializer(serializers.Serializer):
    event = serializers.IntegerField()
    file = serializers.FileField()
    supersedes = serializers.IntegerField(required=False, allow_null=True)


class EnforcementCaseViewSet(
    ScopedQuerysetMixin,
    mixins.CreateModelMixin,
    mixins.RetrieveModelMixin,
    mixins.ListModelMixin,
    viewsets.GenericViewSet,
):
    queryset = EnforcementCase.objects.select_related("agency", "field").prefetch_related(
        "handlers",
        "parties",
        "penalties",
        Prefetch(
            "events",
            queryset=EnforcementEvent.objects.prefetch_related(
                "files",
                Prefetch(
                    "officer_links",
                    queryset=EventOfficer.objects.select_related("officer").prefetch_related(
                        Prefetch("officer__certificates", queryset=certificates_for_the_check())
                    ),
                ),
            ),
        ),
    )
    serializer_class = EnforcementCaseSerializer
    filterset_class = EnforcementCaseFilterSet
    ordering_fields = ["discovered_on", "filed_on", "next_deadline_on", "decided_on"]
    ordering = ["-discovered_on", "-pk"]

    @extend_schema(request=None, responses={405: OpenApiResponse(description="A case changes through its events.")})
    def update(self, request, *args, **kwargs):
        # The case is looked up first: out of scope is 404, without the permission 403, like every resource.
        self.get_object()
        raise MethodNotAllowed(request.method, detail=_("A case changes through its events."))

    @extend_schema(request=None, responses={405: OpenApiResponse(description="A case changes through its events.")})
    def partial_update(self, request, *args, **kwargs):
        return self.update(request, *args, **kwargs)

    @extend_schema(responses={405: OpenApiResponse(description="A case is closed through its events, never deleted.")})
    def destroy(self, request, *args, **kwargs):
        self.get_object()
        raise MethodNotAllowed(request.method, detail=_("A case is never deleted: it is closed through its events."))

    def _refetched(self, case: EnforcementCase):
        return self.get_serializer(self.get_queryset().get(pk=case.pk)).data

    def create(self, request, *args, **kwargs):
        serializer = self.get_serializer(data=request.data)
        serializer.is_valid(raise_exception=True)
        case = serializer.save()
        return Response(self._refetched(case), status=status.HTTP_201_CREATED)

    @extend_schema(request=EventSerializer, responses={201: EnforcementCaseSerializer})
    @action(detail=True, methods=["post"], url_path="events")
    def events(self, request, pk=None):
        """Record a dated event; a step the law does not allow is refused with a 400 naming the field."""
        case = self.get_object()
        serializer = EventSerializer(data=request.data, context=self.get_serializer_context())
        serializer.is_valid(raise_exception=True)
        services.record_event(case=case, **serializer.validated_data)
        return Response(self._refetched(case), status=status.HTTP_201_CREATED)

    @extend_schema(request={"multipart/form-data": FileUploadSerializer}, responses={201: EventFileSerializer})
    @action(detail=True, methods=["post"], url_path="files", parser_classes=[MultiPartParser])
    def attach(self, request, pk=None):
        """Attach a file to one of the case's events (art. 47); a correction names the file it supersedes."""
        case = self.get_object()
        upload = FileUploadSerializer(data=request.data)
        upload.is_valid(raise_exception=True)
        event = case.events.filter(pk=upload.validated_data["event"]).first()
        if event is None:
            raise serializers.ValidationError({"event": "This case has no such event."})
        supersedes = None
        if upload.validated_data.get("supersedes"):
            supersedes = EventFile.objects.filter(event__case=case, pk=upload.validated_data["supersedes"]).first()
            if supersedes is None:
                raise serializers.ValidationError({"supersedes": "This case has no such file."})
        record = services.attach_file(
            event=event, upload=upload.validated_data["file"], by=request.user, supersedes=supersedes
        )
        return Response(EventFileSerializer(record).data, status=status.HTTP_201_CREATED)

    @extend_schema(responses={(200, "application/zip"): OpenApiResponse(OpenApiTypes.BINARY)})
    @action(detail=True, methods=["get"], url_path="archive", filterset_class=None, pagination_class=None)
    def archive(self, request, pk=None):
        """Every file of the case in one archive, with a manifest of events, names, sizes and SHA-256."""
        case = self.get_object()
        buffer = io.BytesIO()
        manifest = []
        with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as archive:
            for record in EventFile.objects.filter(event__case=case).select_related("event").order_by("pk"):
                member = f"{record.event.occurred_on:%Y-%m-%d}_{record.event.kind}/{record.pk}_{record.name}"
                with record.file.open("rb") as handle:
                    archive.writestr(member, handle.read())
                manifest.append(
                    {
                        "file": member,
                        "event": record.event.get_kind_display(),
                        "event_date": record.event.occurred_on.isoformat(),
                        "size": record.size,
                        "sha256": record.sha256,
                        "supersedes": record.supersedes_id,
                        "attached_at": record.created_at.isoformat(),
                    }
                )
            archive.writestr(
                "manifest.json", json.dumps({"case": str(case), "files": manifest}, ensure_ascii=False, indent=2)
            )
        response = HttpResponse(buffer.getvalue(), content_type="application/zip")
        response["Content-Disposition"] = f'attachment; filename="case-{case.pk}-files.zip"'
        return response
