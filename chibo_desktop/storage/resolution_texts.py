"""The edited text of a meeting's resolution (table resolution_texts)."""

from __future__ import annotations

import datetime as dt
import json

from sqlite_utils import Database

from ..domain.meeting_documents import ResolutionText, Task


def load(db: Database, meeting_id: int) -> ResolutionText | None:
    row = db.execute(
        "SELECT number, grounds, review, tasks, implementation FROM resolution_texts "
        "WHERE meeting_id = ?",
        [meeting_id],
    ).fetchone()
    if row is None:
        return None
    number, grounds, review, tasks, implementation = row
    return ResolutionText(
        grounds=[line for line in grounds.split("\n") if line.strip()],
        review=review,
        tasks=[
            Task(t.get("text", ""), t.get("who", ""), t.get("due", "")) for t in json.loads(tasks)
        ],
        implementation=implementation,
        number=number,
    )


def save(db: Database, meeting_id: int, text: ResolutionText) -> None:
    tasks = [{"text": t.text, "who": t.who, "due": t.due} for t in text.tasks]
    db.execute(
        "INSERT INTO resolution_texts "
        "(meeting_id, number, grounds, review, tasks, implementation, updated_at) "
        "VALUES (?, ?, ?, ?, ?, ?, ?) ON CONFLICT (meeting_id) DO UPDATE SET "
        "number = excluded.number, grounds = excluded.grounds, review = excluded.review, "
        "tasks = excluded.tasks, implementation = excluded.implementation, "
        "updated_at = excluded.updated_at",
        [
            meeting_id,
            text.number,
            "\n".join(text.grounds),
            text.review,
            json.dumps(tasks, ensure_ascii=False),
            text.implementation,
            dt.datetime.now().isoformat(timespec="seconds"),
        ],
    )


def forget(db: Database, meeting_id: int) -> None:
    """Back to the draft from the minutes."""
    db.execute("DELETE FROM resolution_texts WHERE meeting_id = ?", [meeting_id])
