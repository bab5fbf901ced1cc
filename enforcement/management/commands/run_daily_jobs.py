from django.conf import settings
from django.core.management.base import BaseCommand

from enforcement.agencies.job_runs import JobRun
from lawgov.celery import app


class Command(BaseCommand):
    help = (
        "Run every job of the beat schedule once, now, in this process (as the scheduler would each day): "
        "for the demo, or by hand when the scheduler was down."
    )

    def handle(self, *args, **options):
        app.loader.import_default_modules()
        for entry in settings.CELERY_BEAT_SCHEDULE.values():
            # apply() runs the task here and now, whether or not a broker is configured.
            app.tasks[entry["task"]].apply(throw=True)
        for run in JobRun.objects.order_by("name"):
            self.stdout.write(f"{run.name}: {run.summary}")
