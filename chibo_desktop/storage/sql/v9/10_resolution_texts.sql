-- Schema 9. Never edit once released: add a new migration in storage/migrations.py instead.
-- The cell's resolution (nghị quyết chi bộ) as the secretary edited it after the regular
-- meeting that adopted it; drafted from the minutes until then. One per meeting.
CREATE TABLE resolution_texts (
    meeting_id INTEGER PRIMARY KEY REFERENCES meetings(id) ON DELETE CASCADE,
    number TEXT NOT NULL DEFAULT '',         -- "Số 03-NQ/CB" as typed; empty: the next one
    grounds TEXT NOT NULL DEFAULT '',        -- "Căn cứ …" lines, one a line
    review TEXT NOT NULL DEFAULT '',         -- the past month's review
    tasks TEXT NOT NULL DEFAULT '[]',        -- JSON: [{"text", "who", "due"}, …]
    implementation TEXT NOT NULL DEFAULT '', -- tổ chức thực hiện
    updated_at TEXT NOT NULL
);
