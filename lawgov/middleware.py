"""Requests whose address holds a NUL character, refused before any view reads it.

PostgreSQL stores no NUL character, so no record is found by a text holding
one, and a lookup with one fails in the database: a server error. Forms and
serializers refuse it in what they read; a view that reads its address
itself (a verification token in the URL, the admin's autocomplete term) is
covered here, once for all.
"""

from __future__ import annotations

from django.http import HttpResponseBadRequest, JsonResponse
from django.utils.translation import gettext as _

from lawgov.views import is_api_request

NUL = "\x00"


def _holds_nul(request) -> bool:
    return NUL in request.path or any(NUL in key or NUL in "".join(values) for key, values in request.GET.lists())


class RefuseNulCharacters:
    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        if not _holds_nul(request):
            return self.get_response(request)
        message = _("Null characters are not allowed.")
        if is_api_request(request):
            error = {"code": "null_characters_not_allowed", "detail": message, "attr": None}
            return JsonResponse({"type": "validation_error", "errors": [error]}, status=400)
        return HttpResponseBadRequest(message, content_type="text/plain; charset=utf-8")
