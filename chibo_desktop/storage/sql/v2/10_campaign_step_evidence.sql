-- A campaign step may be proved by the year's quality assessment of the members
-- (evidence 'assessment': its progress is the share of members assessed). SQLite cannot
-- change a CHECK constraint in place: the table is rebuilt with the same columns and rows.
CREATE TABLE campaign_steps_v2 (
    id INTEGER PRIMARY KEY,
    campaign_id INTEGER NOT NULL REFERENCES campaigns(id) ON DELETE CASCADE,
    position INTEGER NOT NULL,
    key TEXT NOT NULL,
    title TEXT NOT NULL,
    evidence TEXT NOT NULL DEFAULT 'note'
        CHECK (evidence IN ('meeting', 'file', 'note', 'assessment')),
    due TEXT,
    responsible_id INTEGER REFERENCES members(id) ON DELETE SET NULL,
    status TEXT NOT NULL DEFAULT 'todo' CHECK (status IN ('todo', 'doing', 'done')),
    done_date TEXT,
    meeting_id INTEGER REFERENCES meetings(id) ON DELETE SET NULL,
    file_name TEXT NOT NULL DEFAULT '',
    file_data BLOB,
    note TEXT NOT NULL DEFAULT '',
    UNIQUE (campaign_id, key)
);
INSERT INTO campaign_steps_v2 (
    id, campaign_id, position, key, title, evidence, due, responsible_id, status, done_date,
    meeting_id, file_name, file_data, note
)
SELECT
    id, campaign_id, position, key, title, evidence, due, responsible_id, status, done_date,
    meeting_id, file_name, file_data, note
FROM campaign_steps;
DROP TABLE campaign_steps;
ALTER TABLE campaign_steps_v2 RENAME TO campaign_steps;
CREATE INDEX campaign_steps_meeting ON campaign_steps(meeting_id);
