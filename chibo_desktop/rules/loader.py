"""Read and check a rule file; errors name the file and the line."""

from __future__ import annotations

import datetime as dt
import re
import tomllib
from collections.abc import Mapping
from pathlib import Path
from typing import Any

from ..errors import ChiboError
from ..i18n import _
from ..paths import resource_path

_LINE = re.compile(r"line (\d+)")


class RuleFileError(ChiboError):
    def __init__(self, path: Path | str, message: str, line: int | None = None):
        where = f"{Path(path).name}, dòng {line}" if line else Path(path).name
        super().__init__(
            _("Tệp quy định {where} không hợp lệ: {message}").format(where=where, message=message)
        )
        self.path = Path(path)
        self.line = line


def rules_path(*parts: str) -> Path:
    return resource_path("rules", *parts)


def parse_toml(text: str, path: Path | str) -> dict[str, Any]:
    try:
        return tomllib.loads(text)
    except tomllib.TOMLDecodeError as exc:
        match = _LINE.search(str(exc))
        raise RuleFileError(
            path, str(exc).split(" (at")[0], int(match.group(1)) if match else None
        ) from exc


def read_rule_text(path: Path) -> str:
    try:
        return path.read_text(encoding="utf-8")
    except (OSError, UnicodeDecodeError) as exc:
        raise RuleFileError(path, _("không đọc được tệp ({error})").format(error=exc)) from exc


def load_toml(path: Path) -> dict[str, Any]:
    return parse_toml(read_rule_text(path), path)


def load_toml_text(path: Path) -> tuple[dict[str, Any], str]:
    """The parsed file and its text (to name the line of a wrong value)."""
    text = read_rule_text(path)
    return parse_toml(text, path), text


def line_of(text: str, needle: str) -> int | None:
    """The first line holding a key or value, to point the secretary at the problem."""
    for number, line in enumerate(text.splitlines(), start=1):
        if needle in line:
            return number
    return None


def line_of_entry(text: str, key: str, value: Any = None) -> int | None:
    """The line that sets ``key`` (comments skipped), preferring one whose value is
    ``value``: among many tables with the same key, the one that is wrong."""
    pattern = re.compile(rf"""^\s*["']?{re.escape(key)}["']?\s*=\s*(.*)$""")
    first = None
    for number, line in enumerate(text.splitlines(), start=1):
        match = pattern.match(line)
        if not match:
            continue
        first = first or number
        try:
            if tomllib.loads(f"v = {match.group(1)}")["v"] == value:
                return number
        except tomllib.TOMLDecodeError:
            continue
    return first


_TYPE_NAMES = {
    str: "chuỗi",
    int: "số nguyên",
    bool: "đúng/sai",
    list: "danh sách",
    dict: "bảng",
    dt.date: "ngày",
    float: "số",
}


# Any table of a rule file may say where its content comes from: ``source`` (the regulation,
# with its point, or the page it was read on), ``verified = false`` when that source was not
# checked against the official text (the program then says "chưa đối chiếu"), and a ``note``.
PROVENANCE: dict[str, type] = {"source": str, "verified": bool, "note": str}


def check_table(
    table: Mapping[str, Any],
    fields: Mapping[str, type | tuple[type, ...]],
    *,
    required: tuple[str, ...] = (),
    path: Path | str,
    text: str = "",
    where: str = "",
) -> None:
    """Refuse unknown keys, missing required keys and values of the wrong type (the
    provenance keys are known to every table)."""
    fields = {**PROVENANCE, **fields}
    for key, value in table.items():
        if key not in fields:
            raise RuleFileError(
                path,
                _("khóa không được biết: {key}{where}").format(key=key, where=where),
                line_of_entry(text, key, value),
            )
        expected = fields[key]
        expected_types = expected if isinstance(expected, tuple) else (expected,)
        if isinstance(value, bool) and bool not in expected_types:
            ok = False
        else:
            ok = isinstance(value, expected_types)
        if not ok:
            names = " / ".join(_TYPE_NAMES.get(t, t.__name__) for t in expected_types)
            raise RuleFileError(
                path,
                _("{key} phải là {kind}{where}").format(key=key, kind=names, where=where),
                line_of_entry(text, key, value),
            )
    for key in required:
        if key not in table:
            raise RuleFileError(path, _("thiếu khóa {key}{where}").format(key=key, where=where))
