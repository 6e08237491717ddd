"""What every entry point does first: logging to a file, then the interface language."""

from __future__ import annotations

import logging
import os

from . import i18n
from .config import load_config
from .paths import log_file


def setup(*, interactive: bool) -> None:
    try:
        handler: logging.Handler = logging.FileHandler(log_file(), encoding="utf-8")
    except OSError:
        handler = logging.StreamHandler()
    handler.setFormatter(logging.Formatter("%(asctime)s %(levelname)s %(name)s: %(message)s"))
    root = logging.getLogger()
    if not root.handlers:
        root.addHandler(handler)
        root.setLevel(logging.INFO)
    language = os.environ.get("CHIBO_LANG") or load_config().language
    i18n.set_language(language)
