"""A serializer built once reads rows its own faster way and answers exactly what DRF's reading answers;
one whose fields are copied once answers as DRF does, each use with its own context."""

import datetime

from django.db.models import Prefetch
from rest_framework import serializers

from enforcement.agencies.enforcement_fields import EnforcementField
from enforcement.agencies.related_rows import with_related_rows
from enforcement.officers.models.officer import Officer
from lawgov.api.fields import FieldsBuiltOnce, FieldsCopiedOnce, ScopedPrimaryKeyRelatedField, SlugRelatedField
from tests.factories import CertificateFactory, OfficerFactory


class ReadByDrf(serializers.ModelSerializer):
    agency = ScopedPrimaryKeyRelatedField(read_only=True)
    agency_name = serializers.CharField(source="agency.name", read_only=True)
    parent_agency_name = serializers.CharField(source="agency.parent.name", read_only=True)
    sex = serializers.CharField(read_only=True)
    status_label = serializers.CharField(source="get_employment_status_display", read_only=True)
    is_certified = serializers.BooleanField(read_only=True)
    enforcement_fields = SlugRelatedField(many=True, slug_field="name", read_only=True)
    certificates = serializers.PrimaryKeyRelatedField(many=True, read_only=True)

    class Meta:
        model = Officer
        fields = [
            "id",
            "name",
            "agency",
            "agency_name",
            "parent_agency_name",
            "sex",
            "status_label",
            "is_leader",
            "employed_since",
            "employed_until",
            "is_certified",
            "enforcement_fields",
            "certificates",
        ]


class ReadBuiltOnce(FieldsBuiltOnce, ReadByDrf):
    pass


def answers(officers) -> tuple[list, list]:
    return ReadBuiltOnce(officers, many=True).data, ReadByDrf(officers, many=True).data


def test_a_serializer_built_once_answers_what_drf_answers(world):
    first, second = EnforcementField.objects.order_by("order", "name")[:2]
    # The county has no parent: a path through nothing, which DRF leaves out of the answer.
    at_county = OfficerFactory(agency=world.county, employed_since=datetime.date(2020, 3, 1))
    at_county.enforcement_fields.set([second, first])
    at_team = CertificateFactory(officer__agency=world.team_a).officer
    at_team.enforcement_fields.set([second])
    pks = [at_county.pk, at_team.pk]
    day = datetime.date(2026, 3, 1)

    read_whole = list(Officer.objects.filter(pk__in=pks).order_by("pk"))
    prefetched = list(
        Officer.objects.filter(pk__in=pks)
        .select_related("agency__parent")
        .prefetch_related(Prefetch("enforcement_fields"), "certificates")
        .with_certified(day)
        .order_by("pk")
    )
    with_rows = list(
        with_related_rows(Officer.objects.filter(pk__in=pks), enforcement_fields=["id", "name", "order"])
        .with_certified(day)
        .order_by("pk")
    )

    for officers in (read_whole, prefetched, with_rows):
        built_once, by_drf = answers(officers)
        assert built_once == by_drf
    assert "is_certified" not in answers(read_whole)[0][0]
    assert "parent_agency_name" not in answers(read_whole)[0][0]
    assert answers(with_rows)[0][0]["enforcement_fields"] == [first.name, second.name]


class OfficerForReader(FieldsBuiltOnce, serializers.ModelSerializer):
    reader = serializers.SerializerMethodField()

    class Meta:
        model = Officer
        fields = ["id", "name", "reader"]

    def get_reader(self, officer: Officer) -> str:
        return self.context["reader"]


class AnswerByDrf(serializers.Serializer):
    may_enforce = serializers.BooleanField()
    officer = OfficerForReader()
    officers = OfficerForReader(many=True)


class AnswerCopiedOnce(FieldsCopiedOnce, AnswerByDrf):
    pass


def test_nested_serializers_copied_once_read_with_their_own_uses_context(world):
    officers = [OfficerFactory(agency=world.team_a), OfficerFactory(agency=world.township_b)]
    answer = {"may_enforce": True, "officer": officers[0], "officers": officers}

    for reader in ("hr", "supervisor"):
        copied_once = AnswerCopiedOnce(answer, context={"reader": reader}).data
        assert copied_once == AnswerByDrf(answer, context={"reader": reader}).data
        assert copied_once["officer"]["reader"] == reader
        assert [row["reader"] for row in copied_once["officers"]] == [reader, reader]
