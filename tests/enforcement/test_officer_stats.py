import datetime

from enforcement.agencies.scope import Scope
from enforcement.officers.models.certificate import Certificate, CertificateStatus
from enforcement.officers.models.officer import EmploymentStatus, Officer
from enforcement.officers.services import renew_certificate
from enforcement.officers.stats import officer_figures
from tests.base import query_counts_at_two_sizes
from tests.factories import CertificateFactory, OfficerFactory

TODAY = datetime.date(2026, 6, 1)


def certificate(agency, issued, until, **kwargs):
    return CertificateFactory(
        officer__agency=agency, issued_on=datetime.date(*issued), valid_until=datetime.date(*until), **kwargs
    )


def test_officer_figures_of_a_township(world):
    certificate(world.team_a, (2024, 1, 1), (2028, 12, 31), officer__is_leader=True)
    certificate(world.team_a, (2022, 1, 1), (2026, 8, 1))  # expiring within 90 days
    lapsed = certificate(world.team_a, (2021, 1, 1), (2026, 3, 1))  # expired this year
    renewed = certificate(world.team_a, (2021, 1, 1), (2026, 2, 1))
    renew_certificate(certificate=renewed, number="R-1", issued_on=datetime.date(2026, 1, 15))
    suspended = certificate(world.team_a, (2024, 1, 1), (2028, 12, 31))
    Certificate.objects.filter(pk=suspended.pk).update(status=CertificateStatus.SUSPENDED)
    OfficerFactory(agency=world.township_a, is_enforcement_officer=False, is_leader=True)
    OfficerFactory(agency=world.team_a, employment_status=EmploymentStatus.RETIRED)
    certificate(world.township_b, (2024, 1, 1), (2028, 12, 31))
    figures = officer_figures(Scope(world.team_lead_a, world.township_a), 2026, today=TODAY)
    assert figures == {
        "total": 6,
        "enforcement_officers": 5,
        "certified": 3,
        "certified_rate": 0.6,
        "leaders": 2,
        "expiring_within_90_days": 1,
        "expired": 1,
        "enforcing_without_certificate": 2,
    }
    assert not lapsed.officer.certificates.filter(replacement__isnull=False).exists()


def test_a_past_year_is_counted_as_of_its_last_day(world):
    certificate(world.team_a, (2020, 1, 1), (2024, 12, 31))
    figures = officer_figures(Scope(world.team_lead_a, world.township_a), 2024, today=TODAY)
    assert figures["certified"] == 1
    assert figures["expiring_within_90_days"] == 1  # its last day is the as-of date
    assert officer_figures(Scope(world.team_lead_a, world.township_a), 2025, today=TODAY)["certified"] == 0


def test_officer_figures_count_only_what_the_reader_may_list(world):
    certificate(world.township_b, (2024, 1, 1), (2028, 12, 31))
    assert officer_figures(Scope(world.team_lead_a, world.county), 2026, today=TODAY)["total"] == 0
    assert officer_figures(Scope(world.supervisor, world.county), 2026, today=TODAY)["total"] == 1


def test_officer_figures_use_a_fixed_number_of_queries(world):
    scope = Scope(world.supervisor, world.county)
    counts = query_counts_at_two_sizes(
        lambda count: CertificateFactory.create_batch(count, officer__agency=world.team_a),
        lambda: officer_figures(scope, 2026, today=TODAY),
    )
    assert counts[0] == counts[1]
    assert Officer.objects.count() == 50
