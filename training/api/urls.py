from rest_framework.routers import DefaultRouter

from training.exams.api import ExamResultViewSet, ExamViewSet
from training.publicity.api import PublicityActivityViewSet
from training.study.api import TrainingSessionViewSet

router = DefaultRouter()
router.register("training-sessions", TrainingSessionViewSet)
router.register("exams", ExamViewSet)
router.register("exam-results", ExamResultViewSet)
router.register("publicity-activities", PublicityActivityViewSet)

urlpatterns = router.urls
