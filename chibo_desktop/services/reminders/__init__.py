"""What needs the secretary's attention now: the home page (its reminders and the figures of
its dashboard) and `chibo reminders`."""
