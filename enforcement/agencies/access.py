"""Who a token belongs to, what they may do and which agencies they see, cached across requests.

Resolving a token costs four queries (token and user, the user's permissions,
their groups' permissions, their memberships): more than the HR check itself.
The answer is cached, keyed by one access version; any write that could
change it (a token, a user, a group, a permission, a membership, an agency's
place in the tree) bumps that version in its own transaction, which
publishes it to the shared cache as it commits, so the change takes effect
with the next request, in every process. A warm request reads the version
from the cache: its identity costs no query.
"""

from __future__ import annotations

import hashlib

from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group, Permission
from django.core.cache import cache
from django.db.models import Q, Value
from django.db.models.functions import Concat
from django.db.models.signals import m2m_changed, post_delete, post_save
from django.utils.translation import gettext_lazy as _
from rest_framework import exceptions
from rest_framework.authentication import TokenAuthentication
from rest_framework.authtoken.models import Token

from .models import Agency, Membership
from .querysets import remember_scope, scope_paths
from .versions import CacheVersion

ACCESS_VERSION = "access"
TIMEOUT = 3600  # only to let unused entries go; correctness comes from the version


def _cache_key(token_key: str, version: int) -> str:
    # The token itself never becomes part of a cache key that a cache server would show.
    return f"lawgov:access:{version}:{hashlib.sha256(token_key.encode()).hexdigest()}"


def resolve_token(key: str):
    """The user of token `key`, with permissions and scope resolved.

    Raises AuthenticationFailed, with DRF's own messages, for an unknown token or an inactive user.
    """
    version = CacheVersion.objects.read_published(ACCESS_VERSION)
    cache_key = _cache_key(key, version)
    user = cache.get(cache_key)
    if user is not None:
        return user
    token = Token.objects.select_related("user").filter(key=key).first()
    if token is None:
        raise exceptions.AuthenticationFailed(_("Invalid token."))
    if not token.user.is_active:
        raise exceptions.AuthenticationFailed(_("User inactive or deleted."))
    user = token.user
    # Filled now, so that the cached user carries them: ModelBackend keeps its
    # answer on the user object (`_perm_cache`), scope_paths likewise.
    if not user.is_superuser:  # a superuser's has_perm asks no backend, and sees everything
        resolve_permissions_and_scope(user)
    scope_paths(user)
    user._lawgov_access_version = version
    cache.set(cache_key, user, TIMEOUT)
    return user


def access_version(user) -> int:
    """The access version `user`'s permissions and scope stand for: the one their token was resolved under
    (the request's own, read once), else the published one."""
    version = getattr(user, "_lawgov_access_version", None)
    return CacheVersion.objects.read_published(ACCESS_VERSION) if version is None else version


def resolve_permissions_and_scope(user) -> None:
    """Keep on `user` what ModelBackend.get_all_permissions answers (the user's and their groups') and the
    user's scope as `scope_paths` keeps it (their agencies' paths, or every tree), in one query, not three."""
    permissions = (
        Permission.objects.filter(Q(user=user) | Q(group__user=user))
        .annotate(entry=Value("permission"), text=Concat("content_type__app_label", Value("."), "codename"))
        .values_list("entry", "text")
        .order_by()
    )
    agencies = Agency.objects
    rows = list(permissions.union(agencies.member_paths(user).order_by(), agencies.root_paths().order_by(), all=True))
    user._perm_cache = {text for kind, text in rows if kind == "permission"}
    remember_scope(user, [row for row in rows if row[0] != "permission"])


class CachedTokenAuthentication(TokenAuthentication):
    """DRF's token authentication, with the user resolved once and cached until access changes."""

    def authenticate_credentials(self, key):
        return resolve_token(key), key


def bump_access_version(**kwargs) -> None:
    CacheVersion.objects.bump([ACCESS_VERSION])


def connect_signals() -> None:
    """Every write that changes a token's user, permissions or scope bumps the access version."""
    user_model = get_user_model()
    for model in (Token, user_model, Group, Permission, Membership, Agency):
        post_save.connect(bump_access_version, sender=model, dispatch_uid=f"lawgov.access.save.{model.__name__}")
        post_delete.connect(bump_access_version, sender=model, dispatch_uid=f"lawgov.access.delete.{model.__name__}")
    for through in (user_model.groups.through, user_model.user_permissions.through, Group.permissions.through):
        m2m_changed.connect(bump_access_version, sender=through, dispatch_uid=f"lawgov.access.m2m.{through.__name__}")
