import re

from django.conf import settings
from django.contrib import admin
from django.urls import include, path, re_path
from django.views.static import serve
from drf_spectacular.views import SpectacularAPIView, SpectacularSwaggerView

from lawgov.api.auth import ObtainTokenView
from lawgov.api.root import api_root_view
from lawgov.health import HealthView, health_checks
from lawgov.views import home

# Media folders that no URL serves directly.
PRIVATE_MEDIA = "reports/|roster-imports/"

api_v1 = [
    path("auth/token/", ObtainTokenView.as_view(), name="api-token"),
    path("", include("enforcement.api.urls")),
    path("", include("reports.api.urls")),
    path("", include("training.api.urls")),
]
api_v1.insert(0, path("", api_root_view(api_v1), name="api-root"))

urlpatterns = [
    path("", home, name="home"),
    path("admin/", admin.site.urls),
    path("i18n/", include("django.conf.urls.i18n")),
    path("api/v1/", include(api_v1)),
    path("api/schema/", SpectacularAPIView.as_view(), name="schema"),
    path("api/docs/", SpectacularSwaggerView.as_view(url_name="schema"), name="api-docs"),
    path("", include("enforcement.urls")),
    path("healthz", HealthView.as_view(checks=health_checks()), name="healthz"),
]

if settings.DEBUG:
    # The embedded mode serves uploaded photos itself. Yearly reports and
    # roster uploads are never served from here: reports only through the
    # scoped, authenticated download views, uploads not at all.
    urlpatterns.append(
        re_path(
            rf"^{re.escape(settings.MEDIA_URL.lstrip('/'))}(?P<path>(?!{PRIVATE_MEDIA}).*)$",
            serve,
            {"document_root": settings.MEDIA_ROOT},
        )
    )

handler404 = "lawgov.views.page_not_found"
handler500 = "lawgov.views.server_error"
