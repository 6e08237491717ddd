"""Where the table is on a sheet: header row(s) under the titles, and what each column holds."""

from __future__ import annotations

from dataclasses import dataclass, field

from .fields import (
    BIRTH_FEMALE,
    BIRTH_MALE,
    MARK_FEMALE,
    MARK_MALE,
    ROW_NUMBER,
    header_key,
    match_header,
)
from .values import as_text, is_blank

SCAN_ROWS = 40


@dataclass
class Column:
    index: int  # 0-based
    header: str  # as in the file ("Ngày sinh / Nữ" for a two-row header)
    field: str  # detected field key, "" when not recognised

    @property
    def letter(self) -> str:
        return column_letter(self.index)


@dataclass
class Layout:
    header_rows: list[int]  # 0-based row indexes
    columns: list[Column] = field(default_factory=list)

    @property
    def first_data_row(self) -> int:
        return self.header_rows[-1] + 1

    def signature(self) -> str:
        """Identifies files with the same headers, for saved column choices."""
        return "|".join(header_key(c.header) for c in self.columns)

    @property
    def score(self) -> int:
        return sum(1 for c in self.columns if c.field and c.field != ROW_NUMBER)

    def detected(self) -> dict[int, str]:
        return {c.index: c.field for c in self.columns}


def column_letter(index: int) -> str:
    letters = ""
    index += 1
    while index:
        index, rest = divmod(index - 1, 26)
        letters = chr(65 + rest) + letters
    return letters


def _texts(row: list, width: int) -> list[str]:
    return [as_text(row[i]).strip() if i < len(row) else "" for i in range(width)]


def _fill_merged(rows: list[list], merged, limit: int) -> None:
    """Give every cell of a merged header block its value (calamine gives only the first)."""
    for (r0, c0), (r1, c1) in merged:
        if r0 >= limit or r0 >= len(rows) or c0 >= len(rows[r0]):
            continue
        value = rows[r0][c0]
        for r in range(r0, min(r1, limit - 1, len(rows) - 1) + 1):
            for c in range(c0, min(c1, len(rows[r]) - 1) + 1):
                if r1 > r0 and r > r0:
                    continue  # vertical merges: the lower cells stay empty, see _combine
                if is_blank(rows[r][c]):
                    rows[r][c] = value


def _is_numbering(texts: list[str]) -> bool:
    """The '(1) (2) (3)…', '1 2 3…' or 'A B C…' row some forms put under the header."""
    cells = [t.strip("() ") for t in texts if t]
    if len(cells) < 3:
        return False
    if all(c.isdigit() for c in cells):
        return [int(c) for c in cells] == list(range(int(cells[0]), int(cells[0]) + len(cells)))
    letters = [c.upper() for c in cells]
    return all(len(c) == 1 and "A" <= c <= "Z" for c in letters) and [
        ord(c) for c in letters
    ] == list(range(ord(letters[0]), ord(letters[0]) + len(letters)))


def _looks_like_data(texts: list[str]) -> bool:
    return sum(1 for t in texts if t and any(ch.isdigit() for ch in t)) >= 2


_LONE_MARKS = {"nam": MARK_MALE, "nu": MARK_FEMALE}


def _single(texts: list[str]) -> list[Column]:
    """One header row; a column headed just 'Nam' or 'Nữ' holds tick marks."""
    return [
        Column(i, t, match_header(t) or _LONE_MARKS.get(header_key(t), ""))
        for i, t in enumerate(texts)
    ]


def _sub_field(top: str, lower: str) -> str | None:
    top_field = match_header(top) if top else None
    key = header_key(lower)
    if key in ("nam", "nu") and (top_field == "birth_date" or header_key(top) in ("", "nam sinh")):
        return BIRTH_MALE if key == "nam" else BIRTH_FEMALE
    if key in ("nam", "nu") and top_field == "gender":
        return MARK_MALE if key == "nam" else MARK_FEMALE
    return None


def _combine(top_texts: list[str], lower_texts: list[str]) -> list[Column]:
    tops = list(top_texts)
    for i in range(1, len(tops)):
        # Without merge information (.ods, .csv) a group title sits over its first column only.
        if not tops[i] and lower_texts[i] and lower_texts[i - 1] and tops[i - 1]:
            tops[i] = tops[i - 1]
    columns = []
    for i, (top, lower) in enumerate(zip(tops, lower_texts, strict=True)):
        if not lower:
            columns.append(Column(i, top, match_header(top) or ""))
            continue
        header = f"{top} / {lower}" if top and top != lower else lower
        found = (
            _sub_field(top, lower)
            or match_header(f"{top} {lower}")
            or match_header(lower)
            or (match_header(top) if top else None)
        )
        columns.append(Column(i, header, found or ""))
    return columns


def _dedupe(columns: list[Column]) -> None:
    """A field named by two columns keeps the first; the other is left for the user."""
    seen: set[str] = set()
    for column in columns:
        if column.field in seen and column.field not in ("notes", ROW_NUMBER):
            column.field = ""
        elif column.field:
            seen.add(column.field)


def detect_layout(rows: list[list], merged=(), scan: int = SCAN_ROWS) -> Layout | None:
    """The best header among the first rows: the one naming most known fields, including
    the name. Two-row headers are tried by combining each row with the next."""
    head = [list(r) for r in rows[:scan]]
    _fill_merged(head, merged, scan)
    width = max((len(r) for r in head), default=0)
    texts = [_texts(r, width) for r in head]
    best: Layout | None = None
    for r, row_texts in enumerate(texts):
        if sum(1 for t in row_texts if t) < 2:
            continue
        candidates = [Layout([r], _single(row_texts))]
        if r + 1 < len(texts):
            lower = texts[r + 1]
            if any(lower) and not _looks_like_data(lower) and not _is_numbering(lower):
                candidates.append(Layout([r, r + 1], _combine(row_texts, lower)))
        for layout in candidates:
            _dedupe(layout.columns)
            fields = {c.field for c in layout.columns}
            if "full_name" not in fields or layout.score < 2:
                continue
            if best is None or layout.score > best.score:
                best = layout
    if best is not None:
        after = best.first_data_row
        if after < len(texts) and _is_numbering(texts[after]):
            best.header_rows.append(after)
    return best
