import datetime

import pytest
from django.core.cache import cache
from rest_framework.throttling import ScopedRateThrottle

from enforcement.cases.services import record_event
from tests.factories import make_id_number, penalty_case

D = datetime.date
ID_NUMBER = make_id_number(9201)


@pytest.fixture(autouse=True)
def _fresh_rate_limit():
    cache.clear()
    yield
    cache.clear()


@pytest.fixture
def published(world):
    return penalty_case(
        world.township_a,
        ("filed", D(2025, 3, 4)),
        ("notified", D(2025, 3, 20)),
        ("decided", D(2025, 4, 1)),
        ("published", D(2025, 4, 3)),
        parties=[{"kind": "citizen", "name": "张三丰", "id_number": ID_NUMBER}],
        act_basis="《城乡规划法》第四十条",
        penalty_basis="《城乡规划法》第六十四条",
    )


def test_the_public_disclosure_lists_officers_and_decisions_with_citizens_masked_and_no_id_number(client, published):
    handler = published.handlers.first()
    for url in (f"/disclosure/{published.agency_id}/", f"/api/v1/disclosure/{published.agency_id}/"):
        response = client.get(url)
        assert response.status_code == 200
        text = response.content.decode()
        assert "张**" in text or "张\\u002a\\u002a" in text
        assert "张三丰" not in text
        assert ID_NUMBER not in text and handler.id_number not in text
        assert handler.certificates.get().number in text
    body = client.get(f"/api/v1/disclosure/{published.agency_id}/").json()
    assert body["decisions"][0]["number"] == published.number
    assert body["decisions"][0]["parties"] == ["张**"]


def test_a_withdrawn_decision_leaves_the_list_and_shows_its_reason(client, published):
    record_event(case=published, kind="publication_withdrawn", occurred_on=D(2025, 6, 3), note="复议决定撤销")
    body = client.get(f"/api/v1/disclosure/{published.agency_id}/").json()
    assert body["decisions"] == []
    assert body["withdrawn"] == [{"number": published.number, "withdrawn_on": "2025-06-03", "reason": "复议决定撤销"}]


def test_the_disclosure_is_rate_limited(client, published, monkeypatch):
    monkeypatch.setitem(ScopedRateThrottle.THROTTLE_RATES, "enforcement_disclosure", "2/minute")
    codes = [client.get(f"/api/v1/disclosure/{published.agency_id}/").status_code for _ in range(3)]
    assert codes == [200, 200, 429]
