"""Reading a built PDF back: its text, fonts and metadata, as a recipient's tools see them."""

from __future__ import annotations

import shutil
import subprocess
from io import BytesIO
from typing import Any

from pypdf import PdfReader


def reader(pdf: bytes, password: str | None = None) -> PdfReader:
    document = PdfReader(BytesIO(pdf))
    if password is not None:
        document.decrypt(password)
    return document


def page_texts(pdf: bytes) -> list[str]:
    """Each page's text with runs of whitespace made single spaces (cells wrap lines)."""
    return [" ".join(page.extract_text().split()) for page in reader(pdf).pages]


def shows_code(page: str, code: str) -> bool:
    """Whether a page's text holds a recovery code, read past pypdf's spacing: it sometimes
    splits the last glyph of the wide code line off with a space."""
    return code.replace("-", "") in page.replace(" ", "")


def flat(text: str) -> str:
    return " ".join(text.split())


def all_text(pdf: bytes) -> str:
    return " ".join(page_texts(pdf))


def fonts(pdf: bytes) -> list[dict[str, Any]]:
    """The font dictionaries every page uses, resolved."""
    found = []
    for page in reader(pdf).pages:
        for ref in page["/Resources"]["/Font"].values():
            found.append(ref.get_object())
    return found


def qpdf_check(pdf_path: str, password: str | None = None) -> subprocess.CompletedProcess[str]:
    qpdf = shutil.which("qpdf")
    assert qpdf, "qpdf is needed for this test: scripts/system-deps.sh installs it"
    args = [qpdf, "--check"] + ([f"--password={password}"] if password else []) + [pdf_path]
    return subprocess.run(args, capture_output=True, text=True, check=False)
