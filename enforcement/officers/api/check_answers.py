"""The HR check's answers, kept until a record they read is written.

An HR system asks about the same people again and again, and between two
writes the answer cannot change. It is kept under a key that holds all it
depends on: who asks (their permissions decide whether ID numbers show in
full: the user and the access version), what they ask, the day, the
language and the address the verification links are built on, and the
version of the records of every subtree the reader sees, which any write to
an officer, a certificate, their history or links, an agency or the list of
enforcement fields bumps in its own transaction. The version is read before
the answer is worked out, so an answer worked out while a write commits is
kept under the version before it, which is never read again.
"""

from __future__ import annotations

import datetime
import hashlib

from django.core.cache import cache
from django.utils.translation import get_language

from enforcement.agencies.access import access_version
from enforcement.agencies.enforcement_fields import EnforcementField
from enforcement.agencies.querysets import read_subtrees
from enforcement.agencies.record_versions import bump_everywhere_on_writes_to, records_version_within
from enforcement.officers.api.serializers import CertificationCheckSerializer
from enforcement.officers.certification import check_certification

TIMEOUT = 3600  # only to let unused entries go; correctness comes from the versions
NOBODY = "nobody"  # kept too: a number nobody in the reader's scope holds is asked about again as well


def _key(request, lookup: dict, day: datetime.date) -> str:
    user = request.user
    parts = (
        str(user.pk),
        str(access_version(user)),
        records_version_within(read_subtrees(user)),
        day.isoformat(),
        get_language() or "",
        request.build_absolute_uri("/"),
        *(f"{name}={value}" for name, value in sorted(lookup.items())),
    )
    # Hashed: ID numbers never become part of a key that a cache server would show.
    return f"lawgov:hr-check:{hashlib.sha256(chr(31).join(parts).encode()).hexdigest()}"


def check_answer(request, lookup: dict, day: datetime.date, context: dict) -> dict | None:
    """The HR check's answer as the API gives it, for `lookup` (a certificate number or an ID number), or None
    when nobody the reader may see matches; worked out only when a record it reads changed since last asked."""
    key = _key(request, lookup, day)
    answer = cache.get(key)
    if answer is None:
        found = check_certification(request.user, **lookup, day=day)
        answer = NOBODY if found is None else CertificationCheckSerializer(found, context=context).data
        cache.set(key, answer, TIMEOUT)
    return None if answer == NOBODY else answer


def connect_signals() -> None:
    # The answer names the officer's and the certificates' enforcement fields.
    bump_everywhere_on_writes_to(EnforcementField)
