"""Rule and template files with mistakes are refused with file and line; built-ins stay."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from chibo_desktop.paths import resource_path
from chibo_desktop.rules.loader import RuleFileError


def loaders():
    from chibo_desktop.rules import assessment, badges, choices, meetings, statuses

    return [
        ("statuses.toml", statuses.load_status_rules, statuses.status_rules),
        ("badges.toml", badges.load_badge_rules, badges.badge_rules),
        ("meetings.toml", meetings.load_meeting_rules, meetings.meeting_rules),
        ("assessment.toml", assessment.load_scales, assessment.scales),
        ("member_choices.toml", choices.load_choices, choices.member_choices),
    ]


LOADERS = loaders()
IDS = [name for name, *_rest in LOADERS]
TOP_STRING = re.compile(r'^(title|source)\s*=\s*"', re.MULTILINE)


def mutations(text: str) -> list[tuple[str, str, int | None]]:
    """(kind, broken text, line the error must name or None when any line will do)."""
    lines = text.splitlines()
    middle = len(lines) // 2
    syntax = "\n".join([*lines[:middle], "= giá trị không có khóa", *lines[middle:]])
    unknown = "khoa_la = 1\n" + text
    result = [("syntax", syntax, middle + 1), ("unknown key", unknown, 1)]
    match = TOP_STRING.search(text)
    if match:
        line = text[: match.start()].count("\n") + 1
        wrong = text[: match.start()] + f"{match.group(1)} = 12345 #" + text[match.end() :]
        result.append(("wrong type", wrong, line))
    return result


@pytest.mark.parametrize(("name", "load", "cached"), LOADERS, ids=IDS)
def test_broken_rule_files_are_refused_with_file_and_line(name, load, cached, tmp_path):
    builtin = resource_path("rules", name)
    original = builtin.read_bytes()
    before = cached()
    text = original.decode("utf-8")
    tried = 0
    for kind, broken, line in mutations(text):
        path = tmp_path / name
        path.write_text(broken, encoding="utf-8")
        with pytest.raises(RuleFileError) as caught:
            load(path)
        message = caught.value.message
        assert name in message, (kind, message)
        if line is not None:
            assert caught.value.line == line, (kind, message)
            assert f"dòng {line}" in message
        tried += 1
    assert tried >= 3
    assert builtin.read_bytes() == original
    assert cached() == before  # the program keeps using the built-in rules
    assert load(builtin) == before or name == "assessment.toml"


def test_rule_file_that_is_not_utf8_is_refused_with_its_name(tmp_path):
    for name, load, _cached in LOADERS:
        path = tmp_path / name
        path.write_bytes(b"\xff\xfe" + resource_path("rules", name).read_bytes())
        with pytest.raises(RuleFileError, match=re.escape(name)):
            load(path)


def test_broken_campaign_template_is_refused_and_builtin_kept(db, tmp_path):
    from chibo_desktop.services.campaigns.templates import import_template, list_templates

    before = list_templates(db)
    source = resource_path("rules", "campaigns", "tu_soi_tu_sua.toml").read_text(encoding="utf-8")
    cases = {
        "cu_phap.toml": source.replace('key = "tu_soi_tu_sua"', 'key = "thiếu dấu nháy'),
        "khoa_la.toml": "khoa_khong_biet = true\n" + source,
        "sai_kieu.toml": source.replace('key = "tu_soi_tu_sua"', "key = 42"),
        "rong.toml": "",
    }
    for file_name, text in cases.items():
        path = tmp_path / file_name
        path.write_text(text, encoding="utf-8")
        with pytest.raises(RuleFileError) as caught:
            import_template(db, path)
        assert file_name in caught.value.message
    assert list_templates(db) == before


def test_rule_error_is_a_user_error_on_the_command_line(tmp_path):
    """A RuleFileError is a ChiboError: shown as one Vietnamese line, no traceback."""
    from chibo_desktop.errors import ChiboError

    assert issubclass(RuleFileError, ChiboError)
    error = RuleFileError(Path("x/statuses.toml"), "khóa không được biết: a", 7)
    assert error.message.startswith("Tệp quy định statuses.toml, dòng 7 không hợp lệ")
