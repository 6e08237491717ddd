"""Meetings and their parts (attendance, agenda, discussion, votes, guests, documents)."""

from __future__ import annotations

import datetime as dt

from sqlite_utils import Database

from ..domain.meetings import (
    AgendaItem,
    Attendee,
    Discussion,
    Guest,
    Meeting,
    MeetingEvent,
    Resolution,
)

_FIELDS = (
    "number",
    "title",
    "topic",
    "presenter",
    "start_time",
    "end_time",
    "place",
    "chair_id",
    "chair_name",
    "chair_position",
    "secretary_id",
    "secretary_name",
    "secretary_position",
    "opening",
    "approval_for",
    "approval_against",
    "approval_abstain",
    "documents_posted",
)
_ATTENDANCE = (
    "member_id",
    "name",
    "state",
    "reason",
    "position",
    "membership",
    "attachment",
    "condition",
    "excused_accepted",
)


def _attendee(row: dict) -> Attendee:
    return Attendee(**{**row, "excused_accepted": bool(row["excused_accepted"])})


def _head_values(meeting: Meeting, search_text: str) -> dict:
    values = {name: getattr(meeting, name) for name in _FIELDS}
    values.update(
        date=meeting.date.isoformat(),
        kinds=",".join(meeting.kinds),
        search_text=search_text,
    )
    return values


def insert(db: Database, meeting: Meeting, search_text: str) -> int:
    values = _head_values(meeting, search_text)
    cursor = db.execute(
        f"INSERT INTO meetings ({', '.join(values)}) VALUES ({', '.join('?' * len(values))})",
        list(values.values()),
    )
    meeting_id = cursor.lastrowid
    _write_parts(db, meeting_id, meeting)
    return meeting_id


def update(db: Database, meeting: Meeting, search_text: str) -> None:
    values = _head_values(meeting, search_text)
    assignments = ", ".join(f"{k} = ?" for k in values)
    db.execute(
        f"UPDATE meetings SET {assignments}, "
        "updated_at = strftime('%Y-%m-%dT%H:%M:%S', 'now', 'localtime') WHERE id = ?",
        [*values.values(), meeting.id],
    )
    for table in (
        "attendance",
        "meeting_agenda",
        "meeting_discussions",
        "meeting_resolutions",
        "meeting_guests",
        "meeting_documents",
    ):
        db.execute(f"DELETE FROM {table} WHERE meeting_id = ?", [meeting.id])
    _write_parts(db, meeting.id, meeting)


def _write_parts(db: Database, meeting_id: int, meeting: Meeting) -> None:
    conn = db.conn
    conn.executemany(
        f"INSERT INTO attendance (meeting_id, {', '.join(_ATTENDANCE)}) "
        f"VALUES (?, {', '.join('?' * len(_ATTENDANCE))})",
        [[meeting_id, *(getattr(a, n) for n in _ATTENDANCE)] for a in meeting.attendance],
    )
    conn.executemany(
        "INSERT INTO meeting_agenda (meeting_id, position, title, content, conclusion) "
        "VALUES (?, ?, ?, ?, ?)",
        [[meeting_id, i, a.title, a.content, a.conclusion] for i, a in enumerate(meeting.agenda)],
    )
    conn.executemany(
        "INSERT INTO meeting_discussions (meeting_id, position, item, member_id, speaker, text) "
        "VALUES (?, ?, ?, ?, ?, ?)",
        [
            [meeting_id, i, d.item, d.member_id, d.speaker, d.text]
            for i, d in enumerate(meeting.discussions)
        ],
    )
    conn.executemany(
        "INSERT INTO meeting_resolutions (meeting_id, position, text, votes_for, votes_against, "
        "votes_abstain) VALUES (?, ?, ?, ?, ?, ?)",
        [
            [meeting_id, i, r.text, r.votes_for, r.votes_against, r.votes_abstain]
            for i, r in enumerate(meeting.resolutions)
        ],
    )
    conn.executemany(
        "INSERT INTO meeting_guests (meeting_id, position, name, role) VALUES (?, ?, ?, ?)",
        [[meeting_id, i, g.name, g.role] for i, g in enumerate(meeting.guests)],
    )
    conn.executemany(
        "INSERT INTO meeting_documents (meeting_id, position, title) VALUES (?, ?, ?)",
        [[meeting_id, i, t] for i, t in enumerate(meeting.documents)],
    )


def get(db: Database, meeting_id: int) -> Meeting | None:
    rows = list(db.query("SELECT * FROM meetings WHERE id = ?", [meeting_id]))
    if not rows:
        return None
    row = rows[0]
    meeting = Meeting(
        id=row["id"],
        date=dt.date.fromisoformat(row["date"]),
        kinds=tuple(k for k in row["kinds"].split(",") if k),
        status=row["status"],
        **{name: row[name] for name in _FIELDS},
    )
    meeting.documents_posted = bool(row["documents_posted"])
    meeting.attendance = attendance(db, meeting_id)
    meeting.agenda = [
        AgendaItem(r["title"], r["content"], r["conclusion"])
        for r in db.query(
            "SELECT title, content, conclusion FROM meeting_agenda WHERE meeting_id = ? "
            "ORDER BY position",
            [meeting_id],
        )
    ]
    meeting.discussions = [
        Discussion(r["speaker"], r["text"], r["member_id"], r["item"])
        for r in db.query(
            "SELECT speaker, text, member_id, item FROM meeting_discussions "
            "WHERE meeting_id = ? ORDER BY position",
            [meeting_id],
        )
    ]
    meeting.resolutions = [
        Resolution(r["text"], r["votes_for"], r["votes_against"], r["votes_abstain"])
        for r in db.query(
            "SELECT text, votes_for, votes_against, votes_abstain FROM meeting_resolutions "
            "WHERE meeting_id = ? ORDER BY position",
            [meeting_id],
        )
    ]
    meeting.guests = [
        Guest(r["name"], r["role"])
        for r in db.query(
            "SELECT name, role FROM meeting_guests WHERE meeting_id = ? ORDER BY position",
            [meeting_id],
        )
    ]
    meeting.documents = [
        r["title"]
        for r in db.query(
            "SELECT title FROM meeting_documents WHERE meeting_id = ? ORDER BY position",
            [meeting_id],
        )
    ]
    meeting.events = [
        MeetingEvent(r["action"], r["user"], r["at"])
        for r in db.query(
            "SELECT action, user, at FROM meeting_events WHERE meeting_id = ? ORDER BY id",
            [meeting_id],
        )
    ]
    return meeting


def attendance(db: Database, meeting_id: int) -> list[Attendee]:
    return [
        _attendee(r)
        for r in db.query(
            f"SELECT {', '.join(_ATTENDANCE)} FROM attendance WHERE meeting_id = ? ORDER BY rowid",
            [meeting_id],
        )
    ]


def attendance_between(db: Database, start: str, end: str) -> dict[int, list[Attendee]]:
    """meeting id -> attendance, for meetings dated start..end (inclusive), in date order."""
    result: dict[int, list[Attendee]] = {}
    for r in db.query(
        f"SELECT a.meeting_id, {', '.join('a.' + n for n in _ATTENDANCE)} "
        "FROM attendance a JOIN meetings m ON m.id = a.meeting_id "
        "WHERE m.date BETWEEN ? AND ? ORDER BY m.date, m.id, a.rowid",
        [start, end],
    ):
        meeting_id = r.pop("meeting_id")
        result.setdefault(meeting_id, []).append(_attendee(r))
    return result


def rows(db: Database, start: str | None = None, end: str | None = None) -> list[dict]:
    sql = (
        "SELECT id, date, kinds, number, title, topic, start_time, end_time, status, "
        "(SELECT count(*) FROM attendance a WHERE a.meeting_id = m.id AND a.state = 'present')"
        " AS present, "
        "(SELECT count(*) FROM attendance a WHERE a.meeting_id = m.id) AS listed "
        "FROM meetings m"
    )
    params: list = []
    if start is not None and end is not None:
        sql += " WHERE date BETWEEN ? AND ?"
        params = [start, end]
    return list(db.query(sql + " ORDER BY date DESC, id DESC", params))


def status(db: Database, meeting_id: int) -> str | None:
    row = db.execute("SELECT status FROM meetings WHERE id = ?", [meeting_id]).fetchone()
    return row[0] if row else None


def set_status(db: Database, meeting_id: int, status: str, action: str, user: str) -> None:
    db.execute("UPDATE meetings SET status = ? WHERE id = ?", [status, meeting_id])
    db.execute(
        "INSERT INTO meeting_events (meeting_id, action, user) VALUES (?, ?, ?)",
        [meeting_id, action, user],
    )


def delete(db: Database, meeting_id: int) -> None:
    db.execute("DELETE FROM meetings WHERE id = ?", [meeting_id])


def search_ids(db: Database, fts_query: str) -> list[int]:
    return [
        r[0]
        for r in db.execute(
            "SELECT rowid FROM meetings_fts WHERE meetings_fts MATCH ? ORDER BY rank", [fts_query]
        )
    ]


def phrases(db: Database, field: str) -> list[str]:
    return [
        r[0]
        for r in db.execute(
            "SELECT text FROM stock_phrases WHERE field = ? ORDER BY uses DESC, id", [field]
        )
    ]


def add_phrase(db: Database, field: str, text: str) -> None:
    db.execute(
        "INSERT INTO stock_phrases (field, text, uses) VALUES (?, ?, 1) "
        "ON CONFLICT (field, text) DO UPDATE SET uses = uses + 1",
        [field, text],
    )


def remove_phrase(db: Database, field: str, text: str) -> None:
    db.execute("DELETE FROM stock_phrases WHERE field = ? AND text = ?", [field, text])
