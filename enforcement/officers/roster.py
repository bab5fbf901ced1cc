"""The staff roster in Excel (.xlsx): import, template and export.

An import first checks every row and reports every bad row with its row
number and reason; it writes nothing unless the whole file is good, or unless
the user explicitly asks to import only the good rows. Reading and writing
stream (openpyxl read-only / write-only), so a roster of ten thousand rows
keeps memory flat.
"""

from __future__ import annotations

import datetime
import io
import zipfile
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field
from typing import IO

from django.core.exceptions import ValidationError
from django.db import transaction
from django.db.models import QuerySet
from django.utils.translation import gettext as _
from openpyxl import Workbook, load_workbook
from openpyxl.utils.exceptions import InvalidFileException
from simple_history.utils import bulk_create_with_history, bulk_update_with_history

from enforcement.agencies.models import Agency
from enforcement.agencies.validators import validate_id_number
from enforcement.officers.models.certificate import Certificate, CertificateKind
from enforcement.officers.models.officer import Officer

# Column header → attribute. The first eight are required in the header row.
REQUIRED_COLUMNS = {
    "姓名": "name",
    "身份证号": "id_number",
    "单位": "agency",
    "职务": "position",
    "执法证号": "number",
    "发证机关": "issuing_authority",
    "发证日期": "issued_on",
    "有效期至": "valid_until",
}
OPTIONAL_COLUMNS = {
    "证件类型": "kind",
    "执法领域": "fields",
    "执法区域": "area",
    "领导干部": "is_leader",
}
COLUMNS = {**REQUIRED_COLUMNS, **OPTIONAL_COLUMNS}
KIND_BY_LABEL = {"行政执法证": CertificateKind.ENFORCEMENT, "行政执法监督证": CertificateKind.SUPERVISION}
LABEL_BY_KIND = {kind: label for label, kind in KIND_BY_LABEL.items()}
YES, NO = "是", "否"
DATE_FORMATS = ("%Y-%m-%d", "%Y/%m/%d", "%Y.%m.%d", "%Y年%m月%d日", "%Y%m%d")
# Lookups in chunks keep each IN list below every database's parameter limit.
CHUNK = 900
FORMULA_STARTS = ("=", "+", "-", "@")


class RosterFileError(Exception):
    """The file as a whole cannot be read as a roster."""


class RosterRejected(Exception):
    """The roster has bad rows and the user did not ask to skip them."""

    def __init__(self, errors: list[RowError]):
        super().__init__(_("%(count)d rows of the roster are wrong; nothing was imported.") % {"count": len(errors)})
        self.errors = errors


@dataclass(frozen=True)
class RowError:
    row: int
    message: str

    def __str__(self) -> str:
        return _("Row %(row)d: %(message)s") % {"row": self.row, "message": self.message}


@dataclass
class RosterRow:
    row: int
    name: str
    id_number: str
    agency: Agency
    position: str
    number: str
    issuing_authority: str
    issued_on: datetime.date | None
    valid_until: datetime.date | None
    kind: str
    fields: str
    area: str
    is_leader: bool | None


@dataclass
class RosterCheck:
    """The outcome of reading a roster: the good rows and every bad row's reason."""

    rows: list[RosterRow] = field(default_factory=list)
    errors: list[RowError] = field(default_factory=list)

    @property
    def is_clean(self) -> bool:
        return not self.errors

    @property
    def row_count(self) -> int:
        return len(self.rows) + len({error.row for error in self.errors})


@dataclass(frozen=True)
class RosterImport:
    officers_created: int
    officers_updated: int
    certificates_created: int
    certificates_updated: int
    rows_skipped: int


def _text(value) -> str:
    if value is None:
        return ""
    if isinstance(value, float) and value.is_integer():
        value = int(value)
    return str(value).strip()


def _date(value, label: str, problems: list[str]) -> datetime.date | None:
    if value in (None, ""):
        return None
    if isinstance(value, datetime.datetime):
        return value.date()
    if isinstance(value, datetime.date):
        return value
    text = _text(value)
    for date_format in DATE_FORMATS:
        try:
            return datetime.datetime.strptime(text, date_format).date()
        except ValueError:
            continue
    problems.append(
        _("%(column)s “%(value)s” is not a date (write it as 2024-01-31).") % {"column": label, "value": text}
    )
    return None


def _chunks(values: list[str]) -> Iterator[list[str]]:
    for start in range(0, len(values), CHUNK):
        yield values[start : start + CHUNK]


def _open_rows(file: IO[bytes]) -> tuple[Workbook, Iterator[tuple]]:
    try:
        workbook = load_workbook(file, read_only=True, data_only=True)
    except (InvalidFileException, zipfile.BadZipFile, KeyError, OSError, ValueError, TypeError) as error:
        raise RosterFileError(
            _("The file is not an Excel workbook (.xlsx) or it is damaged; save it as .xlsx and try again.")
        ) from error
    return workbook, workbook.worksheets[0].iter_rows(values_only=True)


def _header_positions(header: tuple | None) -> dict[str, int]:
    names = [_text(cell) for cell in header or ()]
    missing = [column for column in REQUIRED_COLUMNS if column not in names]
    if missing:
        raise RosterFileError(
            _("The first row must hold the column headers; missing: %(columns)s.") % {"columns": "、".join(missing)}
        )
    return {COLUMNS[name]: index for index, name in enumerate(names) if name in COLUMNS}


class _RowReader:
    """Turns one worksheet row into a RosterRow, or into the reasons it is wrong."""

    def __init__(self, positions: dict[str, int], agencies: QuerySet[Agency]):
        self.positions = positions
        self.agencies: dict[str, Agency | None] = {}
        for agency in agencies:
            # Two agencies of the same name cannot be told apart by name.
            self.agencies[agency.name] = None if agency.name in self.agencies else agency

    def value(self, cells: tuple, attribute: str):
        index = self.positions.get(attribute)
        return cells[index] if index is not None and index < len(cells) else None

    def read(self, row_number: int, cells: tuple) -> RosterRow | list[str]:
        problems: list[str] = []
        name = _text(self.value(cells, "name"))
        if not name:
            problems.append(_("姓名 is empty."))
        raw_id = self.value(cells, "id_number")
        id_number = _text(raw_id).upper()
        if isinstance(raw_id, int | float):
            problems.append(_("身份证号 is stored as a number and has lost digits; format the column as text."))
        else:
            try:
                validate_id_number(id_number)
            except ValidationError as error:
                problems.append(_("身份证号: %(reason)s") % {"reason": " ".join(error.messages)})
        agency_name = _text(self.value(cells, "agency"))
        agency = self.agencies.get(agency_name)
        if not agency_name:
            problems.append(_("单位 is empty."))
        elif agency is None:
            problems.append(
                _("单位 “%(name)s” is not an agency you manage, or more than one has this name.")
                % {"name": agency_name}
            )
        number = _text(self.value(cells, "number"))
        issuing_authority = _text(self.value(cells, "issuing_authority"))
        issued_on = _date(self.value(cells, "issued_on"), "发证日期", problems)
        valid_until = _date(self.value(cells, "valid_until"), "有效期至", problems)
        kind_label = _text(self.value(cells, "kind")) or LABEL_BY_KIND[CertificateKind.ENFORCEMENT]
        if kind_label not in KIND_BY_LABEL:
            problems.append(_("证件类型 must be 行政执法证 or 行政执法监督证."))
        if number:
            if not issuing_authority:
                problems.append(_("发证机关 is empty although 执法证号 is given."))
            if issued_on is None or valid_until is None:
                problems.append(_("发证日期 and 有效期至 are required when 执法证号 is given."))
            elif valid_until <= issued_on:
                problems.append(_("有效期至 must be after 发证日期."))
        leader = _text(self.value(cells, "is_leader"))
        if leader not in ("", YES, NO):
            problems.append(_("领导干部 must be 是 or 否."))
        if problems:
            return problems
        return RosterRow(
            row=row_number,
            name=name,
            id_number=id_number,
            agency=agency,
            position=_text(self.value(cells, "position")),
            number=number,
            issuing_authority=issuing_authority,
            issued_on=issued_on,
            valid_until=valid_until,
            kind=KIND_BY_LABEL.get(kind_label, CertificateKind.ENFORCEMENT),
            fields=_text(self.value(cells, "fields")),
            area=_text(self.value(cells, "area")),
            is_leader=None if not leader else leader == YES,
        )


def read_roster(file: IO[bytes], *, agencies: QuerySet[Agency]) -> RosterCheck:
    """Check every row of a roster; units (单位) are matched by name among `agencies`."""
    workbook, rows = _open_rows(file)
    try:
        positions = _header_positions(next(rows, None))
        reader = _RowReader(positions, agencies)
        check = RosterCheck()
        seen_numbers: dict[str, int] = {}
        for row_number, cells in enumerate(rows, start=2):
            if not any(_text(cell) for cell in cells):
                continue
            result = reader.read(row_number, cells)
            if isinstance(result, list):
                check.errors.append(RowError(row_number, " ".join(result)))
            elif result.number and result.number in seen_numbers:
                message = _("执法证号 %(number)s already appears in row %(row)d.")
                check.errors.append(
                    RowError(row_number, message % {"number": result.number, "row": seen_numbers[result.number]})
                )
            else:
                if result.number:
                    seen_numbers[result.number] = row_number
                check.rows.append(result)
    except zipfile.BadZipFile as error:
        raise RosterFileError(_("The file is damaged; save it again as .xlsx and try again.")) from error
    finally:
        workbook.close()
    _check_against_database(check, agencies)
    check.errors.sort(key=lambda error: error.row)
    return check


def _check_against_database(check: RosterCheck, agencies: QuerySet[Agency]) -> None:
    """Refuse rows that would take over a person or a certificate outside the importer's agencies."""
    in_scope = {agency.pk for agency in agencies}
    id_numbers = sorted({row.id_number for row in check.rows})
    agency_of_person: dict[str, int] = {}
    for chunk in _chunks(id_numbers):
        agency_of_person.update(Officer.objects.filter(id_number__in=chunk).values_list("id_number", "agency_id"))
    numbers = sorted({row.number for row in check.rows if row.number})
    holder_of_number: dict[str, str] = {}
    for chunk in _chunks(numbers):
        holder_of_number.update(
            Certificate.objects.filter(number__in=chunk).values_list("number", "officer__id_number")
        )
    good = []
    for row in check.rows:
        if row.id_number in agency_of_person and agency_of_person[row.id_number] not in in_scope:
            check.errors.append(RowError(row.row, _("This person is on the roster of an agency you do not manage.")))
        elif row.number in holder_of_number and holder_of_number[row.number] != row.id_number:
            check.errors.append(
                RowError(row.row, _("执法证号 %(number)s belongs to another person.") % {"number": row.number})
            )
        else:
            good.append(row)
    check.rows = good


def _officers_by_id_number(id_numbers: list[str]) -> dict[str, Officer]:
    officers: dict[str, Officer] = {}
    for chunk in _chunks(id_numbers):
        officers.update({officer.id_number: officer for officer in Officer.objects.filter(id_number__in=chunk)})
    return officers


def _validated(instance, exclude: list[str]):
    # Uniqueness and foreign keys were checked in bulk above; per-row
    # database look-ups would make a large roster crawl.
    instance.full_clean(exclude=exclude, validate_unique=False, validate_constraints=False)
    return instance


@transaction.atomic
def import_roster(check: RosterCheck, *, skip_bad_rows: bool = False, user=None) -> RosterImport:
    """Write a checked roster: officers by ID number, certificates by number, in one transaction."""
    if check.errors and not skip_bad_rows:
        raise RosterRejected(check.errors)
    last_row_of_person = {row.id_number: row for row in check.rows}
    holders = {row.id_number for row in check.rows if row.number}
    existing = _officers_by_id_number(sorted(last_row_of_person))
    new_officers, changed_officers = [], []
    for id_number, row in last_row_of_person.items():
        officer = existing.get(id_number) or Officer(id_number=id_number)
        officer.name, officer.agency, officer.position = row.name, row.agency, row.position
        if row.is_leader is not None:
            officer.is_leader = row.is_leader
        officer.is_enforcement_officer = officer.is_enforcement_officer or id_number in holders
        _validated(officer, exclude=["agency"])
        (changed_officers if officer.pk else new_officers).append(officer)
    bulk_create_with_history(new_officers, Officer, batch_size=500, default_user=user)
    bulk_update_with_history(
        changed_officers,
        Officer,
        ["name", "agency", "position", "is_leader", "is_enforcement_officer"],
        batch_size=500,
        default_user=user,
    )
    officers = _officers_by_id_number(sorted(last_row_of_person))
    certificate_rows = [row for row in check.rows if row.number]
    existing_certificates: dict[str, Certificate] = {}
    for chunk in _chunks([row.number for row in certificate_rows]):
        existing_certificates.update(
            {certificate.number: certificate for certificate in Certificate.objects.filter(number__in=chunk)}
        )
    new_certificates, changed_certificates = [], []
    for row in certificate_rows:
        certificate = existing_certificates.get(row.number) or Certificate(number=row.number)
        certificate.officer = officers[row.id_number]
        certificate.kind, certificate.issuing_authority = row.kind, row.issuing_authority
        certificate.fields, certificate.area = row.fields, row.area
        certificate.issued_on, certificate.valid_until = row.issued_on, row.valid_until
        _validated(certificate, exclude=["officer", "replaces"])
        (changed_certificates if certificate.pk else new_certificates).append(certificate)
    bulk_create_with_history(new_certificates, Certificate, batch_size=500, default_user=user)
    bulk_update_with_history(
        changed_certificates,
        Certificate,
        ["officer", "kind", "issuing_authority", "fields", "area", "issued_on", "valid_until"],
        batch_size=500,
        default_user=user,
    )
    return RosterImport(
        officers_created=len(new_officers),
        officers_updated=len(changed_officers),
        certificates_created=len(new_certificates),
        certificates_updated=len(changed_certificates),
        rows_skipped=len({error.row for error in check.errors}),
    )


def escape_formula(value):
    """A cell never starts a formula: text beginning with = + - @ gets a leading apostrophe."""
    if isinstance(value, str) and value.startswith(FORMULA_STARTS):
        return "'" + value
    return value


def _workbook_bytes(rows: Iterable[Iterable]) -> bytes:
    workbook = Workbook(write_only=True)
    sheet = workbook.create_sheet(_("Roster"))
    for row in rows:
        sheet.append([escape_formula(value) for value in row])
    buffer = io.BytesIO()
    workbook.save(buffer)
    return buffer.getvalue()


def roster_template() -> bytes:
    """An empty roster with every column header, to download and fill in."""
    return _workbook_bytes([list(COLUMNS)])


def roster_rows(pairs: Iterable[tuple[Officer, Certificate | None]]) -> Iterator[list]:
    yield list(COLUMNS)
    for officer, certificate in pairs:
        yield [
            officer.name,
            officer.id_number,
            officer.agency.name,
            officer.position,
            certificate.number if certificate else "",
            certificate.issuing_authority if certificate else "",
            certificate.issued_on if certificate else None,
            certificate.valid_until if certificate else None,
            LABEL_BY_KIND[certificate.kind] if certificate else "",
            certificate.fields if certificate else officer.enforcement_fields,
            certificate.area if certificate else "",
            YES if officer.is_leader else NO,
        ]


def export_roster(pairs: Iterable[tuple[Officer, Certificate | None]]) -> bytes:
    """The roster columns for (officer, certificate) pairs; an officer without certificate has one row."""
    return _workbook_bytes(roster_rows(pairs))


def officer_pairs(officers: QuerySet[Officer]) -> Iterator[tuple[Officer, Certificate | None]]:
    for officer in officers.select_related("agency").prefetch_related("certificates"):
        certificates = list(officer.certificates.all())
        if not certificates:
            yield officer, None
        for certificate in certificates:
            yield officer, certificate


def certificate_pairs(certificates: QuerySet[Certificate]) -> Iterator[tuple[Officer, Certificate | None]]:
    for certificate in certificates.select_related("officer__agency"):
        yield certificate.officer, certificate
