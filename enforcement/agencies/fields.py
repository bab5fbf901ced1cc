"""Model fields for the national identifiers that several subjects store."""

from __future__ import annotations

from django.db import models
from django.utils.translation import gettext_lazy as _

from enforcement.agencies.validators import normalise_id_number, validate_id_number


class ResidentIdNumberField(models.CharField):
    """A resident ID number (居民身份证号码), normalised before it is validated, stored or looked up.

    Full-width digits and a lower-case x become ASCII and X in `to_python`
    (form and model validation) and in `get_prep_value` (every save, bulk
    write and exact or `in` lookup), so the same person cannot be stored
    twice in two spellings and a search finds them whichever way it is typed.
    """

    default_validators = [validate_id_number]
    description = _("Resident ID number")

    def __init__(self, *args, **kwargs):
        kwargs.setdefault("max_length", 18)
        super().__init__(*args, **kwargs)

    def to_python(self, value):
        value = super().to_python(value)
        return value if value is None else normalise_id_number(value)

    def get_prep_value(self, value):
        value = super().get_prep_value(value)
        return value if value is None else normalise_id_number(value)
