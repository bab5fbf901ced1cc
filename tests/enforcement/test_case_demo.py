import datetime
import random

import pytest
from django.core.management import call_command

from enforcement.cases.demo import _certified_officers
from enforcement.models import EnforcementCase, Officer
from enforcement.officers.demo import DemoContext
from tests.factories import certified_officer

TODAY = datetime.date(2026, 11, 20)


@pytest.mark.django_db
def test_demo_data_has_penalty_cases_of_both_procedures_with_a_hearing_an_overdue_and_a_corrected_one():
    call_command("seed_demo", scale=2, today=TODAY)
    cases = EnforcementCase.objects.all()
    demo_township = cases.order_by("agency__path").first().agency
    assert {"ordinary", "simplified"} == set(cases.values_list("procedure", flat=True))
    assert cases.filter(hearing_held=True, legal_review_passed=True).exists()
    assert cases.filter(agency=demo_township).overdue(TODAY).exists()
    assert cases.filter(reconsiderations__outcome="revoked", withdrawn_on__isnull=False).exists()
    per_township = list(cases.values_list("agency").order_by("agency").distinct())
    assert len(per_township) == 2
    assert cases.exclude(agency=demo_township).count() == 12


def test_the_demo_picks_as_handlers_only_officers_in_service_through_the_years_of_its_cases(world):
    # Certified since 2024, but in post only from 2025-11-24: the cases of the year before would refuse them.
    veteran = certified_officer(world.township_a)
    newcomer = certified_officer(world.township_a)
    Officer.objects.filter(pk=newcomer.pk).update(employed_since=datetime.date(2025, 11, 24))
    retired = certified_officer(world.township_a)
    Officer.objects.filter(pk=retired.pk).update(employed_until=datetime.date(2026, 3, 1))
    context = DemoContext(
        rng=random.Random(1),
        scale=1,
        today=TODAY,
        years=[2025, 2026],
        townships=[world.township_a],
        offices={world.township_a.pk: []},
    )
    assert _certified_officers(context)[world.township_a.pk]["城乡规划"] == [veteran.pk]
