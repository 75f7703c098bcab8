"""Documents from the window: built, previewed, saved (with a password) or printed, recorded."""

from __future__ import annotations

import stat
from datetime import date, datetime

import pytest
import shiboken6
from pypdf import PdfReader
from PySide6.QtCore import Qt
from PySide6.QtPrintSupport import QPrinter

from scr_reflect.domain.chronology_filter import ChronologyFilter
from scr_reflect.domain.enums import Category
from scr_reflect.domain.records import Child, Concern
from scr_reflect.services.reports import Document
from scr_reflect.ui.documents.document_preview import DocumentPreview
from scr_reflect.ui.shared import prompts

LEFT = Qt.MouseButton.LeftButton


@pytest.fixture
def preview(unlocked, qtbot):
    """The referral summary for a fictional child, open in the preview."""
    window = unlocked
    records = window.workspace.records
    child = records.add_child(Child("Zoë Łukasiewicz-Nguyễn", date(2011, 6, 25))).child_id
    records.record_concern(
        Concern(
            child,
            datetime(2026, 11, 19, 9, 0),
            datetime(2026, 11, 19, 9, 30),
            "Mr Lewin, PE teacher",
            "Fingertip bruising on the upper arm.",
            frozenset({Category.PHYSICAL}),
            child_words="I fell off my bike",
        )
    )
    window.view.show_child(child)
    window.view.produce(Document.REFERRAL)
    [shown] = window.view.findChildren(DocumentPreview)
    yield window, shown, child
    if shiboken6.isValid(shown):
        shown.close()


def notes(window, child: int) -> list[str]:
    records = window.workspace.records
    return [e.title for e in records.entries(records.entry_ids(child, ChronologyFilter()))]


def test_the_preview_shows_every_page(preview):
    _window, shown, _child = preview
    assert shown.report.pages >= 1
    assert len(shown.page_labels) == shown.report.pages
    assert not shown.page_labels[0].pixmap().isNull()


def test_save_as_with_a_password_writes_a_private_file_and_records_it(
    preview, qtbot, monkeypatch, tmp_path
):
    window, shown, child = preview
    target = tmp_path / "out" / "referral"
    monkeypatch.setattr(prompts, "save_file_name", lambda *_a: str(target))
    qtbot.mouseClick(shown.protect, LEFT)
    qtbot.keyClicks(shown.password, "long enough pw")
    qtbot.keyClicks(shown.repeat, "long enough pw!")
    qtbot.mouseClick(shown.save_button, LEFT)
    assert "not the same" in shown.status.text()
    qtbot.keyClick(shown.repeat, Qt.Key.Key_Backspace)
    qtbot.mouseClick(shown.save_button, LEFT)

    saved = target.with_suffix(".pdf")
    assert shown.status.text() == "Saved."
    assert stat.S_IMODE(saved.stat().st_mode) == 0o600
    reader = PdfReader(saved)
    assert reader.is_encrypted
    reader.decrypt("long enough pw")
    assert "Łukasiewicz-Nguyễn" in reader.pages[0].extract_text()
    assert "Produced: Referral summary (PDF)" in notes(window, child)


def test_a_weak_password_is_refused_and_nothing_saved(preview, qtbot, monkeypatch, tmp_path):
    _window, shown, _child = preview
    target = tmp_path / "referral.pdf"
    monkeypatch.setattr(prompts, "save_file_name", lambda *_a: str(target))
    qtbot.mouseClick(shown.protect, LEFT)
    qtbot.keyClicks(shown.password, "password1234")
    qtbot.keyClicks(shown.repeat, "password1234")
    qtbot.mouseClick(shown.save_button, LEFT)
    assert "Add another uncommon word" in shown.status.text()
    assert not target.exists()


def test_a_file_the_save_dialog_asked_about_is_replaced_owner_only(
    preview, qtbot, monkeypatch, tmp_path
):
    _window, shown, _child = preview
    target = tmp_path / "referral.pdf"
    target.write_bytes(b"an older copy")
    target.chmod(0o644)
    monkeypatch.setattr(prompts, "save_file_name", lambda *_a: str(target))
    qtbot.mouseClick(shown.save_button, LEFT)
    assert shown.status.text() == "Saved."
    assert target.read_bytes().startswith(b"%PDF")
    assert stat.S_IMODE(target.stat().st_mode) == 0o600


def test_a_pdf_name_the_dialog_did_not_ask_about_is_not_replaced(
    preview, qtbot, monkeypatch, tmp_path
):
    _window, shown, _child = preview
    (tmp_path / "referral.pdf").write_bytes(b"keep me")
    shown_errors: list[Exception] = []
    monkeypatch.setattr(shown, "_on_error", shown_errors.append)
    # Typed without .pdf: the dialog asked about "referral", not the file that gets the name.
    monkeypatch.setattr(prompts, "save_file_name", lambda *_a: str(tmp_path / "referral"))
    qtbot.mouseClick(shown.save_button, LEFT)
    assert (tmp_path / "referral.pdf").read_bytes() == b"keep me"
    assert "already exists" in str(shown_errors[0])


def test_print_is_recorded(preview, qtbot, monkeypatch, tmp_path):
    window, shown, child = preview
    printed = tmp_path / "printed.pdf"

    def to_file(_parent, printer: QPrinter) -> bool:
        printer.setOutputFormat(QPrinter.OutputFormat.PdfFormat)
        printer.setOutputFileName(str(printed))
        return True

    monkeypatch.setattr(prompts, "print_setup", to_file)
    qtbot.mouseClick(shown.print_button, LEFT)
    assert printed.stat().st_size > 0
    assert len(PdfReader(printed).pages) == shown.report.pages
    assert "Printed: Referral summary" in notes(window, child)
