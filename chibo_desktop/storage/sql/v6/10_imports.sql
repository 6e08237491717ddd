-- Schema 6. Never edit once released: add a new migration in storage/migrations.py instead.
-- Each import of a member list, so that its changes can be told apart and undone.
CREATE TABLE imports (
    id INTEGER PRIMARY KEY,
    file_name TEXT NOT NULL,
    at TEXT NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%S', 'now', 'localtime')),
    user TEXT NOT NULL DEFAULT '',
    added INTEGER NOT NULL DEFAULT 0,
    updated INTEGER NOT NULL DEFAULT 0,
    undone_at TEXT
);
-- Status changes and change-log lines an import made (NULL: made by hand).
ALTER TABLE member_status ADD COLUMN import_id INTEGER REFERENCES imports(id);
ALTER TABLE change_log ADD COLUMN import_id INTEGER REFERENCES imports(id);
CREATE INDEX change_log_import ON change_log(import_id) WHERE import_id IS NOT NULL;
-- The search index of a new member is written by storage/members.py together with the
-- rows it inserts, in one statement for a whole batch: a trigger fired for each row made an
-- import of 20,000 members spend most of its writing time here.
DROP TRIGGER members_fts_insert;
