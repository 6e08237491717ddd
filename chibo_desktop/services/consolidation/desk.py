"""Opening and initialising a committee's file, and receiving its cells' packages."""

from __future__ import annotations

import datetime as dt
import uuid as uuid_module
from collections.abc import Generator, Iterable
from dataclasses import asdict, dataclass
from pathlib import Path

from sqlite_utils import Database

from ...domain.text import clean_text
from ...errors import ChiboError
from ...i18n import _, format_date
from ...storage import committee as store
from ...storage.lock import FileLock, LockedByOther
from ..contract.context import current_user
from ..contract.results import CancelFlag, Changes, Progress, Result
from ..packages.opening import OpenedPackage, PasswordNeeded, data_again, open_package

PACKAGE_SUFFIX = ".chibo"


@dataclass
class CommitteeInfo:
    name: str = ""
    superior: str = ""
    place: str = ""
    secretary_name: str = ""
    uuid: str = ""


class CommitteeDatabase(Database):
    """A committee's file held open for work; closing it lets others open it."""

    lock: FileLock | None = None
    is_committee = True  # the window shows the committee's pages for this file

    def close(self) -> None:
        try:
            super().close()
        finally:
            if self.lock is not None:
                self.lock.release()
                self.lock = None


def open_desk(path: str | Path, *, create: bool = False) -> CommitteeDatabase:
    path = Path(path)
    lock = FileLock(path, current_user())
    try:
        lock.acquire()
    except LockedByOther as exc:
        raise ChiboError(
            _("Tệp {path} đang được mở ở máy {host} bởi {user}.").format(
                path=path.name, host=exc.holder.host or "?", user=exc.holder.user or "?"
            )
        ) from exc
    try:
        db = store.open_committee(path, create=create)
    except BaseException:
        lock.release()
        raise
    desk = CommitteeDatabase(db.conn, execute_plugins=False)
    desk.lock = lock
    return desk


def get_committee(db: Database) -> CommitteeInfo:
    row = store.get_committee(db)
    return CommitteeInfo(**row) if row else CommitteeInfo()


def init_committee(db: Database, info: CommitteeInfo) -> Result[CommitteeInfo]:
    if store.get_committee(db) is not None:
        raise ChiboError(_("Tệp này đã có thông tin đảng ủy; không khởi tạo lại."))
    cleaned = CommitteeInfo(**{k: clean_text(v) for k, v in asdict(info).items()})
    if not cleaned.name:
        raise ChiboError(_("Chưa nhập tên đảng ủy."))
    cleaned.uuid = str(uuid_module.uuid4())
    with db.atomic():
        store.save_committee(db, asdict(cleaned))
    return Result(cleaned, Changes(cell=True))


@dataclass(frozen=True)
class AddOutcome:
    file: Path
    status: str  # added | replaced | refused
    cell: str
    message: str
    needs_password: bool = False  # refused for want of the right password

    def as_dict(self) -> dict:
        return {
            "file": str(self.file),
            "status": self.status,
            "cell": self.cell,
            "message": self.message,
        }


def package_files(paths: Iterable[str | Path]) -> list[Path]:
    """Files as given; a folder stands for the .chibo files in it."""
    out: list[Path] = []
    for p in map(Path, paths):
        if p.is_dir():
            out += sorted(f for f in p.iterdir() if f.suffix.lower() == PACKAGE_SUFFIX)
        else:
            out.append(p)
    return out


def _when(text: str) -> str:
    stamp = dt.datetime.fromisoformat(text)
    return f"{format_date(stamp.date())} {stamp:%H:%M:%S}"


def add_packages(
    db: Database,
    paths: Iterable[str | Path],
    password: str | None = None,
    cancel: CancelFlag | None = None,
) -> Generator[Progress, None, list[AddOutcome]]:
    """Check every package, then store the accepted ones in one transaction: newest per
    cell wins; older, duplicate, damaged or foreign packages are refused, untouched."""
    files = package_files(paths)
    outcomes: dict[Path, AddOutcome] = {}
    accepted: dict[str, OpenedPackage] = {}
    total = len(files) * 2 or 1
    for i, path in enumerate(files):
        yield Progress(i, total, _("Đang kiểm tra {name}…").format(name=path.name))
        try:
            package = open_package(path, password)
        except PasswordNeeded as exc:
            outcomes[path] = AddOutcome(path, "refused", "", exc.message, needs_password=True)
            continue
        except ChiboError as exc:
            outcomes[path] = AddOutcome(path, "refused", "", exc.message)
            continue
        package.data = None  # checked; read again when stored, one package at a time
        m = package.manifest
        rival = accepted.get(m.cell.uuid)
        if rival is not None:
            older, newer = sorted((rival, package), key=lambda p: p.manifest.created_at)
            outcomes[older.path] = _refused_older(older, newer.manifest.created_at.isoformat())
            package = newer
        accepted[m.cell.uuid] = package
    plans: list[tuple[OpenedPackage, AddOutcome]] = []
    for cell_uuid, package in accepted.items():
        m = package.manifest
        same = store.package_with_hash(db, package.file_sha256)
        if same is not None:
            outcomes[package.path] = AddOutcome(
                package.path,
                "refused",
                m.cell.name,
                _(
                    "Gói {file} của {cell} (lập {new}) đã được nhận trước đây (gói lập {old}); "
                    "không nhận lại."
                ).format(
                    file=package.path.name,
                    cell=m.cell.name,
                    new=_when(m.created_at.isoformat()),
                    old=_when(same["created_at"]),
                ),
            )
            continue
        current = store.current_package(db, cell_uuid)
        created = m.created_at.isoformat()
        if current is not None and current["created_at"] >= created:
            outcomes[package.path] = _refused_older(package, current["created_at"])
            continue
        if current is None:
            message = _("Đã nhận gói của {cell}, kỳ {start} – {end}.")
            status = "added"
        else:
            message = _("Đã nhận gói của {cell}, kỳ {start} – {end}; thay gói lập {old}.")
            status = "replaced"
            if current["cell_name"] != m.cell.name:
                message += " " + _("Chi bộ đã đổi tên (trước đây: {former}).")
        text = message.format(
            cell=m.cell.name,
            start=format_date(m.start),
            end=format_date(m.end),
            old=_when(current["created_at"]) if current else "",
            former=current["cell_name"] if current else "",
        )
        plans.append((package, AddOutcome(package.path, status, m.cell.name, text)))
    with db.atomic():
        for j, (package, outcome) in enumerate(plans):
            if cancel is not None:
                cancel.check()
            yield Progress(
                len(files) + j, total, _("Đang lưu gói của {cell}…").format(cell=outcome.cell)
            )
            m = package.manifest
            store.add_package(
                db,
                {
                    "created_at": m.created_at.isoformat(),
                    "period_from": m.start.isoformat(),
                    "period_to": m.end.isoformat(),
                    "program_version": m.program_version,
                    "schema_version": m.schema_version,
                    "file_name": package.path.name,
                    "file_sha256": package.file_sha256,
                },
                m.as_dict(),
                data_again(package, password),
            )
            outcomes[package.path] = outcome
    yield Progress(total, total, _("Xong."))
    return [outcomes[p] for p in dict.fromkeys(files) if p in outcomes]


def _refused_older(package: OpenedPackage, newer_created: str) -> AddOutcome:
    m = package.manifest
    return AddOutcome(
        package.path,
        "refused",
        m.cell.name,
        _(
            "Gói {file} của {cell} lập {this}, không mới hơn gói lập {other}; không nhận "
            "(gói mới nhất của mỗi chi bộ được giữ)."
        ).format(
            file=package.path.name,
            cell=m.cell.name,
            this=_when(m.created_at.isoformat()),
            other=_when(newer_created),
        ),
    )
