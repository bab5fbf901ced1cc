from rest_framework.routers import DefaultRouter

from enforcement.agencies.api import AgencyViewSet
from enforcement.officers.api.views import CertificateViewSet, OfficerViewSet
from enforcement.reconsideration.api import ReconsiderationCaseViewSet

router = DefaultRouter()
router.register("agencies", AgencyViewSet)
router.register("officers", OfficerViewSet)
router.register("certificates", CertificateViewSet)
router.register("reconsideration-cases", ReconsiderationCaseViewSet)

urlpatterns = router.urls
