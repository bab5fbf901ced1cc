from rest_framework.routers import DefaultRouter

from .reconsideration import ReconsiderationCaseViewSet
from .views import AgencyViewSet

router = DefaultRouter()
router.register("agencies", AgencyViewSet)
router.register("reconsideration-cases", ReconsiderationCaseViewSet)

urlpatterns = router.urls
