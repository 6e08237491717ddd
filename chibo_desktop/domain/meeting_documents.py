"""The two papers of the monthly routine around a regular meeting: the cell's resolution
(nghị quyết chi bộ) drafted from its minutes, and the notice (thông báo) sent before it.

Both become a ReportDoc, so that the PDF and the Word writers of reports print them.
"""

from __future__ import annotations

import calendar
import datetime as dt
import re
from dataclasses import dataclass, field

from .meetings import Meeting
from .report import Column, ReportDoc, Section, Signer, Table

REVIEW_ITEM = "tháng trước"  # "Kiểm điểm, đánh giá việc thực hiện nhiệm vụ tháng trước"
TASKS_ITEM = "tháng tới"  # "Phương hướng, nhiệm vụ tháng tới"
DOTS = "…………"
TASK_COLUMNS = [
    Column("STT", 5, "int"),
    Column("Nhiệm vụ", 46),
    Column("Người thực hiện", 18),
    Column("Thời hạn", 14, align="center"),
]


@dataclass
class Task:
    text: str
    who: str = ""
    due: str = ""  # as the secretary writes it: "trước ngày 25/01/2027", "thường xuyên"


@dataclass
class ResolutionText:
    """What the secretary may edit before printing; drafted from the minutes."""

    grounds: list[str] = field(default_factory=list)
    review: str = ""
    tasks: list[Task] = field(default_factory=list)
    implementation: str = ""
    number: str = ""  # empty: the next "Số …-NQ/CB" of the year


@dataclass(frozen=True)
class Vote:
    votes_for: int
    against: int
    abstain: int
    text: str  # the minutes' own sentence: "Tán thành: 26/27 đồng chí (96,3%); …"


def is_regular(meeting: Meeting) -> bool:
    return "thuong_ky" in meeting.kinds


def _item(meeting: Meeting, words: str):
    return next((a for a in meeting.agenda if words in a.title.lower()), None)


def month_after(day: dt.date) -> tuple[int, int]:
    return (day.year + 1, 1) if day.month == 12 else (day.year, day.month + 1)


def _split_tasks(value: str) -> list[str]:
    """One task per line or per sentence ending in ";" or "."; bullets dropped."""
    parts = re.split(r"\n+|;\s+|\.\s+(?=[A-ZĐÀ-Ỹ])", value)
    tasks = [p.strip().lstrip("-+•").strip().rstrip(".;") for p in parts]
    return [t for t in tasks if t]


def draft_resolution(meeting: Meeting, cell_name: str) -> ResolutionText:
    """The resolution as the minutes suggest it: last month's review from the item that
    reviews it (content and conclusion), next month's tasks from the item that sets them."""
    review = _item(meeting, REVIEW_ITEM)
    tasks = _item(meeting, TASKS_ITEM)
    year, month = month_after(meeting.date)
    last_day = dt.date(year, month, calendar.monthrange(year, month)[1])
    due = f"trước ngày {last_day:%d/%m/%Y}"
    said = [x for x in (tasks.content, tasks.conclusion) if x] if tasks else []
    task_lines = _split_tasks("\n".join(said))
    d = meeting.date
    return ResolutionText(
        grounds=[
            "Căn cứ Điều lệ Đảng Cộng sản Việt Nam;",
            "Căn cứ chức năng, nhiệm vụ của chi bộ và chương trình công tác năm;",
            f"Căn cứ kết quả sinh hoạt {cell_name} ngày {d.day:02d} tháng {d.month} năm {d.year},",
        ],
        review=" ".join(x for x in (review.content, review.conclusion) if x) if review else "",
        tasks=[Task(t, "Chi ủy, đảng viên trong chi bộ", due) for t in task_lines],
        implementation=(
            "Chi ủy có trách nhiệm cụ thể hóa, phân công và theo dõi, đôn đốc việc thực hiện "
            "Nghị quyết; mỗi đồng chí đảng viên thực hiện tốt nhiệm vụ được giao. Kết quả "
            "thực hiện được kiểm điểm tại buổi sinh hoạt chi bộ thường kỳ tháng tới."
        ),
    )


def resolution_doc(
    meeting: Meeting, text: ResolutionText, vote: Vote | None, signer: Signer, cell_name: str
) -> ReportDoc:
    d = meeting.date
    year, month = month_after(d)
    adopted = (
        f"Nghị quyết được {cell_name} thông qua tại buổi sinh hoạt ngày {d:%d/%m/%Y}. {vote.text}"
        if vote
        else f"Nghị quyết được {cell_name} thông qua tại buổi sinh hoạt ngày {d:%d/%m/%Y}."
    )
    rows = [[n, t.text, t.who, t.due] for n, t in enumerate(text.tasks, start=1)]
    return ReportDoc(
        key="resolution",
        title=f"Nghị quyết {_subject(meeting)}",
        subtitle="",
        date=d,
        preamble=text.grounds,
        decision="CHI BỘ QUYẾT NGHỊ:",
        sections=[
            Section(
                "Đánh giá kết quả thực hiện nhiệm vụ tháng qua",
                [text.review or DOTS],
            ),
            Section(
                f"Nhiệm vụ tháng {month} năm {year}",
                [] if rows else [DOTS],
                Table(TASK_COLUMNS, rows) if rows else None,
            ),
            Section("Tổ chức thực hiện", [text.implementation, adopted]),
        ],
        signer=signer,
        number=text.number,
        body_size=True,
    )


def _subject(meeting: Meeting) -> str:
    title = meeting.title or f"sinh hoạt chi bộ tháng {meeting.date.month}"
    return title[:1].lower() + title[1:]


def spoken_time(value: str) -> str:
    """'19:30' -> '19 giờ 30 phút'; dots to fill in by hand when there is no time."""
    try:
        hours, minutes = (int(x) for x in value.split(":"))
    except (ValueError, AttributeError):
        return f"{DOTS} giờ {DOTS} phút"
    return f"{hours} giờ {minutes:02d} phút"


def notice_doc(
    meeting: Meeting, signer: Signer, cell_name: str, *, days_before: int | None
) -> ReportDoc:
    """HD 42: time, place, content and the documents to read before the meeting, which
    are posted on Sổ tay đảng viên điện tử."""
    d = meeting.date
    weekday = ("thứ Hai", "thứ Ba", "thứ Tư", "thứ Năm", "thứ Sáu", "thứ Bảy", "Chủ nhật")
    when = f"{spoken_time(meeting.start_time)}, {weekday[d.weekday()]}, ngày {d:%d/%m/%Y}."
    content = [f"- {a.title}." for a in meeting.agenda] or [DOTS]
    if meeting.topic:
        content.insert(0, f"- Chuyên đề: {meeting.topic}.")
    documents = [f"- {doc}." for doc in meeting.documents] or [
        "- Các văn bản sẽ được thông báo sau."
    ]
    posted = "Tài liệu được đăng trên Sổ tay đảng viên điện tử"
    if days_before:
        posted += f" trước buổi sinh hoạt ít nhất {days_before} ngày"
    documents.append(
        f"{posted}; đề nghị các đồng chí đảng viên nghiên cứu trước để tham gia ý kiến."
    )
    return ReportDoc(
        key="notice",
        title=f"Thông báo {_subject(meeting)}",
        subtitle="",
        date=d,
        preamble=[f"{cell_name} thông báo buổi sinh hoạt chi bộ như sau:"],
        sections=[
            Section("Thời gian", [when]),
            Section("Địa điểm", [f"{meeting.place or DOTS * 3}."]),
            Section("Nội dung", content),
            Section("Tài liệu nghiên cứu", documents),
        ],
        signer=signer,
        closing=[
            "Đề nghị các đồng chí đảng viên trong chi bộ bố trí thời gian dự họp đầy đủ, "
            "đúng giờ; trường hợp vắng mặt phải báo cáo lý do với đồng chí Bí thư chi bộ."
        ],
        body_size=True,
    )


def plain_text(doc: ReportDoc, header: list[str], recipients: list[str]) -> str:
    """A notice to paste into a message: no table, no layout, the same words."""
    kind, subject = doc.heading
    lines = [*header, "", kind, subject, "", *doc.preamble]
    if doc.decision:
        lines.append(doc.decision)
    for number, section in enumerate(doc.sections, start=1):
        lines.append(f"{number}. {section.title}:")
        lines += section.paragraphs
    lines += ["", *doc.closing, ""]
    lines += [doc.signer.caption, doc.signer.title, doc.signer.name]
    if recipients:
        lines += ["", "Nơi nhận:", *recipients]
    return "\n".join(lines) + "\n"
