from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _

from enforcement.agencies.roles import RoleModels


class TrainingConfig(AppConfig):
    name = "training"
    verbose_name = _("Training, exams and publicity")
    # Theme days, formats and audiences are reference lists every agency shares.
    role_models = RoleModels(shared=frozenset({"themeday", "publicityformat", "audience"}))
