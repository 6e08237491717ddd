"""Spreadsheet files built for the import tests, the way offices lay their lists out."""

from __future__ import annotations

import shutil
import subprocess
import unicodedata
from pathlib import Path

import pytest

HEADER = [
    "STT",
    "Họ và tên",
    "Giới tính",
    "Ngày sinh",
    "Ngày vào Đảng",
    "Ngày chính thức",
    "Số thẻ đảng viên",
    "Ghi chú",
]
TITLE = [
    ["ĐẢNG BỘ PHƯỜNG HÀNG BẠC"],
    ["CHI BỘ KHU PHỐ 3"],
    [],
    ["DANH SÁCH ĐẢNG VIÊN"],
    ["(Tính đến ngày 01/03/2026)"],
    [],
]
FOOTER = [
    [],
    ["", "Tổng cộng: 3 đảng viên"],
    [],
    ["", "", "", "", "T/M CHI BỘ"],
    ["", "", "", "", "BÍ THƯ"],
    ["", "", "", "", "(Ký, ghi rõ họ tên)"],
    ["", "", "", "", "Nguyễn Văn An"],
]


def write_xlsx(path: Path, sheets: dict[str, list[list]], merges: dict[str, list[str]] = {}):  # noqa: B006
    from openpyxl import Workbook
    from openpyxl.cell import WriteOnlyCell

    # Streaming mode (thousands of rows in a blink) unless cells are to be merged.
    wb = Workbook(write_only=not merges)
    if merges:
        wb.remove(wb.active)
    for name, rows in sheets.items():
        ws = wb.create_sheet(name)
        for row in rows:
            if merges:
                ws.append(row)
                cells = ws[ws.max_row]
            else:
                cells = [WriteOnlyCell(ws, value=value) for value in row]
            for cell in cells:
                if isinstance(cell.value, str) and cell.value.startswith("="):
                    cell.data_type = "s"  # typed as text ('=...), not a formula
            if not merges:
                ws.append(cells)
        for cells in merges.get(name, []):
            ws.merge_cells(cells)
    wb.save(path)
    return path


def simple_list(rows: list[list], *, title: bool = True, footer: bool = True) -> list[list]:
    return [*(TITLE if title else []), HEADER, *rows, *(FOOTER if footer else [])]


def cp1258(text: str) -> bytes:
    """Text as a Vietnamese Windows saves it: base letters with combining tone marks."""
    out = bytearray()
    for char in text:
        try:
            out += char.encode("cp1258")
            continue
        except UnicodeEncodeError:
            pass
        decomposed = unicodedata.normalize("NFD", char)
        base, marks = decomposed[0], decomposed[1:]
        shape = [m for m in marks if m in "\u0302\u0306\u031b"]
        tone = [m for m in marks if m not in shape]
        out += unicodedata.normalize("NFC", base + "".join(shape)).encode("cp1258")
        out += "".join(tone).encode("cp1258")
    return bytes(out)


def soffice() -> str:
    found = shutil.which("soffice") or shutil.which("libreoffice")
    if not found:
        pytest.skip("LibreOffice (soffice) is not installed")
    return found


def convert(source: Path, target_ext: str, filter_name: str) -> Path:
    """Convert with LibreOffice, as a secretary saving an old .xls or an .ods would."""
    out_dir = source.parent / f"out_{target_ext}"
    out_dir.mkdir(exist_ok=True)
    profile = source.parent / "lo_profile"
    subprocess.run(
        [
            soffice(),
            f"-env:UserInstallation=file://{profile}",
            "--headless",
            "--convert-to",
            f"{target_ext}:{filter_name}",
            "--outdir",
            str(out_dir),
            str(source),
        ],
        check=True,
        capture_output=True,
        timeout=180,
    )
    result = out_dir / (source.stem + "." + target_ext)
    assert result.is_file()
    return result
