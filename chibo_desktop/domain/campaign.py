"""A political study campaign: its template, deadlines, overdue steps and progress."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field

from ..i18n import N_

EVIDENCE_KINDS = {
    "meeting": N_("Biên bản cuộc họp"),
    "file": N_("Tệp"),
    "note": N_("Ghi chú"),
    # The year's quality assessment of the members: progress is the share assessed.
    "assessment": N_("Kết quả xếp loại đảng viên"),
}
ITEM_KINDS = ("study", "self_review", "commitment", "attendance", "manual")
STEP_STATUSES = {
    "todo": N_("Chưa làm"),
    "doing": N_("Đang làm"),
    "done": N_("Đã xong"),
    "overdue": N_("Quá hạn"),
}


@dataclass(frozen=True)
class Document:
    key: str
    number: str
    title: str
    date: dt.date | None = None
    replaced_by: str = ""


@dataclass(frozen=True)
class StepTemplate:
    key: str
    title: str
    evidence: str = "note"
    offset_days: int | None = None
    anniversary: tuple[int, int] | None = None  # (month, day)
    source: str = ""  # the plan or rule the step follows
    verified: bool = True  # False: the source was not checked against its text


@dataclass(frozen=True)
class ItemTemplate:
    key: str
    title: str
    kind: str = "manual"
    document: str = ""  # for kind "study"
    step: str = ""  # for kind "attendance": the step whose meeting counts
    source: str = ""
    verified: bool = True


@dataclass(frozen=True)
class ReviewText:
    """One manifestation or prohibition as the template quotes it. ``verified`` is False when
    the wording was not checked against the official text: the program's screens say so
    ("chưa đối chiếu"); the printed form prints the text alone."""

    text: str
    source: str = ""
    verified: bool = False
    note: str = ""


@dataclass(frozen=True)
class ReviewGroup:
    key: str
    title: str
    entries: tuple[ReviewText, ...]


@dataclass(frozen=True)
class Template:
    key: str
    title: str
    theme: str = ""
    source: str = ""
    valid_from: dt.date | None = None
    note: str = ""  # what the template is (e.g. an example to adapt), shown when choosing
    documents: tuple[Document, ...] = ()
    steps: tuple[StepTemplate, ...] = ()
    extra_items: tuple[ItemTemplate, ...] = ()
    manifestation_groups: tuple[ReviewGroup, ...] = ()
    prohibitions: tuple[ReviewText, ...] = ()
    review_headings: tuple[str, ...] = ()

    @property
    def items(self) -> tuple[ItemTemplate, ...]:
        """Per-member items: one "studied" item per document, then the template's own."""
        study = tuple(
            ItemTemplate(f"hoc_{d.key}", _study_title(d.number), "study", document=d.key)
            for d in self.documents
        )
        return study + self.extra_items

    def item(self, key: str) -> ItemTemplate | None:
        return next((i for i in self.items if i.key == key), None)

    def review_texts(self) -> list[tuple[str, str, ReviewText]]:
        """(ref, group title, entry) for every manifestation (m1..m27) and prohibition
        (p1..p19, in the order of the articles)."""
        refs = []
        number = 0
        for group in self.manifestation_groups:
            for entry in group.entries:
                number += 1
                refs.append((f"m{number}", group.title, entry))
        for index, entry in enumerate(self.prohibitions, start=1):
            refs.append((f"p{index}", "", entry))
        return refs

    def review_refs(self) -> list[tuple[str, str, str]]:
        """(ref, group title, text): what a printed form shows."""
        return [(ref, group, entry.text) for ref, group, entry in self.review_texts()]

    def ref_number(self, ref: str) -> str:
        """The number a reader knows: "1.6" for m6 (group 1, entry 6), "3" for p3 (Điều 3)."""
        number = int(ref[1:])
        if ref.startswith("p"):
            return str(number)
        for group_number, group in enumerate(self.manifestation_groups, start=1):
            if number <= len(group.entries):
                return f"{group_number}.{number}"
            number -= len(group.entries)
        return ref

    def unverified(self) -> list[tuple[str, str, ReviewText]]:
        """The entries whose wording was not checked against the official text."""
        return [row for row in self.review_texts() if not row[2].verified]


def _study_title(number: str) -> str:
    if not any(ch.isdigit() for ch in number):
        number = number[:1].lower() + number[1:]
    # Item titles are template data, stored with the campaign and printed: Vietnamese.
    return f"Học {number}"


def due_date(step: StepTemplate, start: dt.date) -> dt.date:
    """The default deadline: ``offset_days`` after the start, or the next anniversary
    (e.g. 19/5) on or after the start."""
    if step.anniversary:
        month, day = step.anniversary
        candidate = _safe_date(start.year, month, day)
        if candidate < start:
            candidate = _safe_date(start.year + 1, month, day)
        return candidate
    return start + dt.timedelta(days=step.offset_days or 0)


def due_dates(
    steps: tuple[StepTemplate, ...] | list[StepTemplate],
    start: dt.date,
    finish: dt.date | None = None,
) -> list[dt.date]:
    """Default deadlines of a campaign's steps, in sequence. A step tied to an anniversary
    (the next 19/5) that would come after the last dated step listed after it (the report
    upward) or after the campaign's finish falls back inside the campaign: halfway between
    the dated steps around it. Anniversaries listed after every dated step (the
    six-month and year-end reviews) keep their day."""
    dates = [due_date(step, start) for step in steps]
    for index, step in enumerate(steps):
        if not step.anniversary:
            continue
        fixed = [not s.anniversary for s in steps]
        after = [d for d, f in zip(dates[index + 1 :], fixed[index + 1 :], strict=True) if f]
        limits = [*([max(after)] if after else []), *([finish] if finish else [])]
        if not limits or dates[index] <= min(limits):
            continue
        before = [d for d, f in zip(dates[:index], fixed[:index], strict=True) if f]
        low, high = max(before, default=start), min([*after, *limits])
        dates[index] = low + (high - low) // 2
    return dates


def _safe_date(year: int, month: int, day: int) -> dt.date:
    try:
        return dt.date(year, month, day)
    except ValueError:  # 29/2 in a common year
        return dt.date(year, month, 28)


@dataclass(frozen=True)
class CampaignMember:
    member_id: int
    full_name: str
    joined: dt.date | None = None  # set when the member joined after the start
    left: dt.date | None = None
    left_reason: str = ""

    @property
    def active(self) -> bool:
        return self.left is None


@dataclass(frozen=True)
class Mark:
    done: dt.date
    note: str = ""


@dataclass(frozen=True)
class Step:
    id: int
    key: str
    title: str
    evidence: str
    due: dt.date | None
    status: str
    done: dt.date | None = None
    responsible_id: int | None = None
    responsible_name: str = ""
    meeting_id: int | None = None
    meeting_date: dt.date | None = None
    file_name: str = ""
    note: str = ""
    shown_status: str = "todo"
    # For a step proved by the annual assessment: (year, members assessed, members to assess).
    assessed: tuple[int, int, int] | None = None

    @property
    def progress(self) -> float:
        """1 when done; for an assessment step the share of members assessed; else 0."""
        if self.shown_status == "done":
            return 1.0
        if self.assessed and self.assessed[2]:
            return self.assessed[1] / self.assessed[2]
        return 0.0


@dataclass
class CampaignState:
    """Everything a dashboard or a report needs about one campaign."""

    id: int
    title: str
    template: Template
    start: dt.date
    end: dt.date | None
    steps: list[Step]
    members: list[CampaignMember]
    marks: dict[tuple[int, str], Mark] = field(default_factory=dict)
    assessment: str = ""
    proposals: str = ""
    today: dt.date = field(default_factory=dt.date.today)

    @property
    def active_members(self) -> list[CampaignMember]:
        return [m for m in self.members if m.active]

    def done_count(self, item_key: str) -> int:
        return sum(1 for m in self.active_members if (m.member_id, item_key) in self.marks)

    def missing(self, item_key: str) -> list[CampaignMember]:
        return [m for m in self.active_members if (m.member_id, item_key) not in self.marks]

    def step_progress(self) -> float:
        if not self.steps:
            return 0.0
        return sum(s.progress for s in self.steps) / len(self.steps)

    def item_progress(self) -> float:
        items = self.template.items
        members = self.active_members
        if not items or not members:
            return 0.0
        done = sum(self.done_count(i.key) for i in items)
        return done / (len(items) * len(members))

    @property
    def progress(self) -> float:
        """Half the cell's steps, half the members' items."""
        return (self.step_progress() + self.item_progress()) / 2

    @property
    def overdue(self) -> list[Step]:
        return [s for s in self.steps if s.shown_status == "overdue"]

    def next_deadline(self) -> tuple[Step, int] | None:
        """The nearest open step due today or later, with the days left."""
        open_steps = [
            s
            for s in self.steps
            if s.shown_status in ("todo", "doing") and s.due is not None and s.due >= self.today
        ]
        if not open_steps:
            return None
        step = min(open_steps, key=lambda s: s.due)
        return step, (step.due - self.today).days


@dataclass(frozen=True)
class Figure:
    label: str
    done: int
    total: int

    @property
    def share(self) -> float:
        return self.done / self.total if self.total else 0.0


def figures(state: CampaignState) -> list[Figure]:
    """Participation figures for the reports: members in the campaign, then each item.
    The labels are printed, so Vietnamese; a screen translates the first with ``_()``."""
    total = len(state.active_members)
    rows = [
        Figure(N_("Đảng viên tham gia đợt sinh hoạt"), total, total),
    ]
    for item in state.template.items:
        rows.append(Figure(item.title, state.done_count(item.key), total))
    return rows


@dataclass
class SelfReview:
    """A member's bản tự kiểm điểm: text under headings, and for each manifestation or
    prohibition (ref m1..m27, p1..p19) whether it applies, with a note."""

    member_id: int
    full_name: str
    sections: dict[str, str] = field(default_factory=dict)
    marks: dict[str, tuple[bool, str]] = field(default_factory=dict)
    submitted: dt.date | None = None

    def present_refs(self) -> list[str]:
        return [ref for ref, (present, _note) in self.marks.items() if present]


_OFFICE_FILES = {"txt", "pdf", "doc", "docx", "odt", "rtf", "xls", "xlsx", "ods", "zip", "rar"}
_PICTURES = {"jpg", "jpeg", "png", "gif", "tif", "tiff", "bmp", "heic"}
DOCUMENT_EXTENSIONS = frozenset(_OFFICE_FILES | _PICTURES)


def document_title(file_name: str) -> str:
    """An attached file named as a document on paper: without its file extension."""
    stem, dot, extension = file_name.rpartition(".")
    if dot and stem and extension.lower() in DOCUMENT_EXTENSIONS:
        return stem
    return file_name
