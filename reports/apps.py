from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _

from enforcement.agencies.roles import RoleModels


class ReportsConfig(AppConfig):
    name = "reports"
    verbose_name = _("Yearly reports")
    role_models = RoleModels()

    def ready(self) -> None:
        from reports.statistics import cache

        cache.connect_signals()
