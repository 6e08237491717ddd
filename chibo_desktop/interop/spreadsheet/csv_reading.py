"""CSV files from Excel or a Vietnamese Windows: UTF-8 (± BOM), UTF-16, CP1258 or CP1252."""

from __future__ import annotations

import csv
import io
import unicodedata
from pathlib import Path

from ...errors import ChiboError
from ...i18n import _

_VIETNAMESE = set("aàáảãạăằắẳẵặâầấẩẫậeèéẻẽẹêềếểễệiìíỉĩịoòóỏõọôồốổỗộơờớởỡợuùúủũụưừứửữựyỳýỷỹỵđ")


def _oddness(text: str) -> int:
    """How un-Vietnamese a decoding looks: letters outside the alphabet, stray marks."""
    odd = 0
    previous = " "
    for char in text:
        if ord(char) >= 128:
            if unicodedata.combining(char):
                if not previous.isalpha():
                    odd += 1
            elif char.isalpha() and char.lower() not in _VIETNAMESE:
                odd += 1
        previous = char
    return odd


def decode(data: bytes) -> str:
    if data.startswith(b"\xef\xbb\xbf"):
        return data[3:].decode("utf-8", errors="replace")
    if data.startswith((b"\xff\xfe", b"\xfe\xff")):
        return data.decode("utf-16")
    try:
        return data.decode("utf-8")
    except UnicodeDecodeError:
        pass
    candidates = []
    for encoding in ("cp1258", "cp1252"):
        try:
            candidates.append((_oddness(data.decode(encoding)), encoding))
        except UnicodeDecodeError:
            continue
    if not candidates:
        return data.decode("latin-1")
    _score, best = min(candidates)  # ties go to cp1258, the Vietnamese Windows code page
    return data.decode(best)


def _delimiter(lines: list[str]) -> str:
    best, best_score = ",", -1
    for delimiter in (";", ",", "\t"):
        counts = [line.count(delimiter) for line in lines if line.strip()]
        if not counts:
            continue
        score = sorted(counts)[len(counts) // 2]  # median: title lines do not decide
        if score > best_score:
            best, best_score = delimiter, score
    return best


def read_csv(path: Path) -> list[list[str]]:
    """The file's rows of text cells."""
    data = path.read_bytes()
    if b"\x00" in data[:4096] and not data.startswith((b"\xff\xfe", b"\xfe\xff")):
        raise ChiboError(
            _(
                "Tệp {name} không phải là bảng tính đọc được (cần .xlsx, .xls, .xlsb, .ods hoặc "
                ".csv). Hãy mở tệp bằng Excel và lưu lại dưới dạng .xlsx."
            ).format(name=path.name)
        )
    text = unicodedata.normalize("NFC", decode(data))
    lines = text.splitlines()[:50]
    rows = list(csv.reader(io.StringIO(text, newline=""), delimiter=_delimiter(lines)))
    if not any(any(cell.strip() for cell in row) for row in rows):
        raise ChiboError(_("Tệp {name} trống, không có dữ liệu.").format(name=path.name))
    return rows
