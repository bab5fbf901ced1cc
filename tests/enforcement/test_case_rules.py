"""The refusals of the penalty-case register, each with the article it applies."""

import datetime

import pytest
from django.core.exceptions import ValidationError

from enforcement.cases.services import record_event
from enforcement.models import CertificateStatus, CertificateStatusChange, EventOfficer
from tests.factories import certified_officer, make_id_number, penalty_case

D = datetime.date
FILED = ("filed", D(2025, 3, 4))
NOTIFIED = ("notified", D(2025, 4, 1))


def refusal(error: ValidationError, field: str) -> str:
    return " ".join(error.value.message_dict[field])


@pytest.fixture
def agency(world):
    return world.township_a


def test_a_case_with_one_handler_is_refused(agency, english):
    with pytest.raises(ValidationError) as error:
        penalty_case(agency, handlers=[certified_officer(agency)])
    assert "At least 2 certified officers must act together (art. 42)" in refusal(error, "handlers")


def test_an_act_by_one_officer_is_refused(agency, english):
    case = penalty_case(agency, FILED)
    with pytest.raises(ValidationError) as error:
        record_event(case=case, kind="investigated", occurred_on=D(2025, 3, 5), officers=[case.handlers.first()])
    assert "art. 42" in refusal(error, "officers")


def test_a_handler_whose_certificate_expired_the_day_before_the_act_is_refused_by_name(agency, english):
    # Valid until 2025-03-03: expired from 2025-03-04, the day before the act.
    lapsed = certified_officer(agency, valid_until=D(2025, 3, 3))
    case = penalty_case(agency, FILED)
    with pytest.raises(ValidationError) as error:
        record_event(
            case=case, kind="investigated", occurred_on=D(2025, 3, 5), officers=[case.handlers.first(), lapsed]
        )
    assert f"{lapsed.name}: Certificate {lapsed.certificates.get().number} expired on 2025-03-04." in refusal(
        error, "officers"
    )


def test_a_handler_certified_for_another_field_is_refused_by_name(agency, english):
    other_field = certified_officer(agency, fields="市场监管")
    with pytest.raises(ValidationError) as error:
        penalty_case(agency, handlers=[certified_officer(agency), other_field])
    assert f"{other_field.name}: certificate" in refusal(error, "handlers")
    assert "does not cover the field 城乡规划" in refusal(error, "handlers")


def test_a_decision_before_the_notice_of_the_intended_penalty_is_refused(agency, english):
    case = penalty_case(agency, FILED)
    with pytest.raises(ValidationError) as error:
        record_event(case=case, kind="decided", occurred_on=D(2025, 4, 10), outcome="penalty")
    assert "(arts. 44, 62)" in refusal(error, "kind")


def test_a_decision_without_notice_stands_when_the_party_expressly_waived(agency):
    case = penalty_case(agency, FILED, ("decided", D(2025, 4, 10), {"rights_waived": True}))
    assert case.decided_on == D(2025, 4, 10)


def test_a_penalty_on_an_act_discovered_after_the_two_year_limitation_is_refused(agency, english):
    case = penalty_case(agency, FILED, NOTIFIED, act_on=D(2023, 3, 2), discovered_on=D(2025, 3, 3))
    with pytest.raises(ValidationError) as error:
        record_event(case=case, kind="decided", occurred_on=D(2025, 4, 10), outcome="penalty")
    assert "after the 2-year limitation ended on 2025-03-02" in refusal(error, "kind")
    assert "(art. 36)" in refusal(error, "kind")


def test_the_limitation_is_five_years_where_health_was_harmed_and_runs_from_the_end_of_a_continuing_act(agency):
    case = penalty_case(
        agency,
        FILED,
        NOTIFIED,
        ("decided", D(2025, 4, 10)),
        act_on=D(2019, 1, 1),
        act_ended_on=D(2020, 6, 1),
        discovered_on=D(2025, 3, 3),
        harm_to_life_health_or_finance=True,
    )
    assert case.outcome == "penalty"


def test_a_decision_without_the_required_legal_review_is_refused(agency, english):
    case = penalty_case(agency, FILED, NOTIFIED, major_public_interest=True)
    with pytest.raises(ValidationError) as error:
        record_event(case=case, kind="decided", occurred_on=D(2025, 4, 10), outcome="penalty")
    assert "(art. 58)" in refusal(error, "kind")


def test_a_failed_legal_review_does_not_open_the_way_to_a_decision(agency, english):
    review = {"person": "李法审", "outcome": "failed"}
    case = penalty_case(agency, FILED, NOTIFIED, ("legal_review", D(2025, 4, 8), review), major_public_interest=True)
    with pytest.raises(ValidationError):
        record_event(case=case, kind="decided", occurred_on=D(2025, 4, 10), outcome="penalty")


def test_a_hearing_on_major_rights_makes_legal_review_required(agency, english):
    presider = certified_officer(agency)
    case = penalty_case(
        agency,
        FILED,
        NOTIFIED,
        ("hearing_requested", D(2025, 4, 3)),
        ("hearing_notified", D(2025, 4, 7), {"scheduled_on": D(2025, 4, 18)}),
        ("hearing_held", D(2025, 4, 18), {"presider": presider}),
        major_rights=True,
    )
    assert case.legal_review_required and case.hearing_held
    with pytest.raises(ValidationError) as error:
        record_event(case=case, kind="decided", occurred_on=D(2025, 4, 25), outcome="penalty")
    assert "(art. 58)" in refusal(error, "kind")


def test_an_unqualified_first_time_reviewer_is_refused(agency, english):
    case = penalty_case(agency, FILED, NOTIFIED, complex=True)
    with pytest.raises(ValidationError) as error:
        record_event(
            case=case,
            kind="legal_review",
            occurred_on=D(2025, 4, 8),
            person="王新人",
            outcome="passed",
            reviewer_first_time=True,
        )
    assert "王新人 reviews for the first time" in refusal(error, "reviewer_legally_qualified")


def test_a_complex_case_needs_the_collective_discussion_before_its_penalty(agency, english):
    review = {"person": "李法审", "outcome": "passed", "reviewer_first_time": True, "reviewer_legally_qualified": True}
    case = penalty_case(agency, FILED, NOTIFIED, ("legal_review", D(2025, 4, 8), review), complex=True)
    with pytest.raises(ValidationError) as error:
        record_event(case=case, kind="decided", occurred_on=D(2025, 4, 10), outcome="penalty")
    assert "(art. 57)" in refusal(error, "kind")
    record_event(case=case, kind="collective_discussion", occurred_on=D(2025, 4, 9), attendees="镇长、副镇长、纪委书记")
    record_event(case=case, kind="decided", occurred_on=D(2025, 4, 10), outcome="penalty")


def test_a_hearing_presided_over_by_an_investigator_is_refused(agency, english):
    handlers = [certified_officer(agency), certified_officer(agency)]
    investigator = certified_officer(agency)
    case = penalty_case(
        agency,
        FILED,
        ("investigated", D(2025, 3, 6), {"officers": [handlers[0], investigator]}),
        NOTIFIED,
        ("hearing_requested", D(2025, 4, 3)),
        ("hearing_notified", D(2025, 4, 7), {"scheduled_on": D(2025, 4, 18)}),
        handlers=handlers,
    )
    with pytest.raises(ValidationError) as error:
        record_event(case=case, kind="hearing_held", occurred_on=D(2025, 4, 18), presider=investigator)
    assert f"{investigator.name} investigated this case" in refusal(error, "presider")
    assert "(art. 64(4))" in refusal(error, "presider")


def test_a_hearing_notice_less_than_seven_working_days_ahead_is_refused(agency, english):
    case = penalty_case(agency, FILED, NOTIFIED, ("hearing_requested", D(2025, 4, 3)))
    with pytest.raises(ValidationError):
        # 2025-04-04 to 04-06 is the Qingming holiday: only 5 working days lie between.
        record_event(case=case, kind="hearing_notified", occurred_on=D(2025, 4, 3), scheduled_on=D(2025, 4, 11))


def test_a_simplified_procedure_fine_above_the_citizen_limit_is_refused(agency, english):
    case = penalty_case(agency, procedure="simplified", penalties=[{"kind": "fine", "amount": 201}])
    with pytest.raises(ValidationError) as error:
        record_event(
            case=case,
            kind="decided",
            occurred_on=D(2025, 3, 3),
            outcome="penalty",
            rights_waived=True,
            officers=case.handlers.all(),
        )
    assert "at most 200 yuan for this party (art. 51)" in refusal(error, "kind")


def test_an_organisation_may_be_fined_3000_yuan_on_the_spot_and_the_case_gets_its_number(agency):
    organisation = [{"kind": "organisation", "name": "示例商贸有限公司", "credit_code": "91410423MA9XXXXXXX"}]
    with pytest.raises(ValidationError):
        penalty_case(agency, procedure="simplified", parties=organisation)
    party = [{"kind": "organisation", "name": "示例商贸有限公司", "credit_code": "91350100M000100Y43"}]
    case = penalty_case(
        agency,
        ("notified", D(2025, 3, 3)),
        ("decided", D(2025, 3, 3)),
        procedure="simplified",
        parties=party,
        penalties=[{"kind": "fine", "amount": 3000}],
    )
    assert case.number == f"{agency.name[:2]}执罚〔2025〕1号"


def test_numbers_are_given_at_filing_one_after_another_per_agency_and_year(world):
    first = penalty_case(world.township_a, FILED)
    second = penalty_case(world.township_a, FILED)
    other = penalty_case(world.township_b, FILED)
    unfiled = penalty_case(world.township_a)
    assert (first.serial, second.serial, other.serial, unfiled.serial) == (1, 2, 1, None)
    assert second.number == "甲镇执罚〔2025〕2号"


def test_a_citizen_party_with_a_wrong_id_number_is_refused(agency):
    wrong = make_id_number(9001)[:-1] + ("0" if make_id_number(9001)[-1] != "0" else "1")
    with pytest.raises(ValidationError) as error:
        penalty_case(agency, parties=[{"kind": "citizen", "name": "张三", "id_number": wrong}])
    assert "parties" in error.value.message_dict


def test_a_certificate_revoked_later_with_an_earlier_date_turns_the_acts_after_it_uncertified(agency):
    case = penalty_case(agency, FILED, ("investigated", D(2025, 3, 6)))
    assert all(link.is_certified for link in EventOfficer.objects.filter(event__case=case))
    certificate = case.handlers.first().certificates.get()
    certificate.status = CertificateStatus.REVOKED
    certificate.save()
    CertificateStatusChange.objects.create(
        certificate=certificate, status="revoked", previous_status="valid", changed_on=D(2025, 3, 5), reason="违法执法"
    )
    links = EventOfficer.objects.filter(event__case=case, officer=case.handlers.first())
    acts = {link.event.kind: link.is_certified for link in links}
    # Filed on 2025-03-04, before the revocation's date; investigated on 2025-03-06, after it.
    assert acts == {"filed": True, "investigated": False}


def test_an_event_that_would_make_a_later_recorded_event_impossible_is_refused(agency, english):
    case = penalty_case(agency, FILED, NOTIFIED, ("decided", D(2025, 4, 10)), ("served", D(2025, 4, 11)))
    with pytest.raises(ValidationError) as error:
        record_event(case=case, kind="closed", occurred_on=D(2025, 4, 10))
    assert "Decision served impossible" in refusal(error, "occurred_on")
