import datetime

import pytest
import time_machine
from django.core.cache import cache
from rest_framework.throttling import ScopedRateThrottle

from enforcement.officers.models.certificate import Certificate, CertificateStatus
from tests.factories import CertificateFactory


@pytest.fixture(autouse=True)
def _fresh_rate_limit():
    cache.clear()
    yield
    cache.clear()


@pytest.fixture
def certificate(world):
    return CertificateFactory(
        officer__agency=world.team_a,
        officer__name="王小明",
        officer__phone="13800001111",
        number="ZF-2024-001",
        fields="市容环境",
        issuing_authority="示例县人民政府",
    )


def page(client, certificate):
    with time_machine.travel(datetime.datetime(2026, 6, 1, 9, 0), tick=False):
        return client.get(f"/verify/{certificate.verification_token}/")


def test_the_page_shows_the_card_without_login(client, certificate, world):
    response = page(client, certificate)
    assert response.status_code == 200
    text = response.content.decode()
    for shown in ("王小明", world.team_a.name, "示例县人民政府", "ZF-2024-001", "市容环境", "2024-01-01", "2028-12-31"):
        assert shown in text
    assert 'class="verdict effective"' in text


def test_the_page_never_shows_the_id_number_or_the_phone(client, certificate):
    text = page(client, certificate).content.decode()
    assert certificate.officer.id_number not in text
    assert certificate.officer.id_number[-4:] not in text
    assert "13800001111" not in text


def test_the_page_says_when_a_certificate_is_not_effective(client, certificate):
    Certificate.objects.filter(pk=certificate.pk).update(status=CertificateStatus.SUSPENDED)
    assert 'class="verdict not-effective"' in page(client, certificate).content.decode()


def test_an_unknown_token_is_not_found(client, db):
    assert client.get("/verify/not-a-token/").status_code == 404


def test_tokens_are_long_and_unique(world):
    first, second = CertificateFactory(officer__agency=world.team_a), CertificateFactory(officer__agency=world.team_a)
    assert first.verification_token != second.verification_token
    assert len(first.verification_token) >= 32


def test_the_qr_code_is_a_png(client, certificate):
    response = client.get(f"/verify/{certificate.verification_token}/qr.png")
    assert response.status_code == 200
    assert response["Content-Type"] == "image/png"
    assert response.content.startswith(b"\x89PNG")


def test_the_page_is_rate_limited(client, certificate, monkeypatch):
    monkeypatch.setattr(ScopedRateThrottle, "THROTTLE_RATES", {"certificate_verification": "3/minute"})
    statuses = [client.get(f"/verify/{certificate.verification_token}/").status_code for _ in range(4)]
    assert statuses == [200, 200, 200, 429]


def test_a_rotating_forwarded_for_header_does_not_escape_the_rate_limit(client, certificate, monkeypatch):
    monkeypatch.setattr(ScopedRateThrottle, "THROTTLE_RATES", {"certificate_verification": "3/minute"})
    statuses = [
        client.get(f"/verify/{certificate.verification_token}/", HTTP_X_FORWARDED_FOR=f"10.0.0.{n}").status_code
        for n in range(4)
    ]
    assert statuses == [200, 200, 200, 429]
