"""What an activity photo must be: a real image of an allowed type and a bounded size."""

from __future__ import annotations

from django.conf import settings
from django.core.exceptions import ValidationError
from django.template.defaultfilters import filesizeformat
from django.utils.translation import gettext as _
from PIL import Image, UnidentifiedImageError

ALLOWED_FORMATS = {"JPEG": "JPEG", "PNG": "PNG", "WEBP": "WebP"}


def validate_photo(file) -> None:
    """Refuse anything but a JPEG, PNG or WebP image within the size limits.

    The content is read, not the name or the browser's content type, both of
    which the uploader controls. Dimensions are read from the header, so an
    image bomb is refused before it is decoded.
    """
    max_bytes = settings.LAWGOV["PHOTO_MAX_BYTES"]
    max_side = settings.LAWGOV["PHOTO_MAX_SIDE"]
    if file.size > max_bytes:
        raise ValidationError(
            _("The photo is %(size)s; at most %(max)s is accepted.")
            % {"size": filesizeformat(file.size), "max": filesizeformat(max_bytes)},
            code="photo_too_large",
        )
    position = file.tell() if hasattr(file, "tell") else 0
    try:
        file.seek(0)
        with Image.open(file) as image:
            kind, (width, height) = image.format, image.size
            image.verify()
    except (UnidentifiedImageError, OSError, SyntaxError, ValueError, Image.DecompressionBombError):
        raise ValidationError(_("The file is not an image."), code="not_an_image") from None
    finally:
        file.seek(position)
    if kind not in ALLOWED_FORMATS:
        raise ValidationError(
            _("Images of type %(kind)s are not accepted; use %(allowed)s.")
            % {"kind": kind, "allowed": ", ".join(ALLOWED_FORMATS.values())},
            code="photo_type",
        )
    if max(width, height) > max_side:
        raise ValidationError(
            _("The photo is %(width)s × %(height)s pixels; at most %(max)s pixels a side is accepted.")
            % {"width": width, "height": height, "max": max_side},
            code="photo_dimensions",
        )
