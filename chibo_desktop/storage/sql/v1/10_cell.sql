-- Schema 1. Never edit once released: add a new migration in storage/migrations.py instead.
CREATE TABLE cell (
    id INTEGER PRIMARY KEY CHECK (id = 1),
    name TEXT NOT NULL DEFAULT '',
    party_committee TEXT NOT NULL DEFAULT '',
    place TEXT NOT NULL DEFAULT '',
    secretary_name TEXT NOT NULL DEFAULT '',
    created_at TEXT NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%S', 'now', 'localtime'))
);

-- Per-file preferences (language, saved import mappings, stock phrases, ...): key -> JSON.
CREATE TABLE settings (
    key TEXT PRIMARY KEY,
    value TEXT NOT NULL
);

-- Append-only record of changes: who (OS user), when, which record, old -> new.
CREATE TABLE change_log (
    id INTEGER PRIMARY KEY,
    at TEXT NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%S', 'now', 'localtime')),
    user TEXT NOT NULL DEFAULT '',
    entity TEXT NOT NULL,
    record_id INTEGER,
    field TEXT NOT NULL DEFAULT '',
    old TEXT,
    new TEXT,
    source TEXT NOT NULL DEFAULT ''
);
CREATE INDEX change_log_record ON change_log(entity, record_id);
CREATE TRIGGER change_log_no_update BEFORE UPDATE ON change_log
BEGIN SELECT RAISE(ABORT, 'change_log is append-only'); END;
CREATE TRIGGER change_log_no_delete BEFORE DELETE ON change_log
BEGIN SELECT RAISE(ABORT, 'change_log is append-only'); END;
