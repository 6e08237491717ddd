"""A cell's package for the level above: what its manifest says, and the privacy choices.

The manifest is plain data (JSON); the hashes make the parts tamper-evident and the data
part carries the cell's identity again, so an edited manifest is caught as well.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field

from ..i18n import N_

FORMAT = "chibo-package"
FORMAT_VERSION = 1
MANIFEST = "manifest.json"
DATA_PART = "data.sqlite"
REPORTS_FOLDER = "reports/"

# Personal fields that travel only when the cell chooses so (default: none of them).
PRIVACY_OPTIONS: dict[str, str] = {
    "phone": N_("số điện thoại"),
    "address": N_("địa chỉ nơi ở"),
    "citizen_id": N_("số căn cước công dân"),
    "notes": N_("ghi chú (đảng viên, biến động, điểm danh, xếp loại, đợt sinh hoạt)"),
    "minutes": N_("nội dung biên bản (diễn biến, ý kiến thảo luận)"),
}


@dataclass(frozen=True)
class PackageCell:
    uuid: str
    name: str
    party_committee: str = ""
    place: str = ""


@dataclass(frozen=True)
class Manifest:
    cell: PackageCell
    start: dt.date
    end: dt.date
    created_at: dt.datetime
    program_version: str
    schema_version: int
    parts: dict[str, dict]  # name -> {"sha256": hex, "size": bytes}
    included: tuple[str, ...] = ()
    encryption: dict | None = None
    counts: dict[str, int] = field(default_factory=dict)
    summary: dict = field(default_factory=dict)  # headline figures of the period
    format_version: int = FORMAT_VERSION

    @property
    def excluded(self) -> tuple[str, ...]:
        return tuple(k for k in PRIVACY_OPTIONS if k not in self.included)

    @property
    def reports(self) -> list[str]:
        return sorted(p for p in self.parts if p.startswith(REPORTS_FOLDER))

    def as_dict(self) -> dict:
        return {
            "format": FORMAT,
            "format_version": self.format_version,
            "cell": {
                "uuid": self.cell.uuid,
                "name": self.cell.name,
                "party_committee": self.cell.party_committee,
                "place": self.cell.place,
            },
            "period": {"from": self.start.isoformat(), "to": self.end.isoformat()},
            "created_at": self.created_at.isoformat(timespec="seconds"),
            "program_version": self.program_version,
            "schema_version": self.schema_version,
            "privacy": {"included": list(self.included), "excluded": list(self.excluded)},
            "encryption": self.encryption,
            "counts": self.counts,
            "summary": self.summary,
            "parts": self.parts,
        }


class ManifestError(ValueError):
    """The manifest is not one this program wrote (or can read)."""


def manifest_from_dict(data: dict) -> Manifest:
    """Parse a manifest; raises ManifestError naming what is wrong."""
    if not isinstance(data, dict) or data.get("format") != FORMAT:
        raise ManifestError("format")
    try:
        cell = data["cell"]
        parts = data["parts"]
        if not isinstance(parts, dict) or not all(
            isinstance(v, dict) and isinstance(v.get("sha256"), str) for v in parts.values()
        ):
            raise ManifestError("parts")
        privacy = data.get("privacy") or {}
        return Manifest(
            cell=PackageCell(
                str(cell["uuid"]),
                str(cell["name"]),
                str(cell.get("party_committee", "")),
                str(cell.get("place", "")),
            ),
            start=dt.date.fromisoformat(data["period"]["from"]),
            end=dt.date.fromisoformat(data["period"]["to"]),
            created_at=dt.datetime.fromisoformat(data["created_at"]),
            program_version=str(data["program_version"]),
            schema_version=int(data["schema_version"]),
            parts=parts,
            included=tuple(str(k) for k in privacy.get("included", ())),
            encryption=data.get("encryption"),
            counts={str(k): int(v) for k, v in (data.get("counts") or {}).items()},
            summary=dict(data.get("summary") or {}),
            format_version=int(data["format_version"]),
        )
    except ManifestError:
        raise
    except (KeyError, TypeError, ValueError) as exc:
        raise ManifestError(str(exc)) from exc


def version_tuple(text: str) -> tuple[int, ...]:
    out = []
    for piece in text.split("."):
        digits = "".join(ch for ch in piece if ch.isdigit())
        out.append(int(digits) if digits else 0)
    return tuple(out)
