import datetime

import pytest
from django.core.management import call_command

from enforcement.models import EnforcementCase

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
