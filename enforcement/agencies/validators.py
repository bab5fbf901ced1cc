"""Checksums of the Chinese national identifiers.

Hand-written rather than taken from python-stdnum: its USCC validator demands
eight leading digits and so refuses the codes of village collectives (N…),
and its resident-ID validator refuses numbers whose region code is missing
from its bundled table. Both checks here follow the standards directly.
"""

import datetime

from django.core.exceptions import ValidationError
from django.utils.translation import gettext_lazy as _

# GB 32100-2015: the code's alphabet omits I, O, S, V and Z.
CREDIT_CODE_ALPHABET = "0123456789ABCDEFGHJKLMNPQRTUWXY"
CREDIT_CODE_WEIGHTS = (1, 3, 9, 27, 19, 26, 16, 17, 20, 29, 25, 13, 8, 24, 10, 30, 28)
# First character: the registration authority (1–9 departments, A/N/Y others;
# N is the agriculture authority, which registers village collectives).
CREDIT_CODE_AUTHORITIES = "123456789ANY"

# GB 11643-1999: ISO 7064 MOD 11-2 over the first 17 digits.
ID_NUMBER_WEIGHTS = (7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2)
ID_NUMBER_CHECK_CHARACTERS = "10X98765432"


def credit_code_check_character(body: str) -> str:
    total = sum(CREDIT_CODE_ALPHABET.index(c) * w for c, w in zip(body, CREDIT_CODE_WEIGHTS, strict=True))
    return CREDIT_CODE_ALPHABET[(31 - total % 31) % 31]


def validate_credit_code(value: str) -> None:
    """Validate a unified social credit code (统一社会信用代码, GB 32100)."""
    code = value.upper()
    if len(code) != 18:
        raise ValidationError(
            _("A unified social credit code has 18 characters; this one has %(length)d."),
            code="credit_code_length",
            params={"length": len(code)},
        )
    bad = [c for c in code if c not in CREDIT_CODE_ALPHABET]
    if bad:
        raise ValidationError(
            _("A unified social credit code cannot contain “%(character)s”."),
            code="credit_code_character",
            params={"character": bad[0]},
        )
    if code[0] not in CREDIT_CODE_AUTHORITIES:
        raise ValidationError(
            _("A unified social credit code starts with 1–9, A, N or Y, not “%(character)s”."),
            code="credit_code_authority",
            params={"character": code[0]},
        )
    if credit_code_check_character(code[:17]) != code[17]:
        raise ValidationError(
            _("The check character of this unified social credit code is wrong."),
            code="credit_code_checksum",
        )


# What a Chinese input method types for the digits and the check character X:
# full-width forms (０–９, Ｘ, ｘ) and a lower-case x are the same number.
_ID_NUMBER_FORMS = str.maketrans({**{chr(0xFF10 + d): str(d) for d in range(10)}, "Ｘ": "X", "ｘ": "X", "x": "X"})
ASCII_DIGITS = "0123456789"


def normalise_id_number(value: str) -> str:
    """The resident ID number as stored and compared: ASCII digits and a capital X, no surrounding blanks.

    Only the forms above are translated; any other character is left for
    `validate_id_number` to refuse (a superscript ² is not a 2).
    """
    return (value or "").strip().translate(_ID_NUMBER_FORMS)


def id_number_check_character(body: str) -> str:
    return ID_NUMBER_CHECK_CHARACTERS[sum(int(c) * w for c, w in zip(body, ID_NUMBER_WEIGHTS, strict=True)) % 11]


def birth_date_from_id_number(value: str) -> datetime.date:
    return datetime.date(int(value[6:10]), int(value[10:12]), int(value[12:14]))


def validate_id_number(value: str) -> None:
    """Validate an 18-character resident identity number (居民身份证号码, GB 11643), after normalisation."""
    foreign = [c for c in value if not c.isascii()]
    if foreign:
        raise ValidationError(
            _("A resident ID number cannot contain “%(character)s”: type ASCII digits and X."),
            code="id_number_character",
            params={"character": foreign[0]},
        )
    if len(value) != 18:
        raise ValidationError(
            _("A resident ID number has 18 characters; this one has %(length)d."),
            code="id_number_length",
            params={"length": len(value)},
        )
    if any(c not in ASCII_DIGITS for c in value[:17]) or value[17] not in f"{ASCII_DIGITS}X":
        raise ValidationError(
            _("A resident ID number is 17 digits followed by a digit or a capital X."),
            code="id_number_format",
        )
    try:
        birth_date = birth_date_from_id_number(value)
    except ValueError:
        raise ValidationError(
            _("The birth date in this resident ID number does not exist."), code="id_number_birth_date"
        ) from None
    if birth_date.year < 1900 or birth_date > datetime.date.today():
        raise ValidationError(
            _("The birth date in this resident ID number is not plausible."), code="id_number_birth_date"
        )
    if id_number_check_character(value[:17]) != value[17]:
        raise ValidationError(_("The check digit of this resident ID number is wrong."), code="id_number_checksum")
