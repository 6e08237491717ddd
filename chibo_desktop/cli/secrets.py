"""Secrets for the command line: from an environment variable, a prompt or stdin — never
from the arguments, which every user of the computer can read (``ps``)."""

from __future__ import annotations

import getpass
import os
import sys

from ..errors import ChiboError
from ..i18n import _


def read_secret(variable: str, prompt: str, *, ask: bool) -> str | None:
    """``variable`` from the environment; otherwise, when ``ask``, a hidden prompt on a
    terminal or one line read from stdin (scripts pipe it in). None when not given."""
    value = os.environ.get(variable)
    if value:
        return value
    if not ask:
        return None
    if sys.stdin is not None and sys.stdin.isatty():
        try:
            value = getpass.getpass(prompt)
        except (EOFError, KeyboardInterrupt):
            value = ""
    else:
        value = (sys.stdin.readline() if sys.stdin is not None else "").rstrip("\r\n")
    if not value:
        raise ChiboError(
            _("Chưa có {what}: đặt biến môi trường {variable} hoặc nhập khi được hỏi.").format(
                what=prompt.rstrip(": "), variable=variable
            )
        )
    return value
