from django.http import JsonResponse
from django.shortcuts import render
from django.utils.translation import gettext as _
from drf_spectacular.utils import extend_schema, inline_serializer
from drf_standardized_errors.openapi_serializers import ErrorResponse429Serializer
from rest_framework import serializers
from rest_framework.authtoken.serializers import AuthTokenSerializer
from rest_framework.authtoken.views import ObtainAuthToken
from rest_framework.parsers import FormParser, MultiPartParser
from rest_framework.throttling import ScopedRateThrottle

from lawgov.api.parsers import JSONParser


class TokenRequestSerializer(AuthTokenSerializer):
    def validate(self, attrs):
        # django-axes flags a locked-out login on the Django request, where its
        # middleware looks for the flag, not on DRF's wrapper of it.
        request = self.context.get("request")
        self.context["request"] = getattr(request, "_request", request)
        return super().validate(attrs)


class ObtainTokenView(ObtainAuthToken):
    """POST a username and password, receive the API token."""

    serializer_class = TokenRequestSerializer
    # Form posts as well (`curl -d username=… -d password=…`), as DRF's own token view takes them.
    parser_classes = [JSONParser, FormParser, MultiPartParser]
    throttle_classes = [ScopedRateThrottle]
    throttle_scope = "token"

    @extend_schema(
        request=TokenRequestSerializer,
        responses={
            200: inline_serializer("Token", {"token": serializers.CharField()}),
            429: ErrorResponse429Serializer,
        },
    )
    def post(self, request, *args, **kwargs):
        return super().post(request, *args, **kwargs)


def lockout_response(request, response, credentials, *args, **kwargs):
    """django-axes' answer to a locked-out login: the API's JSON error body for API clients."""
    if request.path.startswith("/api/"):
        detail = _("Too many failed logins: this account is locked for a while. Try again later.")
        return JsonResponse(
            {"type": "client_error", "errors": [{"code": "throttled", "detail": detail, "attr": None}]}, status=429
        )
    return render(request, "lockout.html", status=429)
