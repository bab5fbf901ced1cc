"""The /api/v1/ root: every route of every app in one list, read from the URL patterns themselves."""

from django.urls import URLPattern, URLResolver
from rest_framework.routers import APIRootView


def routes_without_parameters(patterns, prefix: str = "") -> dict[str, str]:
    """{route: url name} of every named route that takes no parameter (lists, statistics, token)."""
    found: dict[str, str] = {}
    for pattern in patterns:
        route = prefix + str(pattern.pattern).lstrip("^").rstrip("$")
        if isinstance(pattern, URLResolver):
            found |= routes_without_parameters(pattern.url_patterns, route)
        elif isinstance(pattern, URLPattern) and pattern.name and route and not pattern.pattern.regex.groups:
            found[route.rstrip("/")] = pattern.name
    return found


def api_root_view(patterns):
    """The root view of the API made of `patterns`, listing each of their routes once."""
    return APIRootView.as_view(api_root_dict=dict(sorted(routes_without_parameters(patterns).items())))
