"""Whether a file is a committee's: a light check the window makes before opening a file
(it loads none of the consolidation's features)."""

from __future__ import annotations

from pathlib import Path

from ...storage.committee import is_committee_file as _is_committee_file


def is_committee_file(path: str | Path) -> bool:
    return _is_committee_file(Path(path))
