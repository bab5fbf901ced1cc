from rest_framework.routers import DefaultRouter

from training.api.views import ExamResultViewSet, ExamViewSet, PublicityActivityViewSet, TrainingSessionViewSet

router = DefaultRouter()
router.register("training-sessions", TrainingSessionViewSet)
router.register("exams", ExamViewSet)
router.register("exam-results", ExamResultViewSet)
router.register("publicity-activities", PublicityActivityViewSet)

urlpatterns = router.urls
