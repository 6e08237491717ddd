"""The small parts every page and dialog is made of: the table model over a list of rows,
the read-only list table, the yes/no and save-before-closing questions, the status line
that never widens its page, and the day field that never corrects a date silently."""
