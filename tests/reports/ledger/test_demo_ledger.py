"""The demo township's report of last year is compiled from its ledger with no placeholder left."""

import datetime
import io

import pytest
from django.core.management import call_command

from enforcement.agencies.models import Agency
from enforcement.officers.demo import DEMO_TOWNSHIP_NAME
from reports.annual.narrative import build_document
from reports.annual.placeholders import placeholders_in
from reports.statistics.compile import compile_statistics, subtree_scope

pytestmark = pytest.mark.django_db
DAY = datetime.date(2026, 6, 1)


def test_the_demo_townships_report_of_last_year_has_no_placeholder():
    call_command("seed_demo", scale=2, today=DAY, stdout=io.StringIO())
    township = Agency.objects.get(name=DEMO_TOWNSHIP_NAME)
    stats = compile_statistics(subtree_scope(township), 2025, today=DAY)
    document = build_document(stats, dated=DAY)
    assert placeholders_in(document) == []
    governance = stats["governance"]
    assert (governance["leading_group_meetings"], governance["major_decisions"]) == (4, 3)
    assert governance["decisions_without_review"] == governance["normative_documents_filed_late"] == 0
    assert governance["disputes_received"] == 38
