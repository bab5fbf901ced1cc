"""Writes of the ledger that span several rows: a leading group with its members, a meeting with its attendees."""

from __future__ import annotations

import datetime
from collections.abc import Iterable, Sequence

from django.core.exceptions import ValidationError
from django.db import transaction
from django.db.models import Q
from django.utils.translation import gettext as _

from enforcement.agencies.models import Agency

from .models import GroupRole, LeadingGroup, LeadingGroupMeeting, LeadingGroupMember


@transaction.atomic
def create_leading_group(
    *, agency: Agency, name: str, established_on: datetime.date, members: Sequence[dict], document_number: str = ""
) -> LeadingGroup:
    """The group and its members, all or nothing; `members` are dicts of name, position and group_role."""
    if not any(member.get("group_role") == GroupRole.LEADER for member in members):
        raise ValidationError({"members": _("A leading group has a group leader.")})
    group = LeadingGroup(agency=agency, name=name, established_on=established_on, document_number=document_number)
    group.full_clean()
    group.save()
    for member in members:
        row = LeadingGroupMember(
            group=group,
            joined_on=member.get("joined_on", established_on),
            **{key: value for key, value in member.items() if key != "joined_on"},
        )
        row.full_clean()
        row.save()
    return group


def members_on(group: LeadingGroup, day: datetime.date):
    return group.members.filter(joined_on__lte=day).filter(Q(left_on__isnull=True) | Q(left_on__gte=day))


def strangers_at(group: LeadingGroup, day: datetime.date, attendees: Iterable[LeadingGroupMember]) -> str | None:
    """Why these attendees cannot be recorded at the group's meeting on `day`, or None when they can."""
    eligible = set(members_on(group, day).values_list("pk", flat=True))
    strangers = [member.name for member in attendees if member.pk not in eligible]
    if not strangers:
        return None
    return _("Not members of the group on that day: %(names)s.") % {"names": "、".join(strangers)}


@transaction.atomic
def save_leading_group_meeting(
    *,
    meeting: LeadingGroupMeeting | None = None,
    group: LeadingGroup,
    held_on: datetime.date,
    topics: str,
    topics_count: int,
    attendees: Iterable[LeadingGroupMember],
    decisions_count: int = 0,
    place: str = "",
) -> LeadingGroupMeeting:
    """A new meeting (or `meeting` changed) and who attended; an attendee is a member of the group on the day."""
    attendees = list(attendees)
    if not attendees:
        raise ValidationError({"attendees": _("A meeting has attendees.")})
    refusal = strangers_at(group, held_on, attendees)
    if refusal:
        raise ValidationError({"attendees": refusal})
    meeting = meeting or LeadingGroupMeeting()
    meeting.group, meeting.held_on, meeting.place = group, held_on, place
    meeting.topics, meeting.topics_count, meeting.decisions_count = topics, topics_count, decisions_count
    meeting.full_clean()
    meeting.save()
    meeting.attendees.set(attendees)
    return meeting
