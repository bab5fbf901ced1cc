"""Reconsideration cases: the order of events, and the status and deadlines they lead to.

The events are replayed in date order (events of one day in the order of the
procedure); the replay refuses what the law does not allow and yields the
facts from which status and deadlines follow. Pure functions of the events:
the models call them to validate, the services to store what follows.
"""

from __future__ import annotations

import datetime
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from typing import TYPE_CHECKING

from django.core.exceptions import ValidationError
from django.utils.translation import gettext as _

from enforcement.agencies.calendar import WorkingCalendar
from enforcement.reconsideration import deadlines as deadline_rules
from enforcement.reconsideration.choices import (
    DECISION_OUTCOMES,
    EVENT_RANK,
    CaseStatus,
    DeadlineKind,
    EventKind,
    Outcome,
    Procedure,
)

if TYPE_CHECKING:
    from enforcement.reconsideration.models import CaseEvent, ReconsiderationCase


CLOSING = {
    EventKind.NOT_ACCEPTED: Outcome.NOT_ACCEPTED,
    EventKind.MEDIATION: Outcome.MEDIATION,
    EventKind.WITHDRAWAL: Outcome.WITHDRAWAL,
    EventKind.TERMINATION: Outcome.TERMINATION,
}
# What may still happen once the case is closed.
AFTER_CLOSING = {
    EventKind.OPINION_LETTER,
    EventKind.CORRECTION_REPORTED,
    EventKind.LAWSUIT_FILED,
    EventKind.LAWSUIT_RESULT,
}
NEED_ACCEPTANCE = {
    EventKind.COPY_RECEIVED,
    EventKind.HEARING,
    EventKind.EXTENSION,
    EventKind.SUSPENSION,
    EventKind.MEDIATION,
    EventKind.SETTLEMENT,
    EventKind.TERMINATION,
    EventKind.DECISION,
    EventKind.OPINION_LETTER,
}
ONCE = {
    EventKind.COPY_RECEIVED,
    EventKind.REPLY_SUBMITTED,
    EventKind.SETTLEMENT,
    EventKind.OPINION_LETTER,
    EventKind.CORRECTION_REPORTED,
    EventKind.LAWSUIT_FILED,
    EventKind.LAWSUIT_RESULT,
}


@dataclass
class CaseState:
    """The facts of a case after its events."""

    received_on: datetime.date | None = None
    accepted_on: datetime.date | None = None
    decided_on_acceptance: datetime.date | None = None
    copy_received_on: datetime.date | None = None
    replied_on: datetime.date | None = None
    closed_on: datetime.date | None = None
    outcome: str = ""
    extension_days: int = 0
    suspended_days: int = 0
    suspended_since: datetime.date | None = None
    settled_on: datetime.date | None = None
    opinion_received_on: datetime.date | None = None
    correction_reported_on: datetime.date | None = None
    lawsuit_filed_on: datetime.date | None = None

    @property
    def status(self) -> str:
        if self.received_on is None:
            return CaseStatus.REGISTERED
        if self.closed_on:
            return CaseStatus.CLOSED
        if self.suspended_since:
            return CaseStatus.SUSPENDED
        if self.accepted_on is None:
            return CaseStatus.AWAITING_ACCEPTANCE
        if self.copy_received_on is None:
            return CaseStatus.ACCEPTED
        if self.replied_on is None:
            return CaseStatus.AWAITING_REPLY
        return CaseStatus.UNDER_REVIEW


def check_event_fields(event: CaseEvent) -> None:
    """What one event must carry, whatever the others are."""
    errors = {}
    if event.kind == EventKind.EXTENSION:
        if event.days is None or event.days < 1:
            errors["days"] = _("An extension needs the number of days it adds.")
        elif event.days > 30:
            errors["days"] = _("An extension adds at most 30 days (art. 62).")
    elif event.days is not None:
        errors["days"] = _("Only an extension has days.")
    if event.kind == EventKind.DECISION:
        if event.outcome not in DECISION_OUTCOMES:
            errors["outcome"] = _("A decision needs its outcome.")
    elif event.outcome:
        errors["outcome"] = _("Only a decision has an outcome; the other endings follow from the event itself.")
    if errors:
        raise ValidationError(errors)


def _in_order(events: Iterable[CaseEvent]) -> list[CaseEvent]:
    return sorted(events, key=lambda e: (e.occurred_on, EVENT_RANK[EventKind(e.kind)], e.pk or 10**12))


def replay(events: Sequence[CaseEvent], *, procedure: str, new_event: CaseEvent | None = None) -> CaseState:
    """The state after `events`; an impossible order raises ValidationError.

    An error about `new_event` names its field; an error about an event
    already recorded names the event.
    """

    def refuse(event: CaseEvent, field: str, message: str) -> None:
        if event is new_event:
            raise ValidationError({field: message})
        raise ValidationError(f"{event}: {message}")

    state = CaseState()
    applications = [e for e in events if e.kind == EventKind.APPLICATION_RECEIVED]
    if not applications:
        if events:
            refuse(events[-1], "kind", _("Record the receipt of the application first: every other event follows it."))
        return state
    if len(applications) > 1:
        refuse(
            new_event if new_event in applications else applications[-1],
            "kind",
            _("The application was already recorded."),
        )
    state.received_on = applications[0].occurred_on
    seen: dict[str, datetime.date] = {}
    for event in _in_order(events):
        kind, day = event.kind, event.occurred_on
        if day < state.received_on:
            refuse(
                event,
                "occurred_on",
                _("This event is dated before the application was received (%(date)s).") % {"date": state.received_on},
            )
        if state.closed_on and kind not in AFTER_CLOSING:
            refuse(
                event,
                "kind",
                _(
                    "The case was closed on %(date)s; only an opinion letter, "
                    "a correction report or a lawsuit may follow."
                )
                % {"date": state.closed_on},
            )
        if kind in ONCE and kind in seen:
            refuse(event, "kind", _("This event was already recorded on %(date)s.") % {"date": seen[kind]})
        if kind in NEED_ACCEPTANCE and state.accepted_on is None:
            refuse(event, "kind", _("The case must be accepted before this event."))
        seen.setdefault(kind, day)

        if kind in (EventKind.ACCEPTED, EventKind.NOT_ACCEPTED):
            if state.decided_on_acceptance:
                refuse(
                    event,
                    "kind",
                    _("The organ already decided on acceptance on %(date)s.") % {"date": state.decided_on_acceptance},
                )
            state.decided_on_acceptance = day
            if kind == EventKind.ACCEPTED:
                state.accepted_on = day
        elif kind == EventKind.REPLY_SUBMITTED:
            if state.copy_received_on is None:
                refuse(event, "kind", _("A reply cannot come before the copy of the application is received."))
            state.replied_on = day
        elif kind == EventKind.COPY_RECEIVED:
            state.copy_received_on = day
        elif kind == EventKind.EXTENSION:
            if procedure == Procedure.SIMPLIFIED:
                refuse(event, "kind", _("A case under the simplified procedure cannot be extended (art. 62)."))
            if state.extension_days:
                refuse(event, "kind", _("The decision period can be extended only once (art. 62)."))
            state.extension_days = event.days or 0
        elif kind == EventKind.SUSPENSION:
            if state.suspended_since:
                message = _("The case is already suspended since %(date)s.")
                refuse(event, "kind", message % {"date": state.suspended_since})
            state.suspended_since = day
        elif kind == EventKind.RESUMPTION:
            if state.suspended_since is None:
                refuse(event, "kind", _("A resumption needs a suspension before it."))
            state.suspended_days += (day - state.suspended_since).days
            state.suspended_since = None
        elif kind == EventKind.SETTLEMENT:
            state.settled_on = day
        elif kind == EventKind.DECISION:
            if state.suspended_since:
                refuse(
                    event,
                    "kind",
                    _("The case is suspended since %(date)s: record its resumption before the decision.")
                    % {"date": state.suspended_since},
                )
            state.closed_on, state.outcome = day, event.outcome
        elif kind in CLOSING:
            state.closed_on, state.outcome = day, CLOSING[kind]
            if kind == EventKind.WITHDRAWAL and state.settled_on:
                state.outcome = Outcome.SETTLEMENT_WITHDRAWAL
        elif kind == EventKind.CORRECTION_REPORTED:
            if state.opinion_received_on is None:
                refuse(event, "kind", _("A correction report needs an opinion letter before it."))
            state.correction_reported_on = day
        elif kind == EventKind.OPINION_LETTER:
            state.opinion_received_on = day
        elif kind == EventKind.LAWSUIT_FILED:
            if state.closed_on is None:
                refuse(event, "kind", _("A lawsuit can only follow the end of the reconsideration."))
            state.lawsuit_filed_on = day
        elif kind == EventKind.LAWSUIT_RESULT and state.lawsuit_filed_on is None:
            refuse(event, "kind", _("A lawsuit result needs the lawsuit before it."))
    if state.closed_on:
        # A case closed while suspended no longer waits for a resumption.
        state.suspended_since = None
    return state


def case_deadlines(
    case: ReconsiderationCase,
    events: Sequence[CaseEvent] | None = None,
    calendar: WorkingCalendar | None = None,
) -> list[deadline_rules.Deadline]:
    """Every deadline of `case`, each with the rule that produced it."""
    events = list(case.events.all()) if events is None else events
    state = replay(events, procedure=case.procedure)
    return deadline_rules.case_deadlines(
        procedure=case.procedure,
        known_on=case.known_on,
        facts=state,
        calendar=calendar or WorkingCalendar.load(),
    )


DERIVED_FIELDS = (
    "status",
    "outcome",
    "received_on",
    "accepted_on",
    "copy_received_on",
    "replied_on",
    "closed_on",
    "lawsuit_filed_on",
    "reply_due",
    "decision_due",
    "next_deadline_on",
    "next_deadline_kind",
)


def derived_fields(
    case: ReconsiderationCase, events: Sequence[CaseEvent], calendar: WorkingCalendar | None = None
) -> dict:
    """The stored fields that follow from the events and the calendar."""
    state = replay(events, procedure=case.procedure)
    deadlines = deadline_rules.case_deadlines(
        procedure=case.procedure, known_on=case.known_on, facts=state, calendar=calendar or WorkingCalendar.load()
    )
    upcoming = deadline_rules.next_deadline(deadlines)
    return {
        "status": state.status,
        "outcome": state.outcome,
        "received_on": state.received_on,
        "accepted_on": state.accepted_on,
        "copy_received_on": state.copy_received_on,
        "replied_on": state.replied_on,
        "closed_on": state.closed_on,
        "lawsuit_filed_on": state.lawsuit_filed_on,
        "reply_due": deadline_rules.due(deadlines, DeadlineKind.REPLY),
        "decision_due": deadline_rules.due(deadlines, DeadlineKind.DECISION),
        "next_deadline_on": upcoming.due if upcoming else None,
        "next_deadline_kind": upcoming.kind if upcoming else "",
    }
