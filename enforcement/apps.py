from django.apps import AppConfig
from django.db.models.signals import post_migrate
from django.utils.translation import gettext_lazy as _


class EnforcementConfig(AppConfig):
    name = "enforcement"
    verbose_name = _("Law enforcement")

    def ready(self) -> None:
        from enforcement.agencies import roles

        # Permissions of models added by later migrations exist only after
        # migrate; the role groups are granted theirs every time it finishes.
        post_migrate.connect(roles.grant_role_permissions, dispatch_uid="lawgov.grant_role_permissions")
