"""The one spreadsheet importer: an .xlsx sheet read by its Chinese headers, every bad row collected.

Every import (the roster, exam results, the activity log) reads through here:
the upload is bounded before it is parsed (file size, uncompressed size,
rows, columns, parsing time — all settings), the sheet is streamed
(openpyxl read-only mode), each cell is read by one parser per kind of value,
and each bad row is reported with its row number and reason. Nothing is
written unless the whole file is good, or the user explicitly asks for the
good rows alone.
"""

from __future__ import annotations

import datetime
import functools
import time
import zipfile
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass, field
from decimal import Decimal, InvalidOperation
from typing import IO, Any, Generic, TypeVar

from django.conf import settings
from django.core.exceptions import ValidationError
from django.core.files.storage import default_storage
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _
from openpyxl import load_workbook
from openpyxl.utils.exceptions import InvalidFileException

Row = TypeVar("Row")

# The first data row of a sheet whose row 1 holds the headers.
FIRST_DATA_ROW = 2
# Where an upload waits between its check and the user's confirmation.
UPLOADS = "imports/"

YES_WORDS = frozenset({"是", "有", "缺考", "y", "yes", "true", "1", "√", "✓"})
NO_WORDS = frozenset({"", "否", "无", "n", "no", "false", "0", "×"})
DATE_FORMATS = ("%Y-%m-%d", "%Y/%m/%d", "%Y.%m.%d", "%Y年%m月%d日", "%Y%m%d")
# Characters with which a spreadsheet program starts a formula; an export
# writes such text as a text cell, older ones with a protecting apostrophe.
FORMULA_STARTS = ("=", "+", "-", "@")


class SpreadsheetError(Exception):
    """The file as a whole cannot be read: not a workbook, too large, or without the needed headers."""

    def __init__(self, message: str, *, row: int = 0):
        super().__init__(message)
        # The row at fault: 1 for the header row, 0 for the file as a whole.
        self.row = row


@dataclass(frozen=True)
class RowError:
    """Why one row (0: the file as a whole) cannot be imported."""

    row: int
    message: str

    def __str__(self) -> str:
        return _("Row %(row)d: %(message)s") % {"row": self.row, "message": self.message}


@dataclass
class SheetCheck(Generic[Row]):
    """The outcome of reading a sheet: the good rows with their numbers, every bad row, what was written."""

    rows: list[tuple[int, Row]] = field(default_factory=list)
    errors: list[RowError] = field(default_factory=list)
    written: int = 0

    @property
    def is_clean(self) -> bool:
        return not self.errors

    @property
    def bad_row_count(self) -> int:
        return len({error.row for error in self.errors})


@dataclass(frozen=True)
class Column:
    """A sheet column: its header, the key a row is read by, whether the header row must have it."""

    header: str
    key: str
    required: bool = False


@dataclass(frozen=True)
class Limits:
    """How large an upload may be before anything reads it (settings LAWGOV_IMPORT_*)."""

    max_bytes: int
    max_uncompressed_bytes: int
    max_rows: int
    max_columns: int
    max_seconds: float

    @classmethod
    def from_settings(cls) -> Limits:
        return cls(**settings.LAWGOV["IMPORT_LIMITS"])


def _megabytes(size: int) -> str:
    return f"{size / 1_000_000:.0f} MB"


def check_size(file: IO[bytes], limits: Limits) -> None:
    """Refuse a file whose size or unpacked size is over the limits, before parsing it.

    An .xlsx is a zip: a small file can unpack into gigabytes (a sheet of
    millions of rows, a huge shared-strings part), so the zip's own table of
    contents is checked first.
    """
    file.seek(0, 2)
    size = file.tell()
    file.seek(0)
    if size > limits.max_bytes:
        raise SpreadsheetError(
            _("The file is %(size)s; at most %(limit)s can be imported at once.")
            % {"size": _megabytes(size), "limit": _megabytes(limits.max_bytes)}
        )
    try:
        with zipfile.ZipFile(file) as archive:
            unpacked = sum(member.file_size for member in archive.infolist())
    except (zipfile.BadZipFile, OSError, ValueError) as error:
        raise SpreadsheetError(
            _("The file is not an Excel workbook (.xlsx) or it is damaged; save it as .xlsx and try again.")
        ) from error
    finally:
        file.seek(0)
    if unpacked > limits.max_uncompressed_bytes:
        raise SpreadsheetError(
            _("The workbook unpacks to %(size)s; at most %(limit)s can be imported at once.")
            % {"size": _megabytes(unpacked), "limit": _megabytes(limits.max_uncompressed_bytes)}
        )


def read_rows(
    file: IO[bytes], columns: Iterable[Column], *, limits: Limits | None = None
) -> Iterator[tuple[int, dict[str, Any]]]:
    """The non-empty rows of the first sheet as (row number, {key: cell value}), streamed.

    Raises SpreadsheetError for the file as a whole: not a workbook, over a
    limit, or a required header missing.
    """
    limits = limits or Limits.from_settings()
    columns = list(columns)
    check_size(file, limits)
    try:
        workbook = load_workbook(file, read_only=True, data_only=True)
    except (InvalidFileException, zipfile.BadZipFile, KeyError, OSError, ValueError, TypeError) as error:
        raise SpreadsheetError(
            _("The file is not an Excel workbook (.xlsx) or it is damaged; save it as .xlsx and try again.")
        ) from error
    started = time.monotonic()
    try:
        if not workbook.worksheets:
            raise SpreadsheetError(_("The workbook has no sheet."))
        # Cells past one more than the limit are never built, however wide a row claims to be.
        lines = workbook.worksheets[0].iter_rows(values_only=True, max_col=limits.max_columns + 1)
        headers = [as_text(cell) for cell in next(lines, ())]
        while headers and headers[-1] == "":
            headers.pop()
        if len(headers) > limits.max_columns:
            raise SpreadsheetError(_("The sheet has more than %(count)d columns.") % {"count": limits.max_columns})
        missing = [column.header for column in columns if column.required and column.header not in headers]
        if missing:
            raise SpreadsheetError(
                _("The first row must hold the column headers; missing: %(columns)s.")
                % {"columns": "、".join(missing)},
                row=1,
            )
        positions = {column.key: headers.index(column.header) for column in columns if column.header in headers}
        for number, cells in enumerate(lines, start=FIRST_DATA_ROW):
            if number > limits.max_rows + 1:
                raise SpreadsheetError(
                    _("The sheet has more than %(count)d rows; split it into several files.")
                    % {"count": limits.max_rows}
                )
            if time.monotonic() - started > limits.max_seconds:
                raise SpreadsheetError(_("The file took too long to read; split it into several files."))
            if all(cell is None or as_text(cell) == "" for cell in cells):
                continue
            yield number, {key: cells[index] if index < len(cells) else None for key, index in positions.items()}
    except zipfile.BadZipFile as error:
        raise SpreadsheetError(_("The file is damaged; save it again as .xlsx and try again.")) from error
    finally:
        workbook.close()


def error_messages(error: ValidationError) -> list[str]:
    """A ValidationError as sentences, each naming its field."""
    if not hasattr(error, "error_dict"):
        return list(error.messages)
    return [
        f"{name}: {message}" if name != "__all__" else message
        for name, messages in error.message_dict.items()
        for message in messages
    ]


def import_sheet(
    file: IO[bytes],
    *,
    columns: Iterable[Column],
    validate: Callable[[dict[str, Any]], Row],
    save: Callable[[Row], object],
    commit: bool,
    limits: Limits | None = None,
) -> SheetCheck[Row]:
    """Validate every row; write them all (atomically) only if `commit` and no row is bad.

    `validate` turns a row's cells into something `save` can write, or raises
    ValidationError; `save` may also raise it (a database rule), which undoes
    every row written before.
    """
    columns = list(columns)
    outcome: SheetCheck[Row] = SheetCheck()
    required = [column for column in columns if column.required]
    try:
        for number, values in read_rows(file, columns, limits=limits):
            values = {key: as_text(value) if isinstance(value, str) else value for key, value in values.items()}
            empty = [column.header for column in required if values.get(column.key) in (None, "")]
            if empty:
                outcome.errors.append(RowError(number, _("Empty: %(headers)s.") % {"headers": "、".join(empty)}))
                continue
            try:
                outcome.rows.append((number, validate(values)))
            except ValidationError as error:
                outcome.errors.extend(RowError(number, message) for message in error_messages(error))
    except SpreadsheetError as error:
        return SheetCheck(errors=[RowError(error.row, str(error))])
    if not outcome.rows and not outcome.errors:
        outcome.errors.append(RowError(0, _("The sheet has no rows.")))
    if not commit or outcome.errors:
        return outcome
    try:
        with transaction.atomic():
            for number, row in outcome.rows:
                try:
                    save(row)
                except ValidationError as error:
                    outcome.errors.extend(RowError(number, message) for message in error_messages(error))
                    raise
    except ValidationError:
        return outcome
    outcome.written = len(outcome.rows)
    return outcome


def delete_stale_uploads(*, older_than: datetime.timedelta | None = None) -> int:
    """Delete uploads never confirmed (kept a day by default); answers how many went."""
    older_than = older_than or datetime.timedelta(days=1)
    if not default_storage.exists(UPLOADS):
        return 0
    cutoff = timezone.now() - older_than
    deleted = 0
    for name in default_storage.listdir(UPLOADS)[1]:
        path = f"{UPLOADS}{name}"
        if default_storage.get_modified_time(path) < cutoff:
            default_storage.delete(path)
            deleted += 1
    return deleted


# Cell readers: one per kind of value, each naming the column in its message.


def as_text(value: Any) -> str:
    """A cell as trimmed text; whole numbers without ".0", and an export's formula guard removed."""
    if value is None:
        return ""
    if isinstance(value, float) and value.is_integer():
        value = int(value)
    text = str(value).strip()
    if text.startswith("'") and text[1:2] in FORMULA_STARTS:
        return text[1:]
    return text


def as_decimal(value: Any, header: str) -> Decimal:
    try:
        return Decimal(as_text(value))
    except (InvalidOperation, ValueError):
        raise ValidationError(
            _("%(header)s: %(value)s is not a number.") % {"header": header, "value": value}
        ) from None


def as_count(value: Any, header: str) -> int:
    if value in (None, ""):
        return 0
    number = as_decimal(value, header)
    if number != number.to_integral_value():
        raise ValidationError(_("%(header)s: %(value)s is not a whole number.") % {"header": header, "value": value})
    return int(number)


def as_date(value: Any, header: str) -> datetime.date | None:
    """A date cell, or a date written as 2024-01-31, 2024/1/31, 2024.1.31, 2024年1月31日 or 20240131."""
    if value in (None, ""):
        return None
    if isinstance(value, datetime.datetime):
        return value.date()
    if isinstance(value, datetime.date):
        return value
    text = as_text(value)
    date = _date_from_text(text)
    if date is None:
        raise ValidationError(
            _("%(header)s: “%(value)s” is not a date (write it as 2024-01-31).") % {"header": header, "value": text}
        )
    return date


# A sheet repeats a few dates thousands of times, and strptime is slow.
@functools.lru_cache(maxsize=4096)
def _date_from_text(text: str) -> datetime.date | None:
    for date_format in DATE_FORMATS:
        try:
            return datetime.datetime.strptime(text, date_format).date()
        except ValueError:
            continue
    return None


def as_flag(value: Any, header: str) -> bool | None:
    """是 or 否 (also yes/no, 1/0, √); None for an empty cell."""
    text = as_text(value).lower()
    if text == "":
        return None
    if text in YES_WORDS:
        return True
    if text in NO_WORDS:
        return False
    raise ValidationError(_("%(header)s: write 是 or 否, not %(value)s.") % {"header": header, "value": value})


def as_names(value: Any) -> list[str]:
    """A cell listing several names: 悬挂横幅、法律咨询 (also commas or semicolons)."""
    text = as_text(value)
    for separator in ",，;；/":
        text = text.replace(separator, "、")
    return [name.strip() for name in text.split("、") if name.strip()]
