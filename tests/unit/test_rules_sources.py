"""Every rule file says where its rules come from: each file and each table that carries
rules names a `source`, or says `verified = false`; the sources it cites as checked are in
the reference notes; the dates are the dates the rules take effect."""

from __future__ import annotations

import datetime as dt
import re
import tomllib
from pathlib import Path

import pytest

from chibo_desktop.rules.badges import load_badge_rules
from chibo_desktop.rules.loader import rules_path
from chibo_desktop.rules.meetings import load_meeting_rules

RULE_FILES = sorted(rules_path().glob("**/*.toml"))
REFERENCE = Path(__file__).resolve().parents[3] / "shared" / "reference" / "regulations"
# A document number as the party writes it: 294-QĐ/TW, 01-HD/TW, 43-HD/BTCTW, 04-NQ/TW.
NUMBER = re.compile(r"\b\d+-[A-ZĐ]+/[A-ZĐ]+\b")
URL = re.compile(r"https?://[^\s;)]+")


def tables_with_sources(value, where="") -> list[tuple[str, dict]]:
    found = []
    if isinstance(value, dict):
        if "source" in value or "verified" in value:
            found.append((where or "(tệp)", value))
        for key, inner in value.items():
            found += tables_with_sources(inner, f"{where}.{key}" if where else key)
    elif isinstance(value, list):
        for index, inner in enumerate(value):
            found += tables_with_sources(inner, f"{where}[{index}]")
    return found


def load(path: Path) -> dict:
    return tomllib.loads(path.read_text(encoding="utf-8"))


def test_every_rule_file_is_found():
    names = {p.name for p in RULE_FILES}
    assert {"statuses.toml", "meetings.toml", "badges.toml", "assessment.toml"} <= names
    assert "tu_soi_tu_sua.toml" in names


@pytest.mark.parametrize("path", RULE_FILES, ids=lambda p: p.name)
def test_every_file_and_table_names_a_source_or_says_unverified(path):
    data = load(path)
    assert (
        data.get("source")
        or data.get("verified") is False
        or any(isinstance(v, dict) and v.get("source") for v in data.values())
    ), f"{path.name}: no source at the top"
    for where, table in tables_with_sources(data):
        assert isinstance(table.get("source", ""), str)
        assert table.get("source") or table.get("verified") is False, f"{path.name} {where}"
    for section in ("voting", "quality", "duration", "early_award", "probation"):
        if section in data:
            table = data[section]
            assert table.get("source") or table.get("verified") is False, f"{path.name} {section}"


@pytest.mark.skipif(not REFERENCE.is_dir(), reason="reference notes not beside the checkout")
@pytest.mark.parametrize("path", RULE_FILES, ids=lambda p: p.name)
def test_sources_given_as_checked_are_in_the_reference(path):
    notes = " ".join(p.read_text(encoding="utf-8") for p in REFERENCE.glob("*.md"))
    notes = re.sub(r"\s+", " ", notes)
    for where, table in tables_with_sources(load(path)):
        if table.get("verified") is False:
            continue
        source = table["source"]
        cited = NUMBER.findall(source) + URL.findall(source)
        assert cited, f"{path.name} {where}: a checked source names a document or a page"
        for number in NUMBER.findall(source):
            assert number in notes, f"{path.name} {where}: {number} not in the reference"
        for url in URL.findall(source):
            assert url in notes, f"{path.name} {where}: {url} not in the reference"


def test_unfound_regulations_are_no_longer_cited():
    for path in RULE_FILES:
        data = load(path)
        sources = " ".join(t.get("source", "") for _w, t in tables_with_sources(data))
        assert "94-QĐ/TW" not in NUMBER.findall(sources), path.name
        assert "12-HD/BTCTW" not in NUMBER.findall(sources), path.name


def test_statuses_take_effect_on_the_day_qd294_came_into_force():
    data = load(rules_path("statuses.toml"))
    assert data["valid_from"] == dt.date(2025, 7, 1)
    assert "294-QĐ/TW" in data["source"] and "01/7/2025" in data["source"]


def test_voting_base_cites_the_rule_in_force_and_keeps_its_history():
    voting = load(rules_path("meetings.toml"))["voting"]
    assert voting["source"].startswith("Quy định 294-QĐ/TW")
    history = [h["source"].split(" ")[2] for h in voting["history"]]
    assert history == ["294-QĐ/TW", "232-QĐ/TW", "24-QĐ/TW"]
    dated = [h["valid_from"] for h in voting["history"] if "valid_from" in h]
    assert dated == sorted(dated, reverse=True) == [dt.date(2025, 7, 1), dt.date(2021, 7, 30)]
    assert load_meeting_rules().majority == 0.5


def test_quality_yardsticks_are_labelled_as_the_cells_own():
    quality = load(rules_path("meetings.toml"))["quality"]
    assert quality["verified"] is False and "không phải quy định" in quality["source"]


def test_badges_cite_hd01_item_18_with_the_early_award():
    data = load(rules_path("badges.toml"))
    assert "01-HD/TW" in data["source"] and "mục 18" in data["source"]
    rules = load_badge_rules()
    assert rules.milestones == (30, 40, 45, 50, 55, 60, 65, 70, 75, 80, 85, 90)
    assert rules.award_days == ((2, 3), (5, 19), (9, 2), (11, 7))
    assert [rules.early_months(y) for y in (30, 65, 70, 90)] == [12, 12, 24, 24]


def test_a_seriously_ill_member_may_be_awarded_early():
    from chibo_desktop.domain.facts import next_badge

    rules = load_badge_rules()
    today = dt.date(2026, 3, 1)
    # 40 years on 10/12/2026: normally awarded on 3/2/2027; up to 12 months early if ill.
    assert next_badge("1986-12-10", today, rules).award_date == dt.date(2027, 2, 3)
    early = next_badge("1986-12-10", today, rules, seriously_ill=True)
    assert (early.years, early.award_date) == (40, dt.date(2026, 5, 19))
    # 70 years on 1/2/2028: up to 24 months early, so from 1/2/2026: the next award day.
    assert next_badge("1958-02-01", today, rules, seriously_ill=True).award_date == dt.date(
        2026, 5, 19
    )
    assert next_badge("1958-02-01", today, rules).award_date == dt.date(2028, 2, 3)


def test_every_step_and_item_of_the_shipped_template_says_where_it_comes_from():
    data = load(rules_path("campaigns", "tu_soi_tu_sua.toml"))
    for table in data["steps"] + data["items"]:
        assert table.get("source") and "verified" in table, table["key"]


# The documents to study and their dates as the reference notes give them
# (03-kl21-dot-sinh-hoat.md, 01-nq04-27-bieu-hien.md, 02-qd37-19-dieu.md).
DOCUMENT_DATES = {
    "21-KL/TW": dt.date(2021, 10, 25),
    "37-QĐ/TW": dt.date(2021, 10, 25),
    "04-NQ/TW": dt.date(2016, 10, 30),
    "22-QĐ/TW": dt.date(2021, 7, 28),
    "24-QĐ/TW": dt.date(2021, 7, 30),
    "41-QĐ/TW": dt.date(2021, 11, 3),
    "01-KL/TW": dt.date(2021, 5, 18),
    "14-KL/TW": dt.date(2021, 9, 22),
}


def test_the_documents_to_study_are_those_of_the_reference_with_their_dates():
    data = load(rules_path("campaigns", "tu_soi_tu_sua.toml"))
    numbered = {d["number"]: d["date"] for d in data["documents"] if d["number"][0].isdigit()}
    assert numbered == DOCUMENT_DATES
