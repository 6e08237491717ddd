"""Opening a package: every check the receiving side makes, in one place."""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path

from ... import __version__
from ...domain.package import DATA_PART, FORMAT_VERSION, Manifest, ManifestError
from ...domain.package import manifest_from_dict as _parse
from ...errors import ChiboError, NewerSchemaError
from ...i18n import _
from ...interop.package import PackageFile, read_package
from ...storage.migrations import SCHEMA_VERSION
from ...storage.package_data import (
    data_part_identity,
    data_part_version,
    decrypt_part,
    open_data_part,
)
from .secret import derive_key
from .summary import package_summary


class PasswordNeeded(ChiboError):
    """The package has a password, and none or a wrong one was given."""


@dataclass
class OpenedPackage:
    path: Path
    manifest: Manifest
    file_sha256: str
    data: bytes | None  # the plain data part; None when encrypted and no password given
    damaged: dict[str, str] = field(default_factory=dict)
    identity_checked: bool = False

    @property
    def intact(self) -> bool:
        return not self.damaged


def _manifest(path: Path, file: PackageFile) -> Manifest:
    try:
        return _parse(file.manifest)
    except ManifestError as exc:
        raise ChiboError(
            _("Tệp {path} có manifest.json không hợp lệ; gói không được nhận.").format(
                path=path.name
            )
        ) from exc


def _check_version(path: Path, m: Manifest) -> None:
    if m.format_version > FORMAT_VERSION or m.schema_version > SCHEMA_VERSION:
        raise NewerSchemaError(
            _(
                "Gói {path} do phiên bản {version} của chương trình lập (cấu trúc dữ liệu "
                "{schema}); chương trình này là phiên bản {ours}, hiểu tới cấu trúc {known}. "
                "Hãy cài phiên bản mới nhất; gói không được nhận."
            ).format(
                path=path.name,
                version=m.program_version,
                schema=m.schema_version,
                ours=__version__,
                known=SCHEMA_VERSION,
            )
        )


def damaged_message(path: Path, damaged: dict[str, str]) -> str:
    part, why = next(iter(damaged.items()))
    return _(
        "Gói {path} bị hỏng hoặc đã bị sửa sau khi lập: phần “{part}” {why}. Gói không được "
        "nhận; hãy xin chi bộ gửi lại."
    ).format(path=path.name, part=part, why=why)


def open_package(
    path: str | Path, password: str | None = None, *, strict: bool = True
) -> OpenedPackage:
    """Read and check a package. ``strict``: any problem raises ChiboError (what adding
    needs); otherwise damaged parts are reported in the result (what inspecting shows)."""
    path = Path(path)
    file = read_package(path)
    manifest = _manifest(path, file)
    _check_version(path, manifest)
    opened = OpenedPackage(path, manifest, file.file_sha256, None, dict(file.damaged))
    if opened.damaged and strict:
        raise ChiboError(damaged_message(path, opened.damaged))
    data = file.parts.get(DATA_PART)
    if data is None:
        opened.damaged.setdefault(DATA_PART, _("thiếu"))
        if strict:
            raise ChiboError(damaged_message(path, opened.damaged))
        return opened
    if manifest.encryption:
        if not password:
            if strict:
                raise PasswordNeeded(
                    _("Gói {path} có mật khẩu; hãy nhập mật khẩu chi bộ đã đặt.").format(
                        path=path.name
                    )
                )
            return opened
        try:
            data = decrypt_part(data, derive_key(password, manifest.encryption))
        except ChiboError as exc:
            raise PasswordNeeded(exc.message) from exc
    problem = _data_problem(manifest, data)
    if problem:
        opened.damaged[DATA_PART] = problem
        if strict:
            raise ChiboError(damaged_message(path, opened.damaged))
        return opened
    opened.data = data
    opened.identity_checked = True
    return opened


def data_again(package: OpenedPackage, password: str | None = None) -> bytes:
    """The plain data part of a package checked before, read again from its file (so that
    many checked packages need not be held in memory at once); refused if the file changed
    since it was checked."""
    file = read_package(package.path)
    if file.file_sha256 != package.file_sha256 or DATA_PART not in file.parts:
        raise ChiboError(
            _("Tệp {path} đã thay đổi trong lúc nhận; hãy nhận lại.").format(path=package.path.name)
        )
    data = file.parts[DATA_PART]
    if package.manifest.encryption and password:
        data = decrypt_part(data, derive_key(password, package.manifest.encryption))
    return data


def _data_problem(manifest: Manifest, data: bytes) -> str | None:
    """Why the data part does not match what the manifest says of it (None: it does)."""
    version = data_part_version(data)
    if version != manifest.schema_version:
        return _("không khớp manifest.json (cấu trúc dữ liệu)")
    db = open_data_part(data)
    try:
        identity = data_part_identity(db)
        if identity["uuid"] != manifest.cell.uuid or identity["name"] != manifest.cell.name:
            return _("không khớp manifest.json (mã định danh hoặc tên chi bộ)")
        if package_summary(db, manifest.start, manifest.end) != manifest.summary:
            return _("không khớp manifest.json (số liệu tóm tắt)")
    finally:
        db.close()
    return None
