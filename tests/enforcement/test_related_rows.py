"""Related rows read as JSON with their parent's row, then answered as if prefetched."""

import datetime

from enforcement.agencies.enforcement_fields import EnforcementField
from enforcement.agencies.related_rows import related_rows, take_prefetched, with_related_rows
from enforcement.officers.models.certificate import Certificate, CertificateStatus
from enforcement.officers.models.officer import Officer
from enforcement.officers.services import change_certificate_status
from tests.factories import CertificateFactory, OfficerFactory


def read_with_rows(certificate):
    row = Certificate.objects.annotate(
        changes=related_rows(Certificate, "status_changes", ["id", "status", "changed_on"]),
        covered=related_rows(Certificate, "fields", ["id", "name", "order"]),
    ).get(pk=certificate.pk)
    take_prefetched(row, "status_changes", row.changes)
    take_prefetched(row, "fields", row.covered)
    return row


def test_related_rows_answer_as_prefetched_rows_in_the_models_order_without_a_query(world, django_assert_num_queries):
    certificate = CertificateFactory(officer__agency=world.township_a, fields="市容环境、城乡规划")
    for day, status in ((1, CertificateStatus.SUSPENDED), (9, CertificateStatus.VALID)):
        change_certificate_status(certificate=certificate, status=status, reason="核查", on=datetime.date(2026, 3, day))
    expected_fields = [field.name for field in certificate.fields.all()]
    row = read_with_rows(certificate)
    with django_assert_num_queries(0):
        changes = list(row.status_changes.all())
        assert [(c.changed_on.day, c.status) for c in changes] == [(9, "valid"), (1, "suspended")]
        assert all(change.certificate is row for change in changes)
        assert [field.name for field in row.fields.all()] == expected_fields


def test_a_parent_without_related_rows_has_none(world, django_assert_num_queries):
    row = read_with_rows(CertificateFactory(officer__agency=world.township_a, fields=[]))
    with django_assert_num_queries(0):
        assert list(row.status_changes.all()) == []
        assert list(row.fields.all()) == []


def test_a_queryset_with_related_rows_hands_every_instance_its_rows_in_one_query(world, django_assert_num_queries):
    first, second = EnforcementField.objects.order_by("order", "name")[:2]
    both, one, none = (OfficerFactory(agency=world.team_a) for _ in range(3))
    both.enforcement_fields.set([second, first])
    one.enforcement_fields.set([second])
    officers = with_related_rows(Officer.objects.order_by("pk"), enforcement_fields=["id", "name", "order"])

    with django_assert_num_queries(1):
        read = {officer.pk: list(officer.enforcement_fields.all()) for officer in officers.filter(agency=world.team_a)}

    assert read == {both.pk: [first, second], one.pk: [second], none.pk: []}
    # The same row read by two officers is one instance, as a foreign key's prefetched row would be.
    assert read[both.pk][1] is read[one.pk][0]
