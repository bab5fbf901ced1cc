"""The training admin pages, one module per subject (importing them registers them)."""

from training.exams import admin as exams_admin  # noqa: F401
from training.publicity import admin as publicity_admin  # noqa: F401
from training.records import admin as records_admin  # noqa: F401
from training.study import admin as study_admin  # noqa: F401
