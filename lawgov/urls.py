from django.conf import settings
from django.contrib import admin
from django.urls import include, path
from drf_spectacular.views import SpectacularAPIView, SpectacularSwaggerView
from health_check.views import HealthCheckView

from lawgov.api.auth import ObtainTokenView
from lawgov.health import health_checks
from lawgov.views import home

api_v1 = [
    path("auth/token/", ObtainTokenView.as_view(), name="api-token"),
    path("", include("enforcement.api.urls")),
    path("", include("reports.api.urls")),
    path("", include("training.api.urls")),
]

urlpatterns = [
    path("", home, name="home"),
    path("admin/", admin.site.urls),
    path("i18n/", include("django.conf.urls.i18n")),
    path("api/v1/", include(api_v1)),
    path("api/schema/", SpectacularAPIView.as_view(), name="schema"),
    path("api/docs/", SpectacularSwaggerView.as_view(url_name="schema"), name="api-docs"),
    path("", include("enforcement.urls")),
    path("healthz", HealthCheckView.as_view(checks=health_checks()), name="healthz"),
]

if settings.DEBUG:
    from django.conf.urls.static import static

    urlpatterns += static(settings.MEDIA_URL, document_root=settings.MEDIA_ROOT)

handler404 = "lawgov.views.page_not_found"
handler500 = "lawgov.views.server_error"
