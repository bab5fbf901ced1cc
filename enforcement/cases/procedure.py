"""The order of a penalty case's events, replayed to the facts its status and deadlines follow from.

Each refusal names the article it applies. An error about the event being
recorded names its field; an error about an event already recorded names it.
"""

from __future__ import annotations

import datetime
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from decimal import Decimal

from django.core.exceptions import ValidationError
from django.utils.translation import gettext as _

from enforcement.agencies.calendar import WorkingCalendar
from enforcement.cases.models import CaseEventKind as Kind
from enforcement.cases.models import (
    CaseStatus,
    DecisionOutcome,
    EnforcementCase,
    EnforcementEvent,
    PartyKind,
    PenaltyKind,
)
from enforcement.cases.models import PenaltyProcedure as Procedure
from enforcement.cases.models.choices import CASE_EVENT_RANK, INVESTIGATIONS, ReviewResult

# Art. 51: the on-the-spot limits of the simplified procedure, in yuan.
SIMPLIFIED_FINE_LIMIT = {PartyKind.CITIZEN: Decimal(200), PartyKind.ORGANISATION: Decimal(3000)}
ONCE = {
    Kind.DISCOVERED, Kind.FILED, Kind.NOTIFIED, Kind.HEARING_REQUESTED, Kind.HEARING_NOTIFIED, Kind.HEARING_HELD,
    Kind.EXTENDED, Kind.DECIDED, Kind.SERVED, Kind.PAID, Kind.PUBLISHED, Kind.PUBLICATION_WITHDRAWN, Kind.CLOSED,
}  # fmt: skip
AFTER_DECISION = {
    Kind.SERVED,
    Kind.INSTALMENTS_APPROVED,
    Kind.PAID,
    Kind.PUBLISHED,
    Kind.PUBLICATION_WITHDRAWN,
    Kind.CLOSED,
}
AFTER_CLOSING = {Kind.PUBLISHED, Kind.PUBLICATION_WITHDRAWN}
# The simplified procedure has no filing, investigation, hearing or review (arts. 51–53).
SIMPLIFIED_KINDS = {Kind.DISCOVERED, Kind.NOTIFIED, Kind.STATEMENT_RECEIVED, *AFTER_DECISION, Kind.DECIDED}


@dataclass
class CaseFacts:
    """What the events of a case established."""

    discovered_on: datetime.date | None = None
    filed_on: datetime.date | None = None
    notified_on: datetime.date | None = None
    hearing_requested_on: datetime.date | None = None
    hearing_notified_on: datetime.date | None = None
    hearing_scheduled_on: datetime.date | None = None
    hearing_held_on: datetime.date | None = None
    review_passed_on: datetime.date | None = None
    discussed_on: datetime.date | None = None
    extension_days: int = 0
    extension_basis: str = ""
    decided_on: datetime.date | None = None
    outcome: str = ""
    served_on: datetime.date | None = None
    served_on_the_spot: bool = False
    instalments_on: datetime.date | None = None
    paid_on: datetime.date | None = None
    published_on: datetime.date | None = None
    withdrawn_on: datetime.date | None = None
    closed_on: datetime.date | None = None
    # (preserved on, decided on) for each 先行登记保存.
    preservations: list[list[datetime.date | None]] = field(default_factory=list)
    investigators: set[int] = field(default_factory=set)

    @property
    def status(self) -> str:
        if self.closed_on:
            return CaseStatus.CLOSED
        if self.served_on:
            return CaseStatus.ENFORCING
        if self.decided_on:
            return CaseStatus.DECIDED
        if self.notified_on:
            return CaseStatus.NOTIFIED
        if self.filed_on:
            return CaseStatus.INVESTIGATING
        return CaseStatus.DISCOVERED


def limitation_ends_on(case: EnforcementCase) -> datetime.date:
    """The last day on which the act could still be discovered (art. 36)."""
    start = case.limitation_starts_on
    try:
        return start.replace(year=start.year + case.limitation_years)
    except ValueError:  # 29 February
        return start.replace(year=start.year + case.limitation_years, day=28)


def legal_review_required(case: EnforcementCase, facts: CaseFacts) -> bool:
    """Art. 58(1)–(3): major public interest, major rights after a hearing, or a complex case."""
    if case.procedure == Procedure.SIMPLIFIED:
        return False
    return case.major_public_interest or case.complex or (case.major_rights and facts.hearing_held_on is not None)


def _in_order(events: Sequence[EnforcementEvent]) -> list[EnforcementEvent]:
    return sorted(events, key=lambda e: (e.occurred_on, CASE_EVENT_RANK[Kind(e.kind)], e.pk or 10**12))


def _officer_ids(event: EnforcementEvent, new_event, new_officers) -> set[int]:
    if event is new_event:
        return set(new_officers)
    return {link.officer_id for link in event.officer_links.all()}


def replay(
    case: EnforcementCase,
    events: Sequence[EnforcementEvent],
    *,
    penalties: Sequence | None = None,
    parties: Sequence | None = None,
    handler_ids: set[int] | None = None,
    new_event: EnforcementEvent | None = None,
    new_officers: Sequence[int] = (),
    calendar: WorkingCalendar | None = None,
) -> CaseFacts:
    """The facts after `events`; recording an event the law does not allow raises ValidationError."""

    # Recorded events are facts: one that a later change (a flag set on the
    # case, a certificate corrected) makes irregular stays, and is counted as
    # such by the statistics. Only the event being recorded is refused, also
    # when it would make an event recorded after it impossible.
    new_seen = False

    def refuse(event: EnforcementEvent, name: str, message: str) -> None:
        if event is new_event:
            raise ValidationError({name: message})
        if new_seen:
            raise ValidationError(
                {
                    "occurred_on": _("This would make the event %(event)s impossible: %(reason)s")
                    % {"event": event, "reason": message}
                }
            )

    facts = CaseFacts(discovered_on=case.discovered_on)
    simplified = case.procedure == Procedure.SIMPLIFIED
    seen: dict[str, datetime.date] = {}
    for event in _in_order(events):
        kind, day = Kind(event.kind), event.occurred_on
        new_seen = new_seen or event is new_event
        fail: Callable[[str, str], None] = lambda name, message, event=event: refuse(event, name, message)  # noqa: E731
        if case.discovered_on and day < case.discovered_on:
            fail(
                "occurred_on",
                _("This event is dated before the act was discovered (%(date)s).") % {"date": case.discovered_on},
            )
        if simplified and kind not in SIMPLIFIED_KINDS:
            fail("kind", _("A case under the simplified procedure has no such step (arts. 51–52)."))
        if kind in ONCE and kind in seen:
            fail("kind", _("This event was already recorded on %(date)s.") % {"date": seen[kind]})
        if facts.closed_on and kind not in AFTER_CLOSING:
            fail("kind", _("The case was closed on %(date)s.") % {"date": facts.closed_on})
        if not simplified and kind not in (Kind.DISCOVERED, Kind.FILED) and facts.filed_on is None:
            fail("kind", _("File the case (立案) first: the ordinary procedure starts with it."))
        if kind in AFTER_DECISION and facts.decided_on is None:
            fail("kind", _("This step follows the decision, which is not yet recorded."))
        if facts.decided_on and kind not in AFTER_DECISION:
            fail(
                "kind",
                _("The decision was made on %(date)s; only its service, enforcement and publication follow.")
                % {"date": facts.decided_on},
            )
        seen.setdefault(kind, day)

        if kind == Kind.FILED:
            facts.filed_on = day
        elif kind in INVESTIGATIONS:
            facts.investigators |= _officer_ids(event, new_event, new_officers)
            if kind == Kind.EVIDENCE_PRESERVED:
                facts.preservations.append([day, None])
        elif kind == Kind.PRESERVATION_DECIDED:
            pending = [p for p in facts.preservations if p[1] is None]
            if not pending:
                fail("kind", _("There is no preserved evidence awaiting a decision (art. 56)."))
            pending[0][1] = day
        elif kind == Kind.NOTIFIED:
            facts.notified_on = day
        elif kind == Kind.STATEMENT_RECEIVED and facts.notified_on is None:
            fail("kind", _("A statement and defence answers the notice of the intended penalty (arts. 44–45)."))
        elif kind == Kind.HEARING_REQUESTED:
            if facts.notified_on is None:
                fail("kind", _("A hearing is requested after the notice of the intended penalty (art. 64(1))."))
            facts.hearing_requested_on = day
        elif kind == Kind.HEARING_NOTIFIED:
            if facts.hearing_requested_on is None:
                fail("kind", _("Notice of a hearing needs a hearing request before it (art. 63)."))
            if event.scheduled_on is None:
                fail("scheduled_on", _("The hearing notice needs the hearing's date (art. 64(2))."))
            latest = calendar.working_days_before(event.scheduled_on, 7) if calendar else day
            if day > latest:
                fail(
                    "scheduled_on",
                    _("The parties must be notified 7 working days before the hearing, by %(date)s (arts. 64(2), 85).")
                    % {"date": latest},
                )
            facts.hearing_notified_on, facts.hearing_scheduled_on = day, event.scheduled_on
        elif kind == Kind.HEARING_HELD:
            if facts.hearing_notified_on is None:
                fail("kind", _("A hearing is held after the parties were notified of it (art. 64(2))."))
            if event.presider_id is None:
                fail("presider", _("A hearing needs its presiding officer (art. 64(4))."))
            if event.presider_id in facts.investigators | (handler_ids or set()):
                fail(
                    "presider",
                    _("%(officer)s investigated this case and may not preside over its hearing (art. 64(4)).")
                    % {"officer": event.presider},
                )
            facts.hearing_held_on = day
        elif kind == Kind.LEGAL_REVIEW:
            if not event.person:
                fail("person", _("A legal review names its reviewer (art. 58)."))
            if event.outcome not in ReviewResult.values:
                fail("outcome", _("A legal review records whether it passed (art. 58)."))
            if event.reviewer_first_time and not event.reviewer_legally_qualified:
                fail(
                    "reviewer_legally_qualified",
                    _(
                        "%(person)s reviews for the first time and must hold the legal "
                        "professional qualification (art. 58)."
                    )
                    % {"person": event.person},
                )
            facts.review_passed_on = day if event.outcome == ReviewResult.PASSED else None
        elif kind == Kind.COLLECTIVE_DISCUSSION:
            if not event.attendees:
                fail("attendees", _("A collective discussion lists the leaders who attended (art. 57)."))
            facts.discussed_on = day
        elif kind == Kind.EXTENDED:
            if not event.basis:
                fail(
                    "basis",
                    _(
                        "The 90-day period may only be extended where a law, regulation or "
                        "rule allows it; name it (art. 60)."
                    ),
                )
            facts.extension_days, facts.extension_basis = event.days or 0, event.basis
        elif kind == Kind.DECIDED:
            _check_decision(case, event, facts, fail, penalties, parties)
            facts.decided_on, facts.outcome = day, event.outcome
            if simplified:
                facts.filed_on = facts.filed_on or day
        elif kind == Kind.SERVED:
            facts.served_on, facts.served_on_the_spot = day, event.on_the_spot
        elif kind == Kind.INSTALMENTS_APPROVED:
            facts.instalments_on = day
        elif kind == Kind.PAID:
            facts.paid_on = day
        elif kind == Kind.PUBLISHED:
            if facts.outcome != DecisionOutcome.PENALTY:
                fail("kind", _("Only a penalty decision is published (art. 48)."))
            facts.published_on = day
        elif kind == Kind.PUBLICATION_WITHDRAWN:
            if facts.published_on is None:
                fail("kind", _("Only a published decision can be withdrawn (art. 48)."))
            if not event.note:
                fail("note", _("A withdrawal states its reason publicly (art. 48)."))
            facts.withdrawn_on = day
        elif kind == Kind.CLOSED:
            facts.closed_on = day
    return facts


def _check_decision(case, event, facts: CaseFacts, fail, penalties, parties) -> None:
    if event.outcome not in DecisionOutcome.values:
        fail("outcome", _("A decision needs one of the four outcomes of art. 57."))
    if legal_review_required(case, facts) and facts.review_passed_on is None:
        fail("kind", _("This case needs a passing legal review before any decision (art. 58)."))
    if event.outcome != DecisionOutcome.PENALTY:
        return
    if facts.notified_on is None and not event.rights_waived:
        fail(
            "kind",
            _(
                "The party must first be told of the intended penalty and of the rights to state, "
                "defend and ask for a hearing (arts. 44, 62)."
            ),
        )
    if case.discovered_on > limitation_ends_on(case):
        fail(
            "kind",
            _(
                "The act was discovered on %(discovered)s, after the %(years)d-year limitation ended "
                "on %(end)s: no penalty may be given (art. 36)."
            )
            % {"discovered": case.discovered_on, "years": case.limitation_years, "end": limitation_ends_on(case)},
        )
    if case.complex and facts.discussed_on is None:
        fail(
            "kind",
            _("A complex or major case is decided by the leaders' collective discussion, not yet recorded (art. 57)."),
        )
    penalties = list(case.penalties.all()) if penalties is None else list(penalties)
    if not penalties:
        fail("outcome", _("Record the penalties decided before a penalty decision."))
    if case.procedure == Procedure.SIMPLIFIED:
        parties = list(case.parties.all()) if parties is None else list(parties)
        limit = min((SIMPLIFIED_FINE_LIMIT[p.kind] for p in parties), default=SIMPLIFIED_FINE_LIMIT[PartyKind.CITIZEN])
        fines = sum((p.amount or 0 for p in penalties if p.kind == PenaltyKind.FINE), Decimal(0))
        if any(p.kind not in (PenaltyKind.WARNING, PenaltyKind.FINE) for p in penalties) or fines > limit:
            fail(
                "kind",
                _(
                    "The simplified procedure allows only a warning or a fine of at most %(limit)s yuan for "
                    "this party (art. 51); use the ordinary procedure."
                )
                % {"limit": limit},
            )
