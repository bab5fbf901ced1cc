import datetime
from functools import cached_property

from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from drf_spectacular.types import OpenApiTypes
from drf_spectacular.utils import extend_schema_field
from rest_framework import serializers

from enforcement.agencies.api import agency_field, enforcement_fields_field
from enforcement.officers.models.certificate import Certificate, CertificateState, CertificateStatus
from enforcement.officers.models.officer import EmploymentStatus, Officer, Sex
from lawgov.api.fields import BooleanField, FieldsBuiltOnce, FieldsCopiedOnce, ScopedPrimaryKeyRelatedField
from lawgov.api.serializers import ModelCleanMixin, VersionCheckMixin


@extend_schema_field(OpenApiTypes.STR)
class IdNumberField(serializers.CharField):
    """The resident ID number: written in full, read masked unless the requester may see it in full."""

    def __init__(self, **kwargs):
        kwargs.setdefault("max_length", 18)
        super().__init__(**kwargs)

    def get_attribute(self, instance: Officer) -> Officer:
        # Masking is decided per requester, from the whole officer.
        return instance

    def to_internal_value(self, data) -> str:
        return super().to_internal_value(data).strip().upper()

    def to_representation(self, officer: Officer) -> str:
        return officer.id_number_for(self.parent.requester)


class OfficerSerializer(FieldsBuiltOnce, VersionCheckMixin, ModelCleanMixin, serializers.ModelSerializer):
    """An officer, written by team leads and HR with the admin's rules (the model's clean and constraints)."""

    id_number = IdNumberField()
    agency = agency_field()
    agency_name = serializers.CharField(source="agency.name", read_only=True)
    birth_date = serializers.SerializerMethodField(
        help_text=_("Null unless the requester may see full resident ID numbers: it is the masked part.")
    )
    sex = serializers.ChoiceField(choices=Sex.choices, read_only=True)
    status = serializers.ChoiceField(source="employment_status", choices=EmploymentStatus.choices, required=False)
    enforcement_fields = enforcement_fields_field()

    class Meta:
        model = Officer
        fields = [
            "id",
            "name",
            "id_number",
            "birth_date",
            "sex",
            "agency",
            "agency_name",
            "position",
            "is_leader",
            "is_enforcement_officer",
            "enforcement_fields",
            "phone",
            "status",
            "employed_since",
            "employed_until",
            "version",
        ]

    @cached_property
    def requester(self):
        """The user the answer is for, if any: looked up once, not for every row of a list."""
        request = self.context.get("request")
        return request.user if request is not None else None

    @extend_schema_field(serializers.DateField(allow_null=True))
    def get_birth_date(self, officer: Officer) -> datetime.date | None:
        return officer.birth_date_for(self.requester)


class OfficerListSerializer(OfficerSerializer):
    is_certified = BooleanField(read_only=True, help_text=_("Holds an effective certificate on `on`."))

    class Meta(OfficerSerializer.Meta):
        fields = [*OfficerSerializer.Meta.fields, "is_certified"]


class CertificateSerializer(FieldsBuiltOnce, VersionCheckMixin, ModelCleanMixin, serializers.ModelSerializer):
    """A certificate. Its status and what it replaces change only through the actions (services)."""

    officer = ScopedPrimaryKeyRelatedField(queryset=Officer.objects.all())
    officer_name = serializers.CharField(source="officer.name", read_only=True)
    agency = serializers.IntegerField(source="officer.agency_id", read_only=True)
    is_effective_today = serializers.SerializerMethodField()
    state = serializers.SerializerMethodField(help_text=_("The state today, derived from the dated history."))
    verification_url = serializers.SerializerMethodField()
    fields = enforcement_fields_field()

    class Meta:
        model = Certificate
        fields = [
            "id",
            "number",
            "officer",
            "officer_name",
            "agency",
            "kind",
            "issuing_authority",
            "fields",
            "area",
            "issued_on",
            "valid_until",
            "status",
            "replaces",
            "is_effective_today",
            "state",
            "verification_url",
            "version",
        ]
        read_only_fields = ["status", "replaces"]

    def get_is_effective_today(self, certificate: Certificate) -> bool:
        return certificate.is_effective_on(timezone.localdate())

    @extend_schema_field(serializers.ChoiceField(choices=CertificateState.choices))
    def get_state(self, certificate: Certificate) -> str:
        return certificate.state_on(timezone.localdate())

    def get_verification_url(self, certificate: Certificate) -> str:
        path = reverse("certificate-verify", args=[certificate.verification_token])
        request = self.context.get("request")
        return request.build_absolute_uri(path) if request is not None else path


class RenewalSerializer(serializers.Serializer):
    number = serializers.CharField(max_length=64, help_text=_("The new certificate's number."))
    issued_on = serializers.DateField()
    valid_until = serializers.DateField(required=False, help_text=_("Left out, the province's validity period."))


class ReissueSerializer(serializers.Serializer):
    number = serializers.CharField(max_length=64, help_text=_("The new card's number."))
    on = serializers.DateField(required=False)
    reason = serializers.CharField(required=False, allow_blank=True)


class StatusChangeSerializer(serializers.Serializer):
    status = serializers.ChoiceField(choices=CertificateStatus.choices)
    reason = serializers.CharField()
    on = serializers.DateField(required=False)


class CertificationQuerySerializer(serializers.Serializer):
    number = serializers.CharField(required=False, allow_blank=False, help_text=_("Certificate number"))
    id_number = serializers.CharField(required=False, allow_blank=False, help_text=_("Resident ID number"))

    def validate(self, attrs):
        if bool(attrs.get("number")) == bool(attrs.get("id_number")):
            raise serializers.ValidationError(
                {"number": _("Give either a certificate number or a resident ID number, not both and not neither.")}
            )
        return attrs


class CertificationCheckSerializer(FieldsCopiedOnce, serializers.Serializer):
    may_enforce = serializers.BooleanField()
    reason = serializers.CharField()
    officer = OfficerSerializer()
    certificates = CertificateSerializer(many=True)
