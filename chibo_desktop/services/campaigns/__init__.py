"""Political study campaigns: steps and members' items, templates, files kept with steps,
reports."""
