from django.urls import path
from rest_framework.routers import SimpleRouter

from reports.api.views import AnnualReportViewSet, StatisticsView

router = SimpleRouter()
router.register("reports", AnnualReportViewSet)

urlpatterns = [path("stats/", StatisticsView.as_view(), name="statistics"), *router.urls]
