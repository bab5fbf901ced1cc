"""The one writer of penalty cases: create a case, record an event, attach a file.

Recording an event checks the order of the procedure (procedure.replay) and
the officers who acted (art. 42: at least two, each certified on the day for
the case's field, by the HR check's own rule), then stores the status, the
number and the deadlines that follow.
"""

from __future__ import annotations

import datetime
import hashlib
from collections.abc import Iterable, Sequence

from django.core.exceptions import ValidationError
from django.core.files.uploadedfile import UploadedFile
from django.db import transaction
from django.db.models import Max
from django.utils.translation import gettext as _

from enforcement.agencies.calendar import Deadline, WorkingCalendar, due, next_deadline
from enforcement.agencies.enforcement_fields import EnforcementField
from enforcement.agencies.models import Agency
from enforcement.cases import deadlines as deadline_rules
from enforcement.cases.certification import certificates_for_the_check, officer_refusal
from enforcement.cases.models import (
    CaseEventKind,
    CaseStatus,
    EnforcementCase,
    EnforcementEvent,
    EventFile,
    EventOfficer,
    Party,
    Penalty,
    PenaltyDeadlineKind,
    PenaltyProcedure,
)
from enforcement.cases.models.choices import OFFICER_ACTS
from enforcement.cases.procedure import legal_review_required, replay
from enforcement.officers.certification import with_certificates
from enforcement.officers.models.officer import Officer

MIN_OFFICERS = 2  # art. 42; no law applied here allows fewer


def is_officer_act(kind: str, procedure: str) -> bool:
    # An on-the-spot decision is made by the officers themselves (art. 52).
    return kind in OFFICER_ACTS or (kind == CaseEventKind.DECIDED and procedure == PenaltyProcedure.SIMPLIFIED)


def officer_refusals(
    *, officers: Sequence[Officer], field: EnforcementField, agency: Agency, day: datetime.date
) -> list[str]:
    """Why each officer may not act on `day` in `field`; empty when every one may.

    Validity is the HR check's (`check_officer`), with its reason; the field
    must be listed on a certificate that check finds effective that day.
    """
    messages = []
    for officer in officers:
        if not officer.agency.path.startswith(agency.path):
            messages.append(_("%(officer)s does not belong to %(agency)s.") % {"officer": officer, "agency": agency})
            continue
        refusal = officer_refusal(officer, field, day)
        if refusal:
            messages.append(refusal)
    if len(officers) < MIN_OFFICERS:
        messages.append(
            _("At least %(count)d certified officers must act together (art. 42); %(given)d named.")
            % {"count": MIN_OFFICERS, "given": len(officers)}
        )
    return messages


def with_certificates_list(officers: Iterable[Officer | int]) -> list[Officer]:
    """The officers with their certificates loaded for the check, in the order given."""
    ids = [getattr(officer, "pk", officer) for officer in officers]
    found = {o.pk: o for o in with_certificates(Officer.objects.filter(pk__in=ids), certificates_for_the_check())}
    return [found[pk] for pk in dict.fromkeys(ids) if pk in found]


@transaction.atomic
def create_case(
    *,
    agency: Agency,
    field: EnforcementField,
    act: str,
    act_place: str,
    act_on: datetime.date,
    discovered_on: datetime.date,
    handlers: Sequence[Officer | int],
    parties: Sequence[dict],
    penalties: Sequence[dict] = (),
    procedure: str = PenaltyProcedure.ORDINARY,
    **details,
) -> EnforcementCase:
    """A new case with its parties and handlers; the handlers are checked on the discovery date."""
    case = EnforcementCase(
        agency=agency,
        field=field,
        act=act,
        act_place=act_place,
        act_on=act_on,
        discovered_on=discovered_on,
        procedure=procedure,
        **details,
    )
    case.full_clean()
    if not parties:
        raise ValidationError({"parties": _("A case has at least one party.")})
    officers = with_certificates_list(handlers)
    refusals = officer_refusals(officers=officers, field=field, agency=agency, day=discovered_on)
    if refusals:
        raise ValidationError({"handlers": refusals})
    case.save()
    case.handlers.set(officers)
    _add_rows(case, Party, parties, "parties")
    _add_rows(case, Penalty, penalties, "penalties")
    refresh_case(case)
    return case


def _add_rows(case: EnforcementCase, model, rows: Sequence[dict], name: str) -> None:
    objects = [model(case=case, **row) for row in rows]
    errors = []
    for row in objects:
        try:
            row.full_clean(exclude=["case"])
        except ValidationError as error:
            errors.append(error.message_dict)
    if any(errors):
        raise ValidationError({name: [str(e) for e in errors if e]})
    model.objects.bulk_create(objects)


@transaction.atomic
def set_handlers(*, case: EnforcementCase, handlers: Sequence[Officer | int], on: datetime.date) -> None:
    """Replace the case's handlers; they are checked on `on`, and the change is kept in the case's history."""
    case = EnforcementCase.objects.select_for_update().get(pk=case.pk)
    officers = with_certificates_list(handlers)
    refusals = officer_refusals(officers=officers, field=case.field, agency=case.agency, day=on)
    if refusals:
        raise ValidationError({"handlers": refusals})
    case.handlers.set(officers)


@transaction.atomic
def set_penalties(*, case: EnforcementCase, penalties: Sequence[dict]) -> None:
    """The penalties intended or decided; fixed once the decision is recorded."""
    case = EnforcementCase.objects.select_for_update().get(pk=case.pk)
    if case.decided_on:
        raise ValidationError({"penalties": _("The decision was made; its penalties no longer change.")})
    case.penalties.all().delete()
    _add_rows(case, Penalty, penalties, "penalties")


def check_event(
    *, case: EnforcementCase, kind: str, occurred_on: datetime.date, officers: Sequence[Officer | int] = (), **fields
) -> tuple[EnforcementEvent, list[Officer]]:
    """The event as it would be recorded, with its officers; ValidationError naming the field when refused."""
    event = EnforcementEvent(case=case, kind=kind, occurred_on=occurred_on, **fields)
    event.full_clean(exclude=["case"])
    acting = with_certificates_list(officers)
    if not acting and kind == CaseEventKind.FILED:
        acting = with_certificates_list(case.handlers.all())
    if is_officer_act(kind, case.procedure):
        refusals = officer_refusals(officers=acting, field=case.field, agency=case.agency, day=occurred_on)
        if refusals:
            raise ValidationError({"officers": refusals})
    replay(
        case,
        [*case.events.prefetch_related("officer_links"), event],
        handler_ids=set(case.handlers.values_list("pk", flat=True)),
        new_event=event,
        new_officers=[o.pk for o in acting],
        calendar=WorkingCalendar.load(),
    )
    return event, acting


@transaction.atomic
def record_event(
    *, case: EnforcementCase, kind: str, occurred_on: datetime.date, officers: Sequence[Officer | int] = (), **fields
) -> EnforcementEvent:
    """Add a dated event, refusing an order or officers the law does not allow; status and deadlines follow."""
    # Two people recording events of one case at once would each check the order without the other's event.
    case = EnforcementCase.objects.select_for_update().select_related("agency", "field").get(pk=case.pk)
    event, acting = check_event(case=case, kind=kind, occurred_on=occurred_on, officers=officers, **fields)
    event.save()
    EventOfficer.objects.bulk_create(EventOfficer(event=event, officer=officer) for officer in acting)
    if case.serial is None and (
        kind == CaseEventKind.FILED or (kind == CaseEventKind.DECIDED and case.procedure == PenaltyProcedure.SIMPLIFIED)
    ):
        _give_number(case, occurred_on.year)
    refresh_case(case)
    return event


def _give_number(case: EnforcementCase, year: int) -> None:
    # The agency row is the lock: two filings of one agency cannot take the same serial.
    Agency.objects.select_for_update().filter(pk=case.agency_id).first()
    last = EnforcementCase.objects.filter(agency=case.agency_id, year=year).aggregate(Max("serial"))["serial__max"]
    case.year, case.serial = year, (last or 0) + 1
    # 城关执罚〔2026〕12号: the agency's short name, the year of filing, the serial.
    case.number = f"{case.agency.name[:2]}执罚〔{year}〕{case.serial}号"
    EnforcementCase.objects.filter(pk=case.pk).update(year=case.year, serial=case.serial, number=case.number)


def record_correction(*, case_id: int, corrected_on: datetime.date | None) -> None:
    """Note that the decision was changed, revoked, found unlawful or void on `corrected_on` (or no longer).

    The reconsideration register reports it; from that day runs the
    withdrawal of the published decision (art. 48).
    """
    case = EnforcementCase.objects.filter(pk=case_id).first()
    if case is not None and case.corrected_on != corrected_on:
        case.corrected_on = corrected_on
        refresh_case(case)


def case_deadlines(case: EnforcementCase, calendar: WorkingCalendar | None = None) -> list[Deadline]:
    """Every deadline of `case` with its rule and article (events, penalties and links prefetched or queried)."""
    facts = replay(case, list(case.events.all()))
    return deadline_rules.penalty_deadlines(
        case,
        facts,
        calendar or WorkingCalendar.load(),
        corrected_on=case.corrected_on,
        has_fine=deadline_rules.has_fine(case.penalties.all()),
    )


def refresh_case(case: EnforcementCase | int, calendar: WorkingCalendar | None = None) -> None:
    """Store again what follows from the case's events; a change of status is kept in the case's history."""
    if not isinstance(case, EnforcementCase):
        case = EnforcementCase.objects.select_related("agency", "field").get(pk=case)
    facts = replay(case, list(case.events.prefetch_related("officer_links")))
    deadlines = case_deadlines(case, calendar)
    upcoming = next_deadline(deadlines)
    derived = {
        "status": facts.status,
        "outcome": facts.outcome,
        "filed_on": facts.filed_on,
        "decided_on": facts.decided_on,
        "served_on": facts.served_on,
        "closed_on": facts.closed_on,
        "published_on": facts.published_on,
        "withdrawn_on": facts.withdrawn_on,
        "decision_due": due(deadlines, PenaltyDeadlineKind.DECISION),
        "withdrawal_due": due(deadlines, PenaltyDeadlineKind.PUBLICATION_WITHDRAWAL),
        "legal_review_required": legal_review_required(case, facts),
        "legal_review_passed": facts.review_passed_on is not None,
        "hearing_held": facts.hearing_held_on is not None,
        "next_deadline_on": upcoming.due if upcoming else None,
        "next_deadline_kind": upcoming.kind if upcoming else "",
    }
    if any(getattr(case, name) != value for name, value in derived.items()):
        for name, value in derived.items():
            setattr(case, name, value)
        case.save()


def refresh_open_cases() -> int:
    """Recompute every case that still has a deadline (after a calendar change); answers how many."""
    calendar = WorkingCalendar.load()
    pks = list(
        EnforcementCase.objects.exclude(status=CaseStatus.CLOSED, next_deadline_on=None).values_list("pk", flat=True)
    )
    for pk in pks:
        refresh_case(pk, calendar)
    return len(pks)


@transaction.atomic
def attach_file(
    *, event: EnforcementEvent, upload: UploadedFile, by=None, supersedes: EventFile | None = None
) -> EventFile:
    """Keep `upload` on `event` with its SHA-256; a correction names the file it supersedes."""
    digest = hashlib.sha256()
    for chunk in upload.chunks():
        digest.update(chunk)
    upload.seek(0)
    record = EventFile(
        event=event,
        name=upload.name,
        size=upload.size,
        sha256=digest.hexdigest(),
        supersedes=supersedes,
        uploaded_by=by,
    )
    record.file = upload
    record.full_clean(exclude=["file", "uploaded_by"])
    if supersedes is not None and EventFile.objects.filter(supersedes=supersedes).exists():
        raise ValidationError({"supersedes": _("This file was already superseded by another correction.")})
    record.file.save(upload.name, upload, save=False)
    record.save()
    return record
