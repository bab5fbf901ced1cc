"""Each problem rule over real records: silent on a healthy township, firing on records that break it."""

import pytest

from enforcement.agencies.enforcement_fields import fields_named
from enforcement.cases.services import refresh_case
from enforcement.models import Certificate, EnforcementCase
from reports.ledger.models import LeadingGroupMeeting, RuleOfLawReport
from reports.statistics.compile import compile_statistics, subtree_scope
from reports.statistics.problems import RULES
from tests.factories import (
    AttendanceFactory,
    CertificateFactory,
    ExamFactory,
    ExamResultFactory,
    MajorDecisionFactory,
    NormativeDocumentFactory,
    OfficerFactory,
    PublicityActivityFactory,
    PublicityFormatFactory,
    StudyPlanFactory,
    TrainingSessionFactory,
    case_with_events,
    ledger_year,
    penalty_case,
)
from tests.reports.records import YEAR, d

ONE_WAY, INTERACTIVE = "悬挂横幅", "法律咨询"


class Township:
    """A township of 2021 whose records break no rule until a test adds some that do."""

    def __init__(self, world):
        self.world = world
        self.agency = world.team_a
        self.training = TrainingSessionFactory(agency=self.agency, date=d("2021-05-10"), hours=60)
        self.short_course = TrainingSessionFactory(agency=self.agency, date=d("2021-06-10"), hours=10)
        self.exam = ExamFactory(agency=self.agency, date=d("2021-11-05"))
        self.first = self.officer(score=95)
        self.activity(INTERACTIVE, participants=60)
        ledger_year(world.township_a, year=YEAR)

    def officer(self, *, valid_until="2026-12-31", certified=True, hours_session=None, score=None):
        officer = OfficerFactory(agency=self.agency)
        if certified:
            CertificateFactory(officer=officer, issued_on=d("2020-01-01"), valid_until=d(valid_until))
        AttendanceFactory(session=hours_session or self.training, officer=officer)
        if score is not None:
            ExamResultFactory(exam=self.exam, officer=officer, score=score)
        return officer

    def activity(self, format_name: str, *, participants: int):
        PublicityActivityFactory(
            agency=self.agency,
            start_date=d("2021-09-20"),
            end_date=d("2021-09-20"),
            formats=[PublicityFormatFactory(name=format_name)],
            participants=participants,
        )

    def case(self, *, replied_on: str, outcome: str):
        case_with_events(
            self.world.township_a,
            ("application_received", d("2021-03-01")),
            ("accepted", d("2021-03-03")),
            ("copy_received", d("2021-03-05")),
            ("reply_submitted", d(replied_on)),
            ("decision", d("2021-04-20"), {"outcome": outcome}),
            officer=self.first,
        )

    def decision(self, **steps):
        dated = {"legality_reviewed_on": d("2021-04-14"), "discussed_on": d("2021-04-24")}
        MajorDecisionFactory(
            agency=self.world.township_a,
            catalogue_year=YEAR,
            public_comment_from=d("2021-03-03"),
            public_comment_until=d("2021-04-02"),
            decided_on=d("2021-04-24"),
            published_on=d("2021-04-28"),
            archived_on=d("2021-05-20"),
            **(dated | steps),
        )

    def document(self, **steps):
        NormativeDocumentFactory(
            agency=self.world.township_a,
            drafted_on=d("2021-05-06"),
            issued_on=d("2021-06-03"),
            published_on=d("2021-06-05"),
            **({"reviewed_on": d("2021-05-20"), "filed_on": d("2021-06-20")} | steps),
        )

    def penalty_case(self, *events, **details):
        return penalty_case(
            self.world.township_a,
            ("filed", d("2021-03-04")),
            *events,
            handlers=[self.officer(), self.officer()],
            discovered_on=d("2021-03-03"),
            **details,
        )

    def acts_outside_the_certified_field(self):
        case = self.penalty_case(("investigated", d("2021-03-05")))
        # The certificate is corrected later: it never covered the case's field.
        for certificate in Certificate.objects.filter(officer=case.handlers.first()):
            certificate.fields.set(fields_named(["市场监管"]))

    def decision_found_to_need_review(self):
        case = self.penalty_case(("notified", d("2021-03-20")), ("decided", d("2021-04-01")))
        EnforcementCase.objects.filter(pk=case.pk).update(major_public_interest=True)
        refresh_case(case.pk)

    def problems(self) -> list[str]:
        stats = compile_statistics(subtree_scope(self.world.township_a), YEAR)
        return [problem["code"] for problem in stats["problems"]]


BREAKING = {
    "uncertified_enforcement": lambda t: t.officer(certified=False),
    "certificates_expiring": lambda t: t.officer(valid_until="2022-02-15"),
    "training_hours_short": lambda t: t.officer(hours_session=t.short_course),
    "group_study_short": lambda t: StudyPlanFactory(agency=t.world.township_a, year=YEAR, group_study_sessions=2),
    "exam_pass_rate_low": lambda t: t.officer(score=40),
    "publicity_one_way": lambda t: [t.activity(ONE_WAY, participants=60) for _ in range(3)],
    "publicity_low_participation": lambda t: t.activity(INTERACTIVE, participants=10),
    "replies_overdue": lambda t: t.case(replied_on="2021-04-01", outcome="upheld"),
    "correction_rate_high": lambda t: t.case(replied_on="2021-03-10", outcome="revoked"),
    "decision_without_review": lambda t: t.decision(legality_result="unlawful"),
    "decision_without_discussion": lambda t: t.decision(
        discussed_on=None, discussion_meeting="", discussion_attendees=None
    ),
    "document_without_review": lambda t: t.document(reviewed_on=None, reviewer="", review_result=""),
    "document_filed_late": lambda t: t.document(filed_on=d("2021-07-06")),
    "no_rule_of_law_report": lambda t: RuleOfLawReport.objects.all().delete(),
    "no_leading_group_meeting": lambda t: LeadingGroupMeeting.objects.all().delete(),
    "uncertified_handler_acts": lambda t: t.acts_outside_the_certified_field(),
    # Filed on 2021-03-04: the decision was due by 2021-06-02.
    "decisions_late": lambda t: t.penalty_case(("notified", d("2021-03-20")), ("decided", d("2021-07-01"))),
    "legal_review_missing": lambda t: t.decision_found_to_need_review(),
}


@pytest.fixture
def township(world, compiled_at):
    return Township(world)


def test_every_rule_is_tried_on_records():
    assert set(BREAKING) == {rule.code for rule in RULES}


def test_a_healthy_township_shows_no_problem(township):
    assert township.problems() == []


@pytest.mark.parametrize("code", sorted(BREAKING))
def test_a_rule_fires_on_records_that_break_it_and_only_it(township, code):
    BREAKING[code](township)
    assert township.problems() == [code]
