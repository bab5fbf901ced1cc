"""The pages where a team lead chooses people: autocomplete within scope, whole-exam score sheets."""

from decimal import Decimal

import pytest
from django.contrib import admin

from tests.enforcement.admin_forms import signed_version
from tests.factories import AttendanceFactory, ExamFactory, ExamResultFactory, OfficerFactory, TrainingSessionFactory
from training.exams.models import ExamResult

pytestmark = pytest.mark.django_db


def admin_client(client, user):
    client.force_login(user)
    return client


def test_no_admin_page_asks_for_a_numeric_id():
    offenders = []
    for model_admin in admin.site._registry.values():
        for candidate in [model_admin, *(inline(model_admin.model, admin.site) for inline in model_admin.inlines)]:
            if candidate.raw_id_fields:
                offenders.append(f"{type(candidate).__name__}: {candidate.raw_id_fields}")
    assert offenders == []


def test_the_officer_autocomplete_offers_only_officers_in_the_users_scope(client, world):
    OfficerFactory(agency=world.team_a, name="甲队张三")
    OfficerFactory(agency=world.township_b, name="乙乡张四")
    response = admin_client(client, world.team_lead_a).get(
        "/admin/autocomplete/",
        {"term": "张", "app_label": "training", "model_name": "examresult", "field_name": "officer"},
    )
    assert response.status_code == 200
    assert [row["text"] for row in response.json()["results"]] == ["甲队张三"]


def test_the_score_sheet_lists_every_officer_on_the_roll_with_the_results_entered(client, world):
    exam = ExamFactory(agency=world.township_a)
    ExamResultFactory(exam=exam, officer=OfficerFactory(agency=world.team_a, name="已考"), score=Decimal(88))
    OfficerFactory(agency=world.team_a, name="未考")
    OfficerFactory(agency=world.township_b, name="外乡")
    response = admin_client(client, world.team_lead_a).get(f"/admin/training/exam/{exam.pk}/scores/")
    text = response.content.decode()
    assert "已考" in text and "未考" in text and "外乡" not in text
    assert 'value="88.0"' in text


def test_one_score_above_the_maximum_refuses_the_whole_sheet(client, world):
    exam = ExamFactory(agency=world.township_a)
    good, bad = OfficerFactory(agency=world.team_a, name="甲"), OfficerFactory(agency=world.team_a, name="乙")
    data = {"scores-TOTAL_FORMS": "2", "scores-INITIAL_FORMS": "2"}
    for n, (officer, score) in enumerate([(good, "70"), (bad, "130")]):
        data |= {f"scores-{n}-officer": officer.pk, f"scores-{n}-score": score}
    response = admin_client(client, world.team_lead_a).post(f"/admin/training/exam/{exam.pk}/scores/", data)
    assert response.status_code == 200
    assert not ExamResult.objects.filter(exam=exam).exists()


def test_another_townships_exam_has_no_score_sheet(client, world):
    exam = ExamFactory(agency=world.township_b)
    assert admin_client(client, world.team_lead_a).get(f"/admin/training/exam/{exam.pk}/scores/").status_code == 404


def test_a_sessions_sign_in_sheet_lists_the_officers_expected_with_a_signature_column(client, world):
    session = TrainingSessionFactory(agency=world.township_a, title="行政处罚法专题培训")
    OfficerFactory(agency=world.team_a, name="甲队员")
    OfficerFactory(agency=world.township_b, name="乙乡干部")
    page = admin_client(client, world.team_lead_a).get(f"/admin/training/trainingsession/{session.pk}/sign-in/")
    text = page.content.decode()
    assert "签到表" in text and "签名" in text and "行政处罚法专题培训" in text
    assert "甲队员" in text and "乙乡干部" not in text


def test_the_sign_in_sheet_lists_only_the_recorded_attendees_once_there_are_some(client, world):
    session = TrainingSessionFactory(agency=world.township_a)
    AttendanceFactory(session=session, officer=OfficerFactory(agency=world.team_a, name="已到"))
    OfficerFactory(agency=world.team_a, name="未到")
    text = admin_client(client, world.team_lead_a).get(f"/admin/training/trainingsession/{session.pk}/sign-in/")
    assert "已到" in text.content.decode() and "未到" not in text.content.decode()


def test_a_stale_save_of_a_training_session_is_refused_in_chinese_and_both_edits_are_in_its_history(client, world):
    session = TrainingSessionFactory(agency=world.township_a, speaker="")
    url = f"/admin/training/trainingsession/{session.pk}/change/"
    lead = admin_client(client, world.team_lead_a)
    form = {
        "agency": world.township_a.pk,
        "kind": session.kind,
        "title": session.title,
        "date": "2024-05-10",
        "hours": "4.0",
        "version": signed_version(lead, url),
        "attendances-TOTAL_FORMS": "0",
        "attendances-INITIAL_FORMS": "0",
    }
    assert lead.post(url, form | {"speaker": "先存"}).status_code == 302
    refused = lead.post(url, form | {"speaker": "后存"}, HTTP_ACCEPT_LANGUAGE="zh-hans")
    assert refused.status_code == 200 and "有人在您打开后保存了这条记录" in refused.content.decode()
    session.refresh_from_db()
    assert session.speaker == "先存"
    assert session.history.count() == 2
