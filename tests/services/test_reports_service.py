"""ReportService: the file is written whole and owner-only, optionally under an AES-256
password, and each document about a child is recorded in that child's chronology."""

from __future__ import annotations

import os
import stat
from datetime import datetime
from pathlib import Path

import pytest
from pypdf import PdfReader
from pypdf.errors import FileNotDecryptedError

from scr_reflect.domain.chronology_filter import ChronologyFilter
from scr_reflect.domain.enums import EntryKind
from scr_reflect.domain.records import ChronologyEntry
from scr_reflect.reports.page import APP_NAME
from scr_reflect.services.reports import NothingToReport, Report, ReportService
from scr_reflect.services.workspace import Workspace
from tests.core_fixtures import make_child, make_concern
from tests.reports.pdf_checks import page_texts, qpdf_check

NAME = "Zoë Łukasiewicz-Nguyễn"
PASSWORD = "plum-orchard-kettle-47"


@pytest.fixture
def service(memory_workspace: Workspace) -> ReportService:
    return ReportService(memory_workspace)


@pytest.fixture
def child_id(memory_workspace: Workspace) -> int:
    records = memory_workspace.records
    child = records.add_child(make_child(NAME)).record_id
    assert child is not None
    records.record_concern(make_concern(child, child_words="I had no breakfast again."))
    return child


def documents(ws: Workspace, child_id: int) -> list[str]:
    wanted = ChronologyFilter(frozenset({EntryKind.DOCUMENT}))
    return [
        f"{e.title} | {e.body}" for e in ws.records.entries(ws.records.entry_ids(child_id, wanted))
    ]


def test_saved_file_is_owner_only_and_no_temp_file_is_left(
    service: ReportService, child_id: int, tmp_path: Path
) -> None:
    out = tmp_path / "out" / "referral.pdf"
    report = service.referral(child_id)
    service.save(report, out)
    assert out.read_bytes() == report.pdf
    if os.name == "posix":
        assert stat.S_IMODE(out.stat().st_mode) == 0o600
    assert [p.name for p in out.parent.iterdir()] == ["referral.pdf"]


def test_a_failed_write_leaves_the_old_file_and_no_temp_file(
    service: ReportService, child_id: int, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    out = tmp_path / "chronology.pdf"
    out.write_bytes(b"the earlier copy")

    def refuse(*_args: object) -> None:
        raise OSError("disk full")

    monkeypatch.setattr(os, "replace", refuse)
    with pytest.raises(OSError):
        service.save(service.chronology(child_id), out)
    assert out.read_bytes() == b"the earlier copy"
    assert [p.name for p in tmp_path.iterdir()] == ["chronology.pdf"]


def test_each_export_is_recorded_in_the_childs_chronology(
    memory_workspace: Workspace, service: ReportService, child_id: int, tmp_path: Path
) -> None:
    report = service.referral(child_id)
    change = service.save(report, tmp_path / "r.pdf")
    assert change.chronology and change.child_id == child_id
    service.record_printed(service.chronology(child_id))
    pages = "1 page" if report.pages == 1 else f"{report.pages} pages"
    assert documents(memory_workspace, child_id) == [
        "Printed: Chronology | Chronology, 1 page. Produced by Ada Testperson.",
        f"Produced: Referral summary (PDF) | Referral summary, {pages}. "
        "Produced by Ada Testperson.",
    ]
    # The lines are about the record, not part of the case: the next extract leaves them out.
    extract = service.referral_data(child_id).chronology
    assert all(e.kind is not EntryKind.DOCUMENT for e in extract)


def test_a_typed_note_whose_title_looks_like_a_document_line_stays_in_the_referral(
    memory_workspace: Workspace, service: ReportService, child_id: int
) -> None:
    typed = "Printed: letter from the family's GP, handed in by dad"
    memory_workspace.records.add_entry(
        ChronologyEntry(child_id, EntryKind.NOTE, datetime(2025, 3, 5, 10, 30), typed, "On file.")
    )
    service.record_printed(service.chronology(child_id))
    text = " ".join(page_texts(service.referral(child_id).pdf))
    assert "letter from the family's GP" in text
    assert "Printed: Chronology" not in text


def test_the_supervision_pack_is_not_recorded_against_any_child(
    memory_workspace: Workspace, service: ReportService, child_id: int, tmp_path: Path
) -> None:
    change = service.save(service.supervision(), tmp_path / "pack.pdf")
    assert not change.chronology
    assert documents(memory_workspace, child_id) == []


def test_a_password_protects_the_file_with_aes_256(
    memory_workspace: Workspace, service: ReportService, child_id: int, tmp_path: Path
) -> None:
    out = tmp_path / "referral.pdf"
    service.save(service.referral(child_id), out, PASSWORD)
    locked = PdfReader(out)
    assert locked.is_encrypted
    encrypt = locked.trailer["/Encrypt"].get_object()
    assert (encrypt["/V"], encrypt["/R"]) == (5, 6)  # AES-256 (PDF 2.0 / ISO 32000-2)
    assert encrypt["/CF"]["/StdCF"]["/CFM"] == "/AESV3"
    with pytest.raises(FileNotDecryptedError):
        locked.pages[0].extract_text()
    assert not PdfReader(out).decrypt("not the password")
    opened = PdfReader(out)
    assert opened.decrypt(PASSWORD)
    assert NAME in opened.pages[0].extract_text()
    assert opened.metadata is not None and opened.metadata.producer == APP_NAME
    assert "password-protected (AES-256)" in documents(memory_workspace, child_id)[0]
    assert qpdf_check(str(out), PASSWORD).returncode == 0


def test_an_unprotected_copy_keeps_every_page(service: ReportService, child_id: int) -> None:
    report = service.referral(child_id)
    assert len(page_texts(report.pdf)) == report.pages


def test_a_child_with_no_concern_has_no_referral_summary(
    memory_workspace: Workspace, service: ReportService
) -> None:
    quiet = memory_workspace.records.add_child(make_child("Fictional Quiet-Child")).record_id
    assert quiet is not None
    with pytest.raises(NothingToReport):
        service.referral(quiet)
    assert isinstance(service.chronology(quiet), Report)  # an empty chronology is still one


def test_a_concern_about_another_child_is_refused(
    memory_workspace: Workspace, service: ReportService, child_id: int
) -> None:
    other = memory_workspace.records.add_child(make_child("Fictional Other-Child")).record_id
    assert other is not None
    concern = memory_workspace.records.concerns_for_child(child_id)[0]
    with pytest.raises(NothingToReport):
        service.referral(other, concern.id)


def test_documents_produced_do_not_hide_the_last_work_on_a_case(
    memory_workspace: Workspace, service: ReportService, child_id: int, tmp_path: Path
) -> None:
    # More documents than the pack used to look past: the concern is still the last work done.
    for number in range(6):
        service.save(service.chronology(child_id), tmp_path / f"chronology-{number}.pdf")
    (case,) = service.supervision_data().cases
    assert case.last_recorded == make_concern().occurred_at
