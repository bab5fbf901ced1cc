"""The WSGI application the load test serves: the project, plus the benchmark's plain view."""

from django.conf import settings

from lawgov.wsgi import application as project
from lawgov.wsgi import settled

# Set before the first request, so every worker resolves with it from the start.
settings.ROOT_URLCONF = "reports.benchmark"
application = settled(project)
