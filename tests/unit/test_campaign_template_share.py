"""A campaign template travels as one TOML file: export, import checked whole (a broken
file refused with its line and the reason, in the service and the `chibo` command), the
same file twice changes nothing; the shipped example's six-month and year-end steps."""

from __future__ import annotations

import datetime as dt

import pytest

from chibo_desktop.cli import main
from chibo_desktop.rules.campaigns import builtin_templates
from chibo_desktop.rules.loader import RuleFileError
from chibo_desktop.services.campaigns import templates


def test_export_then_import_round_trips(db, tmp_path):
    key = templates.duplicate_template(db, "tu_soi_tu_sua", "Mẫu của Đảng ủy").value
    path = templates.export_template(db, key, tmp_path / "mau.toml")
    sent = tmp_path / "gui_chi_bo.toml"
    sent.write_text(
        path.read_text(encoding="utf-8").replace(f'key = "{key}"', 'key = "dang_uy_2026"'),
        encoding="utf-8",
    )
    imported = templates.import_template(db, sent)
    assert imported.value == "dang_uy_2026" and imported.changes.campaigns
    assert templates.get_template(db, "dang_uy_2026") == templates.get_template(db, key).__class__(
        **{**templates.get_template(db, key).__dict__, "key": "dang_uy_2026"}
    )
    again = templates.import_template(db, sent)
    assert again.value == "dang_uy_2026" and not again.changes.any()
    assert [t.key for t in templates.list_templates(db)].count("dang_uy_2026") == 1


def test_the_shipped_file_imported_changes_nothing(db, tmp_path):
    path = templates.export_template(db, "tu_soi_tu_sua", tmp_path / "mau.toml")
    result = templates.import_template(db, path)
    assert result.value == "tu_soi_tu_sua" and not result.changes.any()


@pytest.mark.parametrize(
    ("old", "new", "reason"),
    [
        ("offset_days = 7", 'offset_days = "bảy"', "offset_days phải là số nguyên"),
        ('evidence = "meeting"', 'evidence = "bien_ban"', "evidence phải là một trong"),
        ("article = 2\n", "article = 3\n", "article phải là 2"),
        ('key = "qd37"', 'key = "qd37', "dòng"),
    ],
)
def test_a_broken_file_is_refused_with_line_and_reason(db, tmp_path, capsys, old, new, reason):
    text = builtin_templates()["tu_soi_tu_sua"][1].replace('key = "tu_soi_tu_sua"', 'key = "x"')
    broken = tmp_path / "hong.toml"
    broken.write_text(text.replace(old, new, 1), encoding="utf-8")
    before = templates.list_templates(db)
    with pytest.raises(RuleFileError) as info:
        templates.import_template(db, broken)
    line = text[: text.index(old)].count("\n") + 1
    assert info.value.line == line
    assert reason in info.value.message and f"hong.toml, dòng {line}" in info.value.message
    assert templates.list_templates(db) == before


def test_cli_exports_imports_and_refuses(db_path, tmp_path, capsys):
    out = tmp_path / "mau.toml"
    assert (
        main(["--db", str(db_path), "campaign", "template-export", "tu_soi_tu_sua", str(out)]) == 0
    )
    text = out.read_text(encoding="utf-8").replace('key = "tu_soi_tu_sua"', 'key = "cap_tren"')
    out.write_text(text, encoding="utf-8")
    capsys.readouterr()
    assert main(["--db", str(db_path), "campaign", "template-import", str(out)]) == 0
    printed = capsys.readouterr().out
    assert "cap_tren" in printed and "chưa đối chiếu" in printed
    out.write_text(text.replace("offset_days = 14", "offset_days = [14]"), encoding="utf-8")
    assert main(["--db", str(db_path), "campaign", "template-import", str(out)]) == 1
    line = text[: text.index("offset_days = 14")].count("\n") + 1
    error = capsys.readouterr().err
    assert f"mau.toml, dòng {line}" in error and "offset_days phải là số nguyên" in error


def test_the_shipped_template_is_an_example_with_six_month_and_year_end_reviews():
    template = builtin_templates()["tu_soi_tu_sua"][0]
    assert "ví dụ" in template.note.lower() and "cấp trên" in template.note
    assert "không phải văn bản Kết luận 21-KL/TW" in template.source
    steps = {s.key: s for s in template.steps}
    assert steps["kiem_diem_6_thang"].anniversary == (6, 30)
    assert steps["kiem_diem_cuoi_nam"].evidence == "assessment"
    assert steps["sinh_hoat_chuyen_de"].anniversary == (5, 19)
    assert "Diễn đàn sinh hoạt chi bộ" in steps["dien_dan"].title


def test_year_end_step_progress_is_the_share_of_members_assessed(db):
    from chibo_desktop.domain.assessment import Assessment
    from chibo_desktop.domain.members import Member
    from chibo_desktop.domain.status import StatusChange
    from chibo_desktop.services.assessments.year_end import save_assessment
    from chibo_desktop.services.campaigns.campaign import campaign_state, create_campaign
    from chibo_desktop.services.members.register import add_status_change, save_member

    ids = []
    for name in ("Nguyễn Văn An", "Trần Thị Bình", "Lê Văn Cường", "Phạm Thị Dung"):
        member_id = save_member(db, Member(full_name=name, join_date="2010-03-02")).value
        add_status_change(db, member_id, StatusChange("admitted", dt.date(2010, 3, 2)))
        ids.append(member_id)
    today = dt.date(2026, 12, 10)
    campaign_id = create_campaign(db, "tu_soi_tu_sua", dt.date(2026, 2, 1), today=today).value

    def year_end():
        state = campaign_state(db, campaign_id, today)
        return state, next(s for s in state.steps if s.key == "kiem_diem_cuoi_nam")

    state, step = year_end()
    assert step.due == dt.date(2026, 12, 31) and step.assessed == (2026, 0, 4)
    before = state.step_progress()
    for member_id in ids[:3]:
        save_assessment(
            db,
            Assessment(
                member_id,
                2026,
                "qd366",
                self_score=80,
                self_level="tot",
                conditions=frozenset({"tot_dung_han"}),
            ),
        )
    state, step = year_end()
    assert step.assessed == (2026, 3, 4) and step.progress == 0.75
    assert state.step_progress() == pytest.approx(before + 0.75 / len(state.steps))


def test_upgrading_a_file_keeps_its_campaign_steps(tmp_path):
    import shutil
    import sqlite3
    from pathlib import Path

    from chibo_desktop.storage.database import open_database

    old = Path(__file__).parents[1] / "fixtures" / "schemas" / "schema_1.sqlite"
    copy = tmp_path / "cu.sqlite"
    shutil.copy(old, copy)
    conn = sqlite3.connect(copy)
    before = conn.execute("SELECT * FROM campaign_steps ORDER BY id").fetchall()
    conn.close()
    assert before
    db = open_database(copy)
    assert db.execute("SELECT * FROM campaign_steps ORDER BY id").fetchall() == before
    db.execute("UPDATE campaign_steps SET evidence = 'assessment' WHERE id = ?", [before[0][0]])
    with pytest.raises(sqlite3.IntegrityError):
        db.execute("UPDATE campaign_steps SET evidence = 'khac' WHERE id = ?", [before[0][0]])
    assert db.execute("PRAGMA foreign_key_check").fetchall() == []
    db.close()
