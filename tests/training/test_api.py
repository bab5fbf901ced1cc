import datetime

from tests.base import ScopedWritableResourceChecks, VersionedResourceChecks, api_client_for, query_counts_at_two_sizes
from tests.factories import (
    AttendanceFactory,
    AudienceFactory,
    ExamFactory,
    ExamResultFactory,
    OfficerFactory,
    PublicityActivityFactory,
    PublicityFormatFactory,
    ThemeDayFactory,
    TrainingSessionFactory,
)
from training.exams.models import ExamKind
from training.study.models import SessionKind


def listed_ids(response):
    assert response.status_code == 200, response.content
    return {row["id"] for row in response.json()["results"]}


def first_error(response):
    assert response.status_code == 400, response.content
    return response.json()["errors"][0]


class TestTrainingSessionApi(ScopedWritableResourceChecks, VersionedResourceChecks):
    patch_payload = {"speaker": "县司法局 王律师"}
    url = "/api/v1/training-sessions/"

    def make_record(self, agency):
        return TrainingSessionFactory(agency=agency)

    def create_payload(self, agency):
        return {
            "agency": agency.pk,
            "kind": SessionKind.LECTURE,
            "title": "民法典讲座",
            "date": "2024-05-20",
            "hours": "2.5",
        }


class TestExamApi(ScopedWritableResourceChecks, VersionedResourceChecks):
    patch_payload = {"title": "2024年度学法考试（补）"}
    url = "/api/v1/exams/"

    def make_record(self, agency):
        return ExamFactory(agency=agency)

    def create_payload(self, agency):
        return {
            "agency": agency.pk,
            "title": "2024年度学法考试",
            "date": "2024-11-20",
            "max_score": "100",
            "pass_mark": "60",
        }


class TestExamResultApi(ScopedWritableResourceChecks):
    url = "/api/v1/exam-results/"

    def make_record(self, agency):
        return ExamResultFactory(exam=ExamFactory(agency=agency))

    def create_payload(self, agency):
        exam = ExamFactory(agency=agency)
        return {"exam": exam.pk, "officer": OfficerFactory(agency=agency).pk, "score": "88"}


class TestPublicityActivityApi(ScopedWritableResourceChecks, VersionedResourceChecks):
    patch_payload = {"place": "甲镇文化广场"}
    url = "/api/v1/publicity-activities/"

    def make_record(self, agency):
        return PublicityActivityFactory(agency=agency)

    def create_payload(self, agency):
        return {
            "agency": agency.pk,
            "title": "宪法宣传周进村入户",
            "start_date": "2024-12-01",
            "end_date": "2024-12-07",
            "theme": ThemeDayFactory(name="宪法宣传周").pk,
            "formats": [PublicityFormatFactory().pk],
            "participants": 120,
            "materials": 500,
        }


def test_a_session_of_zero_hours_is_refused_naming_the_hours(world):
    payload = TestTrainingSessionApi().create_payload(world.township_a) | {"hours": "0"}
    assert first_error(api_client_for(world.team_lead_a).post("/api/v1/training-sessions/", payload))["attr"] == "hours"


def test_a_score_above_the_maximum_is_refused_naming_the_score(world):
    payload = TestExamResultApi().create_payload(world.township_a) | {"score": "101"}
    error = first_error(api_client_for(world.team_lead_a).post("/api/v1/exam-results/", payload))
    assert error["attr"] == "score" and "100" in error["detail"]


def test_a_result_for_an_officer_outside_the_exams_agency_is_refused_naming_the_officer(world):
    exam = ExamFactory(agency=world.team_a)
    payload = {"exam": exam.pk, "officer": OfficerFactory(agency=world.township_a).pk, "score": "70"}
    assert first_error(api_client_for(world.team_lead_a).post("/api/v1/exam-results/", payload))["attr"] == "officer"


def test_an_activity_ending_before_it_starts_is_refused_naming_the_end_date(world):
    payload = TestPublicityActivityApi().create_payload(world.township_a) | {"end_date": "2024-11-30"}
    assert (
        first_error(api_client_for(world.team_lead_a).post("/api/v1/publicity-activities/", payload))["attr"]
        == "end_date"
    )


def test_an_activity_with_negative_participants_is_refused(world):
    payload = TestPublicityActivityApi().create_payload(world.township_a) | {"participants": -3}
    assert (
        first_error(api_client_for(world.team_lead_a).post("/api/v1/publicity-activities/", payload))["attr"]
        == "participants"
    )


def test_an_activity_needs_a_format(world):
    payload = TestPublicityActivityApi().create_payload(world.township_a) | {"formats": []}
    assert (
        first_error(api_client_for(world.team_lead_a).post("/api/v1/publicity-activities/", payload))["attr"]
        == "formats"
    )


def test_sessions_filter_by_agency_subtree(world):
    in_team = TrainingSessionFactory(agency=world.team_a)
    in_township = TrainingSessionFactory(agency=world.township_a)
    TrainingSessionFactory(agency=world.township_b)
    client = api_client_for(world.supervisor)
    assert listed_ids(client.get("/api/v1/training-sessions/", {"agency": world.township_a.pk})) == {
        in_team.pk,
        in_township.pk,
    }
    assert listed_ids(client.get("/api/v1/training-sessions/", {"agency": world.team_a.pk})) == {in_team.pk}


def test_an_agency_outside_scope_is_not_a_valid_filter(world):
    response = api_client_for(world.team_lead_a).get("/api/v1/training-sessions/", {"agency": world.township_b.pk})
    assert response.status_code == 400


def test_sessions_filter_by_year_kind_and_dates(world):
    a = world.township_a
    old = TrainingSessionFactory(agency=a, date=datetime.date(2023, 6, 1))
    group = TrainingSessionFactory(agency=a, date=datetime.date(2024, 3, 1), kind=SessionKind.GROUP_STUDY)
    late = TrainingSessionFactory(agency=a, date=datetime.date(2024, 10, 1))
    client = api_client_for(world.team_lead_a)
    url = "/api/v1/training-sessions/"
    assert listed_ids(client.get(url, {"year": 2023})) == {old.pk}
    assert listed_ids(client.get(url, {"kind": SessionKind.GROUP_STUDY})) == {group.pk}
    assert listed_ids(client.get(url, {"date_from": "2024-01-01", "date_to": "2024-06-30"})) == {group.pk}
    assert listed_ids(client.get(url, {"date_from": "2024-07-01"})) == {late.pk}


def test_exams_filter_by_year_and_kind(world):
    annual = ExamFactory(agency=world.township_a)
    ExamFactory(agency=world.township_a, date=datetime.date(2023, 11, 1))
    qualification = ExamFactory(agency=world.township_a, kind=ExamKind.CERTIFICATE_QUALIFICATION)
    client = api_client_for(world.team_lead_a)
    assert listed_ids(client.get("/api/v1/exams/", {"year": 2024})) == {annual.pk, qualification.pk}
    assert listed_ids(client.get("/api/v1/exams/", {"kind": ExamKind.CERTIFICATE_QUALIFICATION})) == {qualification.pk}


def test_exam_results_filter_by_agency_of_the_officer_year_exam_and_absence(world):
    exam = ExamFactory(agency=world.township_a)
    in_team = ExamResultFactory(exam=exam, officer=OfficerFactory(agency=world.team_a))
    absent = ExamResultFactory(exam=exam, score=None, absent=True)
    ExamResultFactory(exam=ExamFactory(agency=world.township_a, date=datetime.date(2023, 5, 1)))
    client = api_client_for(world.team_lead_a)
    url = "/api/v1/exam-results/"
    assert listed_ids(client.get(url, {"agency": world.team_a.pk})) == {in_team.pk}
    assert listed_ids(client.get(url, {"year": 2024})) == {in_team.pk, absent.pk}
    assert listed_ids(client.get(url, {"exam": exam.pk, "absent": "true"})) == {absent.pk}
    assert listed_ids(client.get(url, {"date_from": "2024-01-01", "kind": ExamKind.ANNUAL_LAW_EXAM})) == {
        in_team.pk,
        absent.pk,
    }


def test_exam_results_say_whether_the_officer_passed(world):
    result = ExamResultFactory(exam=ExamFactory(agency=world.township_a, pass_mark=60), score=59)
    row = api_client_for(world.team_lead_a).get(f"/api/v1/exam-results/{result.pk}/").json()
    assert (row["passed"], row["officer_name"]) == (False, result.officer.name)


def test_activities_filter_by_year_theme_format_and_audience(world):
    a = world.township_a
    constitution = ThemeDayFactory(name="国家宪法日")
    quiz = PublicityFormatFactory(name="知识竞赛", is_interactive=True)
    students = AudienceFactory(name="青少年学生", is_youth=True)
    themed = PublicityActivityFactory(agency=a, theme=constitution)
    interactive = PublicityActivityFactory(agency=a, formats=[quiz, PublicityFormatFactory()], audiences=[students])
    last_year = PublicityActivityFactory(agency=a, start_date=datetime.date(2023, 4, 15))
    client = api_client_for(world.team_lead_a)
    url = "/api/v1/publicity-activities/"
    assert listed_ids(client.get(url, {"year": 2023})) == {last_year.pk}
    assert listed_ids(client.get(url, {"theme": constitution.pk})) == {themed.pk}
    assert listed_ids(client.get(url, {"format": quiz.pk})) == {interactive.pk}
    assert listed_ids(client.get(url, {"audience": students.pk})) == {interactive.pk}
    assert listed_ids(client.get(url, {"agency": a.pk, "year": 2024})) == {themed.pk, interactive.pk}
    assert client.get(f"{url}{interactive.pk}/").json()["is_interactive"] is True


def test_list_query_counts_do_not_grow_with_rows(world):
    client = api_client_for(world.team_lead_a)
    exam = ExamFactory(agency=world.township_a)
    makers = {
        "/api/v1/training-sessions/": lambda n: [
            AttendanceFactory(session=TrainingSessionFactory(agency=world.township_a)) for _ in range(n)
        ],
        "/api/v1/exams/": lambda n: ExamFactory.create_batch(n, agency=world.township_a),
        "/api/v1/exam-results/": lambda n: ExamResultFactory.create_batch(n, exam=exam),
        "/api/v1/publicity-activities/": lambda n: PublicityActivityFactory.create_batch(
            n, agency=world.township_a, audiences=[AudienceFactory()]
        ),
    }
    for url, make_rows in makers.items():
        counts = query_counts_at_two_sizes(make_rows, lambda url=url: client.get(url, {"page_size": 500}))
        assert counts[0] == counts[1], url
