from . import exams, publicity, sessions  # noqa: F401  (registers the admin classes)
