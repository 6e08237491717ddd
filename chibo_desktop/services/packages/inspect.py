"""`chibo package inspect`: what a package holds, for whom, and whether it is intact."""

from __future__ import annotations

from pathlib import Path

from ...domain.package import DATA_PART, PRIVACY_OPTIONS
from ...i18n import _
from ...storage.members import in_cell_counts
from ...storage.package_data import open_data_part
from .opening import open_package


def inspect_package(path: str | Path, password: str | None = None) -> dict:
    opened = open_package(path, password, strict=False)
    m = opened.manifest
    summary = m.as_dict()
    summary["file"] = str(opened.path)
    summary["file_sha256"] = opened.file_sha256
    summary["encrypted"] = bool(m.encryption)
    summary["intact"] = opened.intact
    summary["identity_checked"] = opened.identity_checked
    summary["damaged"] = opened.damaged
    summary["reports"] = m.reports
    summary["members_in_cell"] = None
    if opened.data is not None:
        db = open_data_part(opened.data)
        try:
            summary["members_in_cell"] = in_cell_counts(db)[0]
        finally:
            db.close()
    return summary


def inspect_lines(s: dict) -> list[str]:
    cell = s["cell"]
    lines = [
        f"{_('Gói')}: {s['file']}",
        f"{_('Chi bộ')}: {cell['name']} ({cell['uuid']})",
        f"{_('Gửi')}: {cell['party_committee']}",
        f"{_('Kỳ báo cáo')}: {s['period']['from']} – {s['period']['to']}",
        f"{_('Lập lúc')}: {s['created_at']}",
        f"{_('Phiên bản chương trình')}: {s['program_version']}, "
        f"{_('cấu trúc dữ liệu')} {s['schema_version']}",
        f"{_('Có mật khẩu')}: {_('có') if s['encrypted'] else _('không')}",
        f"{_('Trường riêng tư gửi kèm')}: "
        + (", ".join(_(PRIVACY_OPTIONS[k]) for k in s["privacy"]["included"]) or _("không có")),
    ]
    if s["members_in_cell"] is not None:
        lines.append(f"{_('Đảng viên đang sinh hoạt')}: {s['members_in_cell']}")
    lines.append(f"{_('Các phần')}:")
    for name, entry in s["parts"].items():
        why = s["damaged"].get(name)
        mark = _("HỎNG: {why}").format(why=why) if why else "OK"
        lines.append(f"  {name} ({entry.get('size', 0):,} B) {mark}")
    for name, why in s["damaged"].items():
        if name not in s["parts"]:
            lines.append(f"  {name}: {why}")
    if s["intact"] and s["identity_checked"]:
        lines.append(_("Gói nguyên vẹn."))
    elif s["intact"]:
        lines.append(_("Các phần khớp mã băm; phần dữ liệu có mật khẩu nên chưa đối chiếu."))
    else:
        lines.append(_("Gói bị hỏng hoặc đã bị sửa."))
    if DATA_PART not in s["parts"]:
        lines.append(_("Gói không có phần dữ liệu."))
    return lines
