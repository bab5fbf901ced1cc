from __future__ import annotations

import datetime

from django.core.exceptions import ValidationError
from django.db import models
from django.utils.translation import gettext_lazy as _

from enforcement.agencies.base import TimeStampedModel
from enforcement.agencies.querysets import ScopedQuerySet
from enforcement.officers.models.officer import Officer


class VicePrincipalQuerySet(ScopedQuerySet):
    scope_field = "officer__agency"

    def serving_between(self, first: datetime.date, last: datetime.date):
        """Terms that overlap the days first..last: a term ending mid-year served that year."""
        return self.filter(appointed_on__lte=last).filter(
            models.Q(ended_on__isnull=True) | models.Q(ended_on__gte=first)
        )


class RuleOfLawVicePrincipal(TimeStampedModel):
    """A part-time rule-of-law vice principal (法治副校长): an officer serving a school.

    The national rule asks for at least four class periods of legal education
    a school year from each of them.
    """

    officer = models.ForeignKey(
        Officer, verbose_name=_("officer"), on_delete=models.PROTECT, related_name="vice_principal_terms"
    )
    school = models.CharField(_("school"), max_length=200)
    appointed_on = models.DateField(_("appointed on"))
    ended_on = models.DateField(_("ended on"), null=True, blank=True)

    objects = VicePrincipalQuerySet.as_manager()

    class Meta:
        verbose_name = _("rule-of-law vice principal")
        verbose_name_plural = _("rule-of-law vice principals")
        ordering = ["-appointed_on", "school"]
        constraints = [
            models.CheckConstraint(
                condition=models.Q(ended_on__isnull=True) | models.Q(ended_on__gte=models.F("appointed_on")),
                name="vice_principal_term_in_order",
                violation_error_message=_("The term cannot end before it began."),
            )
        ]

    def __str__(self) -> str:
        return f"{self.officer} · {self.school}"

    def clean(self) -> None:
        super().clean()
        if self.appointed_on and self.ended_on and self.ended_on < self.appointed_on:
            raise ValidationError({"ended_on": _("The term cannot end before it began.")})


class PublicitySiteKind(models.TextChoices):
    BOARD = "board", _("Publicity board")
    SQUARE = "square", _("Rule-of-law square")
    CORRIDOR = "corridor", _("Rule-of-law corridor")
    PARK = "park", _("Rule-of-law park")
    LIBRARY = "library", _("Law library or reading corner")
    OTHER = "other", _("Other")


class PublicitySite(TimeStampedModel):
    """A permanent legal-publicity site (法治宣传阵地): a board, square, corridor …"""

    agency = models.ForeignKey(
        "enforcement.Agency", verbose_name=_("agency"), on_delete=models.PROTECT, related_name="publicity_sites"
    )
    kind = models.CharField(_("kind"), max_length=16, choices=PublicitySiteKind.choices)
    name = models.CharField(_("name"), max_length=200)
    place = models.CharField(_("place"), max_length=200, blank=True)
    since = models.DateField(_("in use since"))
    until = models.DateField(_("in use until"), null=True, blank=True)

    objects = ScopedQuerySet.as_manager()

    class Meta:
        verbose_name = _("publicity site")
        verbose_name_plural = _("publicity sites")
        ordering = ["agency__path", "name"]
        constraints = [
            models.CheckConstraint(
                condition=models.Q(until__isnull=True) | models.Q(until__gte=models.F("since")),
                name="publicity_site_dates_in_order",
                violation_error_message=_("A site cannot be closed before it opened."),
            )
        ]

    def __str__(self) -> str:
        return self.name

    def clean(self) -> None:
        super().clean()
        if self.since and self.until and self.until < self.since:
            raise ValidationError({"until": _("A site cannot be closed before it opened.")})
