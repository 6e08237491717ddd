"""Annual assessments of members and of the cell."""

from __future__ import annotations

from sqlite_utils import Database

from ..domain.assessment import Assessment, CellAssessment

_FIELDS = (
    "scale",
    "self_score",
    "self_level",
    "proposed_level",
    "final_level",
    "notes",
    "conditions",
)


def _to_assessment(row) -> Assessment:
    return Assessment(
        member_id=row["member_id"],
        year=row["year"],
        scale=row["scale"],
        self_score=row["self_score"],
        self_level=row["self_level"],
        proposed_level=row["proposed_level"],
        final_level=row["final_level"],
        notes=row["notes"],
        conditions=frozenset(row["conditions"].split()),
    )


def for_year(db: Database, year: int) -> dict[int, Assessment]:
    return {
        r["member_id"]: _to_assessment(r)
        for r in db.query("SELECT * FROM assessments WHERE year = ?", [year])
    }


def get(db: Database, member_id: int, year: int) -> Assessment | None:
    rows = list(
        db.query("SELECT * FROM assessments WHERE member_id = ? AND year = ?", [member_id, year])
    )
    return _to_assessment(rows[0]) if rows else None


def for_member(db: Database, member_id: int) -> list[Assessment]:
    return [
        _to_assessment(r)
        for r in db.query(
            "SELECT * FROM assessments WHERE member_id = ? ORDER BY year", [member_id]
        )
    ]


def years(db: Database) -> list[int]:
    return [r[0] for r in db.execute("SELECT DISTINCT year FROM assessments ORDER BY year")]


def save(db: Database, a: Assessment) -> None:
    values = [getattr(a, f) for f in _FIELDS[:-1]] + [" ".join(sorted(a.conditions))]
    db.execute(
        f"INSERT INTO assessments (member_id, year, {', '.join(_FIELDS)}) "
        f"VALUES (?, ?, {', '.join('?' * len(_FIELDS))}) "
        "ON CONFLICT(member_id, year) DO UPDATE SET "
        + ", ".join(f"{f} = excluded.{f}" for f in _FIELDS)
        + ", updated_at = strftime('%Y-%m-%dT%H:%M:%S', 'now', 'localtime')",
        [a.member_id, a.year, *values],
    )


def delete(db: Database, member_id: int, year: int) -> None:
    db.execute("DELETE FROM assessments WHERE member_id = ? AND year = ?", [member_id, year])


def get_cell(db: Database, year: int) -> CellAssessment | None:
    rows = list(db.query("SELECT * FROM cell_assessments WHERE year = ?", [year]))
    if not rows:
        return None
    r = rows[0]
    return CellAssessment(r["year"], r["scale"], r["self_level"], r["final_level"], r["notes"])


def save_cell(db: Database, c: CellAssessment) -> None:
    db.execute(
        "INSERT INTO cell_assessments (year, scale, self_level, final_level, notes) "
        "VALUES (?, ?, ?, ?, ?) ON CONFLICT(year) DO UPDATE SET scale = excluded.scale, "
        "self_level = excluded.self_level, final_level = excluded.final_level, "
        "notes = excluded.notes, "
        "updated_at = strftime('%Y-%m-%dT%H:%M:%S', 'now', 'localtime')",
        [c.year, c.scale, c.self_level, c.final_level, c.notes],
    )
