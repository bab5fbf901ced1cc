from __future__ import annotations

from dataclasses import dataclass

from django.db import models

from enforcement.agencies.models import Agency
from enforcement.agencies.querysets import scope_paths


@dataclass(frozen=True)
class Scope:
    """The rows one reader may list, within one agency's subtree.

    Statistics, exports and reports take a Scope, so that a total never
    counts a row its reader could not list.
    """

    user: object
    agency: Agency

    def rows(self, model_or_queryset: type[models.Model] | models.QuerySet) -> models.QuerySet:
        queryset = (
            model_or_queryset
            if isinstance(model_or_queryset, models.QuerySet)
            else model_or_queryset._default_manager.all()
        )
        if self.sees_whole_subtree:
            # The reader's scope holds the subtree: filtering by it too would
            # only join the agency table a second time (a large join county-wide).
            return queryset.in_subtree_of(self.agency)
        return queryset.visible_to(self.user).in_subtree_of(self.agency)

    @property
    def sees_whole_subtree(self) -> bool:
        paths = scope_paths(self.user)
        return paths is None or any(self.agency.path.startswith(path) for path in paths)
