import secrets

from django.db import models
from django.utils.translation import gettext_lazy as _


class CacheVersionQuerySet(models.QuerySet):
    def read(self, keys: list[str]) -> dict[str, int]:
        """The current version of each key, in one query; a key never bumped has version 0."""
        found = dict(self.filter(key__in=keys).values_list("key", "version"))
        return {key: found.get(key, 0) for key in keys}

    def bump(self, keys: list[str]) -> None:
        """Give each key a new version, in one query, inside the caller's transaction.

        A random value rather than an increment: no read is needed, and a
        key whose row was deleted can never come back to an old version.
        """
        if keys:
            self.bulk_create(
                [CacheVersion(key=key, version=secrets.randbits(62)) for key in sorted(set(keys))],
                update_conflicts=True,
                unique_fields=["key"],
                update_fields=["version"],
            )


class CacheVersion(models.Model):
    """The version of something cached across requests and processes (access rights, statistics).

    Cache entries are keyed by the version they were computed at; a write that
    changes what they depend on bumps the version in its own transaction, so
    every process sees the change the moment the write commits. Kept in the
    database, not in the cache, so that a per-process cache stays correct too.
    """

    key = models.CharField(_("key"), max_length=100, unique=True)
    version = models.BigIntegerField(_("version"), default=0)

    objects = CacheVersionQuerySet.as_manager()

    class Meta:
        verbose_name = _("cache version")
        verbose_name_plural = _("cache versions")

    def __str__(self) -> str:
        return f"{self.key}@{self.version}"
