"""Reconsideration cases: the order of events, and the status and deadlines they lead to.

The events are replayed in date order (events of one day in the order of the
procedure); the replay refuses what the law does not allow and yields the
facts from which status and deadlines follow. Pure functions of the events:
the models call them to validate, the services to store what follows.
Two periods end by themselves: the acceptance review (deemed acceptance,
art. 30) and the applicant's supplement period (deemed abandonment, art. 31),
so the replay also takes the day up to which time has passed.
"""

from __future__ import annotations

import datetime
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from typing import Protocol

from django.core.exceptions import ValidationError
from django.utils.translation import gettext as _

from enforcement.agencies.calendar import WorkingCalendar
from enforcement.reconsideration import deadlines as deadline_rules
from enforcement.reconsideration.choices import (
    DECISION_OUTCOMES,
    EVENT_RANK,
    CaseStatus,
    EventKind,
    Outcome,
    Procedure,
)


class CaseEvent(Protocol):
    """What the replay reads of an event (the model CaseEvent has these fields)."""

    kind: str
    occurred_on: datetime.date
    outcome: str
    days: int | None
    pk: int | None


CLOSING = {
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
ON_ACCEPTANCE = (EventKind.ACCEPTED, EventKind.NOT_ACCEPTED)
# What the organ may still decide on the last day of the review.
DECIDED_IN_THE_REVIEW = (*ON_ACCEPTANCE, EventKind.SUPPLEMENT_REQUESTED)
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
    EventKind.SUPPLEMENT_REQUESTED,
    EventKind.SUPPLEMENT_RECEIVED,
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
    # The 5-working-day acceptance review runs from the receipt, or again from a supplement (art. 31).
    review_from: datetime.date | None = None
    supplement_requested_on: datetime.date | None = None
    supplement_extension_days: int = 0
    supplement_received_on: datetime.date | None = None
    accepted_on: datetime.date | None = None
    # Accepted because the review period ended without a refusal (art. 30, last paragraph).
    deemed_accepted: bool = False
    acceptance_recorded_on: datetime.date | None = None
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
    def awaiting_supplement(self) -> bool:
        return self.supplement_requested_on is not None and self.supplement_received_on is None

    @property
    def status(self) -> str:
        if self.received_on is None:
            return CaseStatus.REGISTERED
        if self.closed_on:
            return CaseStatus.CLOSED
        if self.suspended_since:
            return CaseStatus.SUSPENDED
        if self.awaiting_supplement:
            return CaseStatus.AWAITING_SUPPLEMENT
        if self.accepted_on is None:
            return CaseStatus.AWAITING_ACCEPTANCE
        if self.copy_received_on is None:
            return CaseStatus.ACCEPTED
        if self.replied_on is None:
            return CaseStatus.AWAITING_REPLY
        return CaseStatus.UNDER_REVIEW


def _let_time_pass(state: CaseState, day: datetime.date, calendar: WorkingCalendar, *, inclusive: bool) -> None:
    """What the law makes of the periods that ended before `day` (on it too, when `inclusive`).

    Silence after a notice to supplement abandons the application (art. 31);
    a review period that ends without a refusal accepts it from its last day
    (art. 30, last paragraph).
    """
    if state.closed_on or state.received_on is None or state.decided_on_acceptance:
        return
    if state.awaiting_supplement:
        end = deadline_rules.supplement_end(state, calendar)
        if end < day:
            state.closed_on, state.outcome = end + datetime.timedelta(days=1), Outcome.ABANDONED
        return
    end = deadline_rules.review_end(state, calendar)
    if end < day or (inclusive and end == day):
        state.accepted_on = state.decided_on_acceptance = end
        state.deemed_accepted = True


def check_event_fields(event: CaseEvent) -> None:
    """What one event must carry, whatever the others are."""
    errors = {}
    if event.kind == EventKind.EXTENSION:
        if event.days is None or event.days < 1:
            errors["days"] = _("An extension needs the number of days it adds.")
        elif event.days > 30:
            errors["days"] = _("An extension adds at most 30 days (art. 62).")
    elif event.kind == EventKind.SUPPLEMENT_EXTENDED:
        if event.days is None or event.days < 1:
            errors["days"] = _("An extension needs the number of days it adds.")
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


def replay(
    events: Sequence[CaseEvent],
    *,
    procedure: str,
    calendar: WorkingCalendar,
    today: datetime.date | None = None,
    new_event: CaseEvent | None = None,
) -> CaseState:
    """The state after `events` (and, given `today`, after the periods that ended before it).

    An impossible order raises ValidationError: an error about `new_event`
    names its field; an error about an event already recorded names the event.
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
    state.received_on = state.review_from = applications[0].occurred_on
    seen: dict[str, datetime.date] = {}
    for event in _in_order(events):
        kind, day = event.kind, event.occurred_on
        if day < state.received_on:
            refuse(
                event,
                "occurred_on",
                _("This event is dated before the application was received (%(date)s).") % {"date": state.received_on},
            )
        # A decision on acceptance may still come on the last day of the review;
        # any later step of that day shows that none came.
        _let_time_pass(state, day, calendar, inclusive=kind not in DECIDED_IN_THE_REVIEW)
        if state.closed_on and kind not in AFTER_CLOSING:
            if state.outcome == Outcome.ABANDONED:
                message = _(
                    "The supplement period ended on %(date)s without a supplement: "
                    "the application is deemed abandoned (art. 31)."
                ) % {"date": deadline_rules.supplement_end(state, calendar)}
            else:
                message = _(
                    "The case was closed on %(date)s; only an opinion letter, "
                    "a correction report or a lawsuit may follow."
                ) % {"date": state.closed_on}
            refuse(event, "kind", message)
        if kind in ONCE and kind in seen:
            refuse(event, "kind", _("This event was already recorded on %(date)s.") % {"date": seen[kind]})
        if kind in NEED_ACCEPTANCE and state.accepted_on is None:
            message = _("The case must be accepted before this event.")
            if not state.awaiting_supplement:
                message += " " + _(
                    "Without a refusal the application is deemed accepted once its review period ends on %(date)s "
                    "(art. 30)."
                ) % {"date": deadline_rules.review_end(state, calendar)}
            refuse(event, "kind", message)
        seen.setdefault(kind, day)

        if kind == EventKind.SUPPLEMENT_REQUESTED:
            _request_supplement(state, event, calendar, refuse)
        elif kind == EventKind.SUPPLEMENT_EXTENDED:
            if not state.awaiting_supplement:
                refuse(event, "kind", _("Only a supplement period still running can be extended (art. 31)."))
            state.supplement_extension_days += event.days or 0
        elif kind == EventKind.SUPPLEMENT_RECEIVED:
            if state.supplement_requested_on is None:
                refuse(event, "kind", _("A supplement needs a notice to supplement before it (art. 31)."))
            # The review starts again from the day the supplement arrives (art. 31, last paragraph).
            state.supplement_received_on = state.review_from = day
        elif kind in ON_ACCEPTANCE:
            _decide_on_acceptance(state, event, calendar, refuse)
        elif kind == EventKind.REPLY_SUBMITTED:
            if state.copy_received_on is None:
                refuse(event, "kind", _("A reply cannot come before the copy of the application is received."))
            state.replied_on = day
        elif kind == EventKind.COPY_RECEIVED:
            state.copy_received_on = day
        elif kind == EventKind.EXTENSION:
            _extend(state, event, procedure, calendar, refuse)
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
    if today is not None:
        _let_time_pass(state, today, calendar, inclusive=False)
    if state.closed_on:
        # A case closed while suspended no longer waits for a resumption.
        state.suspended_since = None
    return state


def _request_supplement(state: CaseState, event: CaseEvent, calendar: WorkingCalendar, refuse) -> None:
    notice_by = calendar.add_working_days(state.received_on, 5)
    if event.occurred_on > notice_by:
        message = _("A notice to supplement must be served within 5 working days of receipt, by %(date)s (art. 31).")
        refuse(event, "occurred_on", message % {"date": notice_by})
    if state.decided_on_acceptance:
        message = _("The organ already decided on acceptance on %(date)s.")
        refuse(event, "kind", message % {"date": state.decided_on_acceptance})
    state.supplement_requested_on = event.occurred_on


def _decide_on_acceptance(state: CaseState, event: CaseEvent, calendar: WorkingCalendar, refuse) -> None:
    if state.acceptance_recorded_on:
        message = _("The organ already decided on acceptance on %(date)s.")
        refuse(event, "kind", message % {"date": state.acceptance_recorded_on})
    if state.awaiting_supplement:
        refuse(event, "kind", _("The application waits for the applicant's supplement (art. 31): record it first."))
    state.acceptance_recorded_on = event.occurred_on
    if state.deemed_accepted:
        if event.kind == EventKind.NOT_ACCEPTED:
            message = _(
                "The review period ended on %(date)s without a refusal: the application is deemed accepted "
                "from that day (art. 30), and can no longer be refused."
            )
            refuse(event, "kind", message % {"date": state.accepted_on})
        # A later notice of acceptance changes nothing: the decision period runs from the deemed day.
        return
    state.decided_on_acceptance = event.occurred_on
    if event.kind == EventKind.ACCEPTED:
        state.accepted_on = event.occurred_on
    else:
        # A refusal closes the case; the applicant may then sue (art. 34).
        state.closed_on, state.outcome = event.occurred_on, Outcome.NOT_ACCEPTED


def _extend(state: CaseState, event: CaseEvent, procedure: str, calendar: WorkingCalendar, refuse) -> None:
    if procedure == Procedure.SIMPLIFIED:
        refuse(event, "kind", _("A case under the simplified procedure cannot be extended (art. 62)."))
    if state.extension_days:
        refuse(event, "kind", _("The decision period can be extended only once (art. 62)."))
    if not state.suspended_since:
        # A period already past cannot be extended (art. 62: one that "cannot be met").
        ends = deadline_rules.decision_end(state, procedure, calendar)
        if event.occurred_on > ends:
            message = _(
                "An extension must be decided within the period it extends: the decision period ended on %(date)s "
                "(art. 62)."
            )
            refuse(event, "occurred_on", message % {"date": ends})
    state.extension_days = event.days or 0
