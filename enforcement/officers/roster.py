"""The staff roster in Excel (.xlsx): import, template and export.

An import first checks every row and reports every bad row with its row
number and reason; it writes nothing unless the whole file is good, or unless
the user explicitly asks to import only the good rows. Reading goes through
the one spreadsheet importer (bounded, streamed); writing streams too
(openpyxl write-only), so a roster of ten thousand rows keeps memory flat.
"""

from __future__ import annotations

import datetime
import io
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field
from typing import IO

from django.core.exceptions import ValidationError
from django.db import transaction
from django.db.models import QuerySet
from django.utils.translation import gettext as _
from openpyxl import Workbook
from simple_history.utils import bulk_update_with_history

from enforcement.agencies.bulk_writes import create_with_history
from enforcement.agencies.enforcement_fields import (
    JOINER,
    EnforcementField,
    UnknownFieldNames,
    all_fields_by_name,
    field_names,
    fields_named,
    joined,
    set_fields_in_bulk,
)
from enforcement.agencies.models import Agency
from enforcement.agencies.record_versions import records_changed
from enforcement.agencies.spreadsheets import (
    Column,
    Limits,
    RowError,
    as_date,
    as_flag,
    as_text,
    read_rows,
)
from enforcement.agencies.text import CONTROL_CHARACTER_MESSAGE, CONTROL_CHARACTERS
from enforcement.agencies.validators import normalise_id_number, validate_id_number
from enforcement.agencies.workbooks import text_cells
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
HEADER_OF = {key: header for header, key in COLUMNS.items()}
# The texts a roster writes, each checked by its model field's own rules (its
# length, mostly) as its row is read: the rows are written in bulk, past the
# records' own checks, and a row the writing would refuse is a bad row to name.
CHECKED_TEXTS = {Officer: ("name", "position"), Certificate: ("number", "issuing_authority", "area")}
SHEET_COLUMNS = [Column(header, key, required=header in REQUIRED_COLUMNS) for header, key in COLUMNS.items()]
KIND_BY_LABEL = {"行政执法证": CertificateKind.ENFORCEMENT, "行政执法监督证": CertificateKind.SUPERVISION}
LABEL_BY_KIND = {kind: label for label, kind in KIND_BY_LABEL.items()}
YES, NO = "是", "否"
# Lookups in chunks keep each IN list below every database's parameter limit.
CHUNK = 900


class RosterRejected(Exception):
    """The roster has bad rows and the user did not ask to skip them."""

    def __init__(self, errors: list[RowError]):
        super().__init__(_("%(count)d rows of the roster are wrong; nothing was imported.") % {"count": len(errors)})
        self.errors = errors


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
    fields: list[EnforcementField]
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


def _date(value, label: str, problems: list[str]) -> datetime.date | None:
    try:
        return as_date(value, label)
    except ValidationError as error:
        problems.extend(error.messages)
        return None


def _column_problems(error: ValidationError, key: str = "") -> list[str]:
    """`error`'s messages, each naming its column: its field's, or the column `key`'s."""
    by_key = error.message_dict if hasattr(error, "error_dict") else {key: error.messages}
    return [f"{HEADER_OF[name]}: {' '.join(messages)}" for name, messages in by_key.items()]


def _chunks(values: list[str]) -> Iterator[list[str]]:
    for start in range(0, len(values), CHUNK):
        yield values[start : start + CHUNK]


class _RowReader:
    """Turns one worksheet row into a RosterRow, or into the reasons it is wrong."""

    def __init__(self, agencies: QuerySet[Agency]):
        self.agencies: dict[str, Agency | None] = {}
        for agency in agencies:
            # Two agencies of the same name cannot be told apart by name.
            self.agencies[agency.name] = None if agency.name in self.agencies else agency
        self.fields_by_name = all_fields_by_name()

    def read(self, row_number: int, cells: dict) -> RosterRow | list[str]:
        problems: list[str] = []
        # Rows are written in bulk, past the records' own check of their texts.
        if any(isinstance(value, str) and CONTROL_CHARACTERS.search(value) for value in cells.values()):
            problems.append(str(CONTROL_CHARACTER_MESSAGE))
        name = as_text(cells.get("name"))
        if not name:
            problems.append(_("姓名 is empty."))
        raw_id = cells.get("id_number")
        id_number = normalise_id_number(as_text(raw_id))
        if isinstance(raw_id, int | float):
            problems.append(_("身份证号 is stored as a number and has lost digits; format the column as text."))
        else:
            try:
                validate_id_number(id_number)
            except ValidationError as error:
                problems.append(_("身份证号: %(reason)s") % {"reason": " ".join(error.messages)})
        agency_name = as_text(cells.get("agency"))
        agency = self.agencies.get(agency_name)
        if not agency_name:
            problems.append(_("单位 is empty."))
        elif agency is None:
            problems.append(
                _("单位 “%(name)s” is not an agency you manage, or more than one has this name.")
                % {"name": agency_name}
            )
        number = as_text(cells.get("number"))
        issuing_authority = as_text(cells.get("issuing_authority"))
        issued_on = _date(cells.get("issued_on"), "发证日期", problems)
        valid_until = _date(cells.get("valid_until"), "有效期至", problems)
        kind_label = as_text(cells.get("kind")) or LABEL_BY_KIND[CertificateKind.ENFORCEMENT]
        if kind_label not in KIND_BY_LABEL:
            problems.append(_("证件类型 must be 行政执法证 or 行政执法监督证."))
        if number:
            if not issuing_authority:
                problems.append(_("发证机关 is empty although 执法证号 is given."))
            if issued_on is None or valid_until is None:
                problems.append(_("发证日期 and 有效期至 are required when 执法证号 is given."))
            try:
                Certificate.check_validity_period(issued_on, valid_until)
            except ValidationError as error:
                problems.extend(_column_problems(error))
        for model, keys in CHECKED_TEXTS.items():
            for key in keys:
                # Whether a column may be empty is the roster's own rule, above.
                text = as_text(cells.get(key))
                try:
                    if text:
                        model._meta.get_field(key).clean(text, None)
                except ValidationError as error:
                    problems.extend(_column_problems(error, key))
        fields: list[EnforcementField] = []
        try:
            fields = fields_named(field_names(as_text(cells.get("fields"))), self.fields_by_name)
        except UnknownFieldNames as unknown:
            problems.append(
                _("执法领域 “%(names)s” is not in the table of enforcement fields (%(known)s).")
                % {"names": str(unknown), "known": JOINER.join(self.fields_by_name)}
            )
        try:
            is_leader = as_flag(cells.get("is_leader"), "领导干部")
        except ValidationError as error:
            problems.extend(error.messages)
        if problems:
            return problems
        return RosterRow(
            row=row_number,
            name=name,
            id_number=id_number,
            agency=agency,
            position=as_text(cells.get("position")),
            number=number,
            issuing_authority=issuing_authority,
            issued_on=issued_on,
            valid_until=valid_until,
            kind=KIND_BY_LABEL.get(kind_label, CertificateKind.ENFORCEMENT),
            fields=fields,
            area=as_text(cells.get("area")),
            is_leader=is_leader,
        )


def read_roster(file: IO[bytes], *, agencies: QuerySet[Agency], limits: Limits | None = None) -> RosterCheck:
    """Check every row of a roster; units (单位) are matched by name among `agencies`.

    Raises SpreadsheetError when the file as a whole cannot be read.
    """
    reader = _RowReader(agencies)
    check = RosterCheck()
    seen_numbers: dict[str, int] = {}
    for row_number, cells in read_rows(file, SHEET_COLUMNS, limits=limits):
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
    holder_of_number: dict[str, tuple[str, int]] = {}
    for chunk in _chunks(numbers):
        holder_of_number.update(
            (number, (id_number, agency_id))
            for number, id_number, agency_id in Certificate.objects.filter(number__in=chunk).values_list(
                "number", "officer__id_number", "officer__agency_id"
            )
        )
    # Whether a person or a certificate exists outside the importer's agencies
    # is not theirs to learn: such a row is only "not importable here".
    not_here = _("This row cannot be imported here: the person or the certificate belongs to another agency.")
    good = []
    for row in check.rows:
        holder = holder_of_number.get(row.number)
        if row.id_number in agency_of_person and agency_of_person[row.id_number] not in in_scope:
            check.errors.append(RowError(row.row, not_here))
        elif holder and holder[0] != row.id_number:
            if holder[1] in in_scope:
                message = _("执法证号 %(number)s belongs to another person.") % {"number": row.number}
            else:
                message = not_here
            check.errors.append(RowError(row.row, message))
        else:
            good.append(row)
    check.rows = good


def _officers_by_id_number(id_numbers: list[str]) -> dict[str, Officer]:
    officers: dict[str, Officer] = {}
    for chunk in _chunks(id_numbers):
        officers.update({officer.id_number: officer for officer in Officer.objects.filter(id_number__in=chunk)})
    return officers


# The columns a roster writes over a record it updates.
OFFICER_COLUMNS = ["name", "agency", "position", "is_leader", "is_enforcement_officer"]
CERTIFICATE_COLUMNS = ["officer", "kind", "issuing_authority", "area", "issued_on", "valid_until"]


@transaction.atomic
def import_roster(check: RosterCheck, *, skip_bad_rows: bool = False, user=None) -> RosterImport:
    """Write a checked roster: officers by ID number, certificates by number, in one transaction.

    Each row is written as `read_roster` checked it, by the models' rules for every column it writes.
    """
    if check.errors and not skip_bad_rows:
        raise RosterRejected(check.errors)
    last_row_of_person = {row.id_number: row for row in check.rows}
    holders = {row.id_number for row in check.rows if row.number}
    existing = _officers_by_id_number(sorted(last_row_of_person))
    new_officers, changed_officers = [], []
    touched_agencies: set[int] = set()  # before and after: a person moved changes both agencies' figures
    for id_number, row in last_row_of_person.items():
        officer = existing.get(id_number) or Officer(id_number=id_number)
        touched_agencies.update({officer.agency_id, row.agency.pk} - {None})
        officer.name, officer.agency, officer.position = row.name, row.agency, row.position
        if row.is_leader is not None:
            officer.is_leader = row.is_leader
        officer.is_enforcement_officer = officer.is_enforcement_officer or id_number in holders
        (changed_officers if officer.pk else new_officers).append(officer)
    create_with_history(Officer, new_officers, user=user)
    bulk_update_with_history(
        changed_officers,
        Officer,
        OFFICER_COLUMNS,
        batch_size=500,
        default_user=user,
    )
    officers = {officer.id_number: officer for officer in [*new_officers, *changed_officers]}
    if any(officer.pk is None for officer in new_officers):  # a database that returns no ids from bulk inserts
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
        certificate.area = row.area
        certificate.issued_on, certificate.valid_until = row.issued_on, row.valid_until
        (changed_certificates if certificate.pk else new_certificates).append(certificate)
    create_with_history(Certificate, new_certificates, user=user)
    bulk_update_with_history(
        changed_certificates,
        Certificate,
        CERTIFICATE_COLUMNS,
        batch_size=500,
        default_user=user,
    )
    if any(certificate.pk is None for certificate in new_certificates):
        numbers = [row.number for row in certificate_rows]
        new_certificates = list(Certificate.objects.filter(number__in=numbers, pk__isnull=False))
    certificate_of = {certificate.number: certificate for certificate in [*new_certificates, *changed_certificates]}
    # A new certificate without fields has no links to replace or to record in its history entry.
    fields_of = {
        certificate_of[row.number].pk: row.fields
        for row in certificate_rows
        if row.fields or row.number in existing_certificates
    }
    set_fields_in_bulk(Certificate, "fields", fields_of)
    records_changed(agency_ids=touched_agencies)  # bulk writes send no signals
    return RosterImport(
        officers_created=len(new_officers),
        officers_updated=len(changed_officers),
        certificates_created=len(new_certificates),
        certificates_updated=len(changed_certificates),
        rows_skipped=len({error.row for error in check.errors}),
    )


def _workbook_bytes(rows: Iterable[Iterable]) -> bytes:
    workbook = Workbook(write_only=True)
    sheet = workbook.create_sheet(_("Roster"))
    for row in rows:
        sheet.append(text_cells(sheet, row))
    buffer = io.BytesIO()
    workbook.save(buffer)
    return buffer.getvalue()


def roster_template() -> bytes:
    """An empty roster with every column header, to download and fill in."""
    return _workbook_bytes([list(COLUMNS)])


def roster_rows(pairs: Iterable[tuple[Officer, Certificate | None]], *, full_id_numbers: bool) -> Iterator[list]:
    yield list(COLUMNS)
    for officer, certificate in pairs:
        yield [
            officer.name,
            officer.id_number if full_id_numbers else officer.masked_id_number,
            officer.agency.name,
            officer.position,
            certificate.number if certificate else "",
            certificate.issuing_authority if certificate else "",
            certificate.issued_on if certificate else None,
            certificate.valid_until if certificate else None,
            LABEL_BY_KIND[certificate.kind] if certificate else "",
            joined(certificate.fields.all() if certificate else officer.enforcement_fields.all()),
            certificate.area if certificate else "",
            YES if officer.is_leader else NO,
        ]


def export_roster(pairs: Iterable[tuple[Officer, Certificate | None]], *, full_id_numbers: bool) -> bytes:
    """The roster columns for (officer, certificate) pairs; an officer without certificate has one row.

    ID numbers are masked unless the reader may see them in full.
    """
    return _workbook_bytes(roster_rows(pairs, full_id_numbers=full_id_numbers))


def officer_pairs(officers: QuerySet[Officer]) -> Iterator[tuple[Officer, Certificate | None]]:
    for officer in officers.select_related("agency").prefetch_related("enforcement_fields", "certificates__fields"):
        certificates = list(officer.certificates.all())
        if not certificates:
            yield officer, None
        for certificate in certificates:
            yield officer, certificate


def certificate_pairs(certificates: QuerySet[Certificate]) -> Iterator[tuple[Officer, Certificate | None]]:
    for certificate in certificates.select_related("officer__agency").prefetch_related("fields"):
        yield certificate.officer, certificate
