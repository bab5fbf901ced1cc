"""API lists whose count and page are read by SQL compiled once per shape (lawgov/prepared.py).

For a page of a hundred officers, building the list's queryset (the reader's
scope, the filters, the day its derived columns are worked out for, the
ordering) and compiling it twice, for the count and for the page, cost more
than the database's work. A list's SQL depends only on its shape: the
viewset, the reader's scope, the request's parameters but the page number,
today's date, and the agencies and memberships as the access version stamps
them (a filter by agency compiles that agency's place in the tree). A request
of a shape seen before runs the SQL compiled for it, with the parameters
compiled with it; the rows and the count are read afresh every time.
"""

from __future__ import annotations

from collections.abc import Callable, Hashable

from django.db import models
from django.utils import timezone

from lawgov.prepared import PreparedQuery
from lawgov.tallies import prepared_count

from .access import access_version
from .querysets import scope_key

# Each shape keeps its compiled query: the first pages of the lists in use.
_COUNTS = PreparedQuery(shapes_kept=128)
_PAGES = PreparedQuery(shapes_kept=128)


def forget_prepared_lists() -> None:
    """Compile every list anew: for a database whose versions went back (a test's, rolled back), which a
    served database's never do."""
    _COUNTS.forget()
    _PAGES.forget()


class PreparedRows:
    """A list's rows as Django's paginator reads them, a count and then one slice, by SQL compiled once per shape.

    `build()` builds the list's queryset: called only for a shape not compiled yet.
    """

    def __init__(self, shape: Hashable, build: Callable[[], models.QuerySet]):
        self.shape = shape
        self.build = build

    def count(self) -> int:
        return prepared_count(_COUNTS, self.shape, lambda shape: self.build())

    def __getitem__(self, rows: slice) -> list:
        return _PAGES.rows((self.shape, rows.start, rows.stop), build=lambda shape: self.build()[rows])


class PreparedListMixin:
    """A paginated `list` whose count and page are read by SQL compiled once per shape (PreparedRows)."""

    def list(self, request, *args, **kwargs):
        if self.paginator is None:
            return super().list(request, *args, **kwargs)
        rows = PreparedRows(self.list_shape(), lambda: self.filter_queryset(self.get_queryset()))
        page = self.paginate_queryset(rows)
        return self.get_paginated_response(self.get_serializer(page, many=True).data)

    def list_shape(self) -> tuple:
        """Everything the list's SQL depends on, but the page's rows."""
        parameters = tuple(
            sorted(
                (name, tuple(values))
                for name, values in self.request.query_params.lists()
                if name != self.paginator.page_query_param
            )
        )
        return (
            type(self),
            access_version(self.request.user),
            scope_key(self.request.user),
            parameters,
            timezone.localdate(),
        )
