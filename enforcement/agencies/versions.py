import secrets

from django.core.cache import cache
from django.db import connections, models
from django.utils.translation import gettext_lazy as _

from lawgov.prepared import PreparedQuery

# How long the shared cache keeps a published version. Publishing is immediate;
# this only bounds how long a lost publication (a process that died between its
# commit and its hook, two writers' hooks crossing, a per-process cache in
# another process) can leave an old version in place.
PUBLISHED_FOR = 60


def published_key(key: str) -> str:
    return f"lawgov:version:{key}"


class _Bump:
    """The versions a transaction wrote: a commit hook that publishes them to the shared cache.

    Kept in the connection's list of commit hooks, which Django maintains
    exactly as needed: run at commit, dropped at rollback, and purged of the
    hooks of a savepoint that is rolled back. `keys` are those bumped and not
    read since, which a further bump in the transaction needs not write again.
    """

    def __init__(self, versions: dict[str, int]):
        self.versions = versions
        self.keys = set(versions)

    def __call__(self) -> None:
        cache.set_many({published_key(key): version for key, version in self.versions.items()}, PUBLISHED_FOR)


def _bumped_in_transaction(connection) -> list[_Bump]:
    if not connection.in_atomic_block:
        return []
    return [hook for _, hook, _ in connection.run_on_commit if isinstance(hook, _Bump)]


class CacheVersionQuerySet(models.QuerySet):
    def read(self, keys: list[str]) -> dict[str, int]:
        """The current version of each key, in one query; a key never bumped has version 0."""
        for hook in _bumped_in_transaction(connections[self.db]):
            hook.keys.difference_update(keys)  # read now, so a later write must bump again
        found = dict(_VERSIONS_OF.tuples(tuple(keys)))
        return {key: found.get(key, 0) for key in keys}

    def read_published(self, key: str) -> int:
        """The version of `key` as published in the shared cache; read from the database when the cache
        lacks it, and published then, unless a bump has published another meanwhile. No query when warm.
        """
        version = cache.get(published_key(key))
        if version is None:
            version = self.read([key])[key]
            cache.add(published_key(key), version, PUBLISHED_FOR)
        else:
            for hook in _bumped_in_transaction(connections[self.db]):
                hook.keys.discard(key)  # read now, so a later write must bump again
        return version

    def bump(self, keys: list[str]) -> None:
        """Give each key a new version, in one query, inside the caller's transaction.

        A random value rather than an increment: no read is needed, and a
        key whose row was deleted can never come back to an old version.
        Once per transaction is enough (other transactions see only the
        committed result), unless the version was read in between: a bulk
        load saving thousands of rows then updates each row once, not
        thousands of times. The new versions are published to the shared
        cache when the transaction commits; a failure to publish fails no
        write (the cached version expires).
        """
        connection = connections[self.db]
        keys = set(keys)
        for hook in _bumped_in_transaction(connection):
            keys -= hook.keys
        if keys:
            versions = {key: secrets.randbits(62) for key in sorted(keys)}
            self.bulk_create(
                [CacheVersion(key=key, version=version) for key, version in versions.items()],
                update_conflicts=True,
                unique_fields=["key"],
                update_fields=["version"],
            )
            connection.on_commit(_Bump(versions), robust=True)


class CacheVersion(models.Model):
    """The version of something cached across requests and processes (access rights, statistics).

    Cache entries are keyed by the version they were computed at; a write that
    changes what they depend on bumps the version in its own transaction, so
    every process sees the change the moment the write commits. Kept in the
    database, and published to the shared cache at commit for the readers
    that cannot pay a query per request (`read_published`).
    """

    key = models.CharField(_("key"), max_length=100, unique=True)
    version = models.BigIntegerField(_("version"), default=0)

    objects = CacheVersionQuerySet.as_manager()

    class Meta:
        verbose_name = _("cache version")
        verbose_name_plural = _("cache versions")

    def __str__(self) -> str:
        return f"{self.key}@{self.version}"


def _versions_of(keys: tuple[str, ...]):
    return CacheVersion.objects.filter(key__in=keys).values_list("key", "version")


# Built and compiled once per set of keys (lawgov/prepared.py): read by every request that reads a cache.
_VERSIONS_OF = PreparedQuery(_versions_of)
