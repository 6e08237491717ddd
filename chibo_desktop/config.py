"""Per-user preferences kept in the config folder (language, recent files, the window as
it was left)."""

from __future__ import annotations

import json
import os
import tempfile
from dataclasses import asdict, dataclass, field
from pathlib import Path

from .paths import config_dir

MAX_RECENT = 8


@dataclass
class UserConfig:
    language: str = "vi"
    recent_files: list[str] = field(default_factory=list)
    window: dict = field(default_factory=dict)  # see gui/window_memory.py
    folders: dict = field(default_factory=dict)  # last folder per kind of file

    def remember(self, path: Path) -> None:
        text = str(Path(path).resolve())
        self.recent_files = [text, *[p for p in self.recent_files if p != text]][:MAX_RECENT]


def _file() -> Path:
    return config_dir() / "config.json"


def load_config() -> UserConfig:
    try:
        data = json.loads(_file().read_text(encoding="utf-8"))
        known = {k: v for k, v in data.items() if k in UserConfig.__dataclass_fields__}
        return UserConfig(**known)
    except (OSError, ValueError, TypeError):
        return UserConfig()


def save_config(config: UserConfig) -> None:
    target = _file()
    fd, tmp = tempfile.mkstemp(dir=target.parent, suffix=".tmp")
    with os.fdopen(fd, "w", encoding="utf-8") as fh:
        json.dump(asdict(config), fh, ensure_ascii=False, indent=2)
    os.replace(tmp, target)
