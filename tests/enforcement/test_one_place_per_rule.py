"""Each officers rule has one meaning, whoever asks: admin, API, statistics, reminders, services."""

import datetime

import pytest
import time_machine
from django.core.exceptions import ValidationError
from django.utils import translation

from enforcement.agencies import roles
from enforcement.agencies.jobs import team_lead_emails
from enforcement.agencies.models import Agency
from enforcement.agencies.scope import Scope
from enforcement.officers.admin import CertificateAdminForm
from enforcement.officers.models.certificate import Certificate, CertificateStatus
from enforcement.officers.models.reminders import CertificateReminder, ReminderThreshold
from enforcement.officers.reminders import send_certificate_reminders
from enforcement.officers.services import change_certificate_status, renew_certificate
from enforcement.officers.stats import officer_figures
from tests.base import api_client_for
from tests.enforcement.test_agency_admin import log_in
from tests.enforcement.test_certificate_admin import change_payload
from tests.factories import (
    CertificateFactory,
    ExamFactory,
    ExamResultFactory,
    TrainingSessionFactory,
    UserFactory,
)
from training.exams.stats import exam_figures
from training.study.models import StudyPlan
from training.study.stats import training_figures

D = datetime.date
LAST_DAY = D(2026, 5, 31)


def expired_everywhere(client, world, card: Certificate, day: datetime.date) -> dict[str, bool]:
    """Whether each reader calls `card` expired on `day`."""
    with time_machine.travel(datetime.datetime.combine(day, datetime.time(9)), tick=False):
        admin_page = client.get("/admin/enforcement/certificate/", {"validity": "expired"}).content.decode()
        api = api_client_for(world.team_lead_a).get("/api/v1/certificates/", {"state": "expired"}).json()
        detail = api_client_for(world.team_lead_a).get(f"/api/v1/certificates/{card.pk}/").json()
    figures = officer_figures(Scope(world.team_lead_a, world.township_a), day.year, today=day)
    return {
        "admin filter": f">{card.number}<" in admin_page,
        "api filter": [row["number"] for row in api["results"]] == [card.number],
        "api state": detail["state"] == "expired",
        "statistics": figures["expired"] == 1,
        "query": Certificate.objects.expired_on(day).filter(pk=card.pk).exists(),
        "method": card.state_on(day) == "expired",
    }


def test_expired_means_from_the_day_after_valid_until_everywhere(client, world):
    card = CertificateFactory(officer__agency=world.team_a, number="ZF-END", valid_until=LAST_DAY)
    log_in(client, world.team_lead_a)
    on_last_day = expired_everywhere(client, world, card, LAST_DAY)
    on_day_after = expired_everywhere(client, world, card, LAST_DAY + datetime.timedelta(days=1))
    assert on_last_day == dict.fromkeys(on_last_day, False)
    assert on_day_after == dict.fromkeys(on_day_after, True)


def test_a_certificate_that_ran_out_on_new_years_eve_counts_as_expired_in_the_new_year(world):
    CertificateFactory(officer__agency=world.team_a, issued_on=D(2020, 1, 1), valid_until=D(2024, 12, 31))
    scope = Scope(world.team_lead_a, world.township_a)
    assert officer_figures(scope, 2024, today=D(2026, 6, 1))["expired"] == 0
    assert officer_figures(scope, 2025, today=D(2026, 6, 1))["expired"] == 1


def test_a_later_renewal_does_not_change_last_years_expired_figure(world):
    card = CertificateFactory(officer__agency=world.team_a, issued_on=D(2020, 7, 1), valid_until=D(2025, 6, 30))
    scope = Scope(world.team_lead_a, world.township_a)
    before = officer_figures(scope, 2025, today=D(2026, 6, 1))["expired"]
    renew_certificate(certificate=card, number="ZF-NEW", issued_on=D(2026, 2, 1))
    assert (before, officer_figures(scope, 2025, today=D(2026, 6, 1))["expired"]) == (1, 1)


def test_the_warning_horizon_is_the_reminder_thresholds_data(client, world):
    ReminderThreshold.objects.all().delete()
    for kind in ("enforcement", "supervision"):
        ReminderThreshold.objects.create(kind=kind, days=60)
        ReminderThreshold.objects.create(kind=kind, days=14)
    today = D(2026, 6, 1)
    inside = CertificateFactory(
        officer__agency=world.team_a, number="IN-50", valid_until=today + datetime.timedelta(50)
    )
    CertificateFactory(officer__agency=world.team_a, number="OUT-80", valid_until=today + datetime.timedelta(80))
    figures = officer_figures(Scope(world.team_lead_a, world.township_a), 2026, today=today)
    assert figures["expiring_within_90_days"] == 1
    assert set(Certificate.objects.expiring_on(today)) == {inside}
    send_certificate_reminders(today=today)
    assert set(CertificateReminder.objects.values_list("certificate__number", "threshold_days")) == {("IN-50", 60)}
    log_in(client, world.team_lead_a)
    with time_machine.travel(datetime.datetime(2026, 6, 1, 9), tick=False):
        page = client.get("/admin/enforcement/certificate/").content.decode()
    assert "?validity=60" in page and "?validity=14" in page and "?validity=90" not in page


def test_inside_the_subtree_is_one_rule_for_rows_and_queries(world):
    agencies = list(Agency.objects.all())
    for ancestor in agencies:
        below = set(Agency.objects.in_subtree_of(ancestor))
        assert {agency for agency in agencies if agency.is_within(ancestor)} == below
    assert world.team_a.is_within(world.township_a) and not world.township_a.is_within(world.team_a)


def test_ancestor_ids_are_the_chain_of_parents_read_from_the_path(world):
    chain, agency = [], world.team_a
    while agency is not None:
        chain.insert(0, agency.pk)
        agency = agency.parent
    assert world.team_a.ancestor_ids == chain
    # Its readers: the team leads above an agency are told of it, and a plan above it binds it.
    UserFactory(username="county_lead", email="lead@county.example", roles=[roles.TEAM_LEAD], agencies=[world.county])
    UserFactory(username="b_lead", email="lead@b.example", roles=[roles.TEAM_LEAD], agencies=[world.township_b])
    assert team_lead_emails(world.team_a) == ["lead@county.example"]
    StudyPlan.objects.create(agency=world.county, year=2026, required_hours=48)
    assert StudyPlan.required_hours_for(world.team_a, 2026) == 48


def test_a_yearly_figure_is_taken_on_its_as_of_date(world):
    """Today in the current year, December 31 for a past one: an exam or session scheduled later is not counted yet."""
    exam = ExamFactory(agency=world.township_a, date=D(2026, 11, 20))
    ExamResultFactory(exam=exam, officer__agency=world.township_a, score=80)
    TrainingSessionFactory(agency=world.township_a, date=D(2026, 11, 20), hours=3)
    scope = Scope(world.team_lead_a, world.township_a)
    before = (exam_figures(scope, 2026, today=D(2026, 6, 1)), training_figures(scope, 2026, today=D(2026, 6, 1)))
    after = (exam_figures(scope, 2026, today=D(2026, 12, 1)), training_figures(scope, 2026, today=D(2026, 12, 1)))
    assert (before[0]["exams"], before[0]["participants"], before[1]["sessions"]) == (0, 0, 0)
    assert (after[0]["exams"], after[0]["participants"], after[1]["sessions"]) == (1, 1, 1)


def test_renewing_a_certificate_records_who_renewed_it(world):
    card = CertificateFactory(officer__agency=world.team_a)
    renewed = renew_certificate(certificate=card, number="ZF-R", issued_on=D(2026, 3, 2), by=world.hr_a)
    assert renewed.history.get().history_user == world.hr_a


@pytest.mark.parametrize(
    ("changes", "field", "message"),
    [
        ({"status": "valid"}, "status", "A certificate that is Revoked cannot become Valid."),
        ({"status": "suspended", "status_reason": " "}, "reason", "Give the reason for the change of status."),
        (
            {"status": "suspended", "status_reason": "暂扣", "status_changed_on": "2026-03-31"},
            "changed_on",
            "The change cannot be dated before the last recorded change (2026-04-01).",
        ),
    ],
)
def test_the_admin_form_and_the_service_refuse_a_status_change_with_the_same_words(
    client, world, english, changes, field, message
):
    revoked = CertificateFactory(officer__agency=world.team_a)
    change_certificate_status(certificate=revoked, status=CertificateStatus.REVOKED, reason="吊销", on=D(2026, 4, 1))
    card = CertificateFactory(officer__agency=world.team_a)
    change_certificate_status(certificate=card, status=CertificateStatus.SUSPENDED, reason="暂扣", on=D(2026, 4, 1))
    change_certificate_status(certificate=card, status=CertificateStatus.VALID, reason="恢复", on=D(2026, 4, 1))
    target = revoked if changes["status"] == "valid" else card
    target.refresh_from_db()
    log_in(client, world.team_lead_a)
    data = change_payload(client, target, **changes)
    translation.activate("en")
    form = CertificateAdminForm(data=data, instance=target)
    assert not form.is_valid()
    shown = {"reason": "status_reason", "changed_on": "status_changed_on"}.get(field, field)
    assert message in form.errors[shown]
    with pytest.raises(ValidationError) as refused:
        change_certificate_status(
            certificate=target,
            status=changes["status"],
            reason=changes.get("status_reason", "x"),
            on=D.fromisoformat(changes.get("status_changed_on", "2026-06-01")),
        )
    assert refused.value.message_dict[field] == [message]
