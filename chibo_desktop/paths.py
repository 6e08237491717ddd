"""Where the program keeps its data, and where its bundled resources are."""

from __future__ import annotations

import sys
from pathlib import Path

import platformdirs

from . import APP_ID

_PACKAGE_DIR = Path(__file__).resolve().parent


def _bundled_dir(name: str) -> Path:
    """A top-level folder of the repository (resources/, i18n/), wherever we run from.

    Frozen by PyInstaller: beside the executable in ``sys._MEIPASS``. Installed: inside the
    package (pyproject maps the folders there). From a source checkout: the repository root.
    """
    frozen_root = getattr(sys, "_MEIPASS", None)
    if frozen_root:
        return Path(frozen_root) / name
    installed = _PACKAGE_DIR / name
    if installed.is_dir():
        return installed
    return _PACKAGE_DIR.parent / name


def resource_path(*parts: str) -> Path:
    return _bundled_dir("resources").joinpath(*parts)


def catalog_dir() -> Path:
    return _bundled_dir("i18n")


def data_dir() -> Path:
    return Path(platformdirs.user_data_dir(APP_ID, appauthor=False, ensure_exists=True))


def config_dir() -> Path:
    return Path(platformdirs.user_config_dir(APP_ID, appauthor=False, ensure_exists=True))


def backup_dir() -> Path:
    path = data_dir() / "backups"
    path.mkdir(parents=True, exist_ok=True)
    return path


def log_file() -> Path:
    return data_dir() / "chibo-desktop.log"


def default_database_path() -> Path:
    return data_dir() / "chibo.sqlite"


def demo_database_path() -> Path:
    """The file ``chibo-desktop --demo`` opens (and fills the first time)."""
    return data_dir() / "demo.sqlite"
