"""The one scoping mechanism: `Model.objects.visible_to(user)`.

Every view, admin page, export and statistic reaches rows through it. A user
sees the agencies they are a member of and every agency below them;
superusers see everything; anyone else sees nothing. `within(paths)` is the
same scope given by the reader's paths, for a query prepared once per scope
(lawgov/prepared.py).
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from functools import reduce
from operator import or_

from django.apps import apps
from django.db import models

# What a user's cached scope holds when their agencies include the root of every tree.
EVERY_TREE = "every tree"


def scope_paths(user) -> list[str] | None:
    """The tree paths of the user's agencies; None means unrestricted.

    A member of every tree's root sees every agency, as a superuser does:
    None, so that their queries carry no scope to test on each row (a
    county-wide list would otherwise join every row to its agency for a test
    every row passes). Cached on the user object, so one request pays one
    query for it; the API's cached users carry it (access.py), and any change
    to an agency or a membership resolves it anew.
    """
    if user is None or not user.is_authenticated or not user.is_active:
        return []
    if user.is_superuser:
        return None
    cached = getattr(user, "_lawgov_scope_paths", None)
    if cached is None:
        agencies = apps.get_model("enforcement", "Agency").objects
        remember_scope(user, agencies.member_paths(user).order_by().union(agencies.root_paths().order_by(), all=True))
        cached = user._lawgov_scope_paths
    return None if cached == EVERY_TREE else cached


def read_subtrees(user) -> list[str] | None:
    """The paths of the subtrees `user` reads, as their memberships name them: unlike `scope_paths`, also
    when they hold every tree; None only for a superuser, a member of none. What an answer kept for
    `user` depends on (record_versions)."""
    paths = scope_paths(user)
    if paths is not None or user.is_superuser:
        return paths
    if getattr(user, "_lawgov_member_paths", None) is None:
        del user._lawgov_scope_paths  # kept by an earlier release, without the member paths
        scope_paths(user)
    return user._lawgov_member_paths


def remember_scope(user, rows) -> None:
    """Keep on `user` what `scope_paths` and `read_subtrees` answer, from ("member", path) and ("root", path)
    rows."""
    rows = list(rows)
    user._lawgov_scope_paths = reader_scope(rows)
    user._lawgov_member_paths = _member_paths(rows)


def scope_key(user) -> tuple[str, ...] | None:
    """`scope_paths` as a key: what a query built for `user`'s scope depends on (None: unrestricted)."""
    paths = scope_paths(user)
    return None if paths is None else tuple(paths)


def reader_scope(rows) -> list[str] | str:
    """From ("member", path) and ("root", path) rows: the member's paths, or EVERY_TREE when they hold every root."""
    paths = _member_paths(rows)
    roots = {path for kind, path in rows if kind == "root"}
    return EVERY_TREE if paths and roots <= set(paths) else paths


def _member_paths(rows) -> list[str]:
    return sorted(path for kind, path in rows if kind == "member")


def path_ids(path: str) -> list[int]:
    """The ids a tree path lists ("1/4/9/" → [1, 4, 9]): the agency and every agency above it, root first."""
    return [int(part) for part in path.split("/") if part]


def path_is_within(path: str, ancestor_path: str) -> bool:
    """The one rule of the tree: a node is inside the subtree of another when its path starts with the other's.

    Paths list the ancestor ids ("1/4/9/"), so a node is inside its own subtree.
    `subtree_q` is the same rule as a query condition.
    """
    return path.startswith(ancestor_path)


class PathLists(models.Expression):
    """True where the tree path `path` lists the agency id `agency_id`: that agency is the path's own or above it.

    `path_ids` in SQL. It tests the same thing as `path_is_within` with the
    ancestor's path, but as an equality on the ancestor's id, so a join from
    many paths to many agencies (every officer against every exam of a year)
    can look the ids up in an index instead of testing each pair with a
    pattern built for it; on a county of 1,000 townships that pairing took
    4.5 s for the exams' roll.
    """

    output_field = models.BooleanField()
    conditional = True

    def __init__(self, path, agency_id):
        super().__init__()
        self.path, self.agency_id = path, agency_id

    def get_source_expressions(self) -> list:
        return [self.path, self.agency_id]

    def set_source_expressions(self, expressions) -> None:
        self.path, self.agency_id = expressions

    def as_sql(self, compiler, connection):
        # Paths end in "/" and the ids in them are whole: "/1/4/9/" holds "/4/" and not "/49/".
        path_sql, path_params = compiler.compile(self.path)
        id_sql, id_params = compiler.compile(self.agency_id)
        return f"INSTR('/' || {path_sql}, '/' || {id_sql} || '/') > 0", [*path_params, *id_params]

    def as_postgresql(self, compiler, connection):
        path_sql, path_params = compiler.compile(self.path)
        id_sql, id_params = compiler.compile(self.agency_id)
        return f"{id_sql} = ANY (string_to_array(rtrim({path_sql}, '/'), '/')::bigint[])", [*path_params, *id_params]


class _InSubtree(models.Lookup):
    """`path_is_within` as SQL, with the subtree's path written into the query's text.

    As a parameter (Django's `startswith`) the prefix is unknown to the plan
    PostgreSQL makes once for a statement prepared on a connection, which then
    assumes a small subtree: the first page of a county's 16,000 officers took
    14 ms by that plan and 0.8 ms by one knowing the prefix. Written into the
    text, each subtree has a statement of its own, planned knowing its size.
    A tree path holds only ids and slashes, which nothing in SQL or LIKE
    reads specially; anything else is refused.
    """

    lookup_name = "in_subtree"
    prepare_rhs = False

    def as_sql(self, compiler, connection):
        if not isinstance(self.rhs, str) or not _TREE_PATH.fullmatch(self.rhs):
            raise ValueError(f"Not a tree path: {self.rhs!r}")
        lhs_sql, lhs_params = self.process_lhs(compiler, connection)
        # "%%": the text goes to the database driver with parameters, which reads a single % as one.
        return f"{lhs_sql} LIKE '{self.rhs}%%'", lhs_params


_TREE_PATH = re.compile(r"(?:[0-9]+/)*")


def subtree_q(ancestor_path: str, *, path_field: str = "path") -> models.Q:
    """Rows whose agency path (`path_field`) lies inside the subtree rooted at `ancestor_path`."""
    return models.Q(_InSubtree(models.F(path_field), ancestor_path))


class AgencyQuerySet(models.QuerySet):
    def visible_to(self, user) -> AgencyQuerySet:
        return self.within(scope_paths(user))

    def member_paths(self, user) -> models.QuerySet:
        """("member", path) for each agency `user` is a member of: with `root_paths`, what `reader_scope` reads."""
        return self.filter(memberships__user=user).annotate(entry=models.Value("member")).values_list("entry", "path")

    def root_paths(self) -> models.QuerySet:
        """("root", path) for each tree's root."""
        return self.filter(parent=None).annotate(entry=models.Value("root")).values_list("entry", "path")

    def within(self, paths: Sequence[str] | None) -> AgencyQuerySet:
        """The agencies in the subtrees at `paths` (a reader's `scope_paths`); None: all of them."""
        if paths is None:
            return self
        if not paths:
            return self.none()
        return self.filter(reduce(or_, (subtree_q(path) for path in paths)))

    def in_subtree_of(self, agency) -> AgencyQuerySet:
        return self.in_subtree_at(agency.path)

    def in_subtree_at(self, path: str) -> AgencyQuerySet:
        return self.filter(subtree_q(path))


class ScopedQuerySet(models.QuerySet):
    """Base queryset of every record that belongs to an agency.

    `scope_field` is the lookup path from the record to its Agency.
    """

    scope_field = "agency"

    def _agencies(self):
        return self.model._meta.apps.get_model("enforcement", "Agency").objects

    def visible_to(self, user):
        return self.within(scope_paths(user))

    def within(self, paths: Sequence[str] | None):
        """The records of the agencies in the subtrees at `paths` (a reader's `scope_paths`); None: all."""
        if paths is None:
            return self
        return self.filter(**{f"{self.scope_field}__in": self._agencies().within(paths)})

    def in_subtree_of(self, agency):
        return self.in_subtree_at(agency.path)

    def in_subtree_at(self, path: str):
        return self.filter(subtree_q(path, path_field=f"{self.scope_field}__path"))


def scoped_queryset(scope_field: str) -> type[ScopedQuerySet]:
    """A ScopedQuerySet class for records reaching their agency through `scope_field`."""
    return type(f"ScopedQuerySet_{scope_field}", (ScopedQuerySet,), {"scope_field": scope_field})
