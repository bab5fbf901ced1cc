from rest_framework.routers import DefaultRouter

from .reconsideration import ReconsiderationCaseViewSet
from .views import AgencyViewSet, CertificateViewSet, OfficerViewSet

router = DefaultRouter()
router.register("agencies", AgencyViewSet)
router.register("officers", OfficerViewSet)
router.register("certificates", CertificateViewSet)
router.register("reconsideration-cases", ReconsiderationCaseViewSet)

urlpatterns = router.urls
