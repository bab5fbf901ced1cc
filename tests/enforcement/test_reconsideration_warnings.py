import pytest
import time_machine
from django.core import mail

from enforcement.agencies.job_runs import JobRun
from enforcement.reconsideration.models import DeadlineWarning
from enforcement.tasks import warn_reconsideration_deadlines
from tests.factories import case_with_events
from tests.factories.reconsideration import d

pytestmark = pytest.mark.django_db


@pytest.fixture
def reply_due_2024_10_16(world):
    world.team_lead_a.email = "lead_a@example.cn"
    world.team_lead_a.save()
    return case_with_events(
        world.township_a,
        ("application_received", d("2024-09-10")),
        ("accepted", d("2024-09-12")),
        ("copy_received", d("2024-09-27")),
    )


def test_a_reply_due_within_three_working_days_is_warned_once(reply_due_2024_10_16, django_capture_on_commit_callbacks):
    # On Friday 10-11 the next three working days are 10-12 (a Saturday worked), 10-14 and 10-15.
    with time_machine.travel("2024-10-11 07:30 +0800", tick=False), django_capture_on_commit_callbacks(execute=True):
        assert warn_reconsideration_deadlines() == 0
    with time_machine.travel("2024-10-12 07:30 +0800", tick=False), django_capture_on_commit_callbacks(execute=True):
        assert warn_reconsideration_deadlines() == 1
        assert warn_reconsideration_deadlines() == 0
    assert len(mail.outbox) == 1
    assert mail.outbox[0].to == ["lead_a@example.cn"]
    assert "2024-10-16" in mail.outbox[0].subject
    assert "第四十八条" in mail.outbox[0].body
    assert JobRun.objects.get(name="reconsideration_deadline_warnings").succeeded


def test_an_overdue_reply_is_warned_once_more(reply_due_2024_10_16, django_capture_on_commit_callbacks):
    with time_machine.travel("2024-10-17 07:30 +0800", tick=False), django_capture_on_commit_callbacks(execute=True):
        warn_reconsideration_deadlines()
        warn_reconsideration_deadlines()
    assert len(mail.outbox) == 1
    assert "Overdue" in mail.outbox[0].subject or "逾期" in mail.outbox[0].subject
    assert DeadlineWarning.objects.get().warning_kind == "overdue"
