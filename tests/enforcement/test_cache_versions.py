"""Versions of cached answers: bumped once per transaction, again after a read or a rolled-back savepoint."""

from django.core.cache import cache
from django.db import transaction

from enforcement.agencies.models import Agency
from enforcement.agencies.record_versions import records_version
from enforcement.agencies.versions import CacheVersion


def version(key: str) -> int:
    return CacheVersion.objects.filter(key=key).values_list("version", flat=True).first()


def test_a_second_bump_in_the_same_transaction_writes_nothing(db, django_assert_num_queries):
    CacheVersion.objects.bump(["k"])
    with django_assert_num_queries(0):
        CacheVersion.objects.bump(["k"])


def test_a_bump_after_a_read_in_the_same_transaction_writes_a_new_version(db):
    CacheVersion.objects.bump(["k"])
    seen = CacheVersion.objects.read(["k"])["k"]
    CacheVersion.objects.bump(["k"])
    assert version("k") != seen


def test_a_bump_rolled_back_with_its_savepoint_is_made_again(db):
    CacheVersion.objects.bump(["k"])
    before = version("k")
    try:
        with transaction.atomic():
            CacheVersion.objects.bump(["other"])
            raise RuntimeError
    except RuntimeError:
        pass
    CacheVersion.objects.bump(["other"])
    assert version("other") is not None
    assert version("k") == before


def test_a_key_never_bumped_reads_as_zero(db):
    assert CacheVersion.objects.read(["never"]) == {"never": 0}


def test_saving_an_agency_changes_the_version_every_subtree_reads(world):
    before = records_version(world.township_a.path)
    Agency.objects.get(pk=world.township_b.pk).save()
    assert records_version(world.township_a.path) != before


def test_a_bump_is_published_to_the_cache_when_its_transaction_commits(db, django_capture_on_commit_callbacks):
    cache.clear()
    before = CacheVersion.objects.read_published("k")
    with django_capture_on_commit_callbacks(execute=True):
        CacheVersion.objects.bump(["k"])
        assert CacheVersion.objects.read_published("k") == before
    assert CacheVersion.objects.read_published("k") == version("k") != before


def test_a_published_version_is_read_without_a_query(db, django_assert_num_queries):
    cache.clear()
    CacheVersion.objects.read_published("k")
    with django_assert_num_queries(0):
        CacheVersion.objects.read_published("k")


def test_a_version_missing_from_the_cache_is_read_from_the_database(db):
    CacheVersion.objects.bump(["k"])  # in the test's transaction, which never commits: nothing published
    cache.clear()
    assert CacheVersion.objects.read_published("k") == version("k")


def test_a_bump_rolled_back_is_never_published(db, django_capture_on_commit_callbacks):
    cache.clear()
    before = CacheVersion.objects.read_published("k")
    with django_capture_on_commit_callbacks(execute=True):
        try:
            with transaction.atomic():
                CacheVersion.objects.bump(["k"])
                raise RuntimeError
        except RuntimeError:
            pass
    assert CacheVersion.objects.read_published("k") == before
