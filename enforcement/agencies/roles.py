"""The four roles, as Django groups with model permissions.

The groups themselves are created by a data migration (0002_roles). Their
permissions are granted after every migrate from the rules below, so a model
added by a later migration is covered without a new data migration.
"""

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

DOMAIN_APPS = ("enforcement", "training", "reports")

# Who may see what is granted by superusers alone; team leads may add and
# rename the offices below their own agency, never delete one.
MEMBERSHIP_MODELS = {"membership"}

# Tables every agency shares (calendar, reminder thresholds, theme days,
# formats, audiences) and logs written by the system: read-only for all roles.
SHARED_OR_SYSTEM_MODELS = {
    "calendarday",
    "reminderthreshold",
    "themeday",
    "publicityformat",
    "audience",
    "certificatereminder",
    "uncertifiedofficerreminder",
    "deadlinewarning",
    "jobrun",
}

# The personnel records HR keeps.
HR_MODELS = {"officer", "certificate", "certificatestatuschange", "annualreview"}

EXTRA_PERMISSIONS = {
    TEAM_LEAD: {"view_full_id_number"},
    HR: {"view_full_id_number"},
}


def role_grants(role: str, app_label: str, codename: str, model: str) -> bool:
    """Whether `role` holds permission `codename` on `app_label.model`."""
    if app_label not in DOMAIN_APPS:
        return False
    action = codename.split("_", 1)[0]
    if codename in EXTRA_PERMISSIONS.get(role, set()):
        return True
    if codename.startswith("view_full"):
        return False
    if model in SHARED_OR_SYSTEM_MODELS:
        return action == "view"
    if role == TEAM_LEAD:
        if model in MEMBERSHIP_MODELS:
            return action == "view"
        return not (model == "agency" and action == "delete")
    if role == HR:
        return action == "view" if model not in HR_MODELS else action in {"view", "add", "change"}
    if role in {SUPERVISOR, STATS_CLIENT}:
        return action == "view"
    return False


def grant_role_permissions(sender=None, using="default", apps=None, **kwargs) -> None:
    from django.contrib.auth.models import Group, Permission

    # get_or_create as well: a test database flushed between tests loses the
    # groups that the data migration made.
    groups = {name: Group.objects.using(using).get_or_create(name=name)[0] for name in ROLE_LABELS}
    permissions = list(
        Permission.objects.using(using).filter(content_type__app_label__in=DOMAIN_APPS).select_related("content_type")
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
