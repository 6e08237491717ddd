"""Demo data for campaign (part of `chibo demo`)."""

from __future__ import annotations

import datetime as dt
import random

from sqlite_utils import Database


def add_demo(db: Database, today: dt.date, rng: random.Random) -> None:
    """Add this feature's part of the demo cell; runs inside fill_demo's transaction."""
