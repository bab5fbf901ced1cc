import secrets

from django.db import connections, models
from django.utils.translation import gettext_lazy as _


class _BumpedInTransaction:
    """A no-op commit hook that remembers which keys this transaction has bumped already.

    Kept in the connection's list of commit hooks because Django maintains
    that list exactly as needed: emptied at commit and rollback, and purged
    of the hooks of a savepoint that is rolled back.
    """

    def __init__(self, keys: set[str]):
        self.keys = keys

    def __call__(self) -> None:
        pass


def _bumped_in_transaction(connection) -> list[_BumpedInTransaction]:
    if not connection.in_atomic_block:
        return []
    return [hook for _, hook, _ in connection.run_on_commit if isinstance(hook, _BumpedInTransaction)]


class CacheVersionQuerySet(models.QuerySet):
    def read(self, keys: list[str]) -> dict[str, int]:
        """The current version of each key, in one query; a key never bumped has version 0."""
        for hook in _bumped_in_transaction(connections[self.db]):
            hook.keys.difference_update(keys)  # read now, so a later write must bump again
        found = dict(self.filter(key__in=keys).values_list("key", "version"))
        return {key: found.get(key, 0) for key in keys}

    def bump(self, keys: list[str]) -> None:
        """Give each key a new version, in one query, inside the caller's transaction.

        A random value rather than an increment: no read is needed, and a
        key whose row was deleted can never come back to an old version.
        Once per transaction is enough (other transactions see only the
        committed result), unless the version was read in between: a bulk
        load saving thousands of rows then updates each row once, not
        thousands of times.
        """
        connection = connections[self.db]
        keys = set(keys)
        for hook in _bumped_in_transaction(connection):
            keys -= hook.keys
        if keys:
            if connection.in_atomic_block:
                connection.on_commit(_BumpedInTransaction(set(keys)))
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
