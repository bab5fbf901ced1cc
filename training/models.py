"""The models Django registers for the training app; each subject package defines its own."""

from training.exams.models import Exam, ExamExemption, ExamKind, ExamResult
from training.publicity.models import ActivityPhoto, Audience, PublicityActivity, PublicityFormat, ThemeDay
from training.publicity.youth import PublicitySite, PublicitySiteKind, RuleOfLawVicePrincipal
from training.records.models import OfficerTrainingRecord
from training.study.models import Attendance, SessionKind, StudyPlan, TrainingSession

__all__ = [
    "ActivityPhoto",
    "Attendance",
    "Audience",
    "Exam",
    "ExamExemption",
    "ExamKind",
    "ExamResult",
    "OfficerTrainingRecord",
    "PublicityActivity",
    "PublicityFormat",
    "PublicitySite",
    "PublicitySiteKind",
    "RuleOfLawVicePrincipal",
    "SessionKind",
    "StudyPlan",
    "ThemeDay",
    "TrainingSession",
]
