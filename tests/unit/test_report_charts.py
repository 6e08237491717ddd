"""The charts of the printed and Excel reports draw the figures of their tables: checked
against the services' own results, in the PDF text, in the workbook's chart references,
and by opening the workbooks in LibreOffice when it is installed."""

from __future__ import annotations

import datetime as dt
import re
import shutil
import subprocess
import zipfile

import pytest

from chibo_desktop.domain.chart import TableChart, chart_data
from chibo_desktop.domain.report import Column, Heading, Table
from chibo_desktop.services.assessments.year_end import year_sheet
from chibo_desktop.services.campaigns.reports import write_report
from chibo_desktop.services.contract.results import run_to_end
from chibo_desktop.services.reports.catalog import build_report, report_doc
from chibo_desktop.services.reports.charts import MONTHLY_TITLE
from chibo_desktop.services.reports.meetings import meetings_summary
from chibo_desktop.services.reports.situation import situation
from chibo_desktop.storage import campaigns as campaign_store

TODAY = dt.date(2026, 3, 15)
START = dt.date(2025, 1, 1)


def _section(doc, title):
    return next(s for s in doc.sections if s.title == title)


def test_chart_reads_the_rows_under_its_heading():
    table = Table([Column("a"), Column("n", kind="int")])
    table.rows = [Heading("X"), ["x1", 1], ["x2", 2], Heading("Y"), ["y1", 3]]
    data = chart_data(table, TableChart("t", 0, (1,), group="Y"))
    assert (data.categories, data.series, data.rows) == (["y1"], [("n", [3.0])], [4])
    whole = chart_data(table, TableChart("t", 0, (1,)))
    assert whole.categories == ["x1", "x2", "y1"]


def test_meetings_chart_equals_the_monthly_table_and_the_meetings(demo_db):
    doc = report_doc(demo_db, "meetings", START, TODAY, TODAY)
    section = _section(doc, MONTHLY_TITLE)
    table = section.table
    (chart,) = section.charts
    data = chart_data(table, chart)
    assert data.series[0][1] == [row[4] for row in table.rows]
    assert data.marked == [bool(row[5]) for row in table.rows]
    # the months add up to the per-meeting table's total
    summary = meetings_summary(demo_db, START, TODAY, TODAY)
    assert sum(row[2] for row in table.rows) == summary.expected
    assert sum(row[3] for row in table.rows) == summary.present
    assert sum(row[1] for row in table.rows) == len(summary.meetings)
    drafts = {f"{m.date.month:02d}/{m.date.year}" for m in summary.meetings if m.draft}
    assert {c for c, m in zip(data.categories, data.marked, strict=True) if m} == drafts
    assert chart.threshold == pytest.approx(0.85)


def test_no_meetings_no_monthly_chart(db):
    doc = report_doc(db, "meetings", START, TODAY, TODAY)
    assert MONTHLY_TITLE not in [s.title for s in doc.sections]


def test_situation_charts_equal_the_groups(demo_db):
    doc = report_doc(demo_db, "situation", dt.date(2026, 1, 1), TODAY, TODAY)
    section = _section(doc, "Số lượng đảng viên")
    groups = {g.title: g.rows for g in situation(demo_db, dt.date(2026, 1, 1), TODAY).groups}
    assert [c.group for c in section.charts] == ["Theo độ tuổi", "Theo tuổi Đảng", "Theo giới tính"]
    for chart in section.charts:
        data = chart_data(section.table, chart)
        assert list(zip(data.categories, data.series[0][1], strict=True)) == [
            (label, float(n)) for label, n in groups[chart.group]
        ]


def test_assessment_chart_equals_the_tally(demo_db):
    doc = report_doc(demo_db, "assessment", START, dt.date(2025, 12, 31), TODAY)
    section = _section(doc, "Tổng hợp kết quả xếp loại")
    sheet = year_sheet(demo_db, 2025, TODAY, document=True)
    data = chart_data(section.table, section.charts[0])
    expected = [(lv.label, float(sheet.tally.count(lv.key, None))) for lv in sheet.scale.levels]
    expected.append(("Chưa xếp loại", float(sheet.tally.missing(None))))
    assert list(zip(data.categories, data.series[0][1], strict=True)) == expected


def _pdf_text(path) -> str:
    return subprocess.run(
        ["pdftotext", "-layout", str(path), "-"], capture_output=True, text=True, check=True
    ).stdout


@pytest.mark.skipif(shutil.which("pdftotext") is None, reason="poppler-utils not installed")
@pytest.mark.parametrize(
    ("name", "start", "end", "titles"),
    [
        ("meetings", START, TODAY, ["Tỷ lệ có mặt theo tháng", "Mức chi bộ đặt 85,0%"]),
        (
            "situation",
            dt.date(2026, 1, 1),
            TODAY,
            ["Đảng viên theo độ tuổi", "Đảng viên theo tuổi Đảng", "Đảng viên theo giới tính"],
        ),
        ("assessment", START, dt.date(2025, 12, 31), ["Số đảng viên theo mức xếp loại"]),
    ],
)
def test_pdf_charts_print_titles_and_numbers(demo_db, tmp_path, name, start, end, titles):
    path = run_to_end(build_report(demo_db, name, start, end, tmp_path / f"{name}.pdf", TODAY))
    text = _pdf_text(path)
    for title in titles:
        assert title in text
    if shutil.which("pdftoppm"):
        subprocess.run(["pdftoppm", "-r", "30", "-png", str(path), str(tmp_path / "p")], check=True)
        assert list(tmp_path.glob("p-*.png"))


def _chart_refs(path) -> list[tuple[str, str]]:
    """(categories, values) references of each chart in the workbook."""
    with zipfile.ZipFile(path) as z:
        charts = sorted(n for n in z.namelist() if re.match(r"xl/charts/chart\d+\.xml", n))
        refs = []
        for name in charts:
            xml = z.read(name).decode()
            cat = re.search(r"<cat><strRef><f>(.*?)</f>", xml).group(1)
            val = re.search(r"<val><numRef><f>(.*?)</f>", xml).group(1)
            refs.append((cat, val))
    return refs


def _cells(wb, ref: str) -> list:
    ref = ref.replace("&apos;", "'")
    sheet, cells = ref.rsplit("!", 1)
    ws = wb[sheet.strip("'").replace("''", "'")]
    return [c.value for row in ws[cells.replace("$", "")] for c in row]


def test_workbook_charts_point_at_the_table(demo_db, tmp_path):
    from openpyxl import load_workbook

    path = run_to_end(
        build_report(demo_db, "situation", dt.date(2026, 1, 1), TODAY, tmp_path / "s.xlsx", TODAY)
    )
    refs = _chart_refs(path)
    assert len(refs) == 3
    wb = load_workbook(path)
    groups = situation(demo_db, dt.date(2026, 1, 1), TODAY).groups
    by_title = {g.title: g.rows for g in groups}
    groups_charted = ("Theo độ tuổi", "Theo tuổi Đảng", "Theo giới tính")
    for (cat, val), group in zip(refs, groups_charted, strict=True):
        assert list(zip(_cells(wb, cat), _cells(wb, val), strict=True)) == by_title[group]


def test_meetings_workbook_chart_is_the_monthly_rates(demo_db, tmp_path):
    from openpyxl import load_workbook

    path = run_to_end(build_report(demo_db, "meetings", START, TODAY, tmp_path / "m.xlsx", TODAY))
    ((cat, val),) = _chart_refs(path)
    wb = load_workbook(path)
    table = _section(report_doc(demo_db, "meetings", START, TODAY, TODAY), MONTHLY_TITLE).table
    assert _cells(wb, cat) == [row[0] for row in table.rows]
    assert _cells(wb, val) == pytest.approx([row[4] for row in table.rows])
    with zipfile.ZipFile(path) as z:
        assert "wdDnDiag" in z.read("xl/charts/chart1.xml").decode()  # drafts hatched


@pytest.mark.skipif(shutil.which("soffice") is None, reason="LibreOffice not installed")
def test_workbooks_with_charts_open_in_libreoffice(demo_db, tmp_path):
    paths = [
        run_to_end(build_report(demo_db, "meetings", START, TODAY, tmp_path / "m.xlsx", TODAY)),
        run_to_end(
            build_report(
                demo_db, "assessment", START, dt.date(2025, 12, 31), tmp_path / "a.xlsx", TODAY
            )
        ),
    ]
    campaign_id = campaign_store.campaigns(demo_db)[0]["id"]
    paths.append(write_report(demo_db, campaign_id, tmp_path / "c.xlsx", TODAY))
    out = tmp_path / "pdf"
    subprocess.run(
        [
            "soffice",
            f"-env:UserInstallation=file://{tmp_path / 'lo'}",
            "--headless",
            "--convert-to",
            "pdf",
            "--outdir",
            str(out),
            *map(str, paths),
        ],
        check=True,
        capture_output=True,
        timeout=300,
    )
    for path in paths:
        pdf = out / (path.stem + ".pdf")
        assert pdf.is_file() and pdf.stat().st_size > 0
    assert "Tỷ lệ có mặt theo tháng" in _pdf_text(out / "m.pdf")
    assert len(_chart_refs(paths[2])) == 1


@pytest.mark.skipif(shutil.which("pdftotext") is None, reason="poppler-utils not installed")
def test_campaign_pdf_charts_come_from_its_figures(demo_db, tmp_path):
    from chibo_desktop.domain.campaign import figures
    from chibo_desktop.i18n import format_percent
    from chibo_desktop.services.campaigns.campaign import campaign_state

    campaign_id = campaign_store.campaigns(demo_db)[0]["id"]
    path = write_report(demo_db, campaign_id, tmp_path / "c.pdf", TODAY)
    text = _pdf_text(path)
    assert "Tiến độ từng bước" in text
    assert "Tỷ lệ đảng viên đã thực hiện từng nội dung" in text
    state = campaign_state(demo_db, campaign_id, TODAY)
    for figure in figures(state)[1:]:
        assert format_percent(figure.share, document=True) in text
