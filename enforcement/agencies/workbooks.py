"""Writing workbooks: a text is always a text cell, never a formula, and holds only what XML can carry.

An agency or person named "=HYPERLINK(...)" stays that text when the file is
opened, with no visible escape character that would survive a re-import; a
control character stored before input was checked is dropped instead of
making the whole file fail to save.
"""

from __future__ import annotations

from openpyxl.cell import WriteOnlyCell
from openpyxl.cell.cell import Cell
from openpyxl.worksheet.worksheet import Worksheet

from enforcement.agencies.text import printable


def _as_text(cell: Cell, value) -> Cell:
    if isinstance(value, str):
        cell.value = printable(value)
        # Set after the value: openpyxl would otherwise read "=…" as a formula.
        cell.data_type = "s"
    else:
        cell.value = value
    return cell


def write_cell(sheet: Worksheet, row: int, column: int, value) -> Cell:
    """Put `value` at (row, column) of an ordinary sheet, text as text."""
    return _as_text(sheet.cell(row=row, column=column), value)


def text_cells(sheet, values) -> list[WriteOnlyCell]:
    """A row for a write-only sheet's `append`, text as text."""
    return [_as_text(WriteOnlyCell(sheet), value) for value in values]
