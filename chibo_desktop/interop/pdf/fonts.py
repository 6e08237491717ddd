"""The serif family of printed forms: Times New Roman from the Windows fonts folder when it
is there, else the bundled Liberation Serif (the same metrics). Only TTF fonts: the
built-in PDF fonts turn Vietnamese into black squares."""

from __future__ import annotations

import os
import sys
from functools import cache
from pathlib import Path

from reportlab.pdfbase import pdfmetrics
from reportlab.pdfbase.ttfonts import TTFont

from ...paths import resource_path

FONT = "DocSerif"

_WINDOWS_TIMES = {
    "": "times.ttf",
    "-Bold": "timesbd.ttf",
    "-Italic": "timesi.ttf",
    "-BoldItalic": "timesbi.ttf",
}
_LIBERATION = {
    "": "LiberationSerif-Regular.ttf",
    "-Bold": "LiberationSerif-Bold.ttf",
    "-Italic": "LiberationSerif-Italic.ttf",
    "-BoldItalic": "LiberationSerif-BoldItalic.ttf",
}


def _windows_fonts_dir() -> Path | None:
    if sys.platform != "win32":
        return None
    return Path(os.environ.get("WINDIR", r"C:\Windows")) / "Fonts"


@cache
def register_fonts() -> str:
    """Register the serif family once; returns the family name used in styles."""
    folder = _windows_fonts_dir()
    if folder and all((folder / f).is_file() for f in _WINDOWS_TIMES.values()):
        files = {suffix: folder / name for suffix, name in _WINDOWS_TIMES.items()}
    else:
        files = {suffix: resource_path("fonts", name) for suffix, name in _LIBERATION.items()}
    for suffix, path in files.items():
        pdfmetrics.registerFont(TTFont(FONT + suffix, str(path)))
    pdfmetrics.registerFontFamily(
        FONT,
        normal=FONT,
        bold=FONT + "-Bold",
        italic=FONT + "-Italic",
        boldItalic=FONT + "-BoldItalic",
    )
    return FONT
