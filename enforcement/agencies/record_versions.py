"""Versions of the records of each agency subtree, for caches of what is computed from them (statistics).

What an agency's records are: every row reaching it through its queryset's
`scope_field`. Writes bump, for the agency of the row (before and after the
write), "own:<id>" and "tree:<id>" of it and each ancestor; a reader of an
agency's subtree depends on "tree:<agency>" (anything written below it) and
"own:<ancestor>" (things an ancestor decides for its whole subtree, such as
the county's study plan), never on a sibling's writes. Tables that every
agency shares (the calendar, the tree itself, lookup lists) bump ALL_RECORDS.
"""

from __future__ import annotations

import threading
from collections.abc import Iterable
from contextlib import contextmanager

from django.apps import apps
from django.db.models.signals import m2m_changed, post_delete, post_save, pre_delete, pre_save

from .calendar import CalendarDay
from .models import Agency
from .querysets import ScopedQuerySet, path_ids
from .versions import CacheVersion

ALL_RECORDS = "records"


def written_keys(paths) -> list[str]:
    keys = set()
    for path in paths:
        ids = path_ids(path or "")
        if ids:
            keys.add(f"records:own:{ids[-1]}")
            keys.update(f"records:tree:{agency_id}" for agency_id in ids)
    return sorted(keys)


def reader_keys(path: str) -> list[str]:
    ids = path_ids(path)
    return [ALL_RECORDS, f"records:tree:{ids[-1]}", *(f"records:own:{agency_id}" for agency_id in ids[:-1])]


def records_version(path: str) -> str:
    """One string that changes whenever anything the subtree at `path` depends on is written. One query."""
    return records_version_within([path])


def records_version_within(paths: Iterable[str] | None) -> str:
    """`records_version` of several subtrees (a reader's `scope_paths`; None: every tree). One query, two for
    every tree (its roots are read first)."""
    if paths is None:
        paths = Agency.objects.filter(parent=None).order_by("path").values_list("path", flat=True)
    keys = sorted({key for path in paths for key in reader_keys(path)})
    versions = CacheVersion.objects.read(keys)
    return "-".join(str(versions[key]) for key in keys)


def records_changed(*, paths=(), agency_ids=(), everywhere: bool = False) -> None:
    """Mark the records of these agencies (by tree path or id) as changed, for writes that send no signals."""
    if _suspended.active:
        return
    paths = set(paths)
    if agency_ids:
        paths.update(Agency.objects.filter(pk__in=set(agency_ids)).values_list("path", flat=True))
    CacheVersion.objects.bump(([ALL_RECORDS] if everywhere else []) + written_keys(paths))


def _scope_field(model) -> str | None:
    queryset = model._default_manager.get_queryset()
    return queryset.scope_field if isinstance(queryset, ScopedQuerySet) else None


def _cached_path(instance, scope_field: str) -> str | None:
    """The row's agency path through relations already loaded, without a query; None when one is not loaded."""
    related = instance
    for name in scope_field.split("__"):
        if not related._meta.get_field(name).is_cached(related):
            return None
        related = getattr(related, name)
        if related is None:
            return None
    return related.path or None


def _stored_path(model, pk) -> str | None:
    lookup = f"{_scope_field(model)}__path"
    return model._base_manager.filter(pk=pk).values_list(lookup, flat=True).first()


def _before_save(sender, instance, raw=False, **kwargs) -> None:
    # The agency the row belonged to before this write: a row moved to another
    # agency changes the figures of both.
    if not raw and not _suspended.active and instance.pk is not None and not instance._state.adding:
        instance._lawgov_old_path = _stored_path(sender, instance.pk)


def _after_save(sender, instance, raw=False, **kwargs) -> None:
    if not raw and not _suspended.active:
        old = instance.__dict__.pop("_lawgov_old_path", None)
        new = _cached_path(instance, _scope_field(sender)) or _stored_path(sender, instance.pk)
        CacheVersion.objects.bump(written_keys({old, new} - {None}))


def _before_delete(sender, instance, **kwargs) -> None:
    if not _suspended.active:
        CacheVersion.objects.bump(written_keys({_stored_path(sender, instance.pk)} - {None}))


def _links_changed(sender, instance, action, model, pk_set, **kwargs) -> None:
    # The links are the rows' of both ends: a case's handlers count for the
    # case's agency and for each handler's. A lookup row (a format) at one end
    # reaches every agency's, as does a clearing, which names no rows.
    if _suspended.active or action not in ("post_add", "post_remove", "post_clear"):
        return
    own_field, other_field = _scope_field(type(instance)), _scope_field(model)
    if own_field is None or (other_field is not None and pk_set is None):
        CacheVersion.objects.bump([ALL_RECORDS])
        return
    paths = {_cached_path(instance, own_field) or _stored_path(type(instance), instance.pk)}
    if other_field is not None and pk_set:
        paths.update(model._base_manager.filter(pk__in=pk_set).values_list(f"{other_field}__path", flat=True))
    CacheVersion.objects.bump(written_keys(paths - {None}))


def _everywhere(sender, raw=False, **kwargs) -> None:
    if not raw and not _suspended.active:
        CacheVersion.objects.bump([ALL_RECORDS])


class _Suspension(threading.local):
    active = False


_suspended = _Suspension()


@contextmanager
def one_mark_for_everything():
    """For bulk loads: no mark per row written, one mark of every agency's records at the end."""
    _suspended.active = True
    try:
        yield
    finally:
        _suspended.active = False
    records_changed(everywhere=True)


def connect_signals() -> None:
    """Every row of an agency, and its links, bump that agency's versions when written; the tree and the
    calendar everyone's."""
    for model in apps.get_models():
        if _scope_field(model) is None:
            continue
        uid = f"lawgov.records.{model._meta.label}"
        pre_save.connect(_before_save, sender=model, dispatch_uid=f"{uid}.pre_save")
        post_save.connect(_after_save, sender=model, dispatch_uid=f"{uid}.post_save")
        pre_delete.connect(_before_delete, sender=model, dispatch_uid=f"{uid}.pre_delete")
        for field in model._meta.local_many_to_many:
            through = field.remote_field.through
            m2m_changed.connect(_links_changed, sender=through, dispatch_uid=f"lawgov.records.{through._meta.label}")
    bump_everywhere_on_writes_to(Agency, CalendarDay)


def bump_everywhere_on_writes_to(*models) -> None:
    """For tables every agency's figures read (lookup lists), or rows whose effect crosses subtrees."""
    for model in models:
        uid = f"lawgov.records.{model._meta.label}"
        post_save.connect(_everywhere, sender=model, dispatch_uid=f"{uid}.everywhere.save")
        post_delete.connect(_everywhere, sender=model, dispatch_uid=f"{uid}.everywhere.delete")
