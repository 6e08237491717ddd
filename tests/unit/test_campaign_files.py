"""A step's file goes into the database and comes back out byte for byte."""

from __future__ import annotations

import datetime as dt

import pytest

from chibo_desktop.errors import ChiboError, NotFoundError
from chibo_desktop.services.campaigns.campaign import campaign_state, create_campaign
from chibo_desktop.services.campaigns.files import attach_file_from, save_step_file


def test_attach_from_disk_and_save_back(db, tmp_path, today):
    campaign_id = create_campaign(db, "tu_soi_tu_sua", dt.date(2026, 1, 5), today=today).value
    step = campaign_state(db, campaign_id, today).steps[1]
    source = tmp_path / "Kế hoạch chi bộ.pdf"
    payload = bytes(range(256)) * 40
    source.write_bytes(payload)
    result = attach_file_from(db, step.id, source)
    assert result.value == "Kế hoạch chi bộ.pdf" and result.changes.campaigns
    source.unlink()  # the copy in the database does not depend on the original
    assert campaign_state(db, campaign_id, today).steps[1].file_name == "Kế hoạch chi bộ.pdf"
    out = save_step_file(db, step.id, tmp_path / "ban-luu.pdf")
    assert out.read_bytes() == payload
    with pytest.raises(NotFoundError):
        save_step_file(db, campaign_state(db, campaign_id, today).steps[0].id, tmp_path / "x")


def test_missing_file_is_a_plain_error(db, tmp_path, today):
    campaign_id = create_campaign(db, "tu_soi_tu_sua", dt.date(2026, 1, 5), today=today).value
    step = campaign_state(db, campaign_id, today).steps[0]
    with pytest.raises(ChiboError, match="Không đọc được tệp"):
        attach_file_from(db, step.id, tmp_path / "khong-co.pdf")
