"""Open a spreadsheet file of any kind a secretary may have and hand back its sheets."""

from __future__ import annotations

import re
import zipfile
import zlib
from dataclasses import dataclass, field
from pathlib import Path

from ...errors import ChiboError
from ...i18n import _
from .csv_reading import read_csv

SPREADSHEET_SUFFIXES = (".xlsx", ".xlsm", ".xls", ".xlsb", ".ods", ".csv", ".txt", ".tsv")
# Far beyond any member list, and refused before reading: a million-row sheet or a zip bomb
# would otherwise take minutes and gigabytes before saying anything.
MAX_ROWS = 200_000
MAX_UNPACKED_BYTES = 300 << 20
_DIMENSION = re.compile(rb'<dimension ref="[A-Z]+\d+:[A-Z]+(\d+)"')
_ZIP = b"PK\x03\x04"
_OLE = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"


@dataclass
class Sheet:
    """A sheet as rows of cell values; ``rows[0]`` is row 1 of the spreadsheet."""

    name: str
    rows: list[list] = field(default_factory=list)
    merged: list[tuple[tuple[int, int], tuple[int, int]]] = field(default_factory=list)


class Book:
    """An opened file: sheet names first, each sheet read when asked for."""

    def __init__(self, path: Path, sheet_names: list[str], loader) -> None:
        self.path = path
        self.sheet_names = sheet_names
        self._loader = loader
        self._cache: dict[tuple[str, int | None], Sheet] = {}

    def sheet(self, name: str, nrows: int | None = None) -> Sheet:
        key = (name, nrows)
        if key not in self._cache:
            full = self._cache.get((name, None))
            self._cache[key] = (
                Sheet(name, full.rows[:nrows], full.merged) if full else self._loader(name, nrows)
            )
        return self._cache[key]

    def forget(self) -> None:
        """Drop cached rows (a 20,000-row sheet is large)."""
        self._cache.clear()


def _unreadable(path: Path) -> ChiboError:
    return ChiboError(
        _(
            "Tệp {name} không phải là bảng tính đọc được (cần .xlsx, .xls, .xlsb, .ods hoặc "
            ".csv). Hãy mở tệp bằng Excel và lưu lại dưới dạng .xlsx."
        ).format(name=path.name)
    )


def _protected(path: Path) -> ChiboError:
    return ChiboError(
        _(
            "Tệp {name} có đặt mật khẩu nên không đọc được. Hãy mở bằng Excel, bỏ mật khẩu "
            "(Tệp → Thông tin → Bảo vệ sổ làm việc) rồi lưu lại."
        ).format(name=path.name)
    )


def _is_encrypted_ole(head: bytes) -> bool:
    # An Excel 2007+ file saved with a password is an OLE container holding these streams.
    return (
        "EncryptedPackage".encode("utf-16-le") in head
        or "EncryptionInfo".encode("utf-16-le") in head
    )


def open_book(path: str | Path) -> Book:
    """Open any supported file; a clear ChiboError when it is not one or cannot be read."""
    path = Path(path)
    if not path.is_file():
        raise ChiboError(_("Không tìm thấy tệp {path}.").format(path=path))
    try:
        with path.open("rb") as fh:
            head = fh.read(8)
            size = path.stat().st_size
    except OSError as exc:
        raise ChiboError(
            _("Không mở được tệp {name}: {error}").format(name=path.name, error=exc.strerror or exc)
        ) from exc
    if size == 0:
        raise ChiboError(_("Tệp {name} trống, không có dữ liệu.").format(name=path.name))
    if head.startswith(_OLE):
        with path.open("rb") as fh:
            whole = fh.read(min(size, 4 << 20))
        if _is_encrypted_ole(whole):
            raise _protected(path)
    elif head.startswith(_ZIP):
        _check_unpacked_size(path)
    else:
        if path.suffix.lower() not in (".csv", ".txt", ".tsv"):
            raise _unreadable(path)
        sheet = Sheet(path.stem, read_csv(path), [])
        if len(sheet.rows) > MAX_ROWS:
            raise _too_many_rows(path, len(sheet.rows))
        return Book(
            path,
            [sheet.name],
            lambda name, nrows: Sheet(sheet.name, sheet.rows[:nrows] if nrows else sheet.rows),
        )
    return _open_calamine(path)


def _too_many_rows(path: Path, rows: int) -> ChiboError:
    return ChiboError(
        _(
            "Tệp {name} có {rows} dòng, quá nhiều cho một danh sách đảng viên (tối đa {most} "
            "dòng). Hãy xóa các dòng thừa rồi lưu lại, hoặc chép riêng danh sách sang tệp mới."
        ).format(name=path.name, rows=f"{rows:,}".replace(",", "."), most="200.000")
    )


def _check_unpacked_size(path: Path) -> None:
    """Refuse a workbook that would unpack to hundreds of megabytes, or whose sheets say
    they hold more rows than any list, before any of it is read."""
    try:
        with zipfile.ZipFile(path) as archive:
            entries = archive.infolist()
            if sum(e.file_size for e in entries) > MAX_UNPACKED_BYTES:
                raise ChiboError(
                    _(
                        "Tệp {name} khi mở ra lớn hơn {mb} MB: không phải một danh sách đảng "
                        "viên thông thường (có thể tệp hỏng hoặc được làm để gây hại). Chương "
                        "trình không đọc tệp này."
                    ).format(name=path.name, mb=MAX_UNPACKED_BYTES >> 20)
                )
            for entry in entries:
                if entry.filename.startswith("xl/worksheets/") and entry.filename.endswith(".xml"):
                    with archive.open(entry) as fh:
                        found = _DIMENSION.search(fh.read(4096))
                    if found and int(found.group(1)) > MAX_ROWS:
                        raise _too_many_rows(path, int(found.group(1)))
    except (zipfile.BadZipFile, zlib.error, OSError, EOFError, ValueError, NotImplementedError):
        return  # a damaged archive: calamine says what is wrong with it


def _open_calamine(path: Path) -> Book:
    import python_calamine as calamine

    try:
        workbook = calamine.CalamineWorkbook.from_path(str(path))
        names = list(workbook.sheet_names)
    except calamine.PasswordError as exc:
        raise _protected(path) from exc
    except Exception as exc:  # calamine reports broken files with assorted error types
        if "password" in str(exc).lower() or "encrypt" in str(exc).lower():
            raise _protected(path) from exc
        raise _unreadable(path) from exc
    if not names:
        raise ChiboError(_("Tệp {name} không có trang tính nào.").format(name=path.name))

    opened: dict = {}

    def load(name: str, nrows: int | None) -> Sheet:
        try:
            # Parsing a sheet is the costly part; keep it for the full read after a peek.
            sheet = opened.get(name) or opened.setdefault(name, workbook.get_sheet_by_name(name))
            if sheet.height > MAX_ROWS:
                raise _too_many_rows(path, sheet.height)
            rows = sheet.to_python(skip_empty_area=False, nrows=nrows)
            merged = sheet.merged_cell_ranges or []
        except calamine.PasswordError as exc:
            raise _protected(path) from exc
        except ChiboError:
            raise
        except Exception as exc:
            raise ChiboError(
                _("Không đọc được trang “{sheet}” của tệp {name}: {error}").format(
                    sheet=name, name=path.name, error=exc
                )
            ) from exc
        if nrows is None:
            opened.pop(name, None)
        return Sheet(name, rows, list(merged))

    return Book(path, names, load)
