"""What a province's rules make mandatory, as data a superuser edits (no code change when a province differs)."""

from __future__ import annotations

from django.conf import settings
from django.core.validators import MinValueValidator
from django.db import models
from django.utils.translation import gettext_lazy as _

from enforcement.agencies.base import TimeStampedModel
from lawgov.prepared import PreparedQuery

# What the rows of the national regulation show for their province (outside
# an f-string, where makemessages would not find it).
NATIONAL = _("national")

# The rows of the national regulation itself; a province's own rows take precedence.
NATIONAL = ""


def current_province() -> str:
    return settings.LAWGOV["PROVINCE"]


class DecisionCategory(models.TextChoices):
    """The kinds of major administrative decision item (《重大行政决策程序暂行条例》第三条)."""

    PUBLIC_POLICY = "public_policy", _("Major public policy or measure")
    PLAN = "plan", _("Economic and social development plan")
    RESOURCES = "resources", _("Natural or cultural resources policy")
    CONSTRUCTION = "construction", _("Major public construction project")
    OTHER = "other", _("Other matter of major public interest")


class DecisionStep(models.TextChoices):
    """The statutory steps of a major decision, in the order the regulation sets them."""

    PUBLIC_PARTICIPATION = "public_participation", _("Public participation (art. 14-18)")
    EXPERT_ARGUMENT = "expert_argument", _("Expert argument (art. 19-21)")
    RISK_ASSESSMENT = "risk_assessment", _("Risk assessment (art. 22-23)")
    LEGALITY_REVIEW = "legality_review", _("Legality review (art. 24-28)")
    COLLECTIVE_DISCUSSION = "collective_discussion", _("Collective discussion (art. 30-31)")
    PUBLICATION = "publication", _("Publication (art. 33)")
    ARCHIVE = "archive", _("Archive (art. 34)")


class MandatoryDecisionStep(TimeStampedModel):
    """A step that a province's rules (or, with an empty province, the national regulation) require for a category."""

    province = models.CharField(
        _("province"), max_length=50, blank=True, help_text=_("Empty: the national regulation, for every province.")
    )
    category = models.CharField(_("decision category"), max_length=24, choices=DecisionCategory.choices)
    step = models.CharField(_("step"), max_length=24, choices=DecisionStep.choices)
    basis = models.CharField(_("legal basis"), max_length=200)

    class Meta:
        verbose_name = _("mandatory decision step")
        verbose_name_plural = _("mandatory decision steps")
        ordering = ["province", "category", "step"]
        constraints = [
            models.UniqueConstraint(
                fields=["province", "category", "step"],
                name="mandatory_decision_step_unique",
                violation_error_message=_("This step is already listed for this province and category."),
            )
        ]

    def __str__(self) -> str:
        return f"{self.province or NATIONAL} · {self.get_category_display()} · {self.get_step_display()}"

    @classmethod
    def for_province(cls, province: str | None = None) -> models.QuerySet:
        """The rows in force: the province's own when it has any for a category, else the national ones."""
        province = current_province() if province is None else province
        own = cls.objects.filter(province=province)
        provincial_categories = own.values("category")
        return cls.objects.filter(
            models.Q(province=province) | (models.Q(province=NATIONAL) & ~models.Q(category__in=provincial_categories))
        )


class FilingPeriod(TimeStampedModel):
    """Within how many days of publication a normative document is filed (备案) with the government above."""

    province = models.CharField(_("province"), max_length=50, blank=True, unique=True)
    days = models.PositiveSmallIntegerField(_("days after publication"), validators=[MinValueValidator(1)])
    basis = models.CharField(_("legal basis"), max_length=200)

    class Meta:
        verbose_name = _("filing period of normative documents")
        verbose_name_plural = _("filing periods of normative documents")
        ordering = ["province"]

    def __str__(self) -> str:
        return f"{self.province or NATIONAL}: {self.days}"

    @classmethod
    def in_force(cls, province: str | None = None) -> FilingPeriod | None:
        province = current_province() if province is None else province
        rows = {row.province: row for row in _PERIODS_FOR.rows(province)}
        return rows.get(province) or rows.get(NATIONAL)


def _periods_for(province: str):
    return FilingPeriod.objects.filter(province__in=[province, NATIONAL])


# Built and compiled once per province (lawgov/prepared.py): read by every statistics request.
_PERIODS_FOR = PreparedQuery(_periods_for)
