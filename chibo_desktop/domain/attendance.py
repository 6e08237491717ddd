"""Attendance figures over a period: per meeting, per member, and what to warn about."""

from __future__ import annotations

from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, field

# States that count towards "must attend"; exempt and away members are listed apart.
COUNTED = ("present", "excused", "absent")
MISSED = ("excused", "absent")


@dataclass
class MeetingFigures:
    meeting_id: int
    expected: int = 0
    present: int = 0
    excused: int = 0
    absent: int = 0
    exempt_or_away: int = 0

    @property
    def rate(self) -> float:
        return self.present / self.expected if self.expected else 0.0


@dataclass
class MemberFigures:
    member_id: int
    name: str
    expected: int = 0
    present: int = 0
    excused: int = 0
    absent: int = 0
    longest_streak: int = 0  # most meetings missed in a row (excused or not)
    current_streak: int = 0  # missed in a row up to the latest meeting
    _run: int = field(default=0, repr=False)

    @property
    def rate(self) -> float:
        return self.present / self.expected if self.expected else 0.0


def figures(
    rows: Iterable[Mapping], meeting_ids: Sequence[int]
) -> tuple[dict[int, MeetingFigures], dict[int, MemberFigures]]:
    """``rows``: attendance rows read by column name (meeting_id, member_id, state, name), in
    meeting order."""
    per_meeting = {mid: MeetingFigures(mid) for mid in meeting_ids}
    per_member: dict[int, MemberFigures] = {}
    for row in rows:
        meeting = per_meeting.get(row["meeting_id"])
        if meeting is None:
            continue
        state = row["state"]
        member = per_member.setdefault(
            row["member_id"], MemberFigures(row["member_id"], row["name"] or "")
        )
        if state not in COUNTED:
            meeting.exempt_or_away += 1
            continue
        meeting.expected += 1
        member.expected += 1
        setattr(meeting, state, getattr(meeting, state) + 1)
        setattr(member, state, getattr(member, state) + 1)
        if state in MISSED:
            member._run += 1
            member.longest_streak = max(member.longest_streak, member._run)
        else:
            member._run = 0
        member.current_streak = member._run
    return per_meeting, per_member


def missed_in_a_row(states_newest_first: Iterable[str]) -> int:
    """How many of the latest meetings a member missed in a row (exempt/away are skipped)."""
    run = 0
    for state in states_newest_first:
        if state == "present":
            break
        if state in MISSED:
            run += 1
    return run
