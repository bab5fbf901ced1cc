from rest_framework.permissions import DjangoModelPermissions


class ScopedModelPermissions(DjangoModelPermissions):
    """Model permissions, with reading gated by the view permission too.

    Which rows a user reaches is decided by the queryset (`visible_to`); this
    class only decides what they may do with the rows they reach. A request
    about one row the user cannot reach answers 404 whatever the method, as a
    GET would: a 403 there would tell the row exists.
    """

    perms_map = {
        **DjangoModelPermissions.perms_map,
        "GET": ["%(app_label)s.view_%(model_name)s"],
        "HEAD": ["%(app_label)s.view_%(model_name)s"],
        "OPTIONS": ["%(app_label)s.view_%(model_name)s"],
    }

    def _queryset(self, view):
        # Only its model is read, to name the permissions: the view's own
        # queryset names it, where DRF would build the request's scoped one.
        queryset = getattr(view, "queryset", None)
        return super()._queryset(view) if queryset is None else queryset

    def has_permission(self, request, view) -> bool:
        if super().has_permission(request, view):
            return True
        lookup = getattr(view, "lookup_url_kwarg", None) or getattr(view, "lookup_field", None)
        if request.user and request.user.is_authenticated and lookup in getattr(view, "kwargs", {}):
            view.get_object()  # raises Http404 for a row outside the scope
        return False
