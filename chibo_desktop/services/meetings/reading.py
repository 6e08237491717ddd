"""A stored meeting read back, and its counts as the minutes print them."""

from __future__ import annotations

from sqlite_utils import Database

from ...domain import meetings as dm
from ...domain.meetings import Counts, Meeting
from ...errors import NotFoundError
from ...i18n import _
from ...rules.meetings import meeting_rules
from ...storage import meetings as store


def get_meeting(db: Database, meeting_id: int) -> Meeting:
    meeting = store.get(db, meeting_id)
    if meeting is None:
        raise NotFoundError(_("Không tìm thấy biên bản số {id}.").format(id=meeting_id))
    return meeting


def meeting_counts(db: Database, meeting_id: int) -> Counts:
    """Counts of a stored meeting (no warnings; cheap enough for lists)."""
    return dm.compute_counts(store.attendance(db, meeting_id), meeting_rules())
