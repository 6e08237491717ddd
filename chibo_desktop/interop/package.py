"""The .chibo package file: a zip of manifest.json and parts, each part hashed (SHA-256)."""

from __future__ import annotations

import hashlib
import json
import zipfile
import zlib
from dataclasses import dataclass, field
from pathlib import Path

from ..domain.package import MANIFEST
from ..errors import ChiboError
from ..i18n import _
from .files import atomic_write

ZIP_HEADER = b"PK\x03\x04"


def sha256(data: bytes) -> str:
    return hashlib.sha256(data).hexdigest()


def part_entry(data: bytes) -> dict:
    return {"sha256": sha256(data), "size": len(data)}


def write_package(path: str | Path, manifest: dict, parts: dict[str, bytes]) -> Path:
    """Write the zip (manifest first) in one step: a crash never leaves half a package."""

    def write(tmp: Path) -> None:
        with zipfile.ZipFile(tmp, "w", compression=zipfile.ZIP_DEFLATED, compresslevel=6) as z:
            z.writestr(MANIFEST, json.dumps(manifest, ensure_ascii=False, indent=2))
            for name, data in parts.items():
                stored = name.endswith((".pdf", ".xlsx"))  # already compressed
                z.writestr(
                    name, data, compress_type=zipfile.ZIP_STORED if stored else zipfile.ZIP_DEFLATED
                )

    return atomic_write(path, write)


@dataclass
class PackageFile:
    """What the zip holds: the manifest as written, the parts, and the parts that failed
    their check (name -> why)."""

    manifest: dict
    parts: dict[str, bytes]
    damaged: dict[str, str] = field(default_factory=dict)
    file_sha256: str = ""


def _refuse(path: Path, why: str) -> ChiboError:
    return ChiboError(
        _("Tệp {path} không phải là gói báo cáo đọc được ({why}).").format(path=path.name, why=why)
    )


def read_package(path: str | Path) -> PackageFile:
    """Read and check every part against the manifest's hashes. A zip that cannot be read
    at all raises ChiboError; parts that fail are listed in ``damaged``."""
    path = Path(path)
    if not path.is_file():
        raise ChiboError(_("Không tìm thấy tệp {path}.").format(path=path))
    raw = path.read_bytes()
    if not raw.startswith(ZIP_HEADER):
        raise _refuse(path, _("không phải tệp .chibo"))
    try:
        with zipfile.ZipFile(path) as z:
            names = z.namelist()
            if MANIFEST not in names:
                raise _refuse(path, _("thiếu manifest.json"))
            try:
                manifest = json.loads(z.read(MANIFEST).decode("utf-8"))
            except (ValueError, UnicodeDecodeError, zipfile.BadZipFile, zlib.error) as exc:
                raise _refuse(path, _("manifest.json hỏng")) from exc
            listed = manifest.get("parts") if isinstance(manifest, dict) else None
            if not isinstance(listed, dict):
                raise _refuse(path, _("manifest.json không liệt kê các phần"))
            result = PackageFile(manifest, {}, file_sha256=sha256(raw))
            for name, entry in listed.items():
                if name not in names:
                    result.damaged[name] = _("thiếu")
                    continue
                try:
                    data = z.read(name)
                except (zipfile.BadZipFile, zlib.error, EOFError, OSError) as exc:
                    result.damaged[name] = _("không đọc được ({error})").format(error=exc)
                    continue
                if not isinstance(entry, dict) or sha256(data) != entry.get("sha256"):
                    result.damaged[name] = _("mã băm SHA-256 không khớp")
                    continue
                result.parts[name] = data
            for name in names:
                if name != MANIFEST and name not in listed:
                    result.damaged[name] = _("không có trong manifest.json")
            return result
    except zipfile.BadZipFile as exc:
        raise _refuse(path, _("tệp nén bị cắt cụt hoặc hỏng")) from exc
