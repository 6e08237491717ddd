"""A cell's package for the level above: exporting it, and opening and checking one."""
