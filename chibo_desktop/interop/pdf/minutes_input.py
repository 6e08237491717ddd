"""What the printed minutes show, gathered by the service for the PDF and the Word writers."""

from __future__ import annotations

from dataclasses import dataclass

from ...domain.meetings import Counts, Meeting
from ..letterhead import Letterhead

DOTS = "…………"


@dataclass(frozen=True)
class MinutesInput:
    """Everything the printed minutes show, gathered by the service."""

    meeting: Meeting
    counts: Counts
    head: Letterhead
    cell_name: str
    undated: bool = False  # a blank form for no particular meeting: date and number by hand
