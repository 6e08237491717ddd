-- Schema 1. Never edit once released: add a new migration in storage/migrations.py instead.
-- Meeting minutes (biên bản sinh hoạt chi bộ). Times are 'HH:MM' text.
CREATE TABLE meetings (
    id INTEGER PRIMARY KEY,
    date TEXT NOT NULL,
    -- Comma-separated kind keys from rules/meetings.toml, e.g. 'thuong_ky,chuyen_de'.
    kinds TEXT NOT NULL DEFAULT 'thuong_ky',
    number TEXT NOT NULL DEFAULT '',
    title TEXT NOT NULL DEFAULT '',
    topic TEXT NOT NULL DEFAULT '',
    presenter TEXT NOT NULL DEFAULT '',
    start_time TEXT NOT NULL DEFAULT '',
    end_time TEXT NOT NULL DEFAULT '',
    place TEXT NOT NULL DEFAULT '',
    chair_id INTEGER REFERENCES members(id) ON DELETE SET NULL,
    chair_name TEXT NOT NULL DEFAULT '',
    chair_position TEXT NOT NULL DEFAULT '',
    secretary_id INTEGER REFERENCES members(id) ON DELETE SET NULL,
    secretary_name TEXT NOT NULL DEFAULT '',
    secretary_position TEXT NOT NULL DEFAULT '',
    opening TEXT NOT NULL DEFAULT '',
    -- The "minutes read aloud and approved" vote; NULL while not taken.
    approval_for INTEGER,
    approval_against INTEGER,
    approval_abstain INTEGER,
    status TEXT NOT NULL DEFAULT 'draft' CHECK (status IN ('draft', 'final')),
    -- Folded text of everything in the minutes, for search.
    search_text TEXT NOT NULL DEFAULT '',
    created_at TEXT NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%S', 'now', 'localtime')),
    updated_at TEXT NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%S', 'now', 'localtime'))
);
CREATE INDEX meetings_date ON meetings(date);

-- Everyone who belonged to the cell on the meeting date, with a snapshot of their state
-- (so that finalised minutes keep their counts when the register changes later).
-- 'exempt' and 'away' are listed apart and are not part of the voting base.
CREATE TABLE attendance (
    meeting_id INTEGER REFERENCES meetings(id) ON DELETE CASCADE,
    member_id INTEGER REFERENCES members(id) ON DELETE CASCADE,
    state TEXT NOT NULL DEFAULT 'present'
        CHECK (state IN ('present', 'excused', 'absent', 'exempt', 'away')),
    reason TEXT NOT NULL DEFAULT '',
    name TEXT NOT NULL DEFAULT '',
    position TEXT NOT NULL DEFAULT '',
    membership TEXT NOT NULL DEFAULT 'chinh_thuc',
    attachment TEXT NOT NULL DEFAULT 'official',
    condition TEXT NOT NULL DEFAULT 'normal',
    PRIMARY KEY (meeting_id, member_id)
);
CREATE INDEX attendance_member ON attendance(member_id);

CREATE TABLE meeting_agenda (
    meeting_id INTEGER NOT NULL REFERENCES meetings(id) ON DELETE CASCADE,
    position INTEGER NOT NULL,
    title TEXT NOT NULL DEFAULT '',
    content TEXT NOT NULL DEFAULT '',
    conclusion TEXT NOT NULL DEFAULT '',
    PRIMARY KEY (meeting_id, position)
);

-- Speaker from the register (member_id) or a guest (member_id NULL); speaker holds the name.
CREATE TABLE meeting_discussions (
    meeting_id INTEGER NOT NULL REFERENCES meetings(id) ON DELETE CASCADE,
    position INTEGER NOT NULL,
    item INTEGER,
    member_id INTEGER REFERENCES members(id) ON DELETE SET NULL,
    speaker TEXT NOT NULL DEFAULT '',
    text TEXT NOT NULL DEFAULT '',
    PRIMARY KEY (meeting_id, position)
);

CREATE TABLE meeting_resolutions (
    meeting_id INTEGER NOT NULL REFERENCES meetings(id) ON DELETE CASCADE,
    position INTEGER NOT NULL,
    text TEXT NOT NULL DEFAULT '',
    votes_for INTEGER NOT NULL DEFAULT 0,
    votes_against INTEGER NOT NULL DEFAULT 0,
    votes_abstain INTEGER NOT NULL DEFAULT 0,
    PRIMARY KEY (meeting_id, position)
);

CREATE TABLE meeting_guests (
    meeting_id INTEGER NOT NULL REFERENCES meetings(id) ON DELETE CASCADE,
    position INTEGER NOT NULL,
    name TEXT NOT NULL DEFAULT '',
    role TEXT NOT NULL DEFAULT '',
    PRIMARY KEY (meeting_id, position)
);

CREATE TABLE meeting_documents (
    meeting_id INTEGER NOT NULL REFERENCES meetings(id) ON DELETE CASCADE,
    position INTEGER NOT NULL,
    title TEXT NOT NULL DEFAULT '',
    PRIMARY KEY (meeting_id, position)
);

-- Finalise / reopen: who and when (kept even when the minutes are reopened).
CREATE TABLE meeting_events (
    id INTEGER PRIMARY KEY,
    meeting_id INTEGER NOT NULL REFERENCES meetings(id) ON DELETE CASCADE,
    action TEXT NOT NULL CHECK (action IN ('finalise', 'reopen')),
    user TEXT NOT NULL DEFAULT '',
    at TEXT NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%S', 'now', 'localtime'))
);
CREATE INDEX meeting_events_meeting ON meeting_events(meeting_id);

-- Phrases the secretary saved to reuse ('conclusion', 'discussion', 'content', ...).
CREATE TABLE stock_phrases (
    id INTEGER PRIMARY KEY,
    field TEXT NOT NULL,
    text TEXT NOT NULL,
    uses INTEGER NOT NULL DEFAULT 0,
    UNIQUE (field, text)
);

CREATE VIRTUAL TABLE meetings_fts USING fts5(
    search_text, content='meetings', content_rowid='id',
    tokenize="unicode61 remove_diacritics 2"
);
CREATE TRIGGER meetings_fts_insert AFTER INSERT ON meetings BEGIN
    INSERT INTO meetings_fts(rowid, search_text) VALUES (new.id, new.search_text);
END;
CREATE TRIGGER meetings_fts_delete AFTER DELETE ON meetings BEGIN
    INSERT INTO meetings_fts(meetings_fts, rowid, search_text)
    VALUES ('delete', old.id, old.search_text);
END;
CREATE TRIGGER meetings_fts_update AFTER UPDATE OF search_text ON meetings BEGIN
    INSERT INTO meetings_fts(meetings_fts, rowid, search_text)
    VALUES ('delete', old.id, old.search_text);
    INSERT INTO meetings_fts(rowid, search_text) VALUES (new.id, new.search_text);
END;
