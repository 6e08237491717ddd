"""`chibo package export` and the reports page's "Gửi cấp trên…": one file for the level
above with the data it needs, the privacy choices and the period's rendered reports."""

from __future__ import annotations

import datetime as dt
import tempfile
from collections.abc import Generator, Iterable
from dataclasses import dataclass
from pathlib import Path

from sqlite_utils import Database

from ... import __version__
from ...domain.package import DATA_PART, PRIVACY_OPTIONS, REPORTS_FOLDER, Manifest, PackageCell
from ...errors import ChiboError
from ...i18n import _
from ...interop.package import part_entry, write_package
from ...storage.identity import cell_uuid
from ...storage.migrations import SCHEMA_VERSION
from ...storage.package_data import build_data_part, encrypt_part, open_data_part
from ..cell.identity import get_cell
from ..contract.context import today as _today
from ..contract.results import Progress, run_to_end
from ..reports.catalog import build_report, default_file_name, default_period
from .secret import derive_key, new_encryption
from .summary import package_summary

# The rendered reports a package carries, for people to read (the data part is what the
# level above computes from).
RENDERED = ("situation", "meetings", "assessment", "campaign")
RENDERED_FORMATS = (".pdf", ".xlsx")


@dataclass(frozen=True)
class ExportResult:
    path: Path
    manifest: Manifest


def privacy_options() -> dict[str, str]:
    """Personal fields the cell may choose to send (key -> label, translated)."""
    return {k: _(v) for k, v in PRIVACY_OPTIONS.items()}


def check_included(include: Iterable[str]) -> tuple[str, ...]:
    chosen = tuple(dict.fromkeys(include))
    unknown = [k for k in chosen if k not in PRIVACY_OPTIONS]
    if unknown:
        raise ChiboError(
            _("Không có trường “{name}”. Chọn trong: {names}.").format(
                name=unknown[0], names=", ".join(PRIVACY_OPTIONS)
            )
        )
    return chosen


def export_package(
    db: Database,
    path: str | Path,
    start: dt.date | None = None,
    end: dt.date | None = None,
    *,
    include: Iterable[str] = (),
    password: str | None = None,
    today: dt.date | None = None,
    now: dt.datetime | None = None,
    with_reports: bool = True,
) -> Generator[Progress, None, ExportResult]:
    on = today or _today()
    first, last = default_period(on)
    start, end = start or first, end or last
    if start > end:
        raise ChiboError(_("Ngày bắt đầu phải trước hoặc bằng ngày kết thúc."))
    included = check_included(include)
    cell, uuid = get_cell(db), cell_uuid(db)
    if not cell.name or not uuid:
        raise ChiboError(_("Tệp chưa có thông tin chi bộ; hãy khởi tạo trước khi gửi."))
    yield Progress(0, 3, _("Đang chép dữ liệu…"))
    data, counts = build_data_part(db, included)
    parts: dict[str, bytes] = {}
    summary = _summary(data, start, end)
    if with_reports:
        yield Progress(1, 3, _("Đang lập các báo cáo của kỳ…"))
        parts.update(_rendered_reports(data, start, end, on))
    yield Progress(2, 3, _("Đang ghi gói…"))
    encryption = None
    if password:
        encryption = new_encryption()
        data = encrypt_part(data, derive_key(password, encryption))
    parts = {DATA_PART: data, **parts}
    created = now or dt.datetime.now().replace(microsecond=0)
    manifest = Manifest(
        cell=PackageCell(uuid, cell.name, cell.party_committee, cell.place),
        start=start,
        end=end,
        created_at=created,
        program_version=__version__,
        schema_version=SCHEMA_VERSION,
        parts={name: part_entry(blob) for name, blob in parts.items()},
        included=included,
        encryption=encryption,
        counts=counts,
        summary=summary,
    )
    written = write_package(path, manifest.as_dict(), parts)
    yield Progress(3, 3, _("Xong."))
    return ExportResult(written, manifest)


def _summary(data: bytes, start: dt.date, end: dt.date) -> dict:
    db = open_data_part(data)
    try:
        return package_summary(db, start, end)
    finally:
        db.close()


def _rendered_reports(data: bytes, start: dt.date, end: dt.date, on: dt.date) -> dict[str, bytes]:
    """The period's reports, rendered from the package's own data so that they show exactly
    what travels (no field the cell kept back)."""
    db = open_data_part(data)
    out: dict[str, bytes] = {}
    try:
        with tempfile.TemporaryDirectory(prefix="chibo-pkg-") as folder:
            for name in RENDERED:
                for suffix in RENDERED_FORMATS:
                    file_name = default_file_name(name, start, end, suffix)
                    target = Path(folder) / file_name
                    try:
                        run_to_end(build_report(db, name, start, end, target, on))
                    except ChiboError:
                        continue  # nothing to report (no campaign in the period)
                    out[REPORTS_FOLDER + file_name] = target.read_bytes()
    finally:
        db.close()
    return out
