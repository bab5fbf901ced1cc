from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _

from enforcement.agencies.roles import RoleModels


class ReportsConfig(AppConfig):
    name = "reports"
    verbose_name = _("Yearly reports")
    # The province's rules for the ledger are edited by superusers alone.
    role_models = RoleModels(shared=frozenset({"mandatorydecisionstep", "filingperiod"}))

    def ready(self) -> None:
        from reports.statistics import cache

        cache.connect_signals()
