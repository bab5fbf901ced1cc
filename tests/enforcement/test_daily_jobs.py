import datetime
import io

import time_machine
from django.core.management import call_command
from django.test import Client

from enforcement.agencies.jobs import DAILY_JOBS
from enforcement.models import CertificateReminder, DeadlineWarning, JobRun, UncertifiedOfficerReminder

# 07:40 in Beijing, after the beat schedule's 07:00 and 07:30 runs.
MORNING = datetime.datetime(2026, 3, 2, 7, 40, tzinfo=datetime.timezone(datetime.timedelta(hours=8)))


def start_page(user) -> str:
    client = Client()
    client.force_login(user)
    return client.get("/admin/", HTTP_ACCEPT_LANGUAGE="zh-hans").content.decode()


def warnings_of(page: str) -> str:
    start = page.find('id="daily-job-warnings"')
    return page[start : page.find("</ul>", start)] if start >= 0 else ""


def test_the_start_page_warns_that_the_daily_jobs_have_never_run(world):
    page = start_page(world.team_lead_a)
    assert warnings_of(page).count("从未运行") == len(DAILY_JOBS)
    assert "执法证到期提醒" in warnings_of(page) and "行政复议期限预警" in warnings_of(page)


def test_the_start_page_shows_when_each_daily_job_last_ran_and_warns_no_more(world):
    with time_machine.travel(MORNING, tick=False):
        call_command("run_daily_jobs", stdout=io.StringIO())
        page = start_page(world.team_lead_a)
    assert set(JobRun.objects.values_list("name", flat=True)) == set(DAILY_JOBS)
    assert warnings_of(page) == ""
    assert page.count("2026-03-02 07:40") == len(DAILY_JOBS)


def test_a_daily_job_that_has_not_run_for_more_than_a_day_is_warned_of(world):
    with time_machine.travel(MORNING, tick=False):
        call_command("run_daily_jobs", stdout=io.StringIO())
    with time_machine.travel(MORNING + datetime.timedelta(hours=23), tick=False):
        assert warnings_of(start_page(world.team_lead_a)) == ""
    with time_machine.travel(MORNING + datetime.timedelta(days=2), tick=False):
        late = warnings_of(start_page(world.team_lead_a))
    assert late.count("2026-03-02 07:40") == len(DAILY_JOBS)
    assert "celery beat" in late


def test_a_daily_job_whose_last_run_failed_is_warned_of(world):
    JobRun.objects.create(
        name="certificate_reminders",
        started_at=MORNING,
        finished_at=MORNING,
        succeeded=False,
        summary="ConnectionError: mail server unreachable",
    )
    with time_machine.travel(MORNING, tick=False):
        warnings = warnings_of(start_page(world.team_lead_a))
    assert "ConnectionError: mail server unreachable" in warnings


def test_the_demo_with_its_daily_jobs_run_once_has_warnings_and_reminders_to_show(db):
    call_command("seed_demo", scale=1, stdout=io.StringIO())
    call_command("run_daily_jobs", stdout=io.StringIO())
    assert DeadlineWarning.objects.exists()
    assert CertificateReminder.objects.exists()
    assert UncertifiedOfficerReminder.objects.exists()
