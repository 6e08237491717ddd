-- Committee schema 1. Never edit once released: add a new migration in storage/committee.py.
-- The file of a grassroots party committee (đảng ủy) that receives its cells' packages.
CREATE TABLE committee (
    id INTEGER PRIMARY KEY CHECK (id = 1),
    uuid TEXT NOT NULL,
    name TEXT NOT NULL,
    superior TEXT NOT NULL DEFAULT '',
    place TEXT NOT NULL DEFAULT '',
    secretary_name TEXT NOT NULL DEFAULT '',
    created_at TEXT NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%S', 'now', 'localtime'))
);

-- One row per cell, known by its identity; the name is the one of its newest package.
CREATE TABLE cells (
    uuid TEXT PRIMARY KEY,
    name TEXT NOT NULL,
    party_committee TEXT NOT NULL DEFAULT '',
    place TEXT NOT NULL DEFAULT '',
    first_added_at TEXT NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%S', 'now', 'localtime'))
);

-- Every package received; the current one of a cell is the one not replaced.
CREATE TABLE packages (
    id INTEGER PRIMARY KEY,
    cell_uuid TEXT NOT NULL REFERENCES cells(uuid),
    cell_name TEXT NOT NULL,
    created_at TEXT NOT NULL,
    period_from TEXT NOT NULL,
    period_to TEXT NOT NULL,
    program_version TEXT NOT NULL,
    schema_version INTEGER NOT NULL,
    file_name TEXT NOT NULL,
    file_sha256 TEXT NOT NULL,
    manifest TEXT NOT NULL,
    added_at TEXT NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%S', 'now', 'localtime')),
    replaced_by INTEGER REFERENCES packages(id)
);
CREATE INDEX packages_cell ON packages(cell_uuid, created_at);
CREATE UNIQUE INDEX packages_current ON packages(cell_uuid) WHERE replaced_by IS NULL;

-- The plain data part of each current package (a replaced one's is dropped).
CREATE TABLE package_data (
    package_id INTEGER PRIMARY KEY REFERENCES packages(id),
    data BLOB NOT NULL
);
