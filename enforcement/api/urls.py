from rest_framework.routers import DefaultRouter

from .views import AgencyViewSet, CertificateViewSet, OfficerViewSet

router = DefaultRouter()
router.register("agencies", AgencyViewSet)
router.register("officers", OfficerViewSet)
router.register("certificates", CertificateViewSet)

urlpatterns = router.urls
