"""Render .docx files with LibreOffice and read PDFs back as words, for the tests that
compare a Word document with our own PDF of the same content."""

from __future__ import annotations

import os
import re
import shutil
import subprocess
from pathlib import Path

import pytest

SOFFICE = shutil.which("soffice") or shutil.which("libreoffice")
PDFTOTEXT = shutil.which("pdftotext")
FONTS = Path(__file__).resolve().parents[2] / "resources" / "fonts"


def _environment(work: Path) -> dict[str, str]:
    """Times New Roman is rarely installed on a build machine: fontconfig is pointed at
    the bundled Liberation Serif (same metrics), so LibreOffice lays lines out as Word."""
    conf = work / "fonts.conf"
    conf.write_text(
        '<?xml version="1.0"?><!DOCTYPE fontconfig SYSTEM "fonts.dtd"><fontconfig>'
        '<include ignore_missing="yes">/etc/fonts/fonts.conf</include>'
        f"<dir>{FONTS}</dir><cachedir>{work / 'fc-cache'}</cachedir></fontconfig>",
        encoding="utf-8",
    )
    return {**os.environ, "FONTCONFIG_FILE": str(conf), "HOME": str(work)}


def to_pdf(files: list[Path], work: Path) -> dict[Path, Path]:
    """LibreOffice headless, with a profile of its own (another instance may be running);
    one start for all the files."""
    out = work / "lo"
    out.mkdir(exist_ok=True)
    profile = (work / "profile").as_uri()
    command = [SOFFICE, f"-env:UserInstallation={profile}", "--headless", "--convert-to"]
    done = subprocess.run(
        [*command, "pdf", "--outdir", str(out), *map(str, files)],
        check=True,
        capture_output=True,
        text=True,
        timeout=600,
        env=_environment(work),
    )
    pdfs = {docx: out / (docx.stem + ".pdf") for docx in files}
    if "could not be loaded" in done.stderr and not any(p.exists() for p in pdfs.values()):
        pytest.skip("LibreOffice is installed without Writer (libreoffice-writer)")
    return pdfs


def lines(pdf: Path) -> list[str]:
    text = subprocess.run(
        [PDFTOTEXT, "-layout", str(pdf), "-"], check=True, capture_output=True, text=True
    ).stdout
    return text.splitlines()


def words(pdf: Path) -> list[str]:
    """The document's words in reading order, without what depends on where pages break:
    page numbers, the "DỰ THẢO" mark of each page, and lines already seen (a table's header
    rows and group row repeat on every page). Words are cut after their hyphens: Word may
    break a line there ("12-KH-" / "CB"), reportlab does not."""
    out: list[str] = []
    seen: set[str] = set()
    for line in lines(pdf):
        found = line.replace("DỰ THẢO", " ").split()
        if not found or (len(found) == 1 and found[0].isdigit()):
            continue
        key = " ".join(found)
        if key in seen:
            continue
        seen.add(key)
        for word in found:
            out += re.findall(r"[^-]+-?|-+", word)
    return out
