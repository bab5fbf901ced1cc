from .exams import Exam, ExamKind, ExamResult
from .plans import Attendance, SessionKind, StudyPlan, TrainingSession
from .publicity import ActivityPhoto, Audience, PublicityActivity, PublicityFormat, ThemeDay
from .records import OfficerTrainingRecord
from .youth import PublicitySite, PublicitySiteKind, RuleOfLawVicePrincipal

__all__ = [
    "ActivityPhoto",
    "Attendance",
    "Audience",
    "Exam",
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
