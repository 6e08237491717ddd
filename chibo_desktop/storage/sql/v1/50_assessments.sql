-- Schema 1. Never edit once released: add a new migration in storage/migrations.py instead.
-- Annual quality assessment of each member; `scale` is the key of the rating scale of
-- resources/rules/assessment.toml the year was assessed under.
CREATE TABLE assessments (
    id INTEGER PRIMARY KEY,
    member_id INTEGER NOT NULL REFERENCES members(id) ON DELETE CASCADE,
    year INTEGER NOT NULL,
    scale TEXT NOT NULL,
    self_score REAL,
    self_level TEXT,
    proposed_level TEXT,
    final_level TEXT,
    notes TEXT NOT NULL DEFAULT '',
    updated_at TEXT NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%S', 'now', 'localtime')),
    UNIQUE (member_id, year)
);
CREATE INDEX assessments_year ON assessments(year);

-- The cell's own collective assessment for a year.
CREATE TABLE cell_assessments (
    year INTEGER PRIMARY KEY,
    scale TEXT NOT NULL,
    self_level TEXT,
    final_level TEXT,
    notes TEXT NOT NULL DEFAULT '',
    updated_at TEXT NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%S', 'now', 'localtime'))
);
