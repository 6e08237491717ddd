"""Before an import: the file's sheet, header and columns, for the wizard to show and the
secretary to adjust, with the column choices remembered for files like it."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from sqlite_utils import Database

from ...errors import ChiboError
from ...i18n import _
from ...interop import spreadsheet as xl
from ..cell import identity as cell

MAPPINGS_SETTING = "import.column_mappings"


@dataclass
class ColumnChoice:
    index: int
    letter: str
    header: str
    field: str  # chosen (saved or detected)
    samples: list[str]


@dataclass
class FileSetup:
    """What the file looks like: its sheets, the list's header rows and columns."""

    path: str
    sheet_names: list[str]
    sheet: str
    header_rows: list[int]  # 1-based, as in the spreadsheet
    columns: list[ColumnChoice]
    saved_mapping: bool
    signature: str

    def mapping(self) -> dict[int, str]:
        return {c.index: c.field for c in self.columns}


def field_choices() -> list[tuple[str, str]]:
    """(key, label) of what a column can be imported as."""
    return xl.choices()


def supported_suffixes() -> tuple[str, ...]:
    return xl.SPREADSHEET_SUFFIXES


def saved_mapping(db: Database, signature: str) -> dict[int, str] | None:
    saved = cell.get_setting(db, MAPPINGS_SETTING, {}) or {}
    mapping = saved.get(signature)
    return {int(k): v for k, v in mapping.items()} if mapping else None


def remember_mapping(db: Database, signature: str, mapping: dict[int, str]) -> None:
    saved = cell.get_setting(db, MAPPINGS_SETTING, {}) or {}
    saved[signature] = {str(k): v for k, v in mapping.items()}
    cell.set_setting(db, MAPPINGS_SETTING, saved)


def _no_table(path: Path, sheet: str) -> ChiboError:
    return ChiboError(
        _(
            "Không tìm thấy bảng danh sách đảng viên trong trang “{sheet}” của tệp {name}: cần "
            "một dòng tiêu đề có cột “Họ và tên” và ít nhất một cột khác như “Ngày sinh”, "
            "“Ngày vào Đảng”, “Số thẻ đảng viên”."
        ).format(sheet=sheet, name=path.name)
    )


def find_layout(book: xl.Book, sheet: str | None) -> tuple[str, xl.Layout]:
    if sheet is None:
        name, layout = xl.choose_sheet(book)
    else:
        if sheet not in book.sheet_names:
            raise ChiboError(
                _("Tệp không có trang “{sheet}”. Các trang có: {names}.").format(
                    sheet=sheet, names=", ".join(book.sheet_names)
                )
            )
        name = sheet
        data = book.sheet(name, nrows=60)
        layout = xl.detect_layout(data.rows, data.merged)
    if layout is None:
        raise _no_table(book.path, name)
    return name, layout


def inspect_file(db: Database, path: str | Path, sheet: str | None = None) -> FileSetup:
    """Read the top of the file: the sheet that holds the list, its header and columns,
    with the column choices saved from an earlier import of a file like it."""
    path = Path(path)
    book = xl.open_book(path)
    name, layout = find_layout(book, sheet)
    saved = saved_mapping(db, layout.signature())
    mapping = saved if saved is not None else layout.detected()
    rows = book.sheet(name, nrows=60).rows[layout.first_data_row : layout.first_data_row + 3]
    columns = [
        ColumnChoice(
            c.index,
            c.letter,
            c.header,
            mapping.get(c.index, ""),
            [xl.values.as_text(r[c.index]) if c.index < len(r) else "" for r in rows],
        )
        for c in layout.columns
        if c.header or any(c.index < len(r) and r[c.index] not in (None, "") for r in rows)
    ]
    return FileSetup(
        str(path),
        list(book.sheet_names),
        name,
        [r + 1 for r in layout.header_rows],
        columns,
        saved is not None,
        layout.signature(),
    )
