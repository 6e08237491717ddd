"""Commands for safety (filled in by the feature)."""

from __future__ import annotations


def register(commands) -> None:
    """Add this group's subcommands to the `chibo` parser."""
