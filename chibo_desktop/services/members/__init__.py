"""The member register: records, status history, states on a date, lists and exports, the
change log."""
