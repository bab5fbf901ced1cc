"""The four roles, as Django groups with model permissions.

The groups themselves are created by a data migration (0002_roles). Their
permissions are granted after every migrate from the rules below, so a model
added by a later migration is covered without a new data migration.
"""

from dataclasses import dataclass

from django.apps import apps as django_apps
from django.utils.translation import gettext_lazy as _

TEAM_LEAD = "team_lead"
HR = "hr"
SUPERVISOR = "supervisor"
STATS_CLIENT = "stats_client"

ROLE_LABELS = {
    TEAM_LEAD: _("Enforcement team lead"),
    HR: _("Human resources"),
    SUPERVISOR: _("County supervisor (read-only)"),
    STATS_CLIENT: _("Statistics client (read-only API)"),
}


@dataclass(frozen=True)
class RoleModels:
    """What an app declares of its own models for the roles (its AppConfig's `role_models`).

    `shared`: tables every agency shares and logs the system writes, read-only
    for every role; `hr`: the personnel records HR keeps; `membership`: who may
    see what, granted by superusers alone.
    """

    shared: frozenset[str] = frozenset()
    hr: frozenset[str] = frozenset()
    membership: frozenset[str] = frozenset()


def declared_role_models() -> dict[str, RoleModels]:
    """The apps whose models the roles cover, each with what it declares."""
    return {
        config.label: config.role_models
        for config in django_apps.get_app_configs()
        if isinstance(getattr(config, "role_models", None), RoleModels)
    }


EXTRA_PERMISSIONS = {
    TEAM_LEAD: {"view_full_id_number"},
    HR: {"view_full_id_number"},
}


def role_grants(role: str, app_label: str, codename: str, model: str) -> bool:
    """Whether `role` holds permission `codename` on `app_label.model`."""
    declared = declared_role_models().get(app_label)
    if declared is None:
        return False
    action = codename.split("_", 1)[0]
    if codename in EXTRA_PERMISSIONS.get(role, set()):
        return True
    if codename.startswith("view_full"):
        return False
    if model in declared.shared:
        return action == "view"
    if role == TEAM_LEAD:
        if model in declared.membership:
            return action == "view"
        return not (model == "agency" and action == "delete")
    if role == HR:
        return action == "view" if model not in declared.hr else action in {"view", "add", "change"}
    if role in {SUPERVISOR, STATS_CLIENT}:
        return action == "view"
    return False


def grant_role_permissions(sender=None, using="default", apps=None, **kwargs) -> None:
    from django.contrib.auth.models import Group, Permission

    # get_or_create as well: a test database flushed between tests loses the
    # groups that the data migration made.
    groups = {name: Group.objects.using(using).get_or_create(name=name)[0] for name in ROLE_LABELS}
    permissions = list(
        Permission.objects.using(using)
        .filter(content_type__app_label__in=declared_role_models())
        .select_related("content_type")
    )
    for name, group in groups.items():
        group.permissions.set(
            [
                permission
                for permission in permissions
                if role_grants(
                    name, permission.content_type.app_label, permission.codename, permission.content_type.model
                )
            ]
        )
