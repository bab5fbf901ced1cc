from rest_framework import viewsets


class ScopedQuerysetMixin:
    """Every API view reaches rows through `visible_to(user)` and nothing else.

    A row outside the caller's scope is therefore answered 404, never 403.
    """

    def get_queryset(self):
        return super().get_queryset().visible_to(self.request.user)


class ScopedModelViewSet(ScopedQuerysetMixin, viewsets.ModelViewSet):
    pass


class ScopedReadOnlyModelViewSet(ScopedQuerysetMixin, viewsets.ReadOnlyModelViewSet):
    pass
