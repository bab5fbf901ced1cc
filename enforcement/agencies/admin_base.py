"""What every admin class of lawgov shares: rows and choices through `visible_to`."""

from django.contrib import admin


class ScopedAdminMixin:
    """Limits an admin's rows and its foreign-key choices to the user's scope.

    A row outside the scope is not in the changelist and its change page
    answers "not found"; an agency outside the scope is not among the choices,
    so nothing can be created or moved there.
    """

    def get_queryset(self, request):
        return super().get_queryset(request).visible_to(request.user)

    def formfield_for_foreignkey(self, db_field, request, **kwargs):
        field = super().formfield_for_foreignkey(db_field, request, **kwargs)
        if field is not None and hasattr(field.queryset, "visible_to"):
            field.queryset = field.queryset.visible_to(request.user)
        return field

    def formfield_for_manytomany(self, db_field, request, **kwargs):
        field = super().formfield_for_manytomany(db_field, request, **kwargs)
        if field is not None and hasattr(field.queryset, "visible_to"):
            field.queryset = field.queryset.visible_to(request.user)
        return field


class ScopedModelAdmin(ScopedAdminMixin, admin.ModelAdmin):
    pass


class ScopedTabularInline(ScopedAdminMixin, admin.TabularInline):
    pass
