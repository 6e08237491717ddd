"""The cell's own yardsticks for a good meeting (attendance share, excused absences in a
row). They are not a regulation: the program's defaults come from meetings.toml [quality],
each cell sets its own in Settings, stored in its data file. Also the minimum length a
small cell's superior committee sets (HD 42 leaves it to them), when it does."""

from __future__ import annotations

import dataclasses
from dataclasses import dataclass

from sqlite_utils import Database

from ...domain.meetings import MeetingRules
from ...errors import ChiboError
from ...i18n import _
from ...rules.meetings import meeting_rules
from ...storage import cell as cell_store
from ..contract.results import Changes, Result

SETTING_KEY = "meeting_quality"


@dataclass(frozen=True)
class QualitySettings:
    min_attendance: float  # a share, 0.85 = 85 %
    max_excused_in_a_row: int
    own: bool = False  # set by the cell (else the program's default)
    # A cell with few members: the minimum length (minutes) its superior committee set,
    # instead of HD 42's 90 (120 combined). None: HD 42 applies.
    small_cell_minutes: int | None = None


def quality_settings(db: Database) -> QualitySettings:
    rules = meeting_rules()
    stored = cell_store.get_setting(db, SETTING_KEY) or {}
    minutes = stored.get("small_cell_minutes")
    minutes = int(minutes) if isinstance(minutes, int) and minutes > 0 else None
    try:
        return QualitySettings(
            float(stored["min_attendance"]),
            int(stored["max_excused_in_a_row"]),
            own=True,
            small_cell_minutes=minutes,
        )
    except (KeyError, TypeError, ValueError):
        return QualitySettings(
            rules.min_attendance, rules.max_excused_in_a_row, small_cell_minutes=minutes
        )


def save_quality_settings(db: Database, settings: QualitySettings) -> Result[QualitySettings]:
    if not 0 < settings.min_attendance <= 1:
        raise ChiboError(_("Tỷ lệ dự họp phải lớn hơn 0% và không quá 100%."))
    if settings.max_excused_in_a_row < 1:
        raise ChiboError(_("Số lần vắng có lý do liên tiếp phải từ 1 trở lên."))
    if settings.small_cell_minutes is not None and not 0 < settings.small_cell_minutes <= 600:
        raise ChiboError(_("Thời lượng tối thiểu phải từ 1 đến 600 phút."))
    value = {
        "min_attendance": round(settings.min_attendance, 4),
        "max_excused_in_a_row": settings.max_excused_in_a_row,
        "small_cell_minutes": settings.small_cell_minutes,
    }
    cell_store.set_setting(db, SETTING_KEY, value)
    return Result(quality_settings(db), Changes(cell=True, meetings=True))


def reset_quality_settings(db: Database) -> Result[QualitySettings]:
    """Back to the program's defaults."""
    cell_store.delete_setting(db, SETTING_KEY)
    return Result(quality_settings(db), Changes(cell=True, meetings=True))


def cell_meeting_rules(db: Database) -> MeetingRules:
    """The meeting rules with this cell's own quality yardsticks."""
    own = quality_settings(db)
    rules = dataclasses.replace(
        meeting_rules(),
        min_attendance=own.min_attendance,
        max_excused_in_a_row=own.max_excused_in_a_row,
    )
    if own.small_cell_minutes:
        rules = dataclasses.replace(
            rules,
            min_minutes_single=own.small_cell_minutes,
            min_minutes_combined=own.small_cell_minutes,
        )
    return rules
