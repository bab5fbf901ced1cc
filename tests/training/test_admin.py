import datetime
import io
import re
from decimal import Decimal

import pytest
import time_machine
from django.test import Client
from openpyxl import Workbook

from tests.base import query_counts_at_two_sizes
from tests.factories import (
    AttendanceFactory,
    ExamFactory,
    ExamResultFactory,
    OfficerFactory,
    PublicityActivityFactory,
    TrainingSessionFactory,
)
from training.exams.models import ExamResult


def admin_client(user) -> Client:
    client = Client()
    client.force_login(user)
    return client


CHANGELISTS = {
    "trainingsession": lambda world, n: [
        AttendanceFactory(session=TrainingSessionFactory(agency=world.township_a)) for _ in range(n)
    ],
    "exam": lambda world, n: [ExamResultFactory(exam=ExamFactory(agency=world.township_a)) for _ in range(n)],
    "examresult": lambda world, n: ExamResultFactory.create_batch(n, exam=ExamFactory(agency=world.township_a)),
    "publicityactivity": lambda world, n: PublicityActivityFactory.create_batch(n, agency=world.township_a),
    "officertrainingrecord": lambda world, n: [AttendanceFactory(officer__agency=world.township_a) for _ in range(n)],
}


@pytest.mark.parametrize("model", CHANGELISTS)
def test_changelist_queries_do_not_grow_with_rows(world, model):
    client = admin_client(world.team_lead_a)
    counts = query_counts_at_two_sizes(
        lambda n: CHANGELISTS[model](world, n), lambda: client.get(f"/admin/training/{model}/?year=2024")
    )
    assert counts[0] == counts[1]


def test_the_session_changelist_hides_another_townships_sessions(world):
    TrainingSessionFactory(agency=world.township_a, title="甲镇民法典讲座")
    TrainingSessionFactory(agency=world.township_b, title="乙乡民法典讲座")
    page = admin_client(world.team_lead_a).get("/admin/training/trainingsession/").content.decode()
    assert "甲镇民法典讲座" in page and "乙乡民法典讲座" not in page


def test_many_officers_are_added_to_a_session_from_one_form(world):
    session = TrainingSessionFactory(agency=world.township_a, hours=Decimal(3))
    officers = OfficerFactory.create_batch(3, agency=world.team_a)
    url = f"/admin/training/trainingsession/{session.pk}/attendees/"
    client = admin_client(world.team_lead_a)
    assert client.get(url).status_code == 200
    response = client.post(url, {"officers": [officer.pk for officer in officers], "hours_credited": ""})
    assert response.status_code == 302
    assert session.attendances.count() == 3


def test_an_officer_of_another_township_cannot_be_chosen_for_a_session(world):
    session = TrainingSessionFactory(agency=world.township_a)
    outsider = OfficerFactory(agency=world.township_b)
    response = admin_client(world.team_lead_a).post(
        f"/admin/training/trainingsession/{session.pk}/attendees/", {"officers": [outsider.pk]}
    )
    assert response.status_code == 200
    assert not session.attendances.exists()


def test_another_townships_session_has_no_attendee_form(world):
    session = TrainingSessionFactory(agency=world.township_b)
    response = admin_client(world.team_lead_a).get(f"/admin/training/trainingsession/{session.pk}/attendees/")
    assert response.status_code == 404


def test_the_attendance_inline_refuses_an_officer_of_another_township(world):
    session = TrainingSessionFactory(agency=world.township_a, hours=Decimal(2))
    outsider = OfficerFactory(agency=world.township_b)
    data = {
        "agency": world.township_a.pk,
        "kind": session.kind,
        "title": session.title,
        "date": "2024-05-10",
        "hours": "2",
        "attendances-TOTAL_FORMS": "1",
        "attendances-INITIAL_FORMS": "0",
        "attendances-0-officer": outsider.pk,
        "attendances-0-hours_credited": "2",
    }
    response = admin_client(world.superuser).post(f"/admin/training/trainingsession/{session.pk}/change/", data)
    assert response.status_code == 200
    assert "乙乡人民政府" in response.content.decode()
    assert not session.attendances.exists()


@time_machine.travel(datetime.datetime(2024, 12, 20, 10, 0))
def test_an_officers_training_record_for_a_year(world):
    officer = OfficerFactory(agency=world.township_a, name="陈七")
    AttendanceFactory(session=TrainingSessionFactory(agency=world.township_a, hours=Decimal(60)), officer=officer)
    ExamResultFactory(exam=ExamFactory(agency=world.township_a), officer=officer, score=Decimal(91))
    client = admin_client(world.team_lead_a)
    page = client.get(f"/admin/training/officertrainingrecord/{officer.pk}/change/?year=2024").content.decode()
    assert 'id="hours-credited">60.0<' in page and 'id="meets">yes<' in page.replace("是", "yes")
    other = OfficerFactory(agency=world.township_b)
    assert client.get(f"/admin/training/officertrainingrecord/{other.pk}/change/").status_code in (302, 404)


def results_file(*rows) -> io.BytesIO:
    book = Workbook()
    book.active.append(["姓名", "身份证号", "成绩", "缺考"])
    for row in rows:
        book.active.append(row)
    buffer = io.BytesIO()
    book.save(buffer)
    buffer.seek(0)
    buffer.name = "成绩.xlsx"
    return buffer


def test_exam_results_are_checked_then_written_from_the_admin(world):
    exam = ExamFactory(agency=world.township_a)
    officer = OfficerFactory(agency=world.township_a)
    client = admin_client(world.team_lead_a)
    url = "/admin/training/exam/import/"
    assert client.get(url).status_code == 200
    row = [officer.name, officer.id_number, 77, ""]
    checked = client.post(url, {"exam": exam.pk, "file": results_file(row)})
    assert checked.status_code == 200 and not ExamResult.objects.exists()
    token = re.search(r'name="upload" value="([^"]*)"', checked.content.decode()).group(1)
    written = client.post(url, {"upload": token})
    assert written.status_code == 302
    assert ExamResult.objects.get().score == 77


def test_a_bad_row_in_the_admin_import_is_listed_and_nothing_is_written(world):
    exam = ExamFactory(agency=world.township_a)
    officer = OfficerFactory(agency=world.township_a)
    response = admin_client(world.team_lead_a).post(
        "/admin/training/exam/import/",
        {
            "exam": exam.pk,
            "file": results_file([officer.name, officer.id_number, 70, ""], ["某人", officer.id_number, 70, ""]),
        },
    )
    assert 'id="import-errors"' in response.content.decode()
    assert not ExamResult.objects.exists()


def test_a_read_only_supervisor_cannot_import(world):
    assert admin_client(world.supervisor).get("/admin/training/exam/import/").status_code == 403


@pytest.mark.parametrize(
    "model",
    [
        "studyplan",
        "trainingsession",
        "exam",
        "examresult",
        "publicityactivity",
        "ruleoflawviceprincipal",
        "publicitysite",
        "themeday",
        "publicityformat",
        "audience",
    ],
)
def test_every_training_admin_page_opens_for_a_team_lead(world, model):
    client = admin_client(world.team_lead_a)
    assert client.get(f"/admin/training/{model}/").status_code == 200
    add = client.get(f"/admin/training/{model}/add/").status_code
    assert add == (403 if model in {"themeday", "publicityformat", "audience"} else 200)


def test_the_activity_log_import_page_offers_only_agencies_in_scope(world):
    page = admin_client(world.team_lead_a).get("/admin/training/publicityactivity/import/").content.decode()
    assert "甲镇人民政府" in page and "乙乡人民政府" not in page
