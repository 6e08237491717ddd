"""`chibo members import` (the member list import)."""

from __future__ import annotations


def register(members_commands) -> None:
    """Add `import` to the `members` subcommands."""
