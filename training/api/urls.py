from rest_framework.routers import SimpleRouter

from training.exams.api import ExamResultViewSet, ExamViewSet
from training.publicity.api import PublicityActivityViewSet
from training.publicity.registers_api import (
    PublicityFormatViewSet,
    PublicitySiteViewSet,
    ThemeDayViewSet,
    VicePrincipalViewSet,
)
from training.study.api import AttendanceViewSet, StudyPlanViewSet, TrainingSessionViewSet

router = SimpleRouter()
router.register("study-plans", StudyPlanViewSet)
router.register("training-sessions", TrainingSessionViewSet)
router.register("attendances", AttendanceViewSet)
router.register("exams", ExamViewSet)
router.register("exam-results", ExamResultViewSet)
router.register("publicity-activities", PublicityActivityViewSet)
router.register("theme-days", ThemeDayViewSet)
router.register("publicity-formats", PublicityFormatViewSet)
router.register("vice-principals", VicePrincipalViewSet)
router.register("publicity-sites", PublicitySiteViewSet)

urlpatterns = router.urls
