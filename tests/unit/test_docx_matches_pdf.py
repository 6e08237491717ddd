"""A document has one content and two renderings: each .docx, converted to PDF by
LibreOffice, reads the same words in the same order as our own PDF of it."""

from __future__ import annotations

import difflib
import subprocess
from collections import Counter

import pytest

from .docx_render import PDFTOTEXT, SOFFICE, to_pdf, words
from .word_documents import KINDS, write

pytestmark = pytest.mark.skipif(
    SOFFICE is None or PDFTOTEXT is None, reason="LibreOffice (soffice) or pdftotext missing"
)


def _pages(pdf) -> int:
    info = subprocess.run(["pdfinfo", str(pdf)], capture_output=True, text=True).stdout
    return next(int(line.split()[-1]) for line in info.splitlines() if line.startswith("Pages:"))


@pytest.mark.timeout(900)
def test_word_and_pdf_say_the_same(demo_db, tmp_path, today, monkeypatch):
    # The charts are the PDF's and the workbook's: the Word documents have the tables
    # they are drawn from, not the pictures. Compare the text without them.
    from chibo_desktop.interop.pdf import campaign_report, report_doc

    monkeypatch.setattr(report_doc, "section_charts", lambda section, width: [])
    monkeypatch.setattr(campaign_report, "campaign_charts", lambda state, width: ([], []))
    ours = {kind: write(demo_db, kind, tmp_path / f"{kind}.pdf", today) for kind in KINDS}
    docx = {kind: write(demo_db, kind, tmp_path / f"{kind}.docx", today) for kind in KINDS}
    rendered = to_pdf(list(docx.values()), tmp_path)
    differences = {}
    for kind in KINDS:
        expected = words(ours[kind])
        got = words(rendered[docx[kind]])
        # The same words, and in the same order but for the few a cell's line carries
        # over differently (Word breaks after a hyphen, justifies a little otherwise).
        same = Counter(expected) == Counter(got)
        blocks = difflib.SequenceMatcher(None, expected, got, autojunk=False)
        in_order = sum(b.size for b in blocks.get_matching_blocks())
        if not same or in_order < 0.99 * len(expected):
            diff = difflib.unified_diff(expected, got, "pdf", "docx", n=2, lineterm="")
            differences[kind] = " ".join(list(diff)[:60])
        # the same length on paper, give or take a page where a table breaks
        assert abs(_pages(ours[kind]) - _pages(rendered[docx[kind]])) <= 1, kind
    assert differences == {}
