-- Schema 1. Never edit once released: add a new migration in storage/migrations.py instead.
-- Dates are ISO text and may be partial ('1960', '1960-05') when that is all that is known.
CREATE TABLE members (
    id INTEGER PRIMARY KEY,
    full_name TEXT NOT NULL CHECK (length(full_name) BETWEEN 1 AND 100),
    birth_name TEXT NOT NULL DEFAULT '',
    gender TEXT CHECK (gender IN ('Nam', 'Nữ')),
    birth_date TEXT,
    ethnicity TEXT NOT NULL DEFAULT '',
    religion TEXT NOT NULL DEFAULT '',
    hometown TEXT NOT NULL DEFAULT '',
    address TEXT NOT NULL DEFAULT '',
    education TEXT NOT NULL DEFAULT '',
    theory_level TEXT NOT NULL DEFAULT '',
    qualification TEXT NOT NULL DEFAULT '',
    foreign_language TEXT NOT NULL DEFAULT '',
    job_before TEXT NOT NULL DEFAULT '',
    job_now TEXT NOT NULL DEFAULT '',
    join_date TEXT,
    official_date TEXT,
    card_number TEXT NOT NULL DEFAULT '',
    file_number TEXT NOT NULL DEFAULT '',
    badge_number TEXT NOT NULL DEFAULT '',
    armed_forces INTEGER NOT NULL DEFAULT 0,
    citizen_id TEXT NOT NULL DEFAULT '',
    phone TEXT NOT NULL DEFAULT '',
    position TEXT NOT NULL DEFAULT '',
    notes TEXT NOT NULL DEFAULT '',
    -- Folded (no diacritics, đ -> d, lower case) name and numbers, for search.
    search_text TEXT NOT NULL DEFAULT '',
    -- Current state derived from member_status, cached for fast lists; services keep it.
    status TEXT NOT NULL DEFAULT 'none',
    in_cell INTEGER NOT NULL DEFAULT 0,
    created_at TEXT NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%S', 'now', 'localtime')),
    updated_at TEXT NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%S', 'now', 'localtime'))
);
CREATE UNIQUE INDEX members_card_number ON members(card_number) WHERE card_number <> '';
CREATE INDEX members_name_birth ON members(full_name, birth_date);

CREATE TABLE member_status (
    id INTEGER PRIMARY KEY,
    member_id INTEGER NOT NULL REFERENCES members(id) ON DELETE CASCADE,
    kind TEXT NOT NULL,
    date TEXT NOT NULL,
    decision TEXT NOT NULL DEFAULT '',
    note TEXT NOT NULL DEFAULT '',
    created_at TEXT NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%S', 'now', 'localtime'))
);
CREATE INDEX member_status_member ON member_status(member_id, date);

CREATE VIRTUAL TABLE members_fts USING fts5(
    search_text, content='members', content_rowid='id',
    tokenize="unicode61 remove_diacritics 2"
);
CREATE TRIGGER members_fts_insert AFTER INSERT ON members BEGIN
    INSERT INTO members_fts(rowid, search_text) VALUES (new.id, new.search_text);
END;
CREATE TRIGGER members_fts_delete AFTER DELETE ON members BEGIN
    INSERT INTO members_fts(members_fts, rowid, search_text)
    VALUES ('delete', old.id, old.search_text);
END;
CREATE TRIGGER members_fts_update AFTER UPDATE OF search_text ON members BEGIN
    INSERT INTO members_fts(members_fts, rowid, search_text)
    VALUES ('delete', old.id, old.search_text);
    INSERT INTO members_fts(rowid, search_text) VALUES (new.id, new.search_text);
END;
