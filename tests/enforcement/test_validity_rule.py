"""The one validity rule (DESIGN.md, Officers and certificates), in its query and its row form.

A certificate is effective on D when issued_on ≤ D ≤ valid_until, its status
in force on D is valid and no failed annual review stands on D; an officer is
certified on D when in service on D and holding an effective certificate.
"""

import datetime

import pytest
import time_machine
from django.core.exceptions import ValidationError
from django.utils import translation

from enforcement.agencies.scope import Scope
from enforcement.officers.certification import check_certification
from enforcement.officers.models.certificate import (
    AnnualReview,
    Certificate,
    CertificateState,
    CertificateStatus,
    ReviewResult,
)
from enforcement.officers.models.officer import EmploymentStatus, Officer
from enforcement.officers.services import change_certificate_status
from enforcement.officers.stats import officer_figures
from tests.base import api_client_for
from tests.factories import AnnualReviewFactory, CertificateFactory, UserFactory

D = datetime.date


def both_forms(certificate: Certificate, day: datetime.date) -> tuple[bool, bool]:
    """(the queryset's answer, the method's answer) for one certificate on one day."""
    in_query = Certificate.objects.effective_on(day).filter(pk=certificate.pk).exists()
    fresh = Certificate.objects.get(pk=certificate.pk)
    return in_query, fresh.is_effective_on(day)


def states(certificate: Certificate, day: datetime.date) -> tuple[str, str]:
    annotated = Certificate.objects.with_state(day).values_list("state", flat=True).get(pk=certificate.pk)
    return annotated, Certificate.objects.get(pk=certificate.pk).state_on(day)


def certified(officer: Officer, day: datetime.date) -> tuple[bool, bool]:
    in_query = Officer.objects.certified_on(day).filter(pk=officer.pk).exists()
    return in_query, Officer.objects.get(pk=officer.pk).is_certified_on(day)


@pytest.fixture
def card(world):
    return CertificateFactory(officer__agency=world.team_a, issued_on=D(2024, 1, 1), valid_until=D(2028, 12, 31))


@pytest.mark.parametrize(
    ("day", "effective"),
    [(D(2025, 12, 31), True), (D(2026, 4, 30), True), (D(2026, 5, 1), False), (D(2026, 11, 27), False)],
)
def test_a_revocation_ends_validity_from_its_date_and_not_before(card, day, effective):
    change_certificate_status(certificate=card, status=CertificateStatus.REVOKED, reason="吊销", on=D(2026, 5, 1))
    assert both_forms(card, day) == (effective, effective)


@pytest.mark.parametrize(
    ("day", "state"),
    [
        (D(2025, 3, 1), CertificateState.EFFECTIVE),
        (D(2025, 3, 2), CertificateState.SUSPENDED),
        (D(2025, 12, 31), CertificateState.SUSPENDED),
        (D(2026, 2, 1), CertificateState.EFFECTIVE),
    ],
)
def test_a_reinstatement_counts_from_its_date_and_not_before(card, day, state):
    change_certificate_status(certificate=card, status=CertificateStatus.SUSPENDED, reason="暂扣", on=D(2025, 3, 2))
    change_certificate_status(certificate=card, status=CertificateStatus.VALID, reason="恢复", on=D(2026, 2, 1))
    assert states(card, day) == (state, state)
    assert both_forms(card, day) == (state == CertificateState.EFFECTIVE,) * 2


def test_last_years_certified_count_does_not_move_when_a_certificate_is_revoked_or_reinstated_later(world):
    cards = [
        CertificateFactory(officer__agency=world.team_a, issued_on=D(2024, 1, 1), valid_until=D(2028, 12, 31))
        for _ in range(3)
    ]
    change_certificate_status(certificate=cards[2], status=CertificateStatus.SUSPENDED, reason="暂扣", on=D(2025, 6, 1))
    scope = Scope(world.team_lead_a, world.township_a)
    before = officer_figures(scope, 2025, today=D(2026, 6, 1))["certified"]
    change_certificate_status(certificate=cards[0], status=CertificateStatus.REVOKED, reason="吊销", on=D(2026, 5, 1))
    change_certificate_status(certificate=cards[2], status=CertificateStatus.VALID, reason="恢复", on=D(2026, 5, 2))
    after = officer_figures(scope, 2025, today=D(2026, 6, 1))["certified"]
    assert (before, after) == (2, 2)
    assert officer_figures(scope, 2026, today=D(2026, 6, 1))["certified"] == 2


@pytest.mark.parametrize(
    ("day", "state"),
    [
        (D(2026, 3, 9), CertificateState.EFFECTIVE),
        (D(2026, 3, 10), CertificateState.REVIEW_FAILED),
        (D(2026, 8, 31), CertificateState.REVIEW_FAILED),
        (D(2026, 9, 1), CertificateState.EFFECTIVE),
    ],
)
def test_a_failed_annual_review_ends_effect_from_its_date_until_a_later_passing_review(card, day, state):
    AnnualReviewFactory(certificate=card, year=2025, result=ReviewResult.FAILED, reviewed_on=D(2026, 3, 10))
    AnnualReviewFactory(certificate=card, year=2026, result=ReviewResult.PASSED, reviewed_on=D(2026, 9, 1))
    assert states(card, day) == (state, state)
    assert both_forms(card, day) == (state == CertificateState.EFFECTIVE,) * 2
    assert certified(card.officer, day) == (state == CertificateState.EFFECTIVE,) * 2


def test_a_failed_annual_review_needs_its_date(card):
    review = AnnualReview(certificate=card, year=2026, result=ReviewResult.FAILED)
    with pytest.raises(ValidationError) as error:
        review.full_clean()
    assert "reviewed_on" in error.value.message_dict


def test_the_hr_check_refuses_an_officer_whose_review_failed_and_says_so(card, world):
    AnnualReviewFactory(certificate=card, year=2026, result=ReviewResult.FAILED, reviewed_on=D(2026, 3, 10))
    with translation.override("en"):
        answer = check_certification(UserFactory(is_superuser=True), number=card.number, day=D(2026, 6, 1))
    assert not answer.may_enforce
    assert answer.reason == f"Certificate {card.number} failed its annual review on 2026-03-10."


@pytest.mark.parametrize(("day", "in_service"), [(D(2026, 6, 30), True), (D(2026, 7, 1), False)])
def test_an_officer_may_not_enforce_after_the_last_day_of_service(card, day, in_service):
    Officer.objects.filter(pk=card.officer_id).update(
        employment_status=EmploymentStatus.TRANSFERRED, employed_until=D(2026, 6, 30)
    )
    assert certified(card.officer, day) == (in_service, in_service)
    with translation.override("en"):
        answer = check_certification(UserFactory(is_superuser=True), number=card.number, day=day)
    assert answer.may_enforce is in_service
    if not in_service:
        assert answer.reason == "No longer in service (Transferred out); last day 2026-06-30."


def test_an_officer_may_not_enforce_before_the_first_day_of_service(card):
    Officer.objects.filter(pk=card.officer_id).update(employed_since=D(2026, 3, 1))
    assert certified(card.officer, D(2026, 2, 28)) == (False, False)
    assert certified(card.officer, D(2026, 3, 1)) == (True, True)


def test_the_public_page_of_a_transferred_officer_says_the_card_is_not_effective_and_why(client, card):
    Officer.objects.filter(pk=card.officer_id).update(
        employment_status=EmploymentStatus.TRANSFERRED, employed_until=D(2026, 6, 30)
    )
    with time_machine.travel(datetime.datetime(2026, 7, 1, 9, 0), tick=False):
        text = client.get(f"/verify/{card.verification_token}/", HTTP_ACCEPT_LANGUAGE="en").content.decode()
    assert "This certificate is NOT effective today." in text
    assert "The holder is no longer in service (Transferred out)." in text
    assert card.officer.id_number not in text


def test_the_query_and_the_method_agree_on_every_state_and_day(world):
    """One grid of cases, every day of interest: the SQL and the Python form answer alike."""
    plain = CertificateFactory(officer__agency=world.team_a, issued_on=D(2024, 1, 1), valid_until=D(2026, 5, 31))
    future = CertificateFactory(officer__agency=world.team_a, issued_on=D(2026, 7, 1), valid_until=D(2031, 6, 30))
    revoked = CertificateFactory(officer__agency=world.team_a, issued_on=D(2024, 1, 1), valid_until=D(2026, 5, 31))
    change_certificate_status(certificate=revoked, status=CertificateStatus.REVOKED, reason="吊销", on=D(2025, 9, 1))
    suspended = CertificateFactory(officer__agency=world.team_a, issued_on=D(2024, 1, 1), valid_until=D(2028, 12, 31))
    change_certificate_status(
        certificate=suspended, status=CertificateStatus.SUSPENDED, reason="暂扣", on=D(2026, 1, 5)
    )
    reviewed = CertificateFactory(officer__agency=world.team_a, issued_on=D(2024, 1, 1), valid_until=D(2028, 12, 31))
    AnnualReviewFactory(certificate=reviewed, year=2025, result=ReviewResult.FAILED, reviewed_on=D(2025, 12, 1))
    legacy = CertificateFactory(officer__agency=world.team_a, status=CertificateStatus.CANCELLED)
    days = [D(2024, 1, 1), D(2025, 8, 31), D(2025, 12, 1), D(2026, 1, 5), D(2026, 5, 31), D(2026, 6, 1), D(2026, 7, 1)]
    for certificate in (plain, future, revoked, suspended, reviewed, legacy):
        for day in days:
            assert states(certificate, day)[0] == states(certificate, day)[1], (certificate.number, day)
            assert both_forms(certificate, day)[0] == both_forms(certificate, day)[1], (certificate.number, day)
    assert states(plain, D(2026, 6, 1))[0] == CertificateState.EXPIRED
    assert states(revoked, D(2026, 6, 1))[0] == CertificateState.REVOKED
    assert states(future, D(2026, 6, 1))[0] == CertificateState.NOT_YET_EFFECTIVE
    assert states(legacy, D(2025, 1, 1))[0] == CertificateState.CANCELLED


def test_an_expired_certificate_reads_expired_in_the_admin_list_the_public_page_and_the_api(client, world):
    card = CertificateFactory(
        officer__agency=world.team_a, number="ZF-OLD", issued_on=D(2021, 1, 1), valid_until=D(2026, 5, 31)
    )
    with time_machine.travel(datetime.datetime(2026, 6, 1, 9, 0), tick=False):
        client.force_login(world.team_lead_a)
        listed = client.get("/admin/enforcement/certificate/", HTTP_ACCEPT_LANGUAGE="zh-hans").content.decode()
        public = client.get(f"/verify/{card.verification_token}/", HTTP_ACCEPT_LANGUAGE="zh-hans").content.decode()
        api = api_client_for(world.team_lead_a).get(f"/api/v1/certificates/{card.pk}/").json()
    assert "已过期" in listed and ">有效<" not in listed
    assert "<dd>已过期</dd>" in public
    assert "2026-06-01" in public  # the reason: expired on the day after its last day
    assert api["state"] == "expired"
