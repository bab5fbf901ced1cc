"""The enforcement fields (执法领域) that officers, certificates and penalty cases refer to."""

from __future__ import annotations

import re
from collections.abc import Iterable

from django.db import models
from django.db.models import ProtectedError
from django.db.models.signals import pre_delete
from django.dispatch import receiver
from django.utils.translation import gettext_lazy as _

from enforcement.agencies.base import TimeStampedModel
from enforcement.agencies.bulk_writes import insert_rows
from enforcement.agencies.m2m_history import snapshot_links

# How a written list such as "城乡规划、市容环境" (a roster cell, a list typed before the
# fields became a table) separates its names.
FIELD_SEPARATORS = re.compile(r"[、,，;；/\s]+")
# How lists of names are shown, in Chinese as on the certificate itself.
JOINER = "、"


def field_names(text: str) -> list[str]:
    """The names in a written list such as "城乡规划、市容环境"."""
    return [name for name in FIELD_SEPARATORS.split(text or "") if name]


class EnforcementField(TimeStampedModel):
    """An enforcement field (执法领域), such as 城乡规划 or 市场监管: a shared reference table.

    Superusers keep it; every role reads it. A certificate covers the fields
    it lists; an officer works in the fields assigned to them.
    """

    name = models.CharField(
        _("name"),
        max_length=50,
        unique=True,
        error_messages={"unique": _("An enforcement field with this name already exists.")},
    )
    order = models.PositiveSmallIntegerField(_("order"), default=0)

    class Meta:
        verbose_name = _("enforcement field")
        verbose_name_plural = _("enforcement fields")
        ordering = ["order", "name"]

    def __str__(self) -> str:
        return self.name


def unmatched_names_field() -> models.CharField:
    """Where the names of a list written before the fields became a table wait, when no field matched them."""
    return models.CharField(
        _("unmatched field names"),
        max_length=200,
        blank=True,
        help_text=_(
            "Names from the list written before the fields became a table that match no enforcement field: "
            "add the field to the table or choose the right one, then clear this."
        ),
    )


def records_listing(field: EnforcementField) -> list[models.Model]:
    """The certificates and officers that list `field` (a few of each, to name them)."""
    return [*field.certificates.all()[:10], *field.officers.all()[:10]]


@receiver(pre_delete, sender=EnforcementField)
def _refuse_deleting_a_field_in_use(sender, instance: EnforcementField, **kwargs) -> None:
    # The links to certificates and officers would otherwise go silently with the field.
    listing = records_listing(instance)
    if listing:
        message = _("The enforcement field %(name)s is listed by certificates or officers.") % {"name": instance.name}
        raise ProtectedError(str(message), set(listing))


class UnknownFieldNames(ValueError):
    """Names in a written list that are not in the table of enforcement fields."""

    def __init__(self, names: list[str]):
        self.names = names
        super().__init__(JOINER.join(names))


def fields_named(names: Iterable[str], known: dict[str, EnforcementField] | None = None) -> list[EnforcementField]:
    """The fields with these names, in table order; UnknownFieldNames lists those the table lacks.

    `known` (name → field) spares the query when many lists are read at once.
    """
    names = list(dict.fromkeys(names))
    if known is None:
        known = {f.name: f for f in EnforcementField.objects.filter(name__in=names)}
    unknown = [name for name in names if name not in known]
    if unknown:
        raise UnknownFieldNames(unknown)
    return sorted((known[name] for name in names), key=lambda f: (f.order, f.name))


def all_fields_by_name() -> dict[str, EnforcementField]:
    return {f.name: f for f in EnforcementField.objects.all()}


def joined(fields: Iterable[EnforcementField]) -> str:
    """Fields as the certificate itself lists them: 城乡规划、市容环境."""
    return JOINER.join(field.name for field in fields)


def set_fields_in_bulk(model: type[models.Model], relation: str, fields_of: dict[int, list[EnforcementField]]) -> None:
    """Give each row of `model` (by primary key) exactly these fields, in a few queries whatever their number.

    For bulk writers (roster import, demo), which send no m2m signals: the
    links are replaced, and the rows' latest history entries (written by the
    bulk writer just before) record them.
    """
    if not fields_of:
        return
    through = getattr(model, relation).through
    owner = model._meta.get_field(relation).m2m_field_name()
    owner_ids = list(fields_of)
    through.objects.filter(**{f"{owner}__in": owner_ids}).delete()
    links = [through(**{f"{owner}_id": pk, "enforcementfield": f}) for pk, fields in fields_of.items() for f in fields]
    insert_rows(through, links)
    snapshot_links(model, relation, owner_ids)
