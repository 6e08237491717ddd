"""The cell's names and the file's settings."""

from __future__ import annotations

from dataclasses import asdict, dataclass

from sqlite_utils import Database

from ...domain.addressing import default_recipients
from ...domain.text import clean_text
from ...errors import ChiboError
from ...i18n import _
from ...storage import cell as cell_store
from ...storage import changelog
from ..contract.context import current_user
from ..contract.results import Changes, Result

RECIPIENTS_KEY = "recipients"


@dataclass
class CellInfo:
    name: str = ""
    party_committee: str = ""
    place: str = ""
    secretary_name: str = ""


def get_cell(db: Database) -> CellInfo:
    row = cell_store.get_cell(db)
    return CellInfo(**row) if row else CellInfo()


def is_initialised(db: Database) -> bool:
    return cell_store.get_cell(db) is not None


def save_cell(db: Database, info: CellInfo) -> Result[CellInfo]:
    cleaned = CellInfo(**{k: clean_text(v) for k, v in asdict(info).items()})
    if not cleaned.name:
        raise ChiboError(_("Chưa nhập tên chi bộ."))
    old = asdict(get_cell(db))
    with db.atomic():
        cell_store.save_cell(db, asdict(cleaned))
        changed = [(k, old[k], v) for k, v in asdict(cleaned).items() if old[k] != v]
        changelog.record(db, current_user(), "cell", 1, changed)
    return Result(cleaned, Changes(cell=True))


def recipients(db: Database) -> list[str]:
    """The "Nơi nhận" of the cell's reports and lists, as set once for the cell (default:
    the committee above, to report to, and the cell's own file)."""
    lines = cell_store.get_setting(db, RECIPIENTS_KEY)
    if lines:
        return list(lines)
    return default_recipients(get_cell(db).party_committee)


def save_recipients(db: Database, lines: list[str]) -> Result[list[str]]:
    """Set the "Nơi nhận" lines; an empty list goes back to the default."""
    cleaned = [clean_text(line).lstrip("-").strip() for line in lines]
    cleaned = [line for line in cleaned if line]
    with db.atomic():
        old = cell_store.get_setting(db, RECIPIENTS_KEY)
        cell_store.set_setting(db, RECIPIENTS_KEY, cleaned or None)
        changelog.record(
            db,
            current_user(),
            "cell",
            1,
            [("recipients", "\n".join(old or []), "\n".join(cleaned))],
        )
    return Result(recipients(db), Changes(cell=True))


def get_setting(db: Database, key: str, default=None):
    return cell_store.get_setting(db, key, default)


def set_setting(db: Database, key: str, value) -> None:
    cell_store.set_setting(db, key, value)
