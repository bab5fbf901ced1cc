"""The ledger refuses sequences that cannot have happened and records, with a warning, what the rules forbid."""

import datetime

import pytest
from django.core.exceptions import ValidationError

from reports.ledger.models import DisputeOutcome, FilingPeriod, ReviewResult
from tests.factories import (
    AdviserMatterFactory,
    DisputeFactory,
    LegalAdviserFactory,
    MajorDecisionFactory,
    NormativeDocumentFactory,
)
from tests.factories.ledger import d

pytestmark = pytest.mark.django_db


def refused(record) -> dict:
    with pytest.raises(ValidationError) as caught:
        record.full_clean()
    return caught.value.message_dict


def test_a_decision_through_every_step_in_order_is_accepted(world):
    MajorDecisionFactory.build(agency=world.township_a).full_clean()


def test_a_legality_review_dated_after_the_decision_is_refused(world, english):
    decision = MajorDecisionFactory.build(
        agency=world.township_a,
        discussed_on=None,
        discussion_meeting="",
        discussion_attendees=None,
        legality_reviewed_on=d("2025-04-25"),
    )
    assert refused(decision)["legality_reviewed_on"] == [
        "A legality review dated after the decision cannot be the review of it (art. 24)."
    ]


def test_a_legality_review_after_the_collective_discussion_is_refused(world, english):
    decision = MajorDecisionFactory.build(
        agency=world.township_a, legality_reviewed_on=d("2025-04-24"), discussed_on=d("2025-04-23")
    )
    assert refused(decision)["legality_reviewed_on"] == [
        "The legality review comes before the collective discussion (art. 24)."
    ]


def test_a_collective_discussion_after_the_decision_is_refused(world, english):
    decision = MajorDecisionFactory.build(agency=world.township_a, discussed_on=d("2025-04-25"))
    assert "discussed_on" in refused(decision)


def test_a_decision_taken_while_comments_are_still_open_is_refused(world, english):
    decision = MajorDecisionFactory.build(agency=world.township_a, public_comment_until=d("2025-04-30"))
    assert refused(decision)["decided_on"] == [
        "The decision cannot be taken while the public comment period is still open (art. 15)."
    ]


def test_publication_before_the_decision_is_refused(world, english):
    decision = MajorDecisionFactory.build(agency=world.township_a, published_on=d("2025-04-23"))
    assert refused(decision)["published_on"] == ["This step follows the decision (art. 33)."]


def test_a_review_without_its_reviewer_and_result_is_refused(world, english):
    decision = MajorDecisionFactory.build(agency=world.township_a, legality_reviewer="", legality_result="")
    assert "legality_result" in refused(decision)


def test_a_decision_without_review_is_recorded_with_its_warning(world, english):
    decision = MajorDecisionFactory(
        agency=world.township_a, legality_reviewed_on=None, legality_reviewer="", legality_result=""
    )
    decision.full_clean()
    assert "Decided without a legality review that found it lawful (art. 24)." in decision.warnings()


def test_a_decision_reviewed_as_unlawful_is_recorded_as_decided_without_a_passing_review(world, english):
    decision = MajorDecisionFactory(agency=world.township_a, legality_result=ReviewResult.UNLAWFUL)
    assert not decision.review_passed
    assert "Decided without a legality review that found it lawful (art. 24)." in decision.warnings()


def test_a_decision_without_collective_discussion_is_recorded_with_its_warning(world, english):
    decision = MajorDecisionFactory(
        agency=world.township_a, discussed_on=None, discussion_meeting="", discussion_attendees=None
    )
    assert decision.warnings() == ["Decided without collective discussion (art. 30)."]


def test_a_mandatory_step_of_the_category_that_is_missing_is_warned_with_its_basis(world, english):
    decision = MajorDecisionFactory(agency=world.township_a, category="construction")
    assert decision.warnings() == [
        "Mandatory step missing: Expert argument (art. 19-21) (《重大行政决策程序暂行条例》第十九条).",
        "Mandatory step missing: Risk assessment (art. 22-23) (《重大行政决策程序暂行条例》第二十二条).",
    ]


def test_a_short_comment_period_is_warned(world, english):
    decision = MajorDecisionFactory(agency=world.township_a, public_comment_until=d("2025-03-20"))
    assert "The comment period lasted 18 days; the rule is at least 30 (art. 15)." in decision.warnings()


def test_a_normative_document_reviewed_after_its_issue_is_refused(world, english):
    document = NormativeDocumentFactory.build(agency=world.township_a, reviewed_on=d("2025-06-04"))
    assert refused(document)["reviewed_on"] == [
        "A legality review dated after the issue cannot be the review before issue."
    ]


def test_an_issued_document_without_a_number_is_refused(world, english):
    document = NormativeDocumentFactory.build(agency=world.township_a, number="")
    assert refused(document)["number"] == ["An issued document has its number."]


def test_a_document_filed_before_it_was_issued_is_refused(world, english):
    document = NormativeDocumentFactory.build(agency=world.township_a, filed_on=d("2025-06-01"))
    assert "filed_on" in refused(document)


def test_a_document_filed_after_the_provincial_period_is_flagged_late(world, english):
    # Published on 2025-06-05; the national default gives 30 days: due 2025-07-05.
    document = NormativeDocumentFactory(agency=world.township_a, filed_on=d("2025-07-07"))
    today = d("2025-12-31")
    assert document.filing_due() == d("2025-07-05")
    assert document.filed_late(today)
    assert document.warnings(today) == [
        "Filing was due by 2025-07-05 (公布之日起30日内报送备案（参照《法规规章备案条例》第三条）)."
    ]


def test_a_province_of_its_own_shortens_the_filing_period(world, settings):
    FilingPeriod.objects.create(province="示例省", days=15, basis="示例省行政规范性文件管理办法")
    settings.LAWGOV = {**settings.LAWGOV, "PROVINCE": "示例省"}
    document = NormativeDocumentFactory(agency=world.township_a, filed_on=d("2025-06-25"))
    assert document.filing_due() == d("2025-06-20")
    assert document.filed_late(d("2025-12-31"))


def test_a_document_not_yet_filed_is_late_only_once_its_day_has_passed(world):
    document = NormativeDocumentFactory(agency=world.township_a, filed_on=None, filed_with="")
    assert not document.filed_late(d("2025-07-05"))
    assert document.filed_late(d("2025-07-06"))


def test_an_adviser_matter_outside_the_contract_is_refused(world, english):
    matter = AdviserMatterFactory.build(
        adviser=LegalAdviserFactory(agency=world.township_a), agency=world.township_a, handled_on=d("2026-01-05")
    )
    assert refused(matter)["handled_on"] == ["The day falls outside the adviser's contract."]


def test_a_referred_dispute_names_where_it_went_and_when(world, english):
    dispute = DisputeFactory.build(agency=world.township_a, outcome=DisputeOutcome.REFERRED, referred_to="")
    assert "referred_to" in refused(dispute)
    pending = DisputeFactory.build(agency=world.township_a, outcome=DisputeOutcome.PENDING)
    assert refused(pending)["outcome"] == ["A dispute with an end day has an outcome."]


def test_a_dispute_cannot_end_before_it_was_received(world):
    dispute = DisputeFactory.build(agency=world.township_a, concluded_on=datetime.date(2025, 8, 1))
    assert "concluded_on" in refused(dispute)
