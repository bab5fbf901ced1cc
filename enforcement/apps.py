from django.apps import AppConfig
from django.db.models.signals import post_migrate
from django.utils.translation import gettext_lazy as _

from enforcement.agencies.roles import RoleModels


class EnforcementConfig(AppConfig):
    name = "enforcement"
    verbose_name = _("Law enforcement")
    role_models = RoleModels(
        shared=frozenset(
            {
                "calendarday",
                "calendaryear",
                "enforcementfield",
                "reminderthreshold",
                "certificatereminder",
                "uncertifiedofficerreminder",
                "deadlinewarning",
                "jobrun",
            }
        ),
        hr=frozenset({"officer", "certificate", "certificatestatuschange", "annualreview"}),
        # Who may see what (memberships, roles and their permissions) is granted by superusers alone.
        membership=frozenset({"membership", "role"}),
    )

    def ready(self) -> None:
        from enforcement.agencies import access, record_versions, roles
        from enforcement.agencies.calendar import calendar_changed
        from enforcement.cases.tasks import refresh_after_calendar_change as refresh_penalty_cases
        from enforcement.officers.api import check_answers
        from enforcement.reconsideration.tasks import refresh_after_calendar_change

        access.connect_signals()
        record_versions.connect_signals()
        check_answers.connect_signals()

        # Permissions of models added by later migrations exist only after
        # migrate; the role groups are granted theirs every time it finishes.
        post_migrate.connect(roles.grant_role_permissions, dispatch_uid="lawgov.grant_role_permissions")
        calendar_changed.connect(refresh_after_calendar_change, dispatch_uid="lawgov.refresh_reconsideration_deadlines")
        calendar_changed.connect(refresh_penalty_cases, dispatch_uid="lawgov.refresh_penalty_case_deadlines")
