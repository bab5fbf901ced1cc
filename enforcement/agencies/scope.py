from __future__ import annotations

from dataclasses import dataclass
from functools import cached_property

from django.db import models

from enforcement.agencies.models import Agency
from enforcement.agencies.querysets import EVERY_TREE, path_ids, path_is_within, reader_scope, scope_key


@dataclass(frozen=True)
class Scope:
    """The rows one reader may list, within one agency's subtree.

    Statistics, exports and reports take a Scope, so that a total never
    counts a row its reader could not list.
    """

    user: object
    agency: Agency

    def rows(self, model_or_queryset: type[models.Model] | models.QuerySet) -> models.QuerySet:
        return self.shape.rows(model_or_queryset)

    @property
    def shape(self) -> ScopeShape:
        return ScopeShape(self.agency.path, scope_key(self.user), every_tree=self._is_every_tree)

    @cached_property
    def _is_every_tree(self) -> bool:
        # The subtree holds every tree's root, by the rule of a reader's scope;
        # only a root's can, so other subtrees ask nothing. Read once per scope:
        # one small query, against the join to every row's agency that it spares
        # each of a county's statistics.
        agency = self.agency
        return agency.parent_id is None and (
            reader_scope([("member", agency.path), *Agency.objects.root_paths()]) == EVERY_TREE
        )


@dataclass(frozen=True)
class ScopeShape:
    """What a scope's rows depend on: the subtree's path and the reader's paths (None: unrestricted).

    Hashable, so that a query prepared once per scope (lawgov/prepared.py) is keyed by it.
    """

    subtree_path: str
    reader_paths: tuple[str, ...] | None
    # The subtree is the only tree there is: every row is in it, and testing
    # each row's agency for it (a join to the agencies, county-wide) is left out.
    every_tree: bool = False

    def rows(self, model_or_queryset: type[models.Model] | models.QuerySet) -> models.QuerySet:
        queryset = (
            model_or_queryset
            if isinstance(model_or_queryset, models.QuerySet)
            else model_or_queryset._default_manager.all()
        )
        in_subtree = queryset if self.every_tree else queryset.in_subtree_at(self.subtree_path)
        if self.sees_whole_subtree:
            # The reader's scope holds the subtree: filtering by it too would
            # only join the agency table a second time (a large join county-wide).
            return in_subtree
        return in_subtree.within(self.reader_paths)

    @property
    def at_the_root(self) -> bool:
        """The subtree is a whole tree (a county's): its queries read most of the database.

        PostgreSQL's generic plan of a statement prepared on a connection
        knows the subtree (its path is in the text) but not the days; for some
        of a county's statistics it took twice as long as a plan made for the
        values, while a township's lose time planning each query anew.
        """
        return len(path_ids(self.subtree_path)) == 1

    @property
    def sees_whole_subtree(self) -> bool:
        paths = self.reader_paths
        return paths is None or any(path_is_within(self.subtree_path, path) for path in paths)
