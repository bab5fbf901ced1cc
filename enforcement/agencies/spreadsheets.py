"""Reading an .xlsx sheet by its Chinese headers, row by row, collecting every bad row.

One helper for every import of the training app (exam results, the activity
log): a file is validated whole, each bad row is reported with its row number
and reason, and nothing is written unless the user confirms a clean file —
then all rows are written in one transaction.
"""

from __future__ import annotations

import datetime
import zipfile
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from decimal import Decimal, InvalidOperation
from typing import Any, Generic, TypeVar

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils.translation import gettext as _
from openpyxl import load_workbook
from openpyxl.utils.exceptions import InvalidFileException

Row = TypeVar("Row")

# The first data row of a sheet whose row 1 holds the headers.
FIRST_DATA_ROW = 2

YES_WORDS = {"是", "缺考", "y", "yes", "true", "1", "√", "✓"}
NO_WORDS = {"", "否", "n", "no", "false", "0"}


@dataclass(frozen=True)
class Column:
    """A sheet column: its header, the key the row validator reads, whether it must hold a value."""

    header: str
    key: str
    required: bool = False


@dataclass(frozen=True)
class RowError:
    row: int
    message: str


@dataclass
class SheetImport(Generic[Row]):
    """The outcome of reading a sheet: the good rows, every bad row, whether anything was written."""

    rows: list[tuple[int, Row]] = field(default_factory=list)
    errors: list[RowError] = field(default_factory=list)
    written: int = 0

    @property
    def is_clean(self) -> bool:
        return not self.errors


def error_messages(error: ValidationError) -> list[str]:
    """A ValidationError as sentences, each naming its field."""
    if not hasattr(error, "error_dict"):
        return list(error.messages)
    return [
        f"{name}: {message}" if name != "__all__" else message
        for name, messages in error.message_dict.items()
        for message in messages
    ]


def read_sheet(file, columns: Iterable[Column]) -> tuple[list[tuple[int, dict[str, Any]]], list[RowError]]:
    """The non-empty rows of the first sheet as {key: cell value}, with their row numbers."""
    columns = list(columns)
    try:
        workbook = load_workbook(file, read_only=True, data_only=True)
    except (InvalidFileException, zipfile.BadZipFile, OSError, KeyError, ValueError):
        return [], [RowError(0, _("The file is not an Excel workbook (.xlsx)."))]
    try:
        sheet = workbook.worksheets[0]
        lines = sheet.iter_rows(values_only=True)
        headers = [str(cell).strip() if cell is not None else "" for cell in next(lines, ())]
        missing = [column.header for column in columns if column.required and column.header not in headers]
        if missing:
            return [], [RowError(1, _("Missing columns: %(headers)s.") % {"headers": "、".join(missing)})]
        positions = {column.key: headers.index(column.header) for column in columns if column.header in headers}
        rows = []
        for number, cells in enumerate(lines, start=FIRST_DATA_ROW):
            if all(cell is None or str(cell).strip() == "" for cell in cells):
                continue
            values = {key: cells[index] if index < len(cells) else None for key, index in positions.items()}
            rows.append((number, {key: text_or_value(value) for key, value in values.items()}))
        return rows, []
    finally:
        workbook.close()


def text_or_value(value: Any) -> Any:
    return value.strip() if isinstance(value, str) else value


def import_sheet(
    file,
    *,
    columns: Iterable[Column],
    validate: Callable[[dict[str, Any]], Row],
    save: Callable[[Row], object],
    commit: bool,
) -> SheetImport[Row]:
    """Validate every row; write them all (atomically) only if `commit` and no row is bad.

    `validate` turns a row's cells into something `save` can write, or raises
    ValidationError; `save` may also raise it (a database rule), which undoes
    every row written before.
    """
    columns = list(columns)
    cells, errors = read_sheet(file, columns)
    outcome: SheetImport[Row] = SheetImport(errors=errors)
    required = [column for column in columns if column.required]
    for number, values in cells:
        empty = [column.header for column in required if values.get(column.key) in (None, "")]
        if empty:
            outcome.errors.append(RowError(number, _("Empty: %(headers)s.") % {"headers": "、".join(empty)}))
            continue
        try:
            outcome.rows.append((number, validate(values)))
        except ValidationError as error:
            outcome.errors.extend(RowError(number, message) for message in error_messages(error))
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


# Cell readers: each names the column in its message.


def as_decimal(value: Any, header: str) -> Decimal:
    try:
        return Decimal(str(value).strip())
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


def as_date(value: Any, header: str) -> datetime.date:
    if isinstance(value, datetime.datetime):
        return value.date()
    if isinstance(value, datetime.date):
        return value
    text = str(value).strip().replace("/", "-").replace(".", "-")
    try:
        return datetime.date.fromisoformat(text)
    except ValueError:
        raise ValidationError(
            _("%(header)s: %(value)s is not a date (write it as 2024-12-04).") % {"header": header, "value": value}
        ) from None


def as_flag(value: Any, header: str) -> bool:
    text = "" if value is None else str(value).strip().lower()
    if text in YES_WORDS:
        return True
    if text in NO_WORDS:
        return False
    raise ValidationError(_("%(header)s: write 是 or 否, not %(value)s.") % {"header": header, "value": value})


def as_names(value: Any) -> list[str]:
    """A cell listing several names: 悬挂横幅、法律咨询 (also commas or semicolons)."""
    text = "" if value is None else str(value)
    for separator in ",，;；/":
        text = text.replace(separator, "、")
    return [name.strip() for name in text.split("、") if name.strip()]
