"""Files of the full-process record (全过程记录, art. 47): kept as attached, never changed or deleted."""

from __future__ import annotations

from pathlib import PurePosixPath

from django.conf import settings
from django.core.exceptions import ValidationError
from django.db import models
from django.utils.translation import gettext_lazy as _

from enforcement.agencies.base import TimeStampedModel
from enforcement.agencies.querysets import scoped_queryset
from enforcement.cases.models.event import EnforcementEvent

# Documents, photos, audio and video: what art. 47 means by 文字、音像.
ALLOWED_EXTENSIONS = frozenset(
    {"pdf", "ofd", "doc", "docx", "xls", "xlsx", "txt", "jpg", "jpeg", "png", "heic", "mp3", "m4a", "wav",
     "amr", "mp4", "mov", "avi"}
)  # fmt: skip


def event_file_path(instance: EventFile, filename: str) -> str:
    # The hash in the path: a superseding file never overwrites the original.
    return f"enforcement-cases/{instance.event.case_id}/{instance.sha256[:16]}/{PurePosixPath(filename).name}"


class ImmutableQuerySet(scoped_queryset("event__case__agency")):
    def delete(self):
        raise ValidationError(_("An attached file is never deleted; attach a correction that supersedes it."))

    def update(self, **kwargs):
        raise ValidationError(_("An attached file is never changed; attach a correction that supersedes it."))


class EventFile(TimeStampedModel):
    """A document, photo, recording or video attached to an event; its SHA-256 proves it unchanged."""

    event = models.ForeignKey(EnforcementEvent, verbose_name=_("event"), on_delete=models.PROTECT, related_name="files")
    file = models.FileField(_("file"), upload_to=event_file_path, max_length=300)
    name = models.CharField(_("file name"), max_length=200)
    size = models.PositiveBigIntegerField(_("size in bytes"))
    sha256 = models.CharField(_("SHA-256"), max_length=64)
    supersedes = models.OneToOneField(
        "self",
        verbose_name=_("supersedes"),
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="superseded_by",
        help_text=_("The file this one corrects; the original stays."),
    )
    uploaded_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("attached by"),
        null=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )

    objects = ImmutableQuerySet.as_manager()

    class Meta:
        verbose_name = _("record file")
        verbose_name_plural = _("record files")
        ordering = ["event", "pk"]

    def __str__(self) -> str:
        return self.name

    def clean(self) -> None:
        super().clean()
        extension = PurePosixPath(self.name).suffix.lower().lstrip(".")
        if extension not in ALLOWED_EXTENSIONS:
            raise ValidationError(
                {"file": _("Files of type “%(extension)s” are not accepted.") % {"extension": extension or "?"}}
            )
        limit = settings.LAWGOV["CASE_FILE_MAX_BYTES"]
        if self.size > limit:
            raise ValidationError(
                {"file": _("The file is larger than %(megabytes)d MB.") % {"megabytes": limit // (1024 * 1024)}}
            )
        if self.supersedes_id and self.supersedes.event.case_id != self.event.case_id:
            raise ValidationError({"supersedes": _("A correction supersedes a file of the same case.")})

    def save(self, *args, **kwargs) -> None:
        if self.pk is not None:
            raise ValidationError(_("An attached file is never changed; attach a correction that supersedes it."))
        super().save(*args, **kwargs)

    def delete(self, *args, **kwargs):
        raise ValidationError(_("An attached file is never deleted; attach a correction that supersedes it."))
