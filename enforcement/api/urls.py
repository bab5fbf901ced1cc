from django.urls import path
from rest_framework.routers import SimpleRouter

from enforcement.agencies.api import AgencyViewSet
from enforcement.cases.api.views import EnforcementCaseViewSet
from enforcement.cases.disclosure import DisclosureView
from enforcement.officers.api.views import CertificateViewSet, OfficerViewSet
from enforcement.reconsideration.api import ReconsiderationCaseViewSet

router = SimpleRouter()
router.register("agencies", AgencyViewSet)
router.register("officers", OfficerViewSet)
router.register("certificates", CertificateViewSet)
router.register("reconsideration-cases", ReconsiderationCaseViewSet)
router.register("enforcement-cases", EnforcementCaseViewSet)

urlpatterns = [
    path("disclosure/<int:agency_id>/", DisclosureView.as_view(), name="enforcement-disclosure-api"),
    *router.urls,
]
