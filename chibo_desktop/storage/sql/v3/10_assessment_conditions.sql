-- The conditions of a level (QĐ 366) a member meets, beside the score: the keys of the
-- scale's conditions (resources/rules/assessment.toml), separated by spaces.
ALTER TABLE assessments ADD COLUMN conditions TEXT NOT NULL DEFAULT '';
