"""Meetings: the minutes as data, attendance counts, the voting base, quality warnings.

Pure: the rules come in as ``MeetingRules`` (loaded from resources/rules/meetings.toml).
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field

from ..i18n import N_, _

STATES = ("present", "excused", "absent", "exempt", "away")
STATE_LABELS = {
    "present": N_("Có mặt"),
    "excused": N_("Vắng có lý do"),
    "absent": N_("Vắng không lý do"),
    "exempt": N_("Miễn sinh hoạt"),
    "away": N_("Sinh hoạt nơi khác"),
}
# Letters of the yearly attendance sheet: "P" reads as "có phép" (excused) to Vietnamese
# readers, so presence is "x".
STATE_LETTERS = {"present": "x", "excused": "P", "absent": "K", "exempt": "M", "away": "-"}
SUSPENDED_LETTER = "Đ"
LETTER_LEGEND = (
    "x: có mặt; P: vắng có lý do (có phép); K: vắng không lý do; M: miễn sinh hoạt; "
    "-: sinh hoạt tạm thời nơi khác; Đ: đình chỉ sinh hoạt; ô trống: chưa thuộc chi bộ"
)


@dataclass(frozen=True)
class KindRule:
    key: str
    label: str
    summary: str
    agenda: tuple[str, ...]
    opening: tuple[str, ...] = ()  # what the meeting opens with (HD 09), in the minutes


@dataclass(frozen=True)
class MeetingRules:
    kinds: tuple[KindRule, ...]
    majority: float = 0.5
    probationary_vote: bool = False
    temporary_in_base: bool = False
    exclude_excused: bool = True
    min_attendance: float = 0.85
    max_excused_in_a_row: int = 3
    min_minutes_single: int = 90
    min_minutes_combined: int = 120
    # Documents posted on Sổ tay đảng viên điện tử so many days before, for meetings from
    # the date the rule applies (None: not checked).
    documents_days_before: int | None = None
    documents_rule_from: dt.date | None = None

    def kind(self, key: str) -> KindRule | None:
        return next((k for k in self.kinds if k.key == key), None)


@dataclass
class Attendee:
    member_id: int
    name: str
    state: str = "present"
    reason: str = ""
    position: str = ""
    membership: str = "chinh_thuc"  # chinh_thuc | du_bi
    attachment: str = "official"  # official | temporary
    # normal | exempt | temp_exempt | temp_out | suspended | detained
    condition: str = "normal"
    # For an excused absence: the cell accepted the reason and the member missed the whole
    # meeting, so they are left out of the voting base (else they stay in it).
    excused_accepted: bool = True


@dataclass
class AgendaItem:
    title: str
    content: str = ""
    conclusion: str = ""


@dataclass
class Discussion:
    speaker: str
    text: str = ""
    member_id: int | None = None
    item: int | None = None  # index into the agenda


@dataclass
class Resolution:
    text: str
    votes_for: int = 0
    votes_against: int = 0
    votes_abstain: int = 0


@dataclass
class Guest:
    name: str
    role: str = ""


@dataclass
class MeetingEvent:
    action: str  # finalise | reopen
    user: str
    at: str


@dataclass
class Meeting:
    date: dt.date
    kinds: tuple[str, ...] = ("thuong_ky",)
    id: int | None = None
    number: str = ""
    title: str = ""
    topic: str = ""
    presenter: str = ""
    start_time: str = ""
    end_time: str = ""
    place: str = ""
    chair_id: int | None = None
    chair_name: str = ""
    chair_position: str = ""
    secretary_id: int | None = None
    secretary_name: str = ""
    secretary_position: str = ""
    opening: str = ""
    approval_for: int | None = None
    approval_against: int | None = None
    approval_abstain: int | None = None
    status: str = "draft"
    documents_posted: bool = False  # on Sổ tay đảng viên điện tử, in time (HD 42)
    attendance: list[Attendee] = field(default_factory=list)
    agenda: list[AgendaItem] = field(default_factory=list)
    discussions: list[Discussion] = field(default_factory=list)
    resolutions: list[Resolution] = field(default_factory=list)
    guests: list[Guest] = field(default_factory=list)
    documents: list[str] = field(default_factory=list)
    events: list[MeetingEvent] = field(default_factory=list)

    @property
    def final(self) -> bool:
        return self.status == "final"


def kind_keys(kinds: str | None) -> list[str]:
    """The kinds of a stored meeting ("thuong_ky,chuyen_de") as keys."""
    return [k.strip() for k in (kinds or "").split(",") if k.strip()]


def is_regular_kinds(kinds: str | None) -> bool:
    """Whether a stored meeting is the month's regular one (alone or with a theme)."""
    return "thuong_ky" in kind_keys(kinds)


def default_state(condition: str) -> str:
    """How someone appears on a new attendance list, from their state in the register."""
    if condition in ("exempt", "temp_exempt"):
        return "exempt"
    if condition in NOT_SUMMONED:
        return "away"
    return "present"


def summary_line(rules: MeetingRules, meeting: Meeting) -> str:
    """'Sinh hoạt chi bộ thường kỳ tháng 3 năm 2026' (combined kinds joined). A printed
    title: Vietnamese whatever the interface language."""
    d = meeting.date
    values = {
        "day": f"{d.day:02d}",
        "month": d.month,
        "year": d.year,
        "topic": meeting.topic or "…",
    }
    kinds = [rules.kind(k) for k in meeting.kinds]
    kinds = [k for k in kinds if k is not None]
    if not kinds:
        return f"Sinh hoạt chi bộ ngày {d.strftime('%d/%m/%Y')}"
    if len(kinds) > 1:
        labels = " và ".join(k.label for k in kinds)
        text = f"Sinh hoạt chi bộ {labels} tháng {d.month} năm {d.year}"
        return text + (f": {meeting.topic}" if meeting.topic else "")
    return kinds[0].summary.format(**values)


def agenda_template(rules: MeetingRules, kinds: Iterable[str]) -> list[AgendaItem]:
    items: list[AgendaItem] = []
    seen: set[str] = set()
    for key in kinds:
        rule = rules.kind(key)
        for title in rule.agenda if rule else ():
            if title not in seen:
                seen.add(title)
                items.append(AgendaItem(title))
    return items


# --- counts ---------------------------------------------------------------------------------


@dataclass(frozen=True)
class Counts:
    total: int
    total_official: int  # chính thức, attached here
    total_probationary: int
    total_temporary: int  # attached here temporarily
    exempt: int
    away: int  # temporarily transferred out
    suspended: int
    summoned: int  # expected at the meeting
    present: int
    present_official: int
    present_probationary: int
    present_temporary: int
    exempt_present: int  # exempt members who came anyway
    excused: tuple[tuple[str, str], ...]  # (name, reason)
    absent: tuple[str, ...]
    voting_base: int
    threshold: int  # the smallest "for" count that passes
    voters_present: int = 0  # members of the voting base who are at the meeting

    @property
    def voters_absent(self) -> int:
        """Members of the voting base not at the meeting: counted as "vắng" in every vote."""
        return self.voting_base - self.voters_present

    @property
    def attendance_rate(self) -> float | None:
        if not self.summoned:
            return None
        return (self.present - self.exempt_present) / self.summoned


# Not summoned and not in the voting base: away on temporary attendance, suspended, or
# under prosecution, indictment or temporary detention (QĐ 24 điểm 9.3.2, kept by QĐ 294).
NOT_SUMMONED = ("temp_out", "suspended", "detained")


def _is_away(a: Attendee) -> bool:
    return a.state == "away" or a.condition in NOT_SUMMONED


def _is_exempt(a: Attendee) -> bool:
    return a.condition in ("exempt", "temp_exempt") or a.state == "exempt"


def threshold_for(base: int, majority: float) -> int:
    """Smallest whole number strictly above ``majority`` × base (0 when nobody can vote)."""
    if base <= 0:
        return 0
    limit = base * majority
    return int(limit) + 1


def compute_counts(attendance: Sequence[Attendee], rules: MeetingRules) -> Counts:
    temporary = [a for a in attendance if a.attachment == "temporary"]
    own = [a for a in attendance if a.attachment != "temporary"]
    away = [a for a in attendance if _is_away(a) and a.condition not in ("suspended", "detained")]
    suspended = [a for a in attendance if a.condition in ("suspended", "detained")]
    exempt = [a for a in attendance if _is_exempt(a) and not _is_away(a)]
    exempt_present = [a for a in exempt if a.state == "present"]
    expected = [a for a in attendance if not _is_away(a) and not _is_exempt(a)]
    present = [a for a in attendance if a.state == "present" and not _is_away(a)]
    excused = [a for a in expected if a.state == "excused"]
    absent = [a for a in expected if a.state == "absent"]

    def votes(a: Attendee) -> bool:
        if a.membership != "chinh_thuc" and not rules.probationary_vote:
            return False
        if a.attachment == "temporary" and not rules.temporary_in_base:
            return False
        if _is_away(a):
            return False
        if _is_exempt(a) and a.state != "present":
            return False
        return not (rules.exclude_excused and a.state == "excused" and a.excused_accepted)

    voters = [a for a in attendance if votes(a)]
    base = len(voters)
    return Counts(
        total=len(attendance),
        total_official=sum(1 for a in own if a.membership == "chinh_thuc"),
        total_probationary=sum(1 for a in own if a.membership != "chinh_thuc"),
        total_temporary=len(temporary),
        exempt=len(exempt),
        away=len(away),
        suspended=len(suspended),
        summoned=len(expected),
        present=len(present),
        present_official=sum(
            1 for a in present if a.attachment != "temporary" and a.membership == "chinh_thuc"
        ),
        present_probationary=sum(
            1 for a in present if a.attachment != "temporary" and a.membership != "chinh_thuc"
        ),
        present_temporary=sum(1 for a in present if a.attachment == "temporary"),
        exempt_present=len(exempt_present),
        excused=tuple((a.name, a.reason) for a in excused),
        absent=tuple(a.name for a in absent),
        voting_base=base,
        threshold=threshold_for(base, rules.majority),
        voters_present=sum(1 for a in voters if a.state == "present"),
    )


def vote_passed(votes_for: int, counts: Counts) -> bool:
    return counts.voting_base > 0 and votes_for >= counts.threshold


# --- quality warnings -----------------------------------------------------------------------


def minutes_between(start: str, end: str) -> int | None:
    """Length of the meeting from 'HH:MM' texts; None when a time is missing or wrong."""
    try:
        h1, m1 = (int(x) for x in start.split(":"))
        h2, m2 = (int(x) for x in end.split(":"))
    except (ValueError, AttributeError):
        return None
    length = (h2 * 60 + m2) - (h1 * 60 + m1)
    return length if length > 0 else None


def minimum_minutes(kinds: Sequence[str], rules: MeetingRules) -> int:
    combined = "thuong_ky" in kinds and "chuyen_de" in kinds
    return rules.min_minutes_combined if combined else rules.min_minutes_single


def excused_streaks(history: Sequence[Sequence[Attendee]]) -> dict[int, tuple[str, int]]:
    """For each member, the number of meetings in a row (ending with the last one) they
    were absent with reason: member_id -> (name, streak)."""
    streaks: dict[int, tuple[str, int]] = {}
    for meeting in history:
        for a in meeting:
            _name, count = streaks.get(a.member_id, (a.name, 0))
            if a.state == "excused":
                streaks[a.member_id] = (a.name, count + 1)
            elif a.state in ("present", "absent"):
                streaks[a.member_id] = (a.name, 0)
    return streaks


def warnings(
    meeting: Meeting,
    counts: Counts,
    rules: MeetingRules,
    year_history: Sequence[Sequence[Attendee]] = (),
) -> list[str]:
    """Quality warnings. ``year_history`` holds the attendance of this year's meetings up to
    and including this one, in date order."""
    found: list[str] = []
    rate = counts.attendance_rate
    if rate is not None and rate <= rules.min_attendance:
        found.append(
            _("Tỷ lệ dự họp {rate:.0f}%, chưa vượt mức chi bộ đặt ({limit:.0f}%).").format(
                rate=rate * 100, limit=rules.min_attendance * 100
            )
        )
    if counts.absent:
        found.append(
            _("Có đảng viên vắng không lý do: {names}.").format(names=", ".join(counts.absent))
        )
    for _member, (name, streak) in sorted(excused_streaks(year_history).items()):
        if streak > rules.max_excused_in_a_row:
            found.append(
                _("Đồng chí {name} vắng có lý do {n} lần liên tiếp trong năm.").format(
                    name=name, n=streak
                )
            )
    length = minutes_between(meeting.start_time, meeting.end_time)
    needed = minimum_minutes(meeting.kinds, rules)
    if length is not None and length < needed:
        found.append(
            _("Buổi sinh hoạt {length} phút, ngắn hơn {needed} phút theo hướng dẫn.").format(
                length=length, needed=needed
            )
        )
    return found


def state_label(state: str) -> str:
    return _(STATE_LABELS.get(state, state))


def attendance_letter(a: Attendee) -> str:
    """The attendance sheet's letter: a suspended member is neither present nor away."""
    if a.condition == "suspended" and a.state != "present":
        return SUSPENDED_LETTER
    return STATE_LETTERS.get(a.state, "")


def not_summoned_label(a: Attendee) -> str:
    """Why someone on the list is not expected at the meeting, as printed."""
    if a.condition == "suspended":
        return "đình chỉ sinh hoạt"
    if a.state == "exempt" or a.condition == "exempt":
        return "miễn sinh hoạt"
    return "sinh hoạt tạm thời nơi khác"
