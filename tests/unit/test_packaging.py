"""The installed program carries every module and data file the source tree has."""

from __future__ import annotations

import tomllib
from pathlib import Path

ROOT = Path(__file__).parents[2]


def test_every_python_package_is_listed_for_installation():
    config = tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))
    listed = set(config["tool"]["setuptools"]["packages"])
    source = {
        ".".join(init.parent.relative_to(ROOT).parts)
        for init in (ROOT / "chibo_desktop").rglob("__init__.py")
    }
    assert source - listed == set()


def test_every_rule_file_is_matched_by_the_package_data():
    config = tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))
    patterns = config["tool"]["setuptools"]["package-data"]["chibo_desktop.resources"]
    resources = ROOT / "resources"
    matched = {path for pattern in patterns for path in resources.glob(pattern)}
    files = {path for path in resources.rglob("*") if path.is_file()}
    assert files - matched == set()
