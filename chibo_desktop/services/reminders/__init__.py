"""What needs the secretary's attention now: the home page and `chibo reminders`."""
