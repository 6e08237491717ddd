"""The cell itself: its names and settings, letterheads, document numbers, the file's summary."""
