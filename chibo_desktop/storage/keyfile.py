"""The key file beside an encrypted database: ``<file>.keys`` (JSON, no secret in clear).

It holds the scrypt salt, the data key wrapped with the password, and a verifier. A copy
travels with every encrypted backup. ``<file>.keys.new`` exists only while a password
change is half done; opening tries it too.
"""

from __future__ import annotations

import contextlib
import json
import os
import tempfile
from pathlib import Path


def keyfile_path(db_path: Path) -> Path:
    return Path(f"{db_path}.keys")


def pending_path(db_path: Path) -> Path:
    return Path(f"{db_path}.keys.new")


def read(path: Path) -> dict | None:
    try:
        data = json.loads(Path(path).read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return None
    return data if isinstance(data, dict) else None


def write(path: Path, data: dict) -> None:
    path = Path(path)
    fd, tmp = tempfile.mkstemp(dir=path.parent, prefix=f".{path.name}-", suffix=".tmp")
    try:
        with os.fdopen(fd, "w", encoding="utf-8") as fh:
            json.dump(data, fh, indent=1)
            fh.flush()
            os.fsync(fh.fileno())
        os.replace(tmp, path)
    finally:
        with contextlib.suppress(FileNotFoundError):
            os.remove(tmp)


def remove(path: Path) -> None:
    with contextlib.suppress(FileNotFoundError):
        os.remove(path)
