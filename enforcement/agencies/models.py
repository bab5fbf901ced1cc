from __future__ import annotations

from django.conf import settings
from django.contrib.auth.models import Group
from django.core.exceptions import ValidationError
from django.db import models, transaction
from django.db.models.functions import Concat, Substr
from django.utils.translation import gettext_lazy as _

from enforcement.agencies import roles
from enforcement.agencies.base import TimeStampedModel
from enforcement.agencies.querysets import AgencyQuerySet, ScopedQuerySet, path_ids, path_is_within, subtree_q
from enforcement.agencies.validators import validate_credit_code


class AgencyKind(models.TextChoices):
    COUNTY_GOVERNMENT = "county_government", _("County government")
    JUSTICE_BUREAU = "justice_bureau", _("County justice bureau")
    COUNTY_DEPARTMENT = "county_department", _("County department")
    TOWNSHIP = "township", _("Township government")
    OFFICE = "office", _("Office")
    TEAM = "team", _("Enforcement team")


# Which kinds of agency may stand directly below which: the tree only goes
# down, so a township cannot hold a county government or a county department.
CHILD_KINDS = {
    AgencyKind.COUNTY_GOVERNMENT: set(AgencyKind) - {AgencyKind.COUNTY_GOVERNMENT},
    AgencyKind.JUSTICE_BUREAU: {AgencyKind.OFFICE, AgencyKind.TEAM},
    AgencyKind.COUNTY_DEPARTMENT: {AgencyKind.OFFICE, AgencyKind.TEAM},
    AgencyKind.TOWNSHIP: {AgencyKind.OFFICE, AgencyKind.TEAM},
    AgencyKind.OFFICE: {AgencyKind.OFFICE, AgencyKind.TEAM},
    AgencyKind.TEAM: {AgencyKind.TEAM},
}


class Agency(TimeStampedModel):
    """An agency (执法主体/机构): a node of the tree county → townships → offices.

    `path` is the materialised list of ancestor ids ("1/4/9/"), so a subtree is
    one indexed prefix match; it is maintained on save and never edited.
    """

    name = models.CharField(_("name"), max_length=200)
    kind = models.CharField(_("kind"), max_length=32, choices=AgencyKind.choices)
    parent = models.ForeignKey(
        "self",
        verbose_name=_("parent agency"),
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="children",
    )
    credit_code = models.CharField(
        _("unified social credit code"),
        max_length=18,
        blank=True,
        validators=[validate_credit_code],
        help_text=_("统一社会信用代码, 18 characters (GB 32100)."),
    )
    is_enforcement_subject = models.BooleanField(
        _("has enforcement-subject status"),
        default=False,
        help_text=_("Whether the agency may enforce the law in its own name (执法主体资格)."),
    )
    path = models.CharField(_("tree path"), max_length=255, editable=False, db_index=True, default="")

    objects = AgencyQuerySet.as_manager()

    class Meta:
        verbose_name = _("agency")
        verbose_name_plural = _("agencies")
        ordering = ["path"]
        constraints = [
            models.UniqueConstraint(
                fields=["credit_code"],
                condition=~models.Q(credit_code=""),
                name="agency_credit_code_unique",
                violation_error_message=_("Another agency already has this unified social credit code."),
            ),
        ]

    def __str__(self) -> str:
        return self.name

    @property
    def depth(self) -> int:
        return self.path.count("/")

    @property
    def ancestor_ids(self) -> list[int]:
        """The ids of this agency and of every agency above it, root first, read from the path."""
        return path_ids(self.path)

    def is_within(self, other: Agency) -> bool:
        """Whether this agency is `other` or lies below it (the queryset form is `in_subtree_of`)."""
        return path_is_within(self.path, other.path)

    def clean(self) -> None:
        super().clean()
        self.credit_code = self.credit_code.upper()
        moved_below_itself = self.pk and self.parent_id and self.parent.is_within(self)
        if moved_below_itself:
            raise ValidationError({"parent": _("An agency cannot be placed below itself.")})
        if self.parent_id and self.kind and self.kind not in CHILD_KINDS.get(self.parent.kind, set()):
            raise ValidationError(
                {
                    "kind": _("An agency of this kind cannot stand below a %(parent)s.")
                    % {"parent": self.parent.get_kind_display()}
                }
            )

    @transaction.atomic
    def save(self, *args, **kwargs) -> None:
        old_path = self.path
        super().save(*args, **kwargs)
        parent_path = self.parent.path if self.parent_id else ""
        new_path = f"{parent_path}{self.pk}/"
        if new_path != old_path:
            type(self).objects.filter(pk=self.pk).update(path=new_path)
            if old_path:
                # Moving a node moves its whole subtree in one statement.
                type(self).objects.filter(subtree_q(old_path)).exclude(pk=self.pk).update(
                    path=Concat(models.Value(new_path), Substr("path", len(old_path) + 1))
                )
            self.path = new_path


class Membership(TimeStampedModel):
    """A user's membership of an agency: they see that agency and all below it."""

    user = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("user"),
        on_delete=models.CASCADE,
        related_name="agency_memberships",
    )
    agency = models.ForeignKey(Agency, verbose_name=_("agency"), on_delete=models.PROTECT, related_name="memberships")

    objects = ScopedQuerySet.as_manager()

    class Meta:
        verbose_name = _("agency membership")
        verbose_name_plural = _("agency memberships")
        constraints = [
            models.UniqueConstraint(
                fields=["user", "agency"],
                name="membership_unique",
                violation_error_message=_("This user is already a member of this agency."),
            )
        ]

    def __str__(self) -> str:
        return f"{self.user} @ {self.agency}"


class Role(Group):
    """A role group as the admin shows it: by its Chinese label, not by the key the code looks it up by."""

    class Meta:
        proxy = True
        verbose_name = _("role")
        verbose_name_plural = _("roles")

    def __str__(self) -> str:
        return str(roles.ROLE_LABELS.get(self.name, self.name))
