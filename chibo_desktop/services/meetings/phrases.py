"""Stock phrases for the minutes ("Câu mẫu"): the cell's own sentences, then the program's
(resources/rules/phrases.toml)."""

from __future__ import annotations

from sqlite_utils import Database

from ...domain.text import clean_text
from ...errors import ChiboError
from ...i18n import _
from ...rules.phrases import Phrase, built_in_phrases
from ...storage import meetings as store
from ..contract.results import Changes, Result

CHANGED = Changes(meetings=True)


def stock_phrases(db: Database, field: str) -> list[Phrase]:
    """The cell's own sentences for a field of the minutes, then the program's."""
    own = [Phrase(field, text) for text in store.phrases(db, field)]
    texts = {p.text for p in own}
    return own + [p for p in built_in_phrases() if p.field == field and p.text not in texts]


def save_phrase(db: Database, field: str, text: str) -> Result[None]:
    text = clean_text(text, multiline=True)
    if not text:
        raise ChiboError(_("Câu mẫu trống."))
    store.add_phrase(db, field, text)
    return Result(None, CHANGED)


def remove_phrase(db: Database, field: str, text: str) -> Result[None]:
    store.remove_phrase(db, field, text)
    return Result(None, CHANGED)
