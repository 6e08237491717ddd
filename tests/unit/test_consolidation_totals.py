"""End to end: three demo cells export packages, a committee adds them, and every
consolidated total equals the sum of the cells' own reports computed on their registers."""

from __future__ import annotations

import datetime as dt

import pytest

from chibo_desktop.services.assessments.year_end import year_sheet
from chibo_desktop.services.campaigns.campaign import campaign_state
from chibo_desktop.services.consolidation.desk import add_packages, open_desk
from chibo_desktop.services.consolidation.overview import cell_lines
from chibo_desktop.services.consolidation.report_activity import (
    consolidated_campaigns,
    consolidated_meetings,
)
from chibo_desktop.services.consolidation.report_assessment import consolidated_assessment
from chibo_desktop.services.consolidation.report_situation import consolidated_situation
from chibo_desktop.services.consolidation.reports import NAMES, build_consolidated
from chibo_desktop.services.contract.results import run_to_end
from chibo_desktop.services.reports.delegates import pick_campaign
from chibo_desktop.services.reports.meetings import meetings_summary
from chibo_desktop.services.reports.situation import situation
from chibo_desktop.storage.database import open_database

from .package_cells import NAMES as CELL_NAMES
from .package_cells import TODAY, export, make_cell, make_committee

START, END = dt.date(2026, 1, 1), TODAY


@pytest.fixture(scope="module")
def desk(tmp_path_factory):
    folder = tmp_path_factory.mktemp("committee")
    cells = [make_cell(folder, name, seed) for seed, name in enumerate(CELL_NAMES, start=11)]
    packages = [export(c, folder / f"{c.stem}.chibo") for c in cells]
    committee = make_committee(folder / "danguy.sqlite")
    db = open_desk(committee)
    outcomes = run_to_end(add_packages(db, packages))
    assert [o.status for o in outcomes] == ["added"] * 3
    yield db, cells
    db.close()


def own(cells, compute):
    out = []
    for path in cells:
        db = open_database(path, readonly=True)
        try:
            out.append(compute(db))
        finally:
            db.close()
    return out


def test_situation_totals_are_the_sum_of_the_cells(desk):
    db, cells = desk
    mine = own(cells, lambda d: situation(d, START, END))
    data = consolidated_situation(db, START, END)
    assert sorted(c.cell.name for c in data.cells) == sorted(CELL_NAMES)
    for field in ("opening", "total", "chinh_thuc", "du_bi", "exempt", "temp_out", "suspended"):
        assert getattr(data.total, field) == sum(getattr(s, field) for s in mine), field
    assert data.total.temporary_here == sum(s.temporary_here for s in mine)
    for line in data.total.changes:
        assert line.count == sum(s.change(line.key) for s in mine), line.key
    for group in data.total.groups:
        for label, n in group.rows:
            expected = sum(
                dict(g.rows).get(label, 0) for s in mine for g in s.groups if g.title == group.title
            )
            assert n == expected, (group.title, label)
    assert data.total.total > 0 and not data.unbalanced


def test_assessment_tally_is_the_sum_of_the_cells(desk):
    db, cells = desk
    mine = own(cells, lambda d: year_sheet(d, 2025, TODAY, document=True).tally)
    per_cell, total = consolidated_assessment(db, 2025, TODAY)
    assert len(per_cell) == 3
    for level in total.scale.levels:
        for membership in ("chinh_thuc", "du_bi", None):
            assert total.count(level.key, membership) == sum(
                t.count(level.key, membership) for t in mine
            )
    assert total.total() == sum(t.total() for t in mine) > 0
    assert total.missing() == sum(t.missing() for t in mine)


def test_meetings_totals_are_the_sum_of_the_cells(desk):
    db, cells = desk
    mine = own(cells, lambda d: meetings_summary(d, START, END, TODAY))
    data = consolidated_meetings(db, START, END, TODAY)
    assert sum(len(c.summary.meetings) for c in data) == sum(len(m.meetings) for m in mine) > 0
    assert sum(c.summary.expected for c in data) == sum(m.expected for m in mine)
    assert sum(c.summary.present for c in data) == sum(m.present for m in mine)
    assert sum(c.absent for c in data) == sum(x.figures.absent for m in mine for x in m.meetings)


def test_campaign_totals_are_the_sum_of_the_cells(desk):
    db, cells = desk

    def state(d):
        return campaign_state(d, pick_campaign(d, START, END, TODAY)["id"], TODAY)

    mine = own(cells, state)
    found, without = consolidated_campaigns(db, START, END, TODAY)
    assert not without and len(found) == 3
    assert sum(c.steps for c in found) == sum(len(s.steps) for s in mine)
    assert sum(c.overdue for c in found) == sum(len(s.overdue) for s in mine)
    assert sum(c.members for c in found) == sum(len(s.active_members) for s in mine)
    by_name = {c.cell.name: c.progress for c in found}
    assert sorted(by_name.values()) == sorted(s.progress for s in mine)


@pytest.mark.parametrize("name", NAMES)
@pytest.mark.parametrize("suffix", [".pdf", ".xlsx"])
def test_each_consolidated_report_is_written(desk, tmp_path, name, suffix):
    db, _cells = desk
    out = run_to_end(build_consolidated(db, name, tmp_path / f"r{suffix}", START, END, TODAY))
    assert out.stat().st_size > 1000


def test_the_situation_report_lists_each_cell_and_the_total(desk):
    from chibo_desktop.services.consolidation.reports import consolidated_doc

    db, cells = desk
    mine = own(cells, lambda d: situation(d, START, END))
    doc = consolidated_doc(db, "situation", START, END, TODAY)
    table = doc.sections[0].table
    assert [row[1] for row in table.rows] == sorted(CELL_NAMES)
    assert table.total[5] == sum(s.total for s in mine)
    assert "đều khớp" in doc.sections[0].notes[0]
    assert doc.signer.caption == "T/M ĐẢNG ỦY"


def test_dues_total_is_the_sum_of_the_cells_own(desk):
    from chibo_desktop.services.consolidation.reports import consolidated_doc
    from chibo_desktop.services.dues.documents import dues_section

    db, cells = desk
    doc = consolidated_doc(db, "dues", START, END, TODAY)
    table = doc.sections[0].table
    mine = own(cells, lambda d: dues_section(d, START, END).table.total)
    assert table.total[1:] == [
        sum(t[1] for t in mine),
        sum(t[2] for t in mine),
        sum(t[4] or 0 for t in mine),
    ]
    assert len(table.rows) == len(CELL_NAMES)


def test_the_overview_has_one_line_per_cell(desk):
    db, cells = desk
    lines = cell_lines(db, TODAY)
    assert sorted(line.name for line in lines) == sorted(CELL_NAMES)
    mine = own(cells, lambda d: situation(d, TODAY, TODAY).total)
    assert sorted(line.members for line in lines) == sorted(mine)
    meetings = own(cells, lambda d: len(meetings_summary(d, START, END, TODAY).meetings))
    assert sorted(line.meetings_in_period for line in lines) == sorted(meetings)
    assert all(not line.late for line in lines)


def test_a_cell_whose_figures_do_not_reconcile_is_named():
    from chibo_desktop.services.consolidation.cells import ReceivedCell
    from chibo_desktop.services.consolidation.report_situation import (
        CellSituation,
        ConsolidatedSituation,
        combine,
    )
    from chibo_desktop.services.reports.situation import CHANGE_GROUPS, ChangeLine, Situation

    def cell(name, opening, total):
        figures = Situation(
            START, END, opening, total, total, 0, 0, 0, 0, 0, [],
            [ChangeLine(key, label) for key, label, _kinds in CHANGE_GROUPS],
        )  # fmt: skip
        received = ReceivedCell(
            name, name, 1, dt.datetime(2026, 3, 15), START, END, "", "", 1, (), {}
        )
        return CellSituation(received, figures)

    cells = [cell("Chi bộ A", 10, 10), cell("Chi bộ B", 10, 12)]
    data = ConsolidatedSituation(cells, combine(START, END, cells))
    assert [c.cell.name for c in data.unbalanced] == ["Chi bộ B"]
    assert data.total.opening == 20 and data.total.total == 22 and not data.total.balanced
