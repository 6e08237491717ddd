-- Schema 10. Never edit once released: add a new migration in storage/migrations.py instead.
-- The cell's stable identity: a random UUID made once and kept for good, so that the level
-- above never mixes two cells that share a name, and a renamed cell stays the same cell.
ALTER TABLE cell ADD COLUMN uuid TEXT NOT NULL DEFAULT '';

UPDATE cell SET uuid =
    lower(hex(randomblob(4))) || '-' || lower(hex(randomblob(2))) || '-4'
    || substr(lower(hex(randomblob(2))), 2) || '-'
    || substr('89ab', 1 + abs(random()) % 4, 1) || substr(lower(hex(randomblob(2))), 2) || '-'
    || lower(hex(randomblob(6)))
WHERE uuid = '';

-- A file initialised later gets its identity when its cell row is first written.
CREATE TRIGGER cell_identity_on_insert AFTER INSERT ON cell WHEN NEW.uuid = ''
BEGIN
    UPDATE cell SET uuid =
        lower(hex(randomblob(4))) || '-' || lower(hex(randomblob(2))) || '-4'
        || substr(lower(hex(randomblob(2))), 2) || '-'
        || substr('89ab', 1 + abs(random()) % 4, 1) || substr(lower(hex(randomblob(2))), 2)
        || '-' || lower(hex(randomblob(6)))
    WHERE id = NEW.id;
END;

-- Kept forever: once set, no update may change or clear it.
CREATE TRIGGER cell_identity_kept BEFORE UPDATE OF uuid ON cell
WHEN OLD.uuid <> '' AND NEW.uuid IS NOT OLD.uuid
BEGIN SELECT RAISE(ABORT, 'the cell identity is kept'); END;
