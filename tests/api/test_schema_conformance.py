"""Every operation, called with real rows in the database, answers exactly as the OpenAPI schema documents.

The fuzzing test finds server errors but rarely gets past validation to a
201, nor sees a row whose optional values are empty; here every list and
detail is read with such rows present and every resource is created once,
and any response that differs from the schema fails.
"""

import datetime

import pytest
from django.core import signals
from django.db import close_old_connections
from rest_framework.authtoken.models import Token

from tests.api.test_fuzzing import schema
from tests.base import build_world
from tests.factories import (
    CertificateFactory,
    ExamResultFactory,
    PublicityActivityFactory,
    ReconsiderationCaseFactory,
    TrainingSessionFactory,
    case_with_events,
)

CREATE = {
    "/api/v1/training-sessions/": lambda world: {
        "agency": world.township_a.pk,
        "kind": "officer_training",
        "title": "行政处罚法专题培训",
        "date": "2025-05-10",
        "hours": "4.0",
    },
    "/api/v1/exams/": lambda world: {
        "agency": world.township_a.pk,
        "kind": "annual_law_exam",
        "title": "年度学法考试",
        "date": "2025-11-20",
        "max_score": "100",
        "pass_mark": "60",
    },
    "/api/v1/reconsideration-cases/": lambda world: {
        "agency": world.township_a.pk,
        "organ_name": "示例县人民政府",
        "organ_case_number": "示县复〔2025〕88号",
        "act_kind": "penalty",
        "officer": CertificateFactory(officer__agency=world.township_a).officer_id,
    },
}


@pytest.fixture(autouse=True)
def _keep_the_test_transactions_connection():
    signals.request_started.disconnect(close_old_connections)
    signals.request_finished.disconnect(close_old_connections)
    yield
    signals.request_started.connect(close_old_connections)
    signals.request_finished.connect(close_old_connections)


@pytest.fixture
def world_with_rows(db):
    world = build_world()
    CertificateFactory(officer__agency=world.team_a)
    ReconsiderationCaseFactory(agency=world.township_a, officer__agency=world.township_a)
    case_with_events(world.township_a, ("application_received", datetime.date(2025, 3, 3)))
    TrainingSessionFactory(agency=world.township_a)
    ExamResultFactory(exam__agency=world.township_a, officer__agency=world.team_a)
    PublicityActivityFactory(agency=world.township_a)
    return world


def operations(method: str):
    return [
        operation.ok()
        for operation in schema.get_all_operations()
        if operation.ok().method.upper() == method and operation.ok().path.startswith("/api/v1/")
    ]


def test_every_list_and_detail_with_rows_answers_as_documented(world_with_rows):
    headers = {"Authorization": f"Token {Token.objects.create(user=world_with_rows.team_lead_a).key}"}
    lists = [op for op in operations("GET") if "{" not in op.path]
    for operation in lists:
        response = operation.Case(query={}).call_and_validate(headers=headers)
        body = response.json()
        rows = body.get("results") if isinstance(body, dict) else None
        detail = schema[operation.path + "{id}/"]["GET"] if rows and operation.path + "{id}/" in schema else None
        if detail is not None:
            detail.Case(path_parameters={"id": rows[0]["id"]}).call_and_validate(headers=headers)


@pytest.mark.parametrize("path", sorted(CREATE))
def test_creating_a_record_answers_as_documented(world_with_rows, path):
    headers = {"Authorization": f"Token {Token.objects.create(user=world_with_rows.team_lead_a).key}"}
    case = schema[path]["POST"].Case(body=CREATE[path](world_with_rows), media_type="application/json")
    response = case.call_and_validate(headers=headers)
    assert response.status_code == 201, response.text
