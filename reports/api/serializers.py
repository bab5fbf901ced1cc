from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from drf_spectacular.utils import extend_schema_field
from rest_framework import serializers
from rest_framework.reverse import reverse

from enforcement.agencies.models import Agency
from lawgov.api.fields import ScopedPrimaryKeyRelatedField
from reports.annual.models import AnnualReport
from reports.statistics.figures import AREAS, Area, Figure, Unit

FIRST_YEAR = 2000


class StatisticsQuerySerializer(serializers.Serializer):
    year = serializers.IntegerField(
        min_value=FIRST_YEAR, max_value=2100, required=False, help_text=_("Defaults to the last complete year.")
    )
    agency = serializers.IntegerField(required=False, help_text=_("Defaults to the caller's own top agency."))
    children = serializers.BooleanField(
        required=False, default=False, help_text=_("Also answer the figures of each agency directly below it.")
    )


class ReportLinksSerializer(serializers.Serializer):
    docx = serializers.URLField(allow_null=True)
    xlsx = serializers.URLField(allow_null=True)
    html = serializers.URLField(allow_null=True)


class AnnualReportSerializer(serializers.ModelSerializer):
    links = serializers.SerializerMethodField()

    class Meta:
        model = AnnualReport
        fields = [
            "id",
            "agency",
            "year",
            "version",
            "status",
            "progress",
            "error",
            "generated_at",
            "published_at",
            "supersedes",
            "links",
        ]
        read_only_fields = fields

    @extend_schema_field(ReportLinksSerializer)
    def get_links(self, report: AnnualReport) -> dict:
        request = self.context.get("request")

        def link(name: str, available: bool) -> str | None:
            if not available:
                return None
            return reverse(f"annualreport-{name}", args=[report.pk], request=request)

        return {
            "docx": link("docx", bool(report.docx)),
            "xlsx": link("xlsx", bool(report.xlsx)),
            "html": link("html", bool(report.document)),
        }


class ReportRequestSerializer(serializers.Serializer):
    agency = ScopedPrimaryKeyRelatedField(queryset=Agency.objects.all())
    year = serializers.IntegerField(min_value=FIRST_YEAR)

    def validate_year(self, year: int) -> int:
        if year > timezone.localdate().year:
            raise serializers.ValidationError(_("A report can only cover a year that has begun."))
        return year


# The documented shape of /api/v1/stats/, derived from the declarations of reports/statistics/figures.py.
class AgencyRefSerializer(serializers.Serializer):
    id = serializers.IntegerField()
    name = serializers.CharField()


def figure_field(figure: Figure) -> serializers.Field:
    options = {"help_text": figure.label, "allow_null": figure.may_be_null}
    if figure.unit == Unit.COUNT:
        return serializers.IntegerField(**options)
    if figure.unit == Unit.RATE:
        return serializers.FloatField(min_value=0, max_value=1, **options)
    if figure.unit == Unit.FLAG:
        return serializers.BooleanField(help_text=figure.label)
    if figure.unit == Unit.MAPPING:
        return serializers.DictField(child=serializers.IntegerField(), help_text=figure.label)
    return serializers.FloatField(**options)


def area_serializer(area: Area) -> type[serializers.Serializer]:
    fields = {figure.key: figure_field(figure) for figure in area.figures}
    return type(f"{area.schema_name}Serializer", (serializers.Serializer,), fields)


class ProblemSerializer(serializers.Serializer):
    code = serializers.CharField()
    text = serializers.CharField()
    cause = serializers.CharField()
    measure = serializers.CharField()


StatisticsSerializer = type(
    "StatisticsSerializer",
    (serializers.Serializer,),
    {
        "year": serializers.IntegerField(),
        "agency": AgencyRefSerializer(),
        **{area.key: area_serializer(area)() for area in AREAS},
        "problems": ProblemSerializer(many=True),
    },
)


class StatisticsWithChildrenSerializer(StatisticsSerializer):
    children = StatisticsSerializer(
        many=True, required=False, help_text=_("With ?children=true: each agency directly below, side by side.")
    )
