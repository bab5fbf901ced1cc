"""Many-to-many links recorded in the history entry of the write that set them.

django-simple-history writes a history entry on save, with the links as they
were, then another one ("~") for every later change of the links. A form or
a bulk writer that saves a record and then its links would leave two entries
for one change; here the links are written into the save's own entry instead.
"""

from __future__ import annotations

from collections.abc import Iterable

from django.apps import apps
from django.db import models

from enforcement.agencies.bulk_writes import insert_rows


def snapshot_links(model: type[models.Model], relation: str, owner_ids: Iterable[int]) -> None:
    """Record the current links of `relation` in the latest history entry of each of these rows."""
    owner_ids = list(owner_ids)
    if not owner_ids:
        return
    through = getattr(model, relation).through
    owner = model._meta.get_field(relation).m2m_field_name()
    target = model._meta.get_field(relation).m2m_reverse_field_name()
    # django-simple-history names the snapshot model of a many-to-many so.
    snapshot = apps.get_model(model._meta.app_label, f"Historical{model.__name__}_{relation}")
    latest = dict(
        model.history.filter(id__in=owner_ids)
        .order_by()
        .values("id")
        .annotate(latest=models.Max("history_id"))
        .values_list("id", "latest")
    )
    snapshot.objects.filter(history_id__in=latest.values()).delete()
    links = through.objects.filter(**{f"{owner}_id__in": latest}).values_list("id", f"{owner}_id", f"{target}_id")
    insert_rows(
        snapshot,
        [
            snapshot(**{"id": pk, "history_id": latest[owner_id], f"{owner}_id": owner_id, f"{target}_id": target_id})
            for pk, owner_id, target_id in links
        ],
    )


def history_m2m_relations(model: type[models.Model]) -> list[str]:
    """The many-to-many fields whose links django-simple-history records for `model`."""
    history = getattr(model, "history", None)
    if history is None:
        return []
    # Kept on the history model, which django-simple-history builds for `model`.
    return [field.name for field in getattr(history.model, "_history_m2m_fields", [])]
