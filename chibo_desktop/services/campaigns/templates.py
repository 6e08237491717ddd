"""Campaign templates: the shipped ones and those the secretary copied, edited or imported."""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass
from pathlib import Path

from sqlite_utils import Database

from ...domain.campaign import Template
from ...domain.text import clean_text, fold
from ...errors import ChiboError, NotFoundError
from ...i18n import _
from ...interop.files import atomic_write
from ...rules.campaigns import builtin_templates, parse_template
from ...rules.loader import RuleFileError
from ...storage import campaigns as store
from ..contract.results import Changes, Result

CHANGED = Changes(campaigns=True)
_KEY_LINE = re.compile(r'^key\s*=\s*"[^"\n]*"', re.MULTILINE)
_TITLE_LINE = re.compile(r'^title\s*=\s*"[^"\n]*"', re.MULTILINE)


@dataclass(frozen=True)
class TemplateInfo:
    key: str
    title: str
    builtin: bool
    based_on: str = ""
    note: str = ""  # what the template is, e.g. "an example to adapt"


def list_templates(db: Database) -> list[TemplateInfo]:
    shipped = [
        TemplateInfo(k, t.title, True, note=t.note) for k, (t, _text) in builtin_templates().items()
    ]
    own = []
    for r in store.user_templates(db):
        try:
            note = parse_template(r["body"], f"{r['key']}.toml").note
        except RuleFileError:
            note = ""
        own.append(TemplateInfo(r["key"], r["title"], False, r["based_on"], note))
    return shipped + own


def template_text(db: Database, key: str) -> str:
    row = store.user_template(db, key)
    if row is not None:
        return row["body"]
    if key in builtin_templates():
        return builtin_templates()[key][1]
    raise NotFoundError(_("Không có mẫu đợt sinh hoạt “{key}”.").format(key=key))


def get_template(db: Database, key: str) -> Template:
    return parse_template(template_text(db, key), f"{key}.toml")


def _free_key(db: Database, base: str) -> str:
    taken = {t.key for t in list_templates(db)}
    stem = re.sub(r"[^a-z0-9_]+", "_", fold(base)).strip("_") or "mau"
    key, number = stem, 2
    while key in taken:
        key, number = f"{stem}_{number}", number + 1
    return key


def _with_key_and_title(text: str, key: str, title: str) -> str:
    safe_title = title.replace("\\", "\\\\").replace('"', '\\"')
    text = _KEY_LINE.sub(f'key = "{key}"', text, count=1)
    return _TITLE_LINE.sub(f'title = "{safe_title}"', text, count=1)


def duplicate_template(db: Database, key: str, title: str = "") -> Result[str]:
    """Copy a template under a new key so it can be edited; returns the new key."""
    source = get_template(db, key)
    title = clean_text(title) or _("{title} (bản sao)").format(title=source.title)
    new_key = _free_key(db, f"{key}_sua")
    text = _with_key_and_title(template_text(db, key), new_key, title)
    parse_template(text, f"{new_key}.toml")
    store.save_user_template(db, new_key, title, text, key)
    return Result(new_key, CHANGED)


def save_template_text(db: Database, key: str, text: str) -> Result[Template]:
    """Store an edited template after checking it; the shipped ones cannot be overwritten."""
    if key in builtin_templates() and store.user_template(db, key) is None:
        raise ChiboError(_("Mẫu có sẵn không sửa trực tiếp được; hãy nhân bản rồi sửa bản sao."))
    template = parse_template(text, f"{key}.toml")
    if template.key != key:
        raise RuleFileError(
            f"{key}.toml", _("không được đổi khóa key của mẫu ({key})").format(key=key), None
        )
    row = store.user_template(db, key)
    store.save_user_template(db, key, template.title, text, row["based_on"] if row else "")
    return Result(template, CHANGED)


def delete_template(db: Database, key: str) -> Result[None]:
    if store.user_template(db, key) is None:
        raise ChiboError(_("Chỉ xóa được mẫu do chi bộ tự tạo."))
    store.delete_user_template(db, key)
    return Result(None, CHANGED)


def export_template(db: Database, key: str, path: str | Path) -> Path:
    text = template_text(db, key)
    return atomic_write(path, lambda tmp: tmp.write_text(text, encoding="utf-8"))


def import_template(db: Database, path: str | Path) -> Result[str]:
    """Read a template file sent by the party committee or another cell. The whole file is
    checked first: a broken one is refused with its line and the reason. A file already
    here (same text) changes nothing; a clashing key with other content gets a new key."""
    path = Path(path)
    try:
        text = path.read_text(encoding="utf-8-sig")
    except (OSError, UnicodeDecodeError) as exc:
        raise RuleFileError(path, _("không đọc được tệp ({error})").format(error=exc)) from exc
    text = unicodedata.normalize("NFC", text.replace("\r\n", "\n"))
    template = parse_template(text, path)
    for info in list_templates(db):
        if template_text(db, info.key).replace("\r\n", "\n") == text:
            return Result(info.key, Changes())
    key = template.key
    if key in {t.key for t in list_templates(db)}:
        key = _free_key(db, template.key)
        text = _with_key_and_title(text, key, template.title)
        parse_template(text, path)
    store.save_user_template(db, key, template.title, text, template.key)
    return Result(key, CHANGED)
