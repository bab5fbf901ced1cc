import datetime

import pytest
from django.core import mail
from django.core.management import call_command

from enforcement.agencies.job_runs import JobRun
from enforcement.officers.models.certificate import CertificateKind
from enforcement.officers.models.officer import EmploymentStatus
from enforcement.officers.models.reminders import CertificateReminder, ReminderThreshold
from enforcement.officers.reminders import send_certificate_reminders
from enforcement.tasks import send_certificate_reminders as reminder_task
from tests.factories import CertificateFactory, OfficerFactory

TODAY = datetime.date(2026, 6, 1)


@pytest.fixture(autouse=True)
def _thresholds_and_leads(world, time_machine):
    time_machine.move_to(datetime.datetime(2026, 6, 1, 8, 0), tick=False)
    for kind in CertificateKind.values:
        for days in (90, 30, 7):
            ReminderThreshold.objects.get_or_create(kind=kind, days=days)
    world.team_lead_a.email = "lead_a@example.cn"
    world.team_lead_a.save()
    world.team_lead_b.email = "lead_b@example.cn"
    world.team_lead_b.save()


def expiring(world, days, **kwargs):
    return CertificateFactory(officer__agency=world.team_a, valid_until=TODAY + datetime.timedelta(days=days), **kwargs)


def run_task(times=1):
    for _ in range(times):
        reminder_task.delay()


def test_the_task_run_three_times_sends_each_reminder_exactly_once(world, django_capture_on_commit_callbacks):
    soon = expiring(world, 20, number="SOON")
    OfficerFactory(agency=world.team_a, name="无证队员")
    for _ in range(3):
        with django_capture_on_commit_callbacks(execute=True):
            run_task()
    assert len(mail.outbox) == 1
    assert mail.outbox[0].to == ["lead_a@example.cn"]
    assert "SOON" in mail.outbox[0].body
    assert "无证队员" in mail.outbox[0].body
    assert set(CertificateReminder.objects.values_list("threshold_days", flat=True)) == {30, 90}
    assert CertificateReminder.objects.filter(certificate=soon).count() == 2


def test_each_threshold_reminds_once_as_expiry_comes_closer(world, django_capture_on_commit_callbacks, time_machine):
    expiring(world, 100)
    sent = []
    for day_offset in range(0, 101, 1):
        time_machine.move_to(datetime.datetime(2026, 6, 1, 8, 0) + datetime.timedelta(days=day_offset), tick=False)
        with django_capture_on_commit_callbacks(execute=True):
            send_certificate_reminders()
        sent.append(len(mail.outbox))
    assert sent[-1] == 3
    assert sent[9] == 0 and sent[10] == 1  # 90 days before
    assert sent[69] == 1 and sent[70] == 2  # 30 days before
    assert sent[92] == 2 and sent[93] == 3  # 7 days before


def test_a_renewed_validity_is_reminded_of_again(world, django_capture_on_commit_callbacks):
    certificate = expiring(world, 20)
    with django_capture_on_commit_callbacks(execute=True):
        send_certificate_reminders()
    certificate.valid_until = TODAY + datetime.timedelta(days=25)
    certificate.save()
    with django_capture_on_commit_callbacks(execute=True):
        send_certificate_reminders()
    assert len(mail.outbox) == 2


def test_certificates_far_from_expiry_and_officers_out_of_service_are_not_reminded(
    world, django_capture_on_commit_callbacks
):
    expiring(world, 200)
    expiring(world, 10, officer__employment_status=EmploymentStatus.RETIRED)
    OfficerFactory(agency=world.township_a, is_enforcement_officer=False)
    with django_capture_on_commit_callbacks(execute=True):
        send_certificate_reminders()
    assert mail.outbox == []


def test_each_agency_hears_only_of_its_own_officers(world, django_capture_on_commit_callbacks):
    expiring(world, 5, number="A-CERT")
    CertificateFactory(officer__agency=world.township_b, number="B-CERT", valid_until=TODAY + datetime.timedelta(5))
    with django_capture_on_commit_callbacks(execute=True):
        send_certificate_reminders()
    bodies = {tuple(message.to): message.body for message in mail.outbox}
    assert "A-CERT" in bodies[("lead_a@example.cn",)] and "B-CERT" not in bodies[("lead_a@example.cn",)]
    assert "B-CERT" in bodies[("lead_b@example.cn",)]


def test_nothing_is_mailed_when_the_transaction_rolls_back(world, django_capture_on_commit_callbacks):
    expiring(world, 5)
    with django_capture_on_commit_callbacks(execute=False) as callbacks:
        send_certificate_reminders()
    assert len(callbacks) == 1
    assert mail.outbox == []


def test_the_command_records_when_the_job_last_ran(world, django_capture_on_commit_callbacks):
    expiring(world, 5)
    with django_capture_on_commit_callbacks(execute=True):
        call_command("send_certificate_reminders")
    run = JobRun.objects.get(name="certificate_reminders")
    assert run.succeeded and run.finished_at is not None
    assert len(mail.outbox) == 1


def test_the_reminder_job_is_scheduled_daily(settings):
    assert settings.CELERY_BEAT_SCHEDULE["certificate-reminders"]["task"] == "enforcement.send_certificate_reminders"
