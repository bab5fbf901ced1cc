from django.urls import path
from rest_framework.routers import SimpleRouter

from reports.api.views import AnnualReportViewSet, StatisticsView
from reports.ledger.api.views import ROUTES as LEDGER_ROUTES

router = SimpleRouter()
router.register("reports", AnnualReportViewSet)
for prefix, viewset in LEDGER_ROUTES:
    router.register(prefix, viewset)

urlpatterns = [path("stats/", StatisticsView.as_view(), name="statistics"), *router.urls]
