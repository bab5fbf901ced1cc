import datetime
import hashlib
import io
import json
import zipfile

import pytest
from django.core.exceptions import ValidationError
from django.core.files.uploadedfile import SimpleUploadedFile

from enforcement.cases.services import attach_file
from enforcement.models import EventFile
from tests.base import ScopedWritableResourceChecks, api_client_for, query_counts_at_two_sizes
from tests.factories import EnforcementFieldFactory, certified_officer, make_id_number, penalty_case

URL = "/api/v1/enforcement-cases/"
D = datetime.date
pytestmark = pytest.mark.django_db


class TestEnforcementCaseApi(ScopedWritableResourceChecks):
    url = URL

    def make_record(self, agency):
        return penalty_case(agency, ("filed", D(2025, 3, 4)))

    def create_payload(self, agency):
        return {
            "agency": agency.pk,
            "field": EnforcementFieldFactory(name="城乡规划").pk,
            "act": "未经许可搭建彩钢棚",
            "act_place": "建设路12号",
            "act_on": "2025-02-20",
            "discovered_on": "2025-03-03",
            "handlers": [certified_officer(agency).pk, certified_officer(agency).pk],
            "parties": [{"kind": "citizen", "name": "张三丰", "id_number": make_id_number(9100)}],
            "penalties": [{"kind": "fine", "amount": "5000.00"}],
        }

    def post(self, client, payload):
        return client.post(self.url, payload, format="json")

    def test_read_only_role_cannot_create(self, world):
        response = api_client_for(world.supervisor).post(self.url, self.create_payload(world.township_a), format="json")
        assert response.status_code == 403

    def test_team_lead_creates_a_record_in_own_township(self, world):
        response = api_client_for(world.team_lead_a).post(
            self.url, self.create_payload(world.township_a), format="json"
        )
        assert response.status_code == 201, response.content
        assert [h["name"] for h in response.json()["handlers"]]

    def test_creating_a_record_in_another_township_is_refused(self, world):
        response = api_client_for(world.team_lead_a).post(
            self.url, self.create_payload(world.township_b), format="json"
        )
        assert response.status_code == 400, response.content


def test_hr_reads_cases_but_cannot_record_events(world):
    case = penalty_case(world.township_a, ("filed", D(2025, 3, 4)))
    client = api_client_for(world.hr_a)
    assert client.get(f"{URL}{case.pk}/").status_code == 200
    response = client.post(f"{URL}{case.pk}/events/", {"kind": "notified", "occurred_on": "2025-03-10"}, format="json")
    assert response.status_code == 403


def test_a_case_answers_its_deadlines_in_the_reconsideration_shape(world):
    case = penalty_case(world.township_a, ("filed", D(2025, 7, 3)), discovered_on=D(2025, 7, 1))
    body = api_client_for(world.team_lead_a).get(f"{URL}{case.pk}/").json()
    decision = next(row for row in body["deadlines"] if row["kind"] == "decision")
    assert decision["due"] == "2025-10-09"
    assert decision["article"] == "《行政处罚法》第六十条"
    assert set(decision) >= {"kind", "due", "met_on", "rule", "article", "estimated"}
    assert body["number"] == "甲镇执罚〔2025〕1号"


def test_an_event_by_an_uncertified_officer_is_a_400_naming_the_officer(world, english):
    case = penalty_case(world.township_a, ("filed", D(2025, 3, 4)))
    lapsed = certified_officer(world.township_a, valid_until=D(2025, 3, 4))
    response = api_client_for(world.team_lead_a).post(
        f"{URL}{case.pk}/events/",
        {"kind": "investigated", "occurred_on": "2025-03-05", "officers": [case.handlers.first().pk, lapsed.pk]},
        format="json",
    )
    assert response.status_code == 400
    error = response.json()["errors"][0]
    assert error["attr"].startswith("officers")
    assert lapsed.name in error["detail"]
    assert case.events.count() == 1


def test_the_list_filters_by_status_procedure_field_and_overdue(world):
    filed = penalty_case(world.township_a, ("filed", D(2025, 3, 4)))
    unfiled = penalty_case(world.township_a)
    client = api_client_for(world.team_lead_a)

    def ids(**params):
        return {row["id"] for row in client.get(URL, params).json()["results"]}

    assert ids(status="investigating") == {filed.pk}
    assert ids(overdue="true") == {filed.pk}
    assert ids(year=2025) == {filed.pk, unfiled.pk}
    assert ids(procedure="simplified") == set()
    assert ids(field=filed.field_id) == {filed.pk, unfiled.pk}
    assert ids(agency=world.township_a.pk) == {filed.pk, unfiled.pk}
    assert ids(agency=world.team_a.pk) == set()


def test_the_case_list_costs_the_same_queries_for_5_and_50_cases(world):
    client = api_client_for(world.team_lead_a)
    handlers = [certified_officer(world.township_a), certified_officer(world.township_a)]

    def make(count):
        for _ in range(count):
            penalty_case(world.township_a, ("filed", D(2025, 3, 4)), ("investigated", D(2025, 3, 5)), handlers=handlers)

    counts = query_counts_at_two_sizes(make, lambda: client.get(URL, {"page_size": 100}))
    assert counts[0] == counts[1]


def test_an_attached_file_keeps_its_sha256_and_is_never_changed_or_deleted(world, settings, tmp_path, english):
    settings.MEDIA_ROOT = tmp_path
    case = penalty_case(world.township_a, ("filed", D(2025, 3, 4)), ("investigated", D(2025, 3, 5)))
    event = case.events.get(kind="investigated")
    content = b"%PDF-1.4 inspection record"
    record = attach_file(event=event, upload=SimpleUploadedFile("现场检查笔录.pdf", content))
    assert record.sha256 == hashlib.sha256(content).hexdigest()
    record.name = "other.pdf"
    with pytest.raises(ValidationError):
        record.save()
    with pytest.raises(ValidationError):
        record.delete()
    with pytest.raises(ValidationError):
        EventFile.objects.filter(pk=record.pk).delete()
    with pytest.raises(ValidationError):
        EventFile.objects.filter(pk=record.pk).update(name="x.pdf")
    assert EventFile.objects.get(pk=record.pk).name == "现场检查笔录.pdf"


def test_a_file_of_a_refused_type_is_refused(world, settings, tmp_path, english):
    settings.MEDIA_ROOT = tmp_path
    case = penalty_case(world.township_a, ("filed", D(2025, 3, 4)))
    with pytest.raises(ValidationError) as error:
        attach_file(event=case.events.get(), upload=SimpleUploadedFile("run.exe", b"MZ"))
    assert "not accepted" in " ".join(error.value.message_dict["file"])


def test_a_correction_supersedes_and_the_archive_lists_both_with_their_hashes(world, settings, tmp_path):
    settings.MEDIA_ROOT = tmp_path
    case = penalty_case(world.township_a, ("filed", D(2025, 3, 4)), ("interviewed", D(2025, 3, 6)))
    event = case.events.get(kind="interviewed")
    client = api_client_for(world.team_lead_a)
    first = client.post(
        f"{URL}{case.pk}/files/",
        {"event": event.pk, "file": SimpleUploadedFile("询问笔录.pdf", b"v1")},
        format="multipart",
    )
    assert first.status_code == 201, first.content
    second = client.post(
        f"{URL}{case.pk}/files/",
        {"event": event.pk, "file": SimpleUploadedFile("询问笔录.pdf", b"v2"), "supersedes": first.json()["id"]},
        format="multipart",
    )
    assert second.status_code == 201, second.content
    response = client.get(f"{URL}{case.pk}/archive/")
    assert response.status_code == 200
    archive = zipfile.ZipFile(io.BytesIO(response.content))
    manifest = json.loads(archive.read("manifest.json"))
    assert [f["sha256"] for f in manifest["files"]] == [
        hashlib.sha256(b"v1").hexdigest(),
        hashlib.sha256(b"v2").hexdigest(),
    ]
    assert manifest["files"][1]["supersedes"] == first.json()["id"]
    other = api_client_for(world.team_lead_b)
    assert other.get(f"{URL}{case.pk}/archive/").status_code == 404
    assert api_client_for(None).get(f"{URL}{case.pk}/archive/").status_code == 401
