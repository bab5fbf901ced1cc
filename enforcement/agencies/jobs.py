"""Scheduled jobs record their runs, and mail goes to the right people after commit."""

from __future__ import annotations

import datetime
from collections.abc import Callable, Iterable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from functools import wraps
from typing import Any

from celery import shared_task
from django.contrib.auth import get_user_model
from django.core.mail import send_mail
from django.db import transaction
from django.utils import timezone
from django.utils.formats import date_format
from django.utils.functional import Promise
from django.utils.translation import gettext as _

from enforcement.agencies import roles
from enforcement.agencies.job_runs import JOB_LABELS, JobRun
from enforcement.agencies.models import Agency


def daily_job(*, task_name: str, job: str, summary: Callable[[Any], str]):
    """A task beat runs daily: retried on a lost connection, its run recorded as a JobRun with a summary.

    Every scheduled job is built the same way, so the admin can show when
    each last ran and how it went, in the reader's language.
    """

    def decorate(function: Callable[[], Any]):
        @shared_task(name=task_name, autoretry_for=(ConnectionError,), max_retries=3, retry_backoff=True)
        @wraps(function)
        def run() -> Any:
            with tracked_job(job) as outcome:
                result = function()
                outcome["summary"] = summary(result)
            return result

        return run

    return decorate


@contextmanager
def tracked_job(name: str) -> Iterator[dict]:
    """Record the start, end and outcome of a scheduled job under `name`.

    The body may put a short "summary" into the yielded dict.
    """
    outcome: dict = {"summary": ""}
    JobRun.objects.update_or_create(
        name=name, defaults={"started_at": timezone.now(), "finished_at": None, "succeeded": False}
    )
    try:
        yield outcome
    except Exception as error:
        JobRun.objects.filter(name=name).update(
            finished_at=timezone.now(), succeeded=False, summary=f"{type(error).__name__}: {error}"[:500]
        )
        raise
    JobRun.objects.filter(name=name).update(
        finished_at=timezone.now(), succeeded=True, summary=str(outcome["summary"])[:500]
    )


# The jobs the beat schedule runs every day, by the name their runs are recorded under.
DAILY_JOBS: dict[str, Promise] = JOB_LABELS
# A daily job started at a set hour is late once a day has gone by since its
# last start; the hour more allows for the beat's own delay in starting it.
LATE_AFTER = datetime.timedelta(days=1, hours=1)


@dataclass(frozen=True)
class JobStatus:
    """What the start page says of one daily job: when it last ran, and whether someone must look."""

    name: str
    label: str
    run: JobRun | None
    warning: str


def daily_job_statuses(*, now: datetime.datetime | None = None) -> list[JobStatus]:
    """Each daily job with its last run, and a warning when it never ran, is late or last failed.

    Without a running beat process no reminder or deadline warning goes out,
    and nothing else would say so.
    """
    now = now or timezone.now()
    runs = JobRun.objects.in_bulk(list(DAILY_JOBS), field_name="name")
    statuses = []
    for name, label in DAILY_JOBS.items():
        run = runs.get(name)
        if run is None:
            warning = _("“%(job)s” has never run: is the scheduler (celery beat) running?") % {"job": label}
        elif now - run.started_at > LATE_AFTER:
            warning = _("“%(job)s” has not run since %(when)s: is the scheduler (celery beat) running?") % {
                "job": label,
                "when": date_format(timezone.localtime(run.started_at), "Y-m-d H:i"),
            }
        elif run.finished_at and not run.succeeded:
            warning = _("“%(job)s” failed on its last run: %(summary)s") % {"job": label, "summary": run.summary}
        else:
            warning = ""
        statuses.append(JobStatus(name=name, label=str(label), run=run, warning=warning))
    return statuses


def team_lead_emails(agency: Agency) -> list[str]:
    """E-mail addresses of the team leads responsible for `agency`.

    A team lead is responsible for the agencies of their memberships and all
    below them, so members of the agency or any of its ancestors qualify.
    """
    users = (
        get_user_model()
        .objects.filter(
            is_active=True, groups__name=roles.TEAM_LEAD, agency_memberships__agency_id__in=agency.ancestor_ids
        )
        .exclude(email="")
        .distinct()
    )
    return sorted(users.values_list("email", flat=True))


def mail_after_commit(*, subject: str, body: str, recipients: Iterable[str]) -> None:
    """Send the mail only once the transaction that decided to send it has committed."""
    recipients = sorted(set(recipients))
    if recipients:
        transaction.on_commit(lambda: send_mail(subject, body, None, recipients, fail_silently=False))
