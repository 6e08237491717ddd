"""Meetings: minutes and their drafts, printing, the resolution and the notice, stock phrases,
the cell's yardsticks of a good meeting."""
