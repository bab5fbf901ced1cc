"""The bulk writer leaves the rows that Django's bulk_create and simple-history's bulk_create_with_history leave.

On PostgreSQL it writes with COPY. Each test writes the same records both
ways, each in a savepoint rolled back afterwards, at one frozen moment, and
compares every column of every row written; only generated keys differ, and
they are replaced by the position of the record they belong to.
"""

import datetime
from types import SimpleNamespace

import pytest
import time_machine
from django.apps import apps
from django.db import connection, transaction
from django.test.utils import CaptureQueriesContext
from simple_history.utils import bulk_create_with_history

from enforcement.agencies.bulk_writes import create_with_history, insert_rows
from enforcement.agencies.enforcement_fields import EnforcementField
from enforcement.officers.models.certificate import Certificate, CertificateKind, CertificateStatus
from enforcement.officers.models.officer import EmploymentStatus, Officer
from tests.factories import CertificateFactory, OfficerFactory, make_id_number

MOMENT = datetime.datetime(2025, 3, 1, 9, 30, tzinfo=datetime.UTC)
FULL_WIDTH_DIGITS = str.maketrans("0123456789", "０１２３４５６７８９")
CertificateFieldLink = Certificate.fields.through
CertificateFieldSnapshot = apps.get_model("enforcement", "HistoricalCertificate_fields")


@pytest.fixture
def ground(world):
    """What the written rows refer to, made before either way writes."""
    holder = OfficerFactory(agency=world.township_a)
    replaced = CertificateFactory(officer=holder, fields=[])
    return SimpleNamespace(
        user=world.team_lead_a,
        agency=world.township_a,
        holder=holder,
        replaced=replaced,
        entry=replaced.history.get(),
        fields=list(EnforcementField.objects.order_by("pk")[:2]),
    )


# Every column away from its default, so that a column left out shows.


# The factory numbers its officers' ID numbers by serial with its own birth date: this one is never among them.
OUTSIDE_THE_FACTORYS_SEQUENCE = datetime.date(1979, 3, 2)


def officers(ground) -> list[Officer]:
    officer = Officer(
        name="张三",
        id_number=make_id_number(7, birth_date=OUTSIDE_THE_FACTORYS_SEQUENCE),
        agency=ground.agency,
        position="副队长",
        is_leader=True,
        is_enforcement_officer=True,
        unmatched_fields="旧领域",
        phone="13800000000",
        employment_status=EmploymentStatus.SECONDED,
        employed_since=datetime.date(2010, 1, 1),
        employed_until=datetime.date(2030, 1, 1),
    )
    officer._change_reason = "花名册导入"
    # Values of other types than the fields' own, which the fields convert before they are written.
    converted = Officer(
        name="李四",
        id_number=make_id_number(8, birth_date=OUTSIDE_THE_FACTORYS_SEQUENCE).translate(FULL_WIDTH_DIGITS),
        agency=ground.agency,
        is_leader=1,
        employed_since=datetime.datetime(2010, 1, 1, 23, 0, tzinfo=datetime.UTC),  # 2 January in Shanghai
    )
    return [officer, converted]


def certificates(ground) -> list[Certificate]:
    certificate = Certificate(
        number="ZF-BULK-1",
        officer=ground.holder,
        kind=CertificateKind.SUPERVISION,
        issuing_authority="示例县司法局",
        unmatched_fields="旧领域",
        area="全县",
        issued_on=datetime.date(2024, 1, 1),
        valid_until=datetime.date(2029, 1, 1),
        status=CertificateStatus.SUSPENDED,
        replaces=ground.replaced,
        verification_token="t" * 32,
    )
    certificate._change_reason = "花名册导入"
    return [certificate]


def field_links(ground) -> list:
    return [CertificateFieldLink(certificate=ground.replaced, enforcementfield=field) for field in ground.fields]


def field_snapshots(ground) -> list:
    return [
        CertificateFieldSnapshot(id=900 + n, history=ground.entry, certificate=ground.replaced, enforcementfield=field)
        for n, field in enumerate(ground.fields)
    ]


def written(write, objs: list, history=None) -> tuple[list[dict], bool]:
    """Every row `write(objs)` leaves in the table of `objs` (and in `history`), and whether it was COPY."""
    model = type(objs[0])
    pk = model._meta.pk.attname
    with time_machine.travel(MOMENT, tick=False), transaction.atomic():
        with CaptureQueriesContext(connection) as queries:
            write(objs)
        keys = [obj.pk for obj in objs]
        rows = [{**row, pk: keys.index(row[pk])} for row in model.objects.filter(pk__in=keys).order_by("pk").values()]
        if history is not None:
            entries = history.objects.filter(id__in=keys).order_by("history_id").values()
            rows += [{**row, "history_id": None, "id": keys.index(row["id"])} for row in entries]
        transaction.set_rollback(True)
    return rows, any(query["sql"].startswith("COPY") for query in queries)


@pytest.mark.parametrize("build", [officers, certificates])
def test_records_and_their_history_entries_are_those_of_bulk_create_with_history(ground, build):
    model = type(build(ground)[0])
    fast, copied = written(
        lambda objs: create_with_history(model, objs, user=ground.user), build(ground), model.history.model
    )
    ordinary, _ = written(
        lambda objs: bulk_create_with_history(objs, model, default_user=ground.user), build(ground), model.history.model
    )
    assert copied == (connection.vendor == "postgresql")
    assert len(fast) == 2 * len(build(ground))
    assert fast == ordinary


@pytest.mark.parametrize("build", [field_links, field_snapshots])
def test_field_links_and_their_history_snapshots_are_those_of_bulk_create(ground, build):
    model = type(build(ground)[0])
    fast, copied = written(lambda objs: insert_rows(model, objs), build(ground))
    ordinary, _ = written(lambda objs: model.objects.bulk_create(objs), build(ground))
    assert copied == (connection.vendor == "postgresql")
    assert len(fast) == 2
    assert fast == ordinary
