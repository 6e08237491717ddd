"""The year's attendance as a workbook: members × meetings with x / P / K and rates."""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path

from ...domain.meetings import LETTER_LEGEND, Attendee, attendance_letter
from ...domain.text import name_sort_key
from ..letterhead import Letterhead
from .closing import closing_rows
from .sheets import (
    PERCENT_FORMAT,
    finish_sheet,
    header_row,
    letterhead_rows,
    new_workbook,
    put,
    save_workbook,
)

COUNTED = ("present", "excused", "absent")


@dataclass(frozen=True)
class MeetingColumn:
    date: dt.date
    title: str
    attendance: Sequence[Attendee]
    draft: bool = False


def rate(present: int, expected: int) -> float | None:
    return present / expected if expected else None


def write_attendance(
    path: str | Path,
    head: Letterhead,
    year: int,
    meetings: Sequence[MeetingColumn],
    secretary: str = "",
) -> Path:
    from openpyxl.comments import Comment

    wb, ws = new_workbook()
    ws.title = f"Dự họp {year}"
    names: dict[int, str] = {}
    for column in meetings:
        for a in column.attendance:
            names.setdefault(a.member_id, a.name)
    members = sorted(names, key=lambda mid: name_sort_key(names[mid]))
    columns = 2 + len(meetings) + 4
    row = letterhead_rows(ws, head, f"BẢNG THEO DÕI DỰ SINH HOẠT CHI BỘ NĂM {year}", "", columns)
    legend = LETTER_LEGEND
    if any(c.draft for c in meetings):
        legend += "; (DT): biên bản còn là dự thảo, chưa hoàn tất"
    labels = ["STT", "Họ và tên"]
    labels += [c.date.strftime("%d/%m") + (" (DT)" if c.draft else "") for c in meetings]
    labels += ["Có mặt", "Vắng có lý do", "Vắng không lý do", "Tỷ lệ dự họp"]
    header_row(ws, row, labels)
    for index, column in enumerate(meetings, start=3):
        note = column.title + (" — biên bản dự thảo, chưa hoàn tất" if column.draft else "")
        ws.cell(row=row, column=index).comment = Comment(note, "Chi bộ Desktop")
    header = row
    by_meeting = [{a.member_id: a for a in c.attendance} for c in meetings]
    for number, member_id in enumerate(members, start=1):
        row += 1
        put(ws, row, 1, number, border=True, align="center")
        put(ws, row, 2, names[member_id], border=True)
        tally = dict.fromkeys(COUNTED, 0)
        for index, by_member in enumerate(by_meeting, start=3):
            person = by_member.get(member_id)
            letter = attendance_letter(person) if person else ""
            put(ws, row, index, letter, border=True, align="center")
            if person is not None and person.state in tally:
                tally[person.state] += 1
        put(ws, row, len(meetings) + 3, tally["present"], border=True, align="center")
        put(ws, row, len(meetings) + 4, tally["excused"], border=True, align="center")
        put(ws, row, len(meetings) + 5, tally["absent"], border=True, align="center")
        share = rate(tally["present"], sum(tally.values()))
        put(
            ws,
            row,
            len(meetings) + 6,
            share if share is not None else "",
            border=True,
            align="center",
            number_format=PERCENT_FORMAT,
        )
    row += 1
    put(ws, row, 2, "Tỷ lệ dự họp", bold=True, border=True)
    put(ws, row, 1, "", border=True)
    for index, column in enumerate(meetings, start=3):
        expected = [a for a in column.attendance if a.state in COUNTED]
        present = sum(1 for a in expected if a.state == "present")
        share = rate(present, len(expected))
        put(
            ws,
            row,
            index,
            share if share is not None else "",
            bold=True,
            border=True,
            align="center",
            number_format=PERCENT_FORMAT,
        )

    # The legend under the table, wrapped over its width: on one line it ran off the page.
    row += 2
    ws.merge_cells(start_row=row, start_column=1, end_row=row, end_column=columns)
    put(ws, row, 1, "Ký hiệu: " + legend + ".", italic=True, wrap=True)
    closing_rows(ws, row + 2, columns, ("T/M CHI BỘ", "BÍ THƯ", secretary), head.recipients)
    finish_sheet(ws, header, [6, 28] + [8] * len(meetings) + [9, 10, 10, 10])
    return save_workbook(wb, path)
