"""Unlocking where nothing can be written: the records open for reading, the DSL is told, and
the unlock waits in the pending file to join the audit trail once the store can write."""

from __future__ import annotations

from datetime import date
from pathlib import Path

import pytest

from scr_reflect.domain.audit import AuditAction, AuditFilter
from scr_reflect.domain.records import Child
from scr_reflect.services import workspace
from scr_reflect.services.clock import FixedClock
from scr_reflect.services.reports import ReportService
from scr_reflect.storage.audit_pending import NOT_KNOWN, READ_ONLY_NOTE
from scr_reflect.storage.storage_problems import FolderReadOnly
from tests.core_fixtures import NOW, PASSPHRASE, PROFILE
from tests.faults import READ_ONLY, failing_sql


def test_a_read_only_unlock_says_so_and_its_entry_waits_for_a_store_that_can_write(
    data_root: Path,
) -> None:
    workspace.set_up(data_root, PASSPHRASE, PASSPHRASE, PROFILE, FixedClock(NOW)).close()
    with failing_sql(READ_ONLY):
        ws = workspace.unlock(data_root, PASSPHRASE, FixedClock(NOW), reading_only_if_need_be=True)
        assert any("open for reading only" in notice for notice in ws.notices)
        ws.close()

    ws = workspace.unlock(data_root, PASSPHRASE, FixedClock(NOW))
    try:
        assert ws.notices == ()
        trail = ws.audit.entries(ws.audit.seqs(AuditFilter(action=AuditAction.UNLOCK)))
        assert [(e.detail, e.actor) for e in trail][-2:] == [  # newest first
            ("", PROFILE.dsl_name),
            (READ_ONLY_NOTE, NOT_KNOWN),
        ]
    finally:
        ws.close()


def test_unlocking_to_change_something_fails_at_once_on_a_disk_that_cannot_be_written(
    data_root: Path,
) -> None:
    workspace.set_up(data_root, PASSPHRASE, PASSPHRASE, PROFILE, FixedClock(NOW)).close()
    with failing_sql(READ_ONLY), pytest.raises(FolderReadOnly):
        workspace.unlock(data_root, PASSPHRASE, FixedClock(NOW))  # passwd, backup, report...


def test_nothing_that_must_enter_the_trail_happens_while_the_records_can_only_be_read(
    data_root: Path, tmp_path: Path
) -> None:
    ws = workspace.set_up(data_root, PASSPHRASE, PASSPHRASE, PROFILE, FixedClock(NOW))
    child = ws.records.add_child(Child("Fictional Pupil Wren", date(2016, 4, 5))).child_id
    ws.close()
    with failing_sql(READ_ONLY):
        ws = workspace.unlock(data_root, PASSPHRASE, FixedClock(NOW), reading_only_if_need_be=True)
        try:
            service = ReportService(ws)
            out = tmp_path / "chronology.pdf"
            with pytest.raises(FolderReadOnly):
                service.save(service.chronology(child), out)
            assert not out.exists()
            with pytest.raises(FolderReadOnly):
                service.may_print()
            with pytest.raises(FolderReadOnly):
                ws.audit.record(AuditAction.BACKUP, detail="a backup")
        finally:
            ws.close()
