"""Campaign templates: the shipped file, validation with file and line, deadlines, progress."""

from __future__ import annotations

import datetime as dt

import pytest

from chibo_desktop.domain.campaign import (
    CampaignMember,
    CampaignState,
    Mark,
    Step,
    StepTemplate,
    due_date,
)
from chibo_desktop.domain.deadlines import step_status
from chibo_desktop.rules.campaigns import builtin_templates, load_template, parse_template
from chibo_desktop.rules.loader import RuleFileError


def shipped():
    return builtin_templates()["tu_soi_tu_sua"]


def test_shipped_template_has_the_documented_contents():
    template, _text = shipped()
    assert template.valid_from == dt.date(2021, 10, 25)
    assert "37-QĐ/TW" in template.source
    assert len(template.steps) == 12
    assert [len(g.entries) for g in template.manifestation_groups] == [9, 9, 9]
    assert len(template.prohibitions) == 19
    assert len(template.review_refs()) == 46
    numbers = [d.number for d in template.documents]
    for number in ("21-KL/TW", "37-QĐ/TW", "04-NQ/TW", "22-QĐ/TW", "24-QĐ/TW", "41-QĐ/TW"):
        assert number in numbers
    replaced = {d.number: d.replaced_by for d in template.documents}
    assert "294-QĐ/TW" in replaced["24-QĐ/TW"]
    assert replaced["21-KL/TW"] == ""
    thematic = next(s for s in template.steps if s.key == "sinh_hoat_chuyen_de")
    assert thematic.anniversary == (5, 19) and thematic.evidence == "meeting"
    kinds = {i.kind for i in template.items}
    assert {"study", "self_review", "commitment", "attendance"} <= kinds
    assert template.item("hoc_kl21").title == "Học 21-KL/TW"


def _broken(text: str, old: str, new: str, tmp_path):
    path = tmp_path / "mau_hong.toml"
    path.write_text(text.replace(old, new, 1), encoding="utf-8")
    with pytest.raises(RuleFileError) as info:
        load_template(path)
    return info.value


def test_syntax_error_names_file_and_line(tmp_path):
    _template, text = shipped()
    error = _broken(text, 'key = "qd37"', 'key = "qd37', tmp_path)
    expected_line = text.splitlines().index('key = "qd37"') + 1
    assert error.line == expected_line
    assert "mau_hong.toml" in error.message and f"dòng {expected_line}" in error.message


def test_unknown_key_refused_with_line(tmp_path):
    _template, text = shipped()
    error = _broken(
        text, 'evidence = "meeting"', 'evidence = "meeting"\nbang_chung = "x"', tmp_path
    )
    assert "bang_chung" in error.message
    assert error.line == text.splitlines().index('evidence = "meeting"') + 2


def test_wrong_type_refused(tmp_path):
    _template, text = shipped()
    error = _broken(text, "offset_days = 7", 'offset_days = "bảy"', tmp_path)
    assert "offset_days" in error.message and "số nguyên" in error.message
    assert error.line is not None


def test_bad_evidence_and_missing_deadline_refused(tmp_path):
    _template, text = shipped()
    assert "evidence" in _broken(text, 'evidence = "note"', 'evidence = "ảnh"', tmp_path).message
    error = _broken(text, "offset_days = 14\n", "", tmp_path)
    assert "phat_tai_lieu" in error.message


def test_duplicate_key_refused(tmp_path):
    _template, text = shipped()
    error = _broken(text, 'key = "qd22"', 'key = "qd24"', tmp_path)
    assert "qd24" in error.message


def test_attendance_item_must_name_a_step():
    _template, text = shipped()
    with pytest.raises(RuleFileError, match="du_sinh_hoat_chuyen_de"):
        parse_template(text.replace('step = "sinh_hoat_chuyen_de"', 'step = "khong_co"'), "x.toml")


def test_deadlines_from_offsets_and_anniversaries():
    offset = StepTemplate("a", "A", offset_days=30)
    assert due_date(offset, dt.date(2026, 1, 10)) == dt.date(2026, 2, 9)
    may = StepTemplate("b", "B", anniversary=(5, 19))
    assert due_date(may, dt.date(2026, 3, 1)) == dt.date(2026, 5, 19)
    assert due_date(may, dt.date(2026, 5, 19)) == dt.date(2026, 5, 19)
    assert due_date(may, dt.date(2026, 6, 1)) == dt.date(2027, 5, 19)
    leap = StepTemplate("c", "C", anniversary=(2, 29))
    assert due_date(leap, dt.date(2026, 1, 1)) == dt.date(2026, 2, 28)


def test_overdue_and_done():
    today = dt.date(2026, 3, 15)
    assert step_status("todo", dt.date(2026, 3, 14), None, today) == "overdue"
    assert step_status("doing", dt.date(2026, 3, 14), None, today) == "overdue"
    assert step_status("todo", dt.date(2026, 3, 15), None, today) == "todo"
    assert step_status("doing", None, None, today) == "doing"
    assert step_status("todo", dt.date(2026, 1, 1), dt.date(2026, 1, 2), today) == "done"


def test_progress_counts_only_active_members():
    template, _text = shipped()
    today = dt.date(2026, 3, 15)
    steps = [
        Step(
            1,
            "a",
            "A",
            "note",
            dt.date(2026, 3, 1),
            "done",
            dt.date(2026, 3, 1),
            shown_status="done",
        ),
        Step(2, "b", "B", "note", dt.date(2026, 3, 10), "todo", shown_status="overdue"),
        Step(3, "c", "C", "note", dt.date(2026, 3, 20), "todo", shown_status="todo"),
        Step(4, "d", "D", "note", dt.date(2026, 4, 1), "todo", shown_status="todo"),
    ]
    members = [
        CampaignMember(1, "Nguyễn Văn An"),
        CampaignMember(2, "Lê Thị Hoa", left=dt.date(2026, 2, 1), left_reason="Chuyển đi"),
    ]
    item_keys = [i.key for i in template.items]
    marks = {(1, key): Mark(today) for key in item_keys[:6]}
    marks[(2, item_keys[0])] = Mark(today)
    state = CampaignState(
        1, "Đợt", template, dt.date(2026, 1, 1), None, steps, members, marks, today=today
    )
    assert state.step_progress() == 0.25
    assert state.item_progress() == 6 / len(item_keys)
    assert state.progress == pytest.approx((0.25 + 6 / len(item_keys)) / 2)
    assert [s.key for s in state.overdue] == ["b"]
    step, days = state.next_deadline()
    assert step.key == "c" and days == 5
    assert state.done_count(item_keys[0]) == 1
    assert [m.member_id for m in state.missing(item_keys[-1])] == [1]


def test_deadlines_stay_in_sequence_inside_the_campaign():
    from chibo_desktop.domain.campaign import due_dates

    template, _text = shipped()
    keys = [s.key for s in template.steps]
    may = keys.index("sinh_hoat_chuyen_de")
    # started in August: the next 19/5 is after the report upward (start + 120 days)
    start = dt.date(2026, 8, 7)
    dates = due_dates(template.steps, start)
    report = keys.index("bao_cao")
    assert dates[: report + 1] == sorted(dates[: report + 1])
    assert dates[report] == start + dt.timedelta(days=120)
    assert dates[may - 1] < dates[may] < dates[may + 1]
    # the reviews listed after the report keep their own days
    assert dates[keys.index("kiem_diem_cuoi_nam")] == dt.date(2026, 12, 31)
    # started in February: 19/5 is inside the campaign and kept
    early = due_dates(template.steps, dt.date(2026, 2, 1))
    assert early[may] == dt.date(2026, 5, 19)
    # a finish date earlier than the report's deadline bounds it too
    short = due_dates(template.steps, dt.date(2026, 3, 1), dt.date(2026, 5, 1))
    assert short[may] < dt.date(2026, 5, 19)
