"""A suspended member is printed as suspended, not as attending elsewhere; the attendance
sheet's letters read the Vietnamese way (x present, P có phép, K không phép)."""

import datetime as dt
import shutil

import openpyxl
import pytest

from chibo_desktop.domain.status import StatusChange
from chibo_desktop.services.meetings import minutes as svc
from chibo_desktop.services.meetings.printing import export_attendance_xlsx, export_minutes_pdf
from chibo_desktop.services.members.register import add_status_change
from tests.unit.test_meetings_print import plain
from tests.unit.test_meetings_service import TODAY, cell  # noqa: F401  (fixture)

pytestmark = pytest.mark.skipif(shutil.which("pdftotext") is None, reason="needs poppler-utils")


@pytest.fixture
def suspended(db, cell):  # noqa: F811
    change = StatusChange("suspended", dt.date(2026, 1, 10))
    add_status_change(db, cell["dang"], change, today=TODAY)
    return cell


def test_blank_form_names_each_reason_for_not_being_summoned(db, suspended, tmp_path):
    meeting_id = svc.create_meeting(db, dt.date(2026, 3, 5)).value
    text = plain(export_minutes_pdf(db, meeting_id, tmp_path / "mau.pdf", blank=True))
    assert "Đặng Minh Đức (đình chỉ sinh hoạt)" in text
    assert "Ngô Văn Dũng (sinh hoạt tạm thời nơi khác)" in text
    assert "Vũ Văn Cường (miễn sinh hoạt)" in text


def test_attendance_sheet_letters_and_legend(db, suspended, tmp_path):
    m = svc.get_meeting(db, svc.create_meeting(db, dt.date(2026, 3, 5)).value)
    for a in m.attendance:
        if a.member_id == suspended["hanh"]:
            a.state, a.reason = "excused", "ốm"
        if a.member_id == suspended["son"]:
            a.state = "absent"
    svc.save_draft(db, m)
    ws = openpyxl.load_workbook(export_attendance_xlsx(db, 2026, tmp_path / "dh.xlsx")).active
    rows = [[c.value for c in r] for r in ws.iter_rows()]
    legend = " ".join(str(v) for r in rows for v in r if v)
    for entry in ("x: có mặt", "P: vắng có lý do", "K: vắng không lý do", "M: miễn sinh hoạt",
                  "-: sinh hoạt tạm thời nơi khác", "Đ: đình chỉ sinh hoạt"):  # fmt: skip
        assert entry in legend
    letters = {r[1]: r[2] for r in rows if isinstance(r[0], int)}
    assert letters["Nguyễn Văn An"] == "x"
    assert letters["Trần Thị Hạnh"] == "P"
    assert letters["Lê Văn Sơn"] == "K"
    assert letters["Vũ Văn Cường"] == "M"
    assert letters["Ngô Văn Dũng"] == "-"
    assert letters["Đặng Minh Đức"] == "Đ"
