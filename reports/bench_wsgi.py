"""The WSGI application the load test serves: the project, plus the benchmark's plain view."""

import os

from django.conf import settings
from django.core.wsgi import get_wsgi_application

os.environ.setdefault("DJANGO_SETTINGS_MODULE", "lawgov.settings")
application = get_wsgi_application()
# Set before the first request, so every worker resolves with it from the start.
settings.ROOT_URLCONF = "reports.benchmark"
