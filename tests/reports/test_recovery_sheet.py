"""The recovery sheet: one page with the code, what it does, where to keep it, and nothing
about any child; the same fonts, marking and metadata as every other document."""

from __future__ import annotations

import getpass
import os
from datetime import date
from pathlib import Path

import pytest

from scr_reflect.domain.records import Child
from scr_reflect.domain.recovery_code import new_code
from scr_reflect.reports.page import APP_NAME, MARKING
from scr_reflect.services import workspace
from scr_reflect.services.clock import FixedClock
from scr_reflect.services.recovery_sheet import recovery_sheet, save_recovery_sheet
from tests.core_fixtures import NOW, PASSPHRASE, PROFILE
from tests.reports.pdf_checks import fonts, page_texts, qpdf_check, reader, shows_code


@pytest.fixture
def ws(tmp_path: Path):
    space = workspace.set_up(tmp_path / "data", PASSPHRASE, PASSPHRASE, PROFILE, FixedClock(NOW))
    space.records.add_child(Child("Zoë Sheetcheck", date(2014, 5, 17)))
    yield space
    space.close()


def test_one_page_with_the_code_and_what_to_do_with_it(ws) -> None:
    code = new_code()
    built = recovery_sheet(ws, code, invariant=True)
    [page] = page_texts(built.pdf)
    assert built.pages == 1
    assert shows_code(page, code)
    for words in (
        PROFILE.school_name,
        f"Made {NOW:%d/%m/%Y %H:%M}",
        f"Made by {PROFILE.dsl_name}",
        "What it does",
        "choose a new one, and every record is kept",
        "Without the passphrase or this code nobody can open the records",
        "Where to keep it",
        "school safe",
        "A new sheet replaces this one",
        "stops this code working",
        "Forgotten your passphrase?",
    ):
        assert words in page, words
    assert page.count(MARKING) == 2 and "Page 1 of 1" in page
    assert "Zoë" not in page  # nothing about any child


def test_the_audit_trails_newest_entry_is_printed_to_compare_later(ws) -> None:
    [page] = page_texts(recovery_sheet(ws, new_code(), invariant=True).pdf)
    checkpoint = ws.audit.checkpoint()
    assert checkpoint is not None
    page = " ".join(page.split())
    assert f"Audit trail checkpoint: entry {checkpoint.seq}, {checkpoint.hash_prefix}" in page
    assert f"scr-reflect verify --checkpoint {checkpoint.token}" in page


def test_fonts_metadata_and_file_like_every_document(ws, tmp_path: Path) -> None:
    built = recovery_sheet(ws, new_code(), invariant=True)
    for font in fonts(built.pdf):
        assert "DejaVuSans" in font["/BaseFont"]
    info = reader(built.pdf).metadata
    assert info is not None
    assert (info.title, info.author, info.creator) == ("Recovery sheet", APP_NAME, APP_NAME)
    everything = " ".join(str(value) for value in info.values())
    assert getpass.getuser() not in everything and str(Path.home()) not in everything
    path = tmp_path / "sheet.pdf"
    path.write_bytes(built.pdf)
    assert qpdf_check(str(path)).returncode == 0


def test_saved_owner_only_with_a_pdf_name(ws, tmp_path: Path) -> None:
    saved = save_recovery_sheet(ws, new_code(), tmp_path / "Recovery sheet")
    assert saved == tmp_path / "Recovery sheet.pdf"
    assert saved.read_bytes().startswith(b"%PDF")
    if os.name == "posix":
        assert saved.stat().st_mode & 0o077 == 0
