-- A meeting's checklist item: its documents were posted on Sổ tay đảng viên điện tử at least
-- one day before (Hướng dẫn 42-HD/BTCTW, 2025).
ALTER TABLE meetings ADD COLUMN documents_posted INTEGER NOT NULL DEFAULT 0;
