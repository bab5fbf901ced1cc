"""lawgov settings: one module, configured from the environment.

Without any environment variables it runs in the embedded mode: SQLite next to
the code and Celery tasks executed in-process. Production sets DATABASE_URL,
CELERY_BROKER_URL, SECRET_KEY and ALLOWED_HOSTS; a missing or malformed value
stops the process at start, never at the first request.
"""

from datetime import timedelta
from pathlib import Path

import environ
from celery.schedules import crontab
from django.core.exceptions import ImproperlyConfigured
from django.utils.translation import gettext_lazy as _

BASE_DIR = Path(__file__).resolve().parent.parent

env = environ.Env()

TRUE_WORDS = {"1", "true", "yes", "on"}
FALSE_WORDS = {"0", "false", "no", "off", ""}


def env_bool(name: str, default: bool) -> bool:
    """A boolean from the environment; anything but a clear yes or no stops the start."""
    raw = env.str(name, default=str(default)).strip().lower()
    if raw in TRUE_WORDS:
        return True
    if raw in FALSE_WORDS:
        return False
    raise ImproperlyConfigured(f"{name} must be true or false, not {raw!r}.")


# With no database configured lawgov runs in the embedded mode (SQLite, tasks
# in-process, DEBUG on); a deployment that names its database is production
# unless it asks for DEBUG, and must then give its own secrets.
EMBEDDED = "DATABASE_URL" not in env
DEBUG = env_bool("DEBUG", default=EMBEDDED)

SECRET_KEY = env.str("SECRET_KEY", default="")
if not SECRET_KEY:
    if not DEBUG:
        raise ImproperlyConfigured(
            "SECRET_KEY must be set when DEBUG is off (production mode). Set DEBUG=true only for local development."
        )
    SECRET_KEY = "django-insecure-embedded-development-key-do-not-use-in-production"

ALLOWED_HOSTS = env.list("ALLOWED_HOSTS", default=["127.0.0.1", "localhost"] if DEBUG else [])
if not DEBUG and not ALLOWED_HOSTS:
    raise ImproperlyConfigured("ALLOWED_HOSTS must name the host names lawgov answers to when DEBUG is off.")
CSRF_TRUSTED_ORIGINS = env.list("CSRF_TRUSTED_ORIGINS", default=[])

# Behind TLS in production; plain HTTP for the embedded demo, tests and the
# loopback benchmarks.
HTTPS = env_bool("HTTPS", default=not DEBUG)
SECURE_SSL_REDIRECT = HTTPS
# A load balancer probes over plain HTTP and must read 200 or 503, not a redirect.
SECURE_REDIRECT_EXEMPT = [r"^healthz$"]
SESSION_COOKIE_SECURE = HTTPS
CSRF_COOKIE_SECURE = HTTPS
SECURE_HSTS_SECONDS = env.int("SECURE_HSTS_SECONDS", default=31536000 if HTTPS else 0)
SECURE_HSTS_INCLUDE_SUBDOMAINS = HTTPS
SECURE_HSTS_PRELOAD = HTTPS
if env_bool("USE_X_FORWARDED_PROTO", default=False):
    SECURE_PROXY_SSL_HEADER = ("HTTP_X_FORWARDED_PROTO", "https")

INSTALLED_APPS = [
    "django.contrib.admin",
    "django.contrib.auth",
    "django.contrib.contenttypes",
    "django.contrib.sessions",
    "django.contrib.messages",
    "django.contrib.staticfiles",
    "rest_framework",
    "rest_framework.authtoken",
    "django_filters",
    "drf_spectacular",
    "drf_spectacular_sidecar",
    "drf_standardized_errors",
    "simple_history",
    "concurrency",
    "axes",
    "health_check",
    "enforcement",
    "training",
    "reports",
]

MIDDLEWARE = [
    "django.middleware.security.SecurityMiddleware",
    "lawgov.middleware.RefuseNulCharacters",
    "whitenoise.middleware.WhiteNoiseMiddleware",
    "django.contrib.sessions.middleware.SessionMiddleware",
    "django.middleware.locale.LocaleMiddleware",
    "django.middleware.common.CommonMiddleware",
    "django.middleware.csrf.CsrfViewMiddleware",
    "django.contrib.auth.middleware.AuthenticationMiddleware",
    "django.contrib.messages.middleware.MessageMiddleware",
    "django.middleware.clickjacking.XFrameOptionsMiddleware",
    "simple_history.middleware.HistoryRequestMiddleware",
    # Last, as django-axes asks: it turns a locked-out login into its response.
    "axes.middleware.AxesMiddleware",
]

ROOT_URLCONF = "lawgov.urls"
WSGI_APPLICATION = "lawgov.wsgi.application"

TEMPLATES = [
    {
        "BACKEND": "django.template.backends.django.DjangoTemplates",
        "DIRS": [BASE_DIR / "lawgov" / "templates"],
        "APP_DIRS": True,
        "OPTIONS": {
            "context_processors": [
                "django.template.context_processors.request",
                "django.contrib.auth.context_processors.auth",
                "django.contrib.messages.context_processors.messages",
            ],
        },
    },
]

DATABASES = {
    "default": env.db("DATABASE_URL", default=f"sqlite:///{BASE_DIR / 'db.sqlite3'}"),
}
DATABASES["default"]["ATOMIC_REQUESTS"] = False
# Persistent connections: a new PostgreSQL connection costs ~7 ms, more than a
# whole HR check. Health checks drop a connection the server closed meanwhile.
DATABASES["default"].setdefault("CONN_MAX_AGE", env.int("CONN_MAX_AGE", default=0 if EMBEDDED else 600))
DATABASES["default"].setdefault("CONN_HEALTH_CHECKS", env_bool("CONN_HEALTH_CHECKS", True))
if DATABASES["default"]["ENGINE"].startswith("django.db.backends.postgresql"):
    # JIT compiling pays off for hour-long analytics, not for our queries of
    # milliseconds: at 3,000 townships it cost 0.9 s of the county's 2.4 s.
    options = DATABASES["default"].setdefault("OPTIONS", {})
    options["options"] = " ".join(filter(None, [options.get("options", ""), "-c jit=off"]))
    # Parameters bound by the server, so that a statement run again on a
    # connection is prepared (from its fifth run, psycopg's threshold) and not
    # planned anew: planning was a fifth of the HR check. Off behind a
    # connection pooler in transaction mode, which cannot keep prepared statements.
    if env_bool("DATABASE_PREPARED_STATEMENTS", True):
        options.setdefault("server_side_binding", True)
        options.setdefault("prepare_threshold", 5)
DEFAULT_AUTO_FIELD = "django.db.models.BigAutoField"

# Rate limits and lockouts are counted in the cache: with several processes
# a local-memory cache would let each count alone, so production names a
# shared one (the embedded mode and DEBUG runs are a single process).
if not EMBEDDED and not DEBUG and "CACHE_URL" not in env:
    raise ImproperlyConfigured(
        "CACHE_URL must name a shared cache (e.g. redis://redis:6379/1) in production, so rate limits hold "
        "across processes; locmemcache:// may be named explicitly for a single process."
    )
CACHES = {"default": env.cache("CACHE_URL", default="locmemcache://lawgov")}

# How many proxies stand before lawgov and append to X-Forwarded-For. With 0
# the header is ignored (anyone can write it); with n the n-th address from
# the right is the client's, the one the nearest trusted proxy saw.
NUM_PROXIES = env.int("NUM_PROXIES", default=0)
if NUM_PROXIES < 0:
    raise ImproperlyConfigured("NUM_PROXIES cannot be negative.")
if NUM_PROXIES:
    AXES_IPWARE_PROXY_COUNT = NUM_PROXIES
    AXES_IPWARE_META_PRECEDENCE_ORDER = ("HTTP_X_FORWARDED_FOR", "REMOTE_ADDR")
else:
    AXES_IPWARE_META_PRECEDENCE_ORDER = ("REMOTE_ADDR",)

AUTHENTICATION_BACKENDS = [
    "axes.backends.AxesStandaloneBackend",
    "django.contrib.auth.backends.ModelBackend",
]
AUTH_PASSWORD_VALIDATORS = [
    {"NAME": "django.contrib.auth.password_validation.UserAttributeSimilarityValidator"},
    {"NAME": "django.contrib.auth.password_validation.MinimumLengthValidator"},
    {"NAME": "django.contrib.auth.password_validation.CommonPasswordValidator"},
    {"NAME": "django.contrib.auth.password_validation.NumericPasswordValidator"},
]

# Repeated failed logins lock the username from that address for a while.
AXES_FAILURE_LIMIT = env.int("AXES_FAILURE_LIMIT", default=5)
AXES_COOLOFF_TIME = timedelta(minutes=env.int("AXES_COOLOFF_MINUTES", default=30))
AXES_LOCKOUT_PARAMETERS = [["username", "ip_address"]]
AXES_RESET_ON_SUCCESS = True
AXES_VERBOSE = False
# Lock-outs end by themselves after the cool-off, or at once with `manage.py axes_reset`;
# axes' own admin pages are English-only, so they stay out of the Chinese admin.
AXES_ENABLE_ADMIN = False
AXES_LOCKOUT_CALLABLE = "lawgov.api.auth.lockout_response"

LANGUAGE_CODE = "zh-hans"
LANGUAGES = [("zh-hans", _("Simplified Chinese")), ("en", _("English"))]
LOCALE_PATHS = [BASE_DIR / "locale"]
TIME_ZONE = "Asia/Shanghai"
USE_I18N = True
USE_TZ = True

STATIC_URL = "static/"
STATIC_ROOT = env.path("STATIC_ROOT", default=BASE_DIR / "staticfiles")
MEDIA_URL = "media/"
MEDIA_ROOT = env.path("MEDIA_ROOT", default=BASE_DIR / "media")
STORAGES = {
    "default": {"BACKEND": "django.core.files.storage.FileSystemStorage"},
    "staticfiles": {
        "BACKEND": "whitenoise.storage.CompressedStaticFilesStorage"
        if not DEBUG
        else "django.contrib.staticfiles.storage.StaticFilesStorage"
    },
}
DATA_UPLOAD_MAX_MEMORY_SIZE = env.int("DATA_UPLOAD_MAX_MEMORY_SIZE", default=10 * 1024 * 1024)

EMAIL_CONFIG = env.email("EMAIL_URL", default="consolemail://" if DEBUG else "smtp://localhost:25")
vars().update(EMAIL_CONFIG)
DEFAULT_FROM_EMAIL = env.str("DEFAULT_FROM_EMAIL", default="lawgov@localhost")

# Celery: without a broker, tasks run eagerly in-process (the embedded mode).
CELERY_BROKER_URL = env.str("CELERY_BROKER_URL", default="")
CELERY_TASK_ALWAYS_EAGER = not CELERY_BROKER_URL
CELERY_TASK_EAGER_PROPAGATES = True
CELERY_RESULT_BACKEND = env.str("CELERY_RESULT_BACKEND", default=CELERY_BROKER_URL or None) or None
CELERY_ACCEPT_CONTENT = ["json"]
CELERY_TASK_SERIALIZER = "json"
CELERY_RESULT_SERIALIZER = "json"
CELERY_TIMEZONE = TIME_ZONE
# A task whose worker dies mid-way is delivered again, not lost.
CELERY_TASK_ACKS_LATE = True
CELERY_TASK_REJECT_ON_WORKER_LOST = True
CELERY_WORKER_PREFETCH_MULTIPLIER = 1
CELERY_TASK_TIME_LIMIT = env.int("CELERY_TASK_TIME_LIMIT", default=30 * 60)
CELERY_TASK_SOFT_TIME_LIMIT = CELERY_TASK_TIME_LIMIT - 60
CELERY_BROKER_CONNECTION_RETRY_ON_STARTUP = True
# A broker or result store that is down is reported within seconds: a request
# that needs the queue answers 503 at once instead of holding a web worker.
CELERY_BROKER_CONNECTION_TIMEOUT = env.float("CELERY_BROKER_CONNECTION_TIMEOUT", default=3.0)
if not 0 < CELERY_BROKER_CONNECTION_TIMEOUT <= 3:
    raise ImproperlyConfigured("CELERY_BROKER_CONNECTION_TIMEOUT must be more than 0 and at most 3 seconds.")
CELERY_REDIS_SOCKET_CONNECT_TIMEOUT = CELERY_BROKER_CONNECTION_TIMEOUT
CELERY_REDIS_SOCKET_TIMEOUT = 10
CELERY_RESULT_BACKEND_TRANSPORT_OPTIONS = {
    "retry_policy": {"max_retries": 1, "interval_start": 0, "interval_step": 0.2, "interval_max": 0.5},
}
CELERY_BROKER_TRANSPORT_OPTIONS = {
    # A task taken by a worker that then died is delivered again after this long.
    "visibility_timeout": env.int("CELERY_VISIBILITY_TIMEOUT", default=2 * CELERY_TASK_TIME_LIMIT),
    # How often a worker looks for such tasks, in seconds.
    "unacked_restore_interval": env.int("CELERY_UNACKED_RESTORE_INTERVAL", default=60),
    "unacked_restore_throttle": 1,
    "socket_connect_timeout": CELERY_BROKER_CONNECTION_TIMEOUT,
    "socket_timeout": 10,
}
CELERY_TASK_PUBLISH_RETRY_POLICY = {"max_retries": 1, "interval_start": 0, "interval_step": 0.5, "interval_max": 1}
CELERY_BEAT_SCHEDULE: dict = {
    "reconsideration-deadline-warnings": {
        "task": "enforcement.warn_reconsideration_deadlines",
        "schedule": crontab(hour=7, minute=30),
    },
    "certificate-reminders": {
        "task": "enforcement.send_certificate_reminders",
        "schedule": crontab(hour=env.int("CERTIFICATE_REMINDER_HOUR", default=7), minute=0),
    },
    "stale-upload-cleanup": {
        "task": "enforcement.delete_stale_uploads",
        "schedule": crontab(hour=3, minute=15),
    },
}

REST_FRAMEWORK = {
    "DEFAULT_AUTHENTICATION_CLASSES": [
        # Token authentication with the user, permissions and scope cached until access changes.
        "enforcement.agencies.access.CachedTokenAuthentication",
        "rest_framework.authentication.SessionAuthentication",
    ],
    "DEFAULT_PERMISSION_CLASSES": ["lawgov.api.permissions.ScopedModelPermissions"],
    "DEFAULT_PAGINATION_CLASS": "lawgov.api.pagination.PageNumberPagination",
    "PAGE_SIZE": 50,
    "DEFAULT_FILTER_BACKENDS": [
        "django_filters.rest_framework.DjangoFilterBackend",
        "rest_framework.filters.OrderingFilter",
    ],
    "DEFAULT_SCHEMA_CLASS": "lawgov.api.schema.AutoSchema",
    "EXCEPTION_HANDLER": "drf_standardized_errors.handler.exception_handler",
    "DEFAULT_THROTTLE_RATES": {
        "certificate_verification": env.str("VERIFICATION_RATE", default="30/minute"),
        # Per address, on top of django-axes' lockout per username and address.
        "token": env.str("TOKEN_RATE", default="20/minute"),
        "enforcement_disclosure": env.str("DISCLOSURE_RATE", default="30/minute"),
    },
    "NUM_PROXIES": NUM_PROXIES,
    "DEFAULT_PARSER_CLASSES": ["lawgov.api.parsers.JSONParser"],
    "TEST_REQUEST_DEFAULT_FORMAT": "json",
}
DRF_STANDARDIZED_ERRORS = {
    "EXCEPTION_HANDLER_CLASS": "lawgov.api.exceptions.LawgovExceptionHandler",
    "ENABLE_IN_DEBUG_FOR_UNHANDLED_EXCEPTIONS": True,
    "ALLOWED_ERROR_STATUS_CODES": ["400", "401", "403", "404", "405", "406", "409", "413", "415", "429", "500"],
    "ERROR_SCHEMAS": {
        "400": "lawgov.api.schema.ErrorResponse400Serializer",
        "409": "lawgov.api.schema.ErrorResponse409Serializer",
        "413": "lawgov.api.schema.ErrorResponse413Serializer",
    },
}

ERROR_CODES = (401, 403, 404, 405, 406, 415, 429, 500)
SPECTACULAR_SETTINGS = {
    "TITLE": "lawgov API",
    "DESCRIPTION": "Rule-of-law government work of township governments and county justice bureaus.",
    "VERSION": "1.0.0",
    "SERVE_INCLUDE_SCHEMA": False,
    # The documentation UI's scripts and styles come from this project's static
    # files (drf-spectacular-sidecar), not a CDN an intranet cannot reach.
    "SWAGGER_UI_DIST": "SIDECAR",
    "SWAGGER_UI_FAVICON_HREF": "SIDECAR",
    "REDOC_DIST": "SIDECAR",
    "COMPONENT_SPLIT_REQUEST": True,
    "ENUM_NAME_OVERRIDES": {
        "EmploymentStatusEnum": "enforcement.officers.models.officer.EmploymentStatus.choices",
        "CertificateStatusEnum": "enforcement.officers.models.certificate.CertificateStatus.choices",
        "ReviewResultEnum": "reports.ledger.models.decisions.ReviewResult.choices",
        "DisputeOutcomeEnum": "reports.ledger.models.disputes.DisputeOutcome.choices",
        # The reconsideration outcome keeps the name it had before disputes also had an outcome.
        "OutcomeEnum": "enforcement.reconsideration.choices.Outcome.choices",
        "PartyKindEnum": "enforcement.cases.models.choices.PartyKind.choices",
        "PenaltyKindEnum": "enforcement.cases.models.choices.PenaltyKind.choices",
        "PenaltyCaseEventKindEnum": "enforcement.cases.models.choices.CaseEventKind.choices",
        "PenaltyCaseStatusEnum": "enforcement.cases.models.choices.CaseStatus.choices",
        "PenaltyDecisionOutcomeEnum": "enforcement.cases.models.choices.DecisionOutcome.choices",
        "PenaltyEventOutcomeEnum": "enforcement.cases.models.choices.EVENT_OUTCOMES",
        "PenaltyDeadlineKindEnum": "enforcement.cases.models.choices.PenaltyDeadlineKind.choices",
        **{
            f"{name}Enum": f"drf_standardized_errors.openapi_serializers.{name}Enum.choices"
            for name in ("ValidationError", "ClientError", "ServerError", *(f"ErrorCode{code}" for code in ERROR_CODES))
        },
    },
    "POSTPROCESSING_HOOKS": ["drf_standardized_errors.openapi_hooks.postprocess_schema_enums"],
}

SIMPLE_HISTORY_REVERT_DISABLED = False

LOG_LEVEL = env.str("LOG_LEVEL", default="INFO")
LOGGING = {
    "version": 1,
    "disable_existing_loggers": False,
    "handlers": {"console": {"class": "logging.StreamHandler"}},
    "root": {"handlers": ["console"], "level": LOG_LEVEL},
    # Django's own "django" logger has a console handler of its own and also
    # passes its records up to the root: each line would be printed twice.
    # Its records go to the root's handler alone, with DEBUG on or off.
    # ("django.server", runserver's request lines, keeps its own handler and
    # does not pass them up.)
    "loggers": {"django": {"handlers": [], "level": LOG_LEVEL, "propagate": True}},
}

# --- Domain settings -------------------------------------------------------
# These differ by province or by the authority reading the figures; they are
# settings so that a deployment changes them without touching code.
LAWGOV = {
    # The largest file attached to a penalty case's event (a video of an inspection, art. 47).
    "CASE_FILE_MAX_BYTES": env.int("LAWGOV_CASE_FILE_MAX_BYTES", default=200 * 1024 * 1024),
    # How many years a newly issued law-enforcement certificate is valid.
    "CERTIFICATE_VALIDITY_YEARS": env.int("LAWGOV_CERTIFICATE_VALIDITY_YEARS", default=5),
    # Required yearly legal and professional training hours per officer.
    "REQUIRED_TRAINING_HOURS": env.int("LAWGOV_REQUIRED_TRAINING_HOURS", default=60),
    # Score at or above which an exam result counts as excellent (of 100).
    "EXCELLENCE_MARK_PERCENT": env.int("LAWGOV_EXCELLENCE_MARK_PERCENT", default=90),
    # Denominator of the reconsideration correction rate: "merits" or "received".
    "CORRECTION_RATE_DENOMINATOR": env.str("LAWGOV_CORRECTION_RATE_DENOMINATOR", default="merits"),
    # Where the yearly report starts calling a figure a problem (reports/statistics/problems.py):
    # counts above the threshold, or rates and averages below (above, for the
    # correction rate) it.
    "PROBLEM_THRESHOLDS": {
        "uncertified_enforcement": env.int("LAWGOV_MAX_UNCERTIFIED_ENFORCING", default=0),
        "certificates_expiring": env.int("LAWGOV_MAX_CERTIFICATES_EXPIRING", default=0),
        "training_hours_short": env.int("LAWGOV_MAX_OFFICERS_BELOW_TRAINING", default=0),
        "exam_pass_rate_low": env.float("LAWGOV_MIN_EXAM_PASS_RATE", default=1.0),
        "publicity_one_way": env.float("LAWGOV_MIN_INTERACTIVE_SHARE", default=0.3),
        "publicity_low_participation": env.float("LAWGOV_MIN_PARTICIPANTS_PER_ACTIVITY", default=50),
        "replies_overdue": env.int("LAWGOV_MAX_REPLIES_OVERDUE", default=0),
        "correction_rate_high": env.float("LAWGOV_MAX_CORRECTION_RATE", default=0.15),
        "decision_without_review": env.int("LAWGOV_MAX_DECISIONS_WITHOUT_REVIEW", default=0),
        "decision_without_discussion": env.int("LAWGOV_MAX_DECISIONS_WITHOUT_DISCUSSION", default=0),
        "document_without_review": env.int("LAWGOV_MAX_DOCUMENTS_WITHOUT_REVIEW", default=0),
        "document_filed_late": env.int("LAWGOV_MAX_DOCUMENTS_FILED_LATE", default=0),
        "no_rule_of_law_report": env.int("LAWGOV_MIN_RULE_OF_LAW_REPORTS", default=1),
        "no_leading_group_meeting": env.int("LAWGOV_MIN_LEADING_GROUP_MEETINGS", default=1),
        "group_study_short": env.int("LAWGOV_MAX_GROUP_STUDY_SHORTFALL", default=0),
        "uncertified_handler_acts": env.int("LAWGOV_MAX_UNCERTIFIED_HANDLER_ACTS", default=0),
        "decisions_late": env.int("LAWGOV_MAX_DECISIONS_LATE", default=0),
        "legal_review_missing": env.int("LAWGOV_MAX_LEGAL_REVIEWS_MISSING", default=0),
    },
    # Class periods of legal education a rule-of-law vice principal gives each school year
    # (《中小学法治副校长聘任与管理办法》: at least 4).
    "VICE_PRINCIPAL_CLASS_PERIODS": env.int("LAWGOV_VICE_PRINCIPAL_CLASS_PERIODS", default=4),
    # Largest accepted photo of a publicity activity, in bytes and in pixels a side.
    "PHOTO_MAX_BYTES": env.int("LAWGOV_PHOTO_MAX_BYTES", default=5 * 1024 * 1024),
    "PHOTO_MAX_SIDE": env.int("LAWGOV_PHOTO_MAX_SIDE", default=8000),
    # Bounds on an uploaded spreadsheet, checked before it is parsed; the
    # defaults admit a 10,000-row roster with room to spare.
    "IMPORT_LIMITS": {
        "max_bytes": env.int("LAWGOV_IMPORT_MAX_BYTES", default=20 * 1000 * 1000),
        "max_uncompressed_bytes": env.int("LAWGOV_IMPORT_MAX_UNCOMPRESSED_BYTES", default=200 * 1000 * 1000),
        "max_rows": env.int("LAWGOV_IMPORT_MAX_ROWS", default=50_000),
        "max_columns": env.int("LAWGOV_IMPORT_MAX_COLUMNS", default=100),
        "max_seconds": env.float("LAWGOV_IMPORT_MAX_SECONDS", default=120.0),
    },
    # The province whose rules apply (mandatory decision steps, filing periods of
    # normative documents): the name its rows carry in those admin tables.
    "PROVINCE": env.str("LAWGOV_PROVINCE", default="河南省"),
}
if LAWGOV["CORRECTION_RATE_DENOMINATOR"] not in {"merits", "received"}:
    raise ImproperlyConfigured("LAWGOV_CORRECTION_RATE_DENOMINATOR must be 'merits' or 'received'.")
