-- Schema 7. Never edit once released: add a new migration in storage/migrations.py instead.
-- The cell's outgoing documents (sổ đăng ký văn bản đi): each report or list sent upward
-- gets "Số 07-BC/CB", counted per year and kind; printing the same subject again reuses it.
CREATE TABLE document_numbers (
    id INTEGER PRIMARY KEY,
    year INTEGER NOT NULL,
    kind TEXT NOT NULL,          -- BC (báo cáo), DS (danh sách), ...
    subject TEXT NOT NULL,       -- what the document is: report key and period
    seq INTEGER,                 -- the running number, when the printed number has one
    number TEXT NOT NULL,        -- as printed: "Số 07-BC/CB"
    issued_on TEXT NOT NULL,     -- ISO date of the document
    UNIQUE (year, kind, subject)
);
