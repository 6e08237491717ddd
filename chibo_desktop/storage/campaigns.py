"""Campaigns, their steps, members, marks, self-reviews and user templates (all the SQL)."""

from __future__ import annotations

import datetime as dt
import json

from sqlite_utils import Database


def _iso(value: dt.date | None) -> str | None:
    return value.isoformat() if value else None


# ---- user templates ----


def user_templates(db: Database) -> list[dict]:
    return list(db.query("SELECT key, title, body, based_on FROM campaign_templates ORDER BY id"))


def user_template(db: Database, key: str) -> dict | None:
    rows = list(
        db.query("SELECT key, title, body, based_on FROM campaign_templates WHERE key = ?", [key])
    )
    return rows[0] if rows else None


def save_user_template(db: Database, key: str, title: str, body: str, based_on: str) -> None:
    db.execute(
        "INSERT INTO campaign_templates(key, title, body, based_on) VALUES (?, ?, ?, ?) "
        "ON CONFLICT(key) DO UPDATE SET title = excluded.title, body = excluded.body, "
        "updated_at = strftime('%Y-%m-%dT%H:%M:%S', 'now', 'localtime')",
        [key, title, body, based_on],
    )


def delete_user_template(db: Database, key: str) -> None:
    db.execute("DELETE FROM campaign_templates WHERE key = ?", [key])


# ---- campaigns ----


def insert_campaign(
    db: Database,
    title: str,
    template_key: str,
    template_text: str,
    start: dt.date,
    finish: dt.date | None,
) -> int:
    cursor = db.execute(
        "INSERT INTO campaigns(title, template_key, template, start, finish) "
        "VALUES (?, ?, ?, ?, ?)",
        [title, template_key, template_text, start.isoformat(), _iso(finish)],
    )
    return cursor.lastrowid


def campaigns(db: Database) -> list[dict]:
    return list(
        db.query(
            "SELECT id, title, template_key, start, finish FROM campaigns "
            "ORDER BY start DESC, id DESC"
        )
    )


def campaign(db: Database, campaign_id: int) -> dict | None:
    rows = list(db.query("SELECT * FROM campaigns WHERE id = ?", [campaign_id]))
    return rows[0] if rows else None


def update_campaign_text(db: Database, campaign_id: int, **values: str | None) -> None:
    allowed = {"title", "assessment", "proposals", "finish"}
    sets = {k: v for k, v in values.items() if k in allowed}
    if sets:
        db.execute(
            f"UPDATE campaigns SET {', '.join(f'{k} = ?' for k in sets)} WHERE id = ?",
            [*sets.values(), campaign_id],
        )


def delete_campaign(db: Database, campaign_id: int) -> None:
    db.execute("DELETE FROM campaigns WHERE id = ?", [campaign_id])


# ---- steps ----


def insert_step(
    db: Database,
    campaign_id: int,
    position: int,
    key: str,
    title: str,
    evidence: str,
    due: dt.date | None,
) -> int:
    cursor = db.execute(
        "INSERT INTO campaign_steps(campaign_id, position, key, title, evidence, due) "
        "VALUES (?, ?, ?, ?, ?, ?)",
        [campaign_id, position, key, title, evidence, _iso(due)],
    )
    return cursor.lastrowid


def steps(db: Database, campaign_id: int) -> list[dict]:
    """Steps with the responsible member's name and the linked meeting's date."""
    return list(
        db.query(
            "SELECT s.id, s.campaign_id, s.key, s.title, s.evidence, s.due, s.responsible_id, "
            "s.status, s.done_date, s.meeting_id, s.file_name, s.note, "
            "m.full_name AS responsible_name, g.date AS meeting_date "
            "FROM campaign_steps s LEFT JOIN members m ON m.id = s.responsible_id "
            "LEFT JOIN meetings g ON g.id = s.meeting_id "
            "WHERE s.campaign_id = ? ORDER BY s.position, s.id",
            [campaign_id],
        )
    )


def step(db: Database, step_id: int) -> dict | None:
    rows = list(
        db.query(
            "SELECT id, campaign_id, key, title, evidence, due, responsible_id, status, "
            "done_date, meeting_id, file_name, note FROM campaign_steps WHERE id = ?",
            [step_id],
        )
    )
    return rows[0] if rows else None


def update_step(db: Database, step_id: int, values: dict) -> None:
    allowed = {"title", "due", "responsible_id", "status", "done_date", "meeting_id", "note"}
    sets = {k: v for k, v in values.items() if k in allowed}
    if sets:
        db.execute(
            f"UPDATE campaign_steps SET {', '.join(f'{k} = ?' for k in sets)} WHERE id = ?",
            [*sets.values(), step_id],
        )


def set_step_file(db: Database, step_id: int, name: str, data: bytes | None) -> None:
    db.execute(
        "UPDATE campaign_steps SET file_name = ?, file_data = ? WHERE id = ?",
        [name, data, step_id],
    )


def step_file(db: Database, step_id: int) -> tuple[str, bytes] | None:
    row = db.execute(
        "SELECT file_name, file_data FROM campaign_steps WHERE id = ?", [step_id]
    ).fetchone()
    if not row or row[1] is None:
        return None
    return row[0], bytes(row[1])


# ---- members ----


def campaign_members(db: Database, campaign_id: int) -> list[dict]:
    return list(
        db.query(
            "SELECT c.member_id, m.full_name, c.joined_on, c.left_on, c.left_reason "
            "FROM campaign_members c JOIN members m ON m.id = c.member_id "
            "WHERE c.campaign_id = ?",
            [campaign_id],
        )
    )


def add_member(db: Database, campaign_id: int, member_id: int, joined: dt.date | None) -> None:
    db.execute(
        "INSERT OR IGNORE INTO campaign_members(campaign_id, member_id, joined_on) "
        "VALUES (?, ?, ?)",
        [campaign_id, member_id, _iso(joined)],
    )


def set_member_left(
    db: Database, campaign_id: int, member_id: int, left: dt.date | None, reason: str
) -> None:
    db.execute(
        "UPDATE campaign_members SET left_on = ?, left_reason = ? "
        "WHERE campaign_id = ? AND member_id = ?",
        [_iso(left), reason, campaign_id, member_id],
    )


# ---- marks ----


def marks(db: Database, campaign_id: int) -> list[dict]:
    return list(
        db.query(
            "SELECT member_id, item_key, done_date, note FROM campaign_marks WHERE campaign_id = ?",
            [campaign_id],
        )
    )


def set_mark(
    db: Database, campaign_id: int, member_id: int, item_key: str, done: dt.date, note: str
) -> None:
    db.execute(
        "INSERT INTO campaign_marks(campaign_id, member_id, item_key, done_date, note) "
        "VALUES (?, ?, ?, ?, ?) ON CONFLICT(campaign_id, member_id, item_key) "
        "DO UPDATE SET done_date = excluded.done_date, note = excluded.note",
        [campaign_id, member_id, item_key, done.isoformat(), note],
    )


def add_mark_if_missing(
    db: Database, campaign_id: int, member_id: int, item_key: str, done: dt.date, note: str
) -> bool:
    cursor = db.execute(
        "INSERT OR IGNORE INTO campaign_marks(campaign_id, member_id, item_key, done_date, note) "
        "VALUES (?, ?, ?, ?, ?)",
        [campaign_id, member_id, item_key, done.isoformat(), note],
    )
    return cursor.rowcount > 0


def clear_mark(db: Database, campaign_id: int, member_id: int, item_key: str) -> None:
    db.execute(
        "DELETE FROM campaign_marks WHERE campaign_id = ? AND member_id = ? AND item_key = ?",
        [campaign_id, member_id, item_key],
    )


# ---- meetings (owned by the minutes feature; read here for links and attendance) ----


def meeting_choices(db: Database) -> list[dict]:
    return list(
        db.query("SELECT id, date, kinds, title, topic FROM meetings ORDER BY date DESC, id DESC")
    )


def meeting_date(db: Database, meeting_id: int) -> str | None:
    row = db.execute("SELECT date FROM meetings WHERE id = ?", [meeting_id]).fetchone()
    return row[0] if row else None


def present_members(db: Database, meeting_id: int) -> list[int]:
    return [
        r[0]
        for r in db.execute(
            "SELECT member_id FROM attendance WHERE meeting_id = ? AND state = 'present' "
            "AND member_id IS NOT NULL",
            [meeting_id],
        )
    ]


# ---- self-reviews ----


def self_review(db: Database, campaign_id: int, member_id: int) -> dict | None:
    rows = list(
        db.query(
            "SELECT sections, submitted FROM campaign_self_reviews "
            "WHERE campaign_id = ? AND member_id = ?",
            [campaign_id, member_id],
        )
    )
    if not rows:
        return None
    marks_rows = db.query(
        "SELECT ref, present, note FROM campaign_review_marks "
        "WHERE campaign_id = ? AND member_id = ?",
        [campaign_id, member_id],
    )
    return {
        "sections": json.loads(rows[0]["sections"] or "{}"),
        "submitted": rows[0]["submitted"],
        "marks": {r["ref"]: (bool(r["present"]), r["note"]) for r in marks_rows},
    }


def save_self_review(
    db: Database,
    campaign_id: int,
    member_id: int,
    sections: dict[str, str],
    submitted: dt.date | None,
    review_marks: dict[str, tuple[bool, str]],
) -> None:
    db.execute(
        "INSERT INTO campaign_self_reviews(campaign_id, member_id, sections, submitted) "
        "VALUES (?, ?, ?, ?) ON CONFLICT(campaign_id, member_id) DO UPDATE SET "
        "sections = excluded.sections, submitted = excluded.submitted, "
        "updated_at = strftime('%Y-%m-%dT%H:%M:%S', 'now', 'localtime')",
        [campaign_id, member_id, json.dumps(sections, ensure_ascii=False), _iso(submitted)],
    )
    db.execute(
        "DELETE FROM campaign_review_marks WHERE campaign_id = ? AND member_id = ?",
        [campaign_id, member_id],
    )
    for ref, (present, note) in review_marks.items():
        db.execute(
            "INSERT INTO campaign_review_marks(campaign_id, member_id, ref, present, note) "
            "VALUES (?, ?, ?, ?, ?)",
            [campaign_id, member_id, ref, int(present), note],
        )
