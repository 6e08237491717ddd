-- An excused absence leaves the member out of the voting base only when the cell accepted
-- the reason and the member missed the whole meeting (QĐ 24 điểm 9.3.2, kept by QĐ 294).
-- 1 for the rows already written: they were counted out before.
ALTER TABLE attendance ADD COLUMN excused_accepted INTEGER NOT NULL DEFAULT 1;
