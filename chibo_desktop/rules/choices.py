"""Choice lists of the member record (resources/rules/member_choices.toml)."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from functools import cache
from pathlib import Path

from .loader import RuleFileError, check_table, load_toml_text, rules_path

FIELDS = ("ethnicity", "religion", "theory_level", "education", "position")


@dataclass(frozen=True)
class ChoiceList:
    field: str
    label: str
    values: tuple[str, ...]
    exhaustive: bool  # False: any other text is accepted too
    source: str = ""
    valid_from: dt.date | None = None

    def accepts(self, value: str) -> bool:
        return not value or not self.exhaustive or value in self.values


def load_choices(path: Path | None = None) -> dict[str, ChoiceList]:
    path = path or rules_path("member_choices.toml")
    data, text = load_toml_text(path)
    check_table(
        data,
        {"title": str, "source": str, "valid_from": dt.date, **dict.fromkeys(FIELDS, dict)},
        required=FIELDS,
        path=path,
        text=text,
    )
    result: dict[str, ChoiceList] = {}
    for name in FIELDS:
        table = data[name]
        where = f" ([{name}])"
        check_table(
            table,
            {
                "label": str,
                "source": str,
                "valid_from": dt.date,
                "exhaustive": bool,
                "values": list,
            },
            required=("label", "source", "values"),
            path=path,
            text=text,
            where=where,
        )
        values = table["values"]
        if not values or not all(isinstance(v, str) and v.strip() for v in values):
            raise RuleFileError(path, f"values phải là danh sách chuỗi không rỗng{where}")
        if len(set(values)) != len(values):
            raise RuleFileError(path, f"values có giá trị trùng nhau{where}")
        result[name] = ChoiceList(
            field=name,
            label=table["label"],
            values=tuple(values),
            exhaustive=table.get("exhaustive", False),
            source=table["source"],
            valid_from=table.get("valid_from"),
        )
    return result


@cache
def member_choices() -> dict[str, ChoiceList]:
    return load_choices()
