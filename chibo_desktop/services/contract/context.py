"""The context a service runs in: the date the program works on and the acting user."""

import datetime as dt
import getpass
import os


def current_user() -> str:
    try:
        return getpass.getuser()
    except Exception:  # no user name in some service accounts
        return ""


def today() -> dt.date:
    """The date the program works on: the computer's, unless CHIBO_TODAY=YYYY-MM-DD says
    otherwise (to see reminders and reports as of another day, and in the tests)."""
    fixed = os.environ.get("CHIBO_TODAY")
    if fixed:
        try:
            return dt.date.fromisoformat(fixed)
        except ValueError:
            pass
    return dt.date.today()
