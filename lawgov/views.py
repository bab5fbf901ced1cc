from django.http import JsonResponse
from django.shortcuts import render
from django.urls import reverse
from django.views import defaults


def home(request):
    """The start of the site: where to go for the admin, the API and the public pages."""
    return render(request, "home.html", {"schema_url": reverse("schema"), "api_root": "/api/v1/"})


def is_api_request(request) -> bool:
    return request.path.startswith("/api/")


def page_not_found(request, exception):
    """API clients get the API's JSON error body even for a URL no route matches."""
    if is_api_request(request):
        return JsonResponse(
            {"type": "client_error", "errors": [{"code": "not_found", "detail": "Not found.", "attr": None}]},
            status=404,
        )
    return defaults.page_not_found(request, exception)


def server_error(request):
    if is_api_request(request):
        return JsonResponse(
            {"type": "server_error", "errors": [{"code": "error", "detail": "A server error occurred.", "attr": None}]},
            status=500,
        )
    return defaults.server_error(request)
