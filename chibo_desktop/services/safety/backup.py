"""Automatic and manual backups, rotation, restore.

Copies go to ``backup_dir()/<file name>-<hash of its path>/`` named
``YYYYMMDD-HHMMSS-ffffff-<reason>.sqlite``. After each copy passes ``integrity_check``
the older ones are thinned. Three pools, each thinned on its own:

- dated copies (daily, on close, after an import): the newest of each of the last
  7 days, 4 weeks and 12 months;
- "before" copies, taken just before an import, a restore, a password change or an
  upgrade: the newest 10, whatever their dates (so a wrong import made an hour after a
  good one can still be undone); what they were taken before (the imported file's name)
  is kept beside them in ``<copy>.about``;
- copies made by hand: the newest 10.
"""

from __future__ import annotations

import contextlib
import datetime as dt
import hashlib
import json
import logging
import re
from collections.abc import Iterable
from dataclasses import dataclass
from glob import escape as glob_escape
from pathlib import Path

from sqlite_utils import Database

from ...errors import DatabaseError
from ...i18n import N_, _
from ...paths import backup_dir
from ...storage import backup as store
from ...storage import cipher, keyfile
from ..contract.results import Changes
from .backup_status import backup_problem, failure_marker, failure_text, note_failure
from .working_file import session_of, working_session

log = logging.getLogger(__name__)

REASONS = (
    "daily",
    "close",
    "import",
    "manual",
    "upgrade",
    "restore",
    "password",
    "preimport",
    "prebulk",
)
BEFORE_REASONS = {"upgrade", "restore", "password", "preimport", "prebulk"}
MANUAL_REASONS = {"manual"}
SAFETY_REASONS = BEFORE_REASONS | MANUAL_REASONS
KEEP_SAFETY = 10
KEEP_DAYS, KEEP_WEEKS, KEEP_MONTHS = 7, 4, 12
_NAME = re.compile(r"^(\d{8}-\d{6}-\d{6})-([a-z]+)\.sqlite$")
_STAMP_FIELDS = ((0, 4), (4, 6), (6, 8), (9, 11), (11, 13), (13, 15), (16, 22))
ALL_CHANGED = Changes(cell=True, members=True, meetings=True, campaigns=True, assessments=True)


@dataclass(frozen=True)
class BackupInfo:
    path: Path
    when: dt.datetime
    reason: str
    size: int
    encrypted: bool
    schema: int | None = None
    counts: dict[str, int] | None = None
    problem: str = ""
    detail: str = ""

    @property
    def members(self) -> int | None:
        return None if self.counts is None else self.counts.get("members")

    @property
    def meetings(self) -> int | None:
        return None if self.counts is None else self.counts.get("meetings")


def backup_folder(db_path: Path, root: Path | None = None) -> Path:
    resolved = Path(db_path).resolve()
    digest = hashlib.sha1(str(resolved).encode("utf-8")).hexdigest()[:8]
    folder = (root or backup_dir()) / f"{resolved.stem}-{digest}"
    folder.mkdir(parents=True, exist_ok=True)
    return folder


def _parse(path: Path) -> tuple[dt.datetime, str] | None:
    match = _NAME.match(path.name)
    if not match:
        return None
    stamp = match.group(1)  # YYYYMMDD-HHMMSS-ffffff, read without strptime (≈ 5 ms to load)
    try:
        when = dt.datetime(*(int(stamp[a:b]) for a, b in _STAMP_FIELDS))
    except ValueError:
        return None
    return when, match.group(2)


def _copies(folder: Path) -> list[tuple[dt.datetime, str, Path]]:
    found = []
    for path in folder.glob("*.sqlite"):
        parsed = _parse(path)
        if parsed:
            found.append((*parsed, path))
    return sorted(found, reverse=True)


def make_backup(
    db: Database,
    reason: str,
    *,
    now: dt.datetime | None = None,
    in_use: Iterable[Path] = (),
    detail: str = "",
) -> Path:
    """Copy the open file into its backup folder, check the copy, then thin old copies.

    Copies named in ``in_use`` (the one a restore is reading) are never thinned.
    ``detail`` says what the copy was taken before (the name of the file imported).
    """
    if reason not in REASONS:
        raise ValueError(reason)
    session = working_session(db)
    now = now or dt.datetime.now()
    try:
        folder = backup_folder(session.path, session.backup_root)
        target = folder / f"{now:%Y%m%d-%H%M%S-%f}-{reason}.sqlite"
        _copy_checked(db, target, session.key)
    except (OSError, DatabaseError, *cipher.DB_ERRORS) as exc:
        error = failure_text(exc)
        note_failure(session.path, now, error)
        raise DatabaseError(_("Không tạo được bản sao lưu: {error}").format(error=error)) from exc
    failure_marker(session.path).unlink(missing_ok=True)
    if detail:
        _write_about(target, detail)
    rotate(folder, now=now, in_use=in_use)
    return target


def session_backup_problem(db: Database) -> str | None:
    session = session_of(db)
    return backup_problem(session.path) if session is not None else None


def about_path(copy: Path) -> Path:
    return Path(f"{copy}.about")


def _write_about(copy: Path, detail: str) -> None:
    try:
        about_path(copy).write_text(json.dumps({"detail": detail}), encoding="utf-8")
    except OSError:
        log.warning("could not note what %s was taken before", copy.name)


def _read_about(copy: Path) -> str:
    try:
        data = json.loads(about_path(copy).read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return ""
    detail = data.get("detail") if isinstance(data, dict) else None
    return detail if isinstance(detail, str) else ""


def backup_before_import(db: Database, source: Path) -> Path:
    """The copy taken just before an import writes; raises when it cannot be made (then
    the import does not write either)."""
    try:
        return make_backup(db, "preimport", detail=Path(source).name)
    except DatabaseError as exc:
        raise DatabaseError(
            _(
                "Không tạo được bản sao lưu trước khi nhập ({error}), nên chưa nhập gì. "
                "Hãy kiểm tra chỗ trống trên ổ đĩa và thư mục sao lưu rồi thử lại."
            ).format(error=exc.message)
        ) from exc


def _copy_checked(db: Database, target: Path, key: bytes | None) -> None:
    if key is not None:
        keyfile.write(keyfile.keyfile_path(target), _current_keys(db))
    store.copy_database(db.conn, target, key=key)
    try:
        problems = store.check(target, key=key)
    except cipher.DB_ERRORS as exc:
        problems = [str(exc)]
    if problems:
        target.unlink(missing_ok=True)
        keyfile.remove(keyfile.keyfile_path(target))
        raise DatabaseError(
            _(
                "Bản sao lưu vừa tạo không đạt kiểm tra ({problem}); các bản cũ được giữ nguyên."
            ).format(problem=problems[0])
        )


def _current_keys(db: Database) -> dict:
    record = keyfile.read(keyfile.keyfile_path(working_session(db).path))
    return record or {}


def backup_after_import(db: Database) -> Path | None:
    """Called once an import has landed; a failed copy does not undo the import: it is
    remembered (see ``backup_problem``) and said by the front end."""
    try:
        return make_backup(db, "import")
    except Exception:
        working_session(db).backup_failed = True
        log.exception("backup after import failed")
        return None


def backup_if_due(db: Database, *, now: dt.datetime | None = None) -> Path | None:
    """The once-a-day copy made when the file is opened."""
    session = working_session(db)
    now = now or dt.datetime.now()
    folder = backup_folder(session.path, session.backup_root)
    if any(when.date() == now.date() for when, _r, _p in _copies(folder)):
        return None
    return make_backup(db, "daily", now=now)


def remove_leftovers(db_path: Path, root: Path | None = None) -> list[Path]:
    """Temporary files a crash left: half-made copies in the backup folder (which may
    hold the members in plain text) and the scratch files of a restore or a password
    change beside the file. Called when the file is opened for writing (under its lock)."""
    db_path = Path(db_path)
    try:
        found = list(backup_folder(db_path, root).glob(".*.tmp*"))
    except OSError:
        found = []  # no backup folder to clean: said when a backup is attempted
    found += db_path.parent.glob(f".{glob_escape(db_path.name)}.*.tmp*")
    removed = []
    for path in found:
        if path.is_file() and re.search(r"\.tmp(-journal|-wal|-shm)?$", path.name):
            with contextlib.suppress(OSError):
                path.unlink()
                removed.append(path)
    if removed:
        log.info("removed %d leftover temporary files", len(removed))
    return removed


def backup_to(db: Database, folder: Path, *, now: dt.datetime | None = None) -> Path:
    """ "Back up to…": a checked copy in a folder the secretary chose (a USB stick)."""
    folder = Path(folder)
    if not folder.is_dir():
        raise DatabaseError(_("Thư mục {path} không tồn tại.").format(path=folder))
    session = working_session(db)
    now = now or dt.datetime.now()
    target = folder / f"{session.path.stem}-sao-luu-{now:%Y%m%d-%H%M%S}.sqlite"
    try:
        _copy_checked(db, target, session.key)
    except OSError as exc:
        raise DatabaseError(
            _("Không ghi được vào {path}: {error}").format(path=folder, error=exc.strerror or exc)
        ) from exc
    return target


def kept(copies: Iterable[tuple[dt.datetime, str, Path]]) -> set[Path]:
    """Which copies the rotation keeps (newest first is not required)."""
    ordered = sorted(copies, key=lambda c: c[0], reverse=True)
    keep: set[Path] = set()
    for pool in (BEFORE_REASONS, MANUAL_REASONS):
        chosen = [c for c in ordered if c[1] in pool]
        keep.update(p for _w, _r, p in chosen[:KEEP_SAFETY])
    regular = [c for c in ordered if c[1] not in SAFETY_REASONS]
    for bucket, limit in (
        (lambda w: w.date(), KEEP_DAYS),
        (lambda w: w.isocalendar()[:2], KEEP_WEEKS),
        (lambda w: (w.year, w.month), KEEP_MONTHS),
    ):
        seen: list = []
        for when, _reason, path in regular:
            label = bucket(when)
            if label in seen:
                continue
            if len(seen) == limit:
                break
            seen.append(label)
            keep.add(path)
    return keep


def rotate(
    folder: Path, *, now: dt.datetime | None = None, in_use: Iterable[Path] = ()
) -> list[Path]:
    """Delete the copies the rotation no longer keeps (never one in ``in_use``);
    returns what was deleted."""
    copies = _copies(folder)
    keep = kept(copies) | {Path(p).resolve() for p in in_use}
    keep |= {p.resolve() for p in keep}
    removed = []
    for _when, _reason, path in copies:
        if path not in keep and path.resolve() not in keep:
            path.unlink(missing_ok=True)
            keyfile.remove(keyfile.keyfile_path(path))
            about_path(path).unlink(missing_ok=True)
            removed.append(path)
    return removed


def list_backups(db_path: Path, *, key: bytes | None = None, root: Path | None = None):
    """Every copy of the file, newest first, with its date and member/meeting counts."""
    result = []
    for when, reason, path in _copies(backup_folder(db_path, root)):
        result.append(describe(path, when=when, reason=reason, key=key))
    return result


def describe(path: Path, *, when=None, reason: str = "", key: bytes | None = None) -> BackupInfo:
    path = Path(path)
    if when is None:
        parsed = _parse(path)
        when, reason = (
            parsed if parsed else (dt.datetime.fromtimestamp(path.stat().st_mtime), reason)
        )
    encrypted = keyfile.keyfile_path(path).exists() or not store.looks_like_sqlite(path)
    size = path.stat().st_size
    detail = _read_about(path)
    try:
        schema, counts = store.summary(path, key=key if encrypted else None)
    except cipher.DB_ERRORS:
        problem = _("cần mật khẩu cũ") if encrypted else _("không đọc được")
        return BackupInfo(path, when, reason, size, encrypted, problem=problem, detail=detail)
    return BackupInfo(path, when, reason, size, encrypted, schema, counts, detail=detail)


def newest_good_backup(db_path: Path, *, key: bytes | None = None, root: Path | None = None):
    """The newest copy that passes ``integrity_check`` (None if there is none)."""
    for _when, _reason, path in _copies(backup_folder(db_path, root)):
        if _sound(path, key):
            return path
    return None


def _sound(path: Path, key: bytes | None) -> bool:
    encrypted = not store.looks_like_sqlite(path)
    try:
        return not store.check(path, key=key if encrypted else None)
    except (*cipher.DB_ERRORS, OSError):
        return False


def check_open(db: Database) -> list[str]:
    """Full ``integrity_check`` of the open file (empty list: sound)."""
    return store.check_connection(db.conn)


def session_backups(db: Database) -> list[BackupInfo]:
    """The open file's backups (for the restore dialog)."""
    session = working_session(db)
    return list_backups(session.path, key=session.key, root=session.backup_root)


def backup_location(db: Database) -> Path:
    session = working_session(db)
    return backup_folder(session.path, session.backup_root)


REASON_LABELS = {
    "daily": N_("hằng ngày, khi mở tệp"),
    "close": N_("khi đóng chương trình"),
    "import": N_("sau khi nhập danh sách"),
    "manual": N_("sao lưu bằng tay"),
    "upgrade": N_("trước khi nâng cấp"),
    "restore": N_("trước khi phục hồi"),
    "password": N_("trước khi đổi mật khẩu"),
    "preimport": N_("trước khi nhập danh sách"),
    "prebulk": N_("trước khi thay đổi hàng loạt"),
}


def reason_label(reason: str) -> str:
    label = REASON_LABELS.get(reason)
    return _(label) if label else reason


def backup_title(info: BackupInfo) -> str:
    """What a copy is, as the restore dialog shows it: "trước khi nhập ds.xlsx, 14:32"."""
    if info.reason == "preimport" and info.detail:
        text = _("trước khi nhập {name}").format(name=info.detail)
    elif info.reason == "prebulk" and info.detail:
        text = _("trước khi {change}").format(change=info.detail)
    else:
        text = reason_label(info.reason)
    if info.reason in BEFORE_REASONS:
        return f"{text}, {info.when:%H:%M}"
    return text
