import pytest
from django.core.management import call_command

from enforcement.reconsideration.choices import CaseStatus, Outcome
from enforcement.reconsideration.models import ReconsiderationCase


@pytest.mark.django_db
def test_demo_data_has_cases_in_different_states_one_of_them_mediated():
    call_command("seed_demo", scale=1)
    cases = ReconsiderationCase.objects.all()
    assert cases.filter(outcome=Outcome.MEDIATION).count() == 1
    assert {CaseStatus.AWAITING_REPLY, CaseStatus.SUSPENDED, CaseStatus.CLOSED} <= set(
        cases.values_list("status", flat=True)
    )
