-- Schema 1. Never edit once released: add a new migration in storage/migrations.py instead.
-- Political study campaigns ("Tự soi, tự sửa"): steps for the cell, items per member.

-- Templates the secretary duplicated, edited or imported (the shipped ones live in resources/).
CREATE TABLE campaign_templates (
    id INTEGER PRIMARY KEY,
    key TEXT NOT NULL UNIQUE,
    title TEXT NOT NULL,
    body TEXT NOT NULL,          -- the template's TOML text, checked before it is stored
    based_on TEXT NOT NULL DEFAULT '',
    updated_at TEXT NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%S', 'now', 'localtime'))
);

CREATE TABLE campaigns (
    id INTEGER PRIMARY KEY,
    title TEXT NOT NULL CHECK (length(title) BETWEEN 1 AND 300),
    template_key TEXT NOT NULL,
    -- A copy of the template as it was when the campaign began: later edits of the
    -- template never change a running or finished campaign.
    template TEXT NOT NULL,
    start TEXT NOT NULL,
    finish TEXT,
    assessment TEXT NOT NULL DEFAULT '',
    proposals TEXT NOT NULL DEFAULT '',
    created_at TEXT NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%S', 'now', 'localtime'))
);

CREATE TABLE campaign_steps (
    id INTEGER PRIMARY KEY,
    campaign_id INTEGER NOT NULL REFERENCES campaigns(id) ON DELETE CASCADE,
    position INTEGER NOT NULL,
    key TEXT NOT NULL,
    title TEXT NOT NULL,
    evidence TEXT NOT NULL DEFAULT 'note' CHECK (evidence IN ('meeting', 'file', 'note')),
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
CREATE INDEX campaign_steps_meeting ON campaign_steps(meeting_id);

-- Members taking part; joined_on is set for those who came after the start, left_on for those
-- who left the cell during the campaign (kept, marked, not counted from then on).
CREATE TABLE campaign_members (
    campaign_id INTEGER NOT NULL REFERENCES campaigns(id) ON DELETE CASCADE,
    member_id INTEGER NOT NULL REFERENCES members(id) ON DELETE CASCADE,
    joined_on TEXT,
    left_on TEXT,
    left_reason TEXT NOT NULL DEFAULT '',
    PRIMARY KEY (campaign_id, member_id)
);

CREATE TABLE campaign_marks (
    campaign_id INTEGER NOT NULL,
    member_id INTEGER NOT NULL,
    item_key TEXT NOT NULL,
    done_date TEXT NOT NULL,
    note TEXT NOT NULL DEFAULT '',
    PRIMARY KEY (campaign_id, member_id, item_key),
    FOREIGN KEY (campaign_id, member_id)
        REFERENCES campaign_members(campaign_id, member_id) ON DELETE CASCADE
);

-- A member's written self-review: text under the template's headings (JSON object) and
-- for each manifestation / prohibition (m1..m27, p1..p19) whether it applies, with a note.
CREATE TABLE campaign_self_reviews (
    campaign_id INTEGER NOT NULL,
    member_id INTEGER NOT NULL,
    sections TEXT NOT NULL DEFAULT '{}',
    submitted TEXT,
    updated_at TEXT NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%S', 'now', 'localtime')),
    PRIMARY KEY (campaign_id, member_id),
    FOREIGN KEY (campaign_id, member_id)
        REFERENCES campaign_members(campaign_id, member_id) ON DELETE CASCADE
);

CREATE TABLE campaign_review_marks (
    campaign_id INTEGER NOT NULL,
    member_id INTEGER NOT NULL,
    ref TEXT NOT NULL,
    present INTEGER NOT NULL DEFAULT 0,
    note TEXT NOT NULL DEFAULT '',
    PRIMARY KEY (campaign_id, member_id, ref),
    FOREIGN KEY (campaign_id, member_id)
        REFERENCES campaign_self_reviews(campaign_id, member_id) ON DELETE CASCADE
);
