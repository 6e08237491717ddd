"""A template written back as TOML reads the same; edits made field by field are stored."""

from __future__ import annotations

import dataclasses

import pytest

from chibo_desktop.domain.campaign import ItemTemplate, StepTemplate
from chibo_desktop.errors import ChiboError
from chibo_desktop.rules.campaigns import builtin_templates, parse_template
from chibo_desktop.services.campaigns import templates
from chibo_desktop.services.campaigns.template_text import save_template, template_toml


def test_shipped_template_round_trips():
    for template, _text in builtin_templates().values():
        again = parse_template(template_toml(template), "ban-sao.toml")
        assert again == template
        assert len(again.review_refs()) == 46


def test_quotes_and_backslashes_survive():
    template = builtin_templates()["tu_soi_tu_sua"][0]
    odd = dataclasses.replace(template, title='Đợt "đặc biệt" \\ thử', theme="dòng 1\ndòng 2")
    again = parse_template(template_toml(odd), "x.toml")
    assert again.title == 'Đợt "đặc biệt" \\ thử' and again.theme == "dòng 1\ndòng 2"


def test_field_edits_are_stored_and_checked(db):
    key = templates.duplicate_template(db, "tu_soi_tu_sua", "Mẫu của chi bộ").value
    template = templates.get_template(db, key)
    steps = (*template.steps, StepTemplate("tong_ket", "Tổng kết đợt", "meeting", 150, None))
    items = (*template.extra_items, ItemTemplate("viet_thu_hoach", "Viết thu hoạch", "manual"))
    edited = dataclasses.replace(template, steps=steps, extra_items=items)
    save_template(db, key, edited)
    stored = templates.get_template(db, key)
    assert stored.steps[-1] == StepTemplate("tong_ket", "Tổng kết đợt", "meeting", 150, None)
    assert stored.item("viet_thu_hoach").title == "Viết thu hoạch"
    with pytest.raises(ChiboError):  # the shipped template is never overwritten
        save_template(db, "tu_soi_tu_sua", edited)
