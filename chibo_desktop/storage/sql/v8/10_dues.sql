-- Schema 8. Never edit once released: add a new migration in storage/migrations.py instead.
-- Party dues (đảng phí). Months are 'YYYY-MM'; amounts are whole đồng.
-- A member's dues group and basis from a month on; the history is kept.
CREATE TABLE dues_bases (
    id INTEGER PRIMARY KEY,
    member_id INTEGER NOT NULL REFERENCES members(id) ON DELETE CASCADE,
    from_month TEXT NOT NULL,
    grp TEXT NOT NULL,
    basis INTEGER CHECK (basis IS NULL OR basis >= 0),
    voluntary INTEGER CHECK (voluntary IS NULL OR voluntary >= 0),
    past_working_age INTEGER NOT NULL DEFAULT 0,
    note TEXT NOT NULL DEFAULT '',
    UNIQUE (member_id, from_month)
);
-- Exemptions, reductions and deferrals, each with its decision.
CREATE TABLE dues_reliefs (
    id INTEGER PRIMARY KEY,
    member_id INTEGER NOT NULL REFERENCES members(id) ON DELETE CASCADE,
    kind TEXT NOT NULL CHECK (kind IN ('exempt', 'reduce', 'defer')),
    first_month TEXT NOT NULL,
    last_month TEXT NOT NULL,
    percent INTEGER NOT NULL DEFAULT 0,
    reason TEXT NOT NULL DEFAULT '',
    decision TEXT NOT NULL DEFAULT '',
    decision_date TEXT
);
CREATE INDEX dues_reliefs_member ON dues_reliefs(member_id);
-- What a member paid for a month (an advance payment is a row for a later month).
CREATE TABLE dues_payments (
    member_id INTEGER NOT NULL REFERENCES members(id) ON DELETE CASCADE,
    month TEXT NOT NULL,
    amount INTEGER NOT NULL CHECK (amount >= 0),
    method TEXT NOT NULL DEFAULT 'cash' CHECK (method IN ('cash', 'online')),
    paid_on TEXT,
    note TEXT NOT NULL DEFAULT '',
    PRIMARY KEY (member_id, month)
);
CREATE INDEX dues_payments_month ON dues_payments(month);
-- Per month: what was passed up to the superior committee, and the meeting that collected.
CREATE TABLE dues_months (
    month TEXT PRIMARY KEY,
    passed_up INTEGER CHECK (passed_up IS NULL OR passed_up >= 0),
    passed_up_on TEXT,
    meeting_id INTEGER REFERENCES meetings(id) ON DELETE SET NULL,
    note TEXT NOT NULL DEFAULT ''
);
