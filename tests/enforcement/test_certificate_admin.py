import datetime

import pytest
import time_machine

from enforcement.officers.models.certificate import Certificate, CertificateStatus
from tests.base import query_counts_at_two_sizes
from tests.enforcement.admin_forms import signed_version
from tests.enforcement.test_agency_admin import log_in
from tests.factories import CertificateFactory

CHANGELIST = "/admin/enforcement/certificate/"
TODAY = datetime.date(2026, 6, 1)


@pytest.fixture
def lead_a(client, world):
    with time_machine.travel(datetime.datetime(2026, 6, 1, 9, 0), tick=False):
        log_in(client, world.team_lead_a)
        yield client


def certificate(world, number, days_left, **kwargs):
    return CertificateFactory(
        officer__agency=world.team_a, number=number, valid_until=TODAY + datetime.timedelta(days=days_left), **kwargs
    )


@pytest.mark.parametrize(
    ("validity", "shown"),
    [
        ("valid", {"D20", "D50", "D80", "D400"}),
        ("30", {"D20"}),
        ("60", {"D20", "D50"}),
        ("90", {"D20", "D50", "D80"}),
        ("expired", {"GONE"}),
        ("suspended", {"SUSP"}),
        ("revoked", {"REV"}),
    ],
)
def test_validity_filters(lead_a, world, validity, shown):
    for number, days in (("D20", 20), ("D50", 50), ("D80", 80), ("D400", 400), ("GONE", -1)):
        certificate(world, number, days)
    certificate(world, "SUSP", 100, status=CertificateStatus.SUSPENDED)
    certificate(world, "REV", 100, status=CertificateStatus.REVOKED)
    page = lead_a.get(CHANGELIST, {"validity": validity}).content.decode()
    listed = {number for number in ("D20", "D50", "D80", "D400", "GONE", "SUSP", "REV") if f">{number}<" in page}
    assert listed == shown


def test_the_changelist_query_count_does_not_grow_with_rows(lead_a, world):
    counts = query_counts_at_two_sizes(
        lambda count: CertificateFactory.create_batch(count, officer__agency=world.team_a),
        lambda: lead_a.get(CHANGELIST),
    )
    assert counts[0] == counts[1]


def change_payload(client, item: Certificate, **changes) -> dict:
    data = {
        "number": item.number,
        "officer": item.officer_id,
        "kind": item.kind,
        "issuing_authority": item.issuing_authority,
        "fields": [field.pk for field in item.fields.all()],
        "area": item.area,
        "issued_on": item.issued_on.isoformat(),
        "valid_until": item.valid_until.isoformat(),
        "status": item.status,
        "version": signed_version(client, f"{CHANGELIST}{item.pk}/change/"),
        "status_changes-TOTAL_FORMS": 0,
        "status_changes-INITIAL_FORMS": 0,
        "annual_reviews-TOTAL_FORMS": 0,
        "annual_reviews-INITIAL_FORMS": 0,
    }
    return data | changes


def test_suspending_in_the_admin_records_the_reason(lead_a, world):
    item = certificate(world, "A-1", 400)
    response = lead_a.post(
        f"{CHANGELIST}{item.pk}/change/",
        change_payload(lead_a, item, status="suspended", status_reason="未按规定亮证", status_changed_on="2026-05-30"),
    )
    assert response.status_code == 302, response.content.decode()[:3000]
    change = item.status_changes.get()
    assert (change.status, change.reason, change.changed_on, change.changed_by) == (
        "suspended",
        "未按规定亮证",
        datetime.date(2026, 5, 30),
        world.team_lead_a,
    )


def test_a_status_change_without_a_reason_is_refused_in_the_admin(lead_a, world):
    item = certificate(world, "A-1", 400)
    response = lead_a.post(f"{CHANGELIST}{item.pk}/change/", change_payload(lead_a, item, status="suspended"))
    assert response.status_code == 200
    item.refresh_from_db()
    assert item.status == CertificateStatus.VALID


def test_valid_until_before_issued_on_is_refused_in_the_admin(lead_a, world):
    item = certificate(world, "A-1", 400)
    response = lead_a.post(f"{CHANGELIST}{item.pk}/change/", change_payload(lead_a, item, valid_until="2023-01-01"))
    assert response.status_code == 200
    item.refresh_from_db()
    assert item.valid_until != datetime.date(2023, 1, 1)


def test_a_second_concurrent_save_of_a_certificate_is_refused(lead_a, world):
    item = certificate(world, "A-1", 400)
    stale = change_payload(lead_a, item)
    assert lead_a.post(f"{CHANGELIST}{item.pk}/change/", stale | {"area": "先存"}).status_code == 302
    assert lead_a.post(f"{CHANGELIST}{item.pk}/change/", stale | {"area": "后存"}).status_code == 200
    item.refresh_from_db()
    assert item.area == "先存"
    assert list(item.history.order_by("history_date").values_list("area", flat=True)) == ["甲镇", "先存"]


def test_another_townships_certificate_is_not_found_in_the_admin(lead_a, world):
    other = CertificateFactory(officer__agency=world.township_b)
    response = lead_a.get(f"{CHANGELIST}{other.pk}/change/")
    assert response.status_code == 302 and response.url == "/admin/"
