"""The audit trail through the services: who did what is recorded at unlock, for every record
made or amended, for documents saved and printed, for backups and restores, and for failed
unlocks; and it reads back for the window and the command line."""

from __future__ import annotations

import json
import shutil
from dataclasses import replace
from datetime import date, datetime
from pathlib import Path

import pytest

from scr_reflect.domain.audit import AuditAction, AuditEntry, AuditFilter
from scr_reflect.domain.enums import RecordType
from scr_reflect.domain.records import Child
from scr_reflect.services import workspace
from scr_reflect.services.audit import AuditLine
from scr_reflect.services.backups import Backup, Restore, Verification
from scr_reflect.services.clock import FixedClock
from scr_reflect.services.errors import RecordNotFound, WrongPassphrase
from scr_reflect.services.reports import ReportService
from scr_reflect.services.workspace import Workspace
from scr_reflect.storage import audit_pending
from scr_reflect.storage.audit_log import AuditLog
from scr_reflect.storage.audit_pending import NOT_KNOWN
from scr_reflect.storage.store_checks import CHECKS
from tests.core_fixtures import NOW, PASSPHRASE, PROFILE, make_concern
from tests.services.test_structured_service import each_record
from tests.store_access import store_of

WRONG = "correct horse battery staple violeT"


EVERYTHING = AuditFilter()


def trail(ws: Workspace, wanted: AuditFilter = EVERYTHING) -> list[AuditEntry]:
    return ws.audit.entries(list(reversed(ws.audit.seqs(wanted))))


def actions(ws: Workspace) -> list[AuditAction]:
    return [e.action for e in trail(ws)]


def run(job: Backup | Restore | Verification) -> None:
    for _step in job.steps():
        pass


@pytest.fixture
def folder(data_root: Path, clock: FixedClock) -> Path:
    workspace.set_up(data_root, PASSPHRASE, PASSPHRASE, PROFILE, clock).close()
    return data_root


def test_an_unlock_is_recorded_with_who_unlocked(folder, clock) -> None:
    ws = workspace.unlock(folder, PASSPHRASE, clock)
    try:
        backup_on_close, unlock = trail(ws)
        assert backup_on_close.action is AuditAction.BACKUP  # the daily one, as set-up closed
        assert (unlock.action, unlock.actor, unlock.at) == (
            AuditAction.UNLOCK,
            "Ada Testperson",
            NOW,
        )
    finally:
        ws.close()


def test_failed_unlocks_enter_the_trail_at_the_next_unlock(folder) -> None:
    for minute in (31, 32):
        with pytest.raises(WrongPassphrase):
            workspace.unlock(folder, WRONG, FixedClock(NOW.replace(minute=minute)))
    pending = folder / "audit-pending.jsonl"
    assert pending.exists()

    ws = workspace.unlock(folder, PASSPHRASE, FixedClock(NOW.replace(minute=40)))
    try:
        _backup_on_close, failed, again, unlock = trail(ws)
        assert [(e.action, e.actor, e.at.minute) for e in (failed, again)] == [
            (AuditAction.FAILED_UNLOCK, NOT_KNOWN, 31),
            (AuditAction.FAILED_UNLOCK, NOT_KNOWN, 32),
        ]
        assert (unlock.action, unlock.actor, unlock.at.minute) == (
            AuditAction.UNLOCK,
            "Ada Testperson",
            40,
        )
    finally:
        ws.close()
    assert not pending.exists()
    ws = workspace.unlock(folder, PASSPHRASE, FixedClock(NOW.replace(minute=50)))
    try:
        assert actions(ws).count(AuditAction.FAILED_UNLOCK) == 2  # not logged twice
    finally:
        ws.close()


def test_every_record_made_or_amended_is_logged_against_its_child(memory_workspace) -> None:
    ws = memory_workspace
    child_id = ws.records.add_child(Child("Noor Fenwick-Ashby", date(2012, 5, 4))).child_id
    assert child_id is not None
    made = each_record(ws.structured, child_id)
    ws.structured.amend(replace(made[RecordType.CLAIM], text="Fell down the stairs"), "Typo")
    created = {(e.record_type, e.record_id) for e in trail(ws) if e.action is AuditAction.CREATE}
    assert created == {("child", child_id)} | {(t.value, r.id) for t, r in made.items()}
    assert {e.child_id for e in trail(ws)} == {child_id}  # a claim and a step found their child
    amended = trail(ws, AuditFilter(action=AuditAction.AMEND))
    assert [(e.record_type, e.record_id) for e in amended] == [("claim", made[RecordType.CLAIM].id)]


def test_saving_and_printing_a_document_are_logged(memory_workspace, tmp_path) -> None:
    ws = memory_workspace
    child_id = ws.records.add_child(Child("Noor Fenwick-Ashby", date(2012, 5, 4))).child_id
    assert child_id is not None
    ws.records.record_concern(make_concern(child_id))
    service = ReportService(ws)
    referral = service.referral(child_id)
    service.save(referral, tmp_path / "referral.pdf", "plum-orchard-kettle-47")
    service.record_printed(service.chronology(child_id))
    pack = service.supervision()
    service.save(pack, tmp_path / "pack.pdf")

    logged = [
        (e.action, e.child_id, e.detail)
        for e in trail(ws)
        if e.action in (AuditAction.EXPORT, AuditAction.PRINT)
    ]
    pages = f"{referral.pages} page" + ("s" if referral.pages > 1 else "")
    assert logged == [
        (
            AuditAction.EXPORT,
            child_id,
            f"Referral summary, {pages}, password-protected (AES-256)",
        ),
        (AuditAction.PRINT, child_id, "Chronology, 1 page"),
        (AuditAction.EXPORT, None, f"Supervision pack, {pack.pages} page" + "s" * (pack.pages > 1)),
    ]


def test_a_backup_is_logged_once_made_and_the_backup_verifies(folder, clock) -> None:
    ws = workspace.unlock(folder, PASSPHRASE, clock)
    try:
        backup = Backup(store_of(ws), clock.now())
        run(backup)
        last = trail(ws)[-1]
        assert (last.action, last.detail) == (AuditAction.BACKUP, backup.made.name)
    finally:
        ws.close()
    check = Verification.of_backup(backup.made, PASSPHRASE)
    run(check)
    assert check.problems == []


def test_a_restore_is_logged_in_the_restored_store_at_its_next_unlock(
    folder, clock, tmp_path
) -> None:
    ws = workspace.unlock(folder, PASSPHRASE, clock)
    try:
        backup = Backup(store_of(ws), clock.now())
        run(backup)
    finally:
        ws.close()
    kept = tmp_path / "the backup"
    shutil.copytree(backup.made.parent, kept)
    later = FixedClock(datetime(2025, 3, 12, 8, 0))
    restore = Restore(folder, kept / backup.made.name, PASSPHRASE, later.now())
    run(restore)
    assert restore.kept_aside is not None

    ws = workspace.unlock(folder, PASSPHRASE, later)
    try:
        *_, restored, unlock = trail(ws)
        assert (restored.action, restored.at) == (AuditAction.RESTORE, later.now())
        assert restored.detail == (
            f"from {backup.made.name}; the store before it is kept in {restore.kept_aside.name}"
        )
        assert unlock.action is AuditAction.UNLOCK
        assert [f.problems for f in store_of(ws).verify()] == [()] * len(CHECKS)
    finally:
        ws.close()


def test_restoring_an_older_backup_is_not_taken_for_a_rollback_once_it_is_in_the_trail(
    folder, clock
) -> None:
    """The newest backup's checkpoint is not in a trail restored from an older one: the
    restore entry, made after that backup, says why."""
    ws = workspace.unlock(folder, PASSPHRASE, clock)
    try:
        older = Backup(store_of(ws), clock.now())
        run(older)
        ws.audit.record(AuditAction.VIEW, detail="a look after the first backup")
        run(Backup(store_of(ws), datetime(2025, 3, 11, 9, 0)))
    finally:
        ws.close()
    later = FixedClock(datetime(2025, 3, 12, 8, 0))
    run(Restore(folder, older.made, PASSPHRASE, later.now()))

    before_unlock = Verification.of_store_files(folder, PASSPHRASE)
    run(before_unlock)
    [problem] = before_unlock.problems
    assert "unlock once so the restore enters the trail" in problem

    ws = workspace.unlock(folder, PASSPHRASE, later)
    try:
        assert [f.problems for f in store_of(ws).verify()] == [()] * len(CHECKS)
    finally:
        ws.close()


def test_the_trail_reads_back_with_childrens_names_as_they_are_now(memory_workspace) -> None:
    ws = memory_workspace
    first = ws.records.add_child(Child("Noor Fenwick-Ashby", date(2012, 5, 4))).child_id
    ws.audit.record(AuditAction.VIEW, child_id=999, detail="a child since deleted")
    assert first is not None
    lines = ws.audit.lines(ws.audit.seqs(AuditFilter()))
    assert [(line.entry.child_id, line.child_name) for line in lines] == [
        (999, ""),
        (first, "Noor Fenwick-Ashby"),
    ]
    assert ws.audit.children() == [
        (first, "Noor Fenwick-Ashby"),
        (999, "Child 999 (no longer in the records)"),
    ]
    assert ws.audit.people() == ["Ada Testperson"]


def test_only_believable_lines_of_the_pending_file_enter_the_trail(folder, caplog) -> None:
    """Anyone who can write the data folder can write this file: a forged line must not put
    its own action, time, person or words (a terminal escape, say) into the trail."""
    with pytest.raises(WrongPassphrase):
        workspace.unlock(folder, WRONG, FixedClock(NOW.replace(minute=31)))
    forged = [
        {"action": "failed unlock", "at": "2025-03-10T09:35:00", "detail": "\x1b[2Jwiped"},
        {"action": "failed unlock", "at": "2031-01-01T00:00:00", "detail": ""},  # the future
        {"action": "failed unlock", "at": "2001-01-01T00:00:00", "detail": ""},  # before the store
        {"action": "deletion", "at": "2025-03-10T09:36:00", "detail": "child 1"},
        {"action": "restore", "at": "2025-03-10T09:37:00", "detail": "from \x1b]0;x\x07.db"},
    ]
    with (folder / "audit-pending.jsonl").open("a", encoding="utf-8") as pending:
        pending.writelines(json.dumps(line) + "\n" for line in forged)

    ws = workspace.unlock(folder, PASSPHRASE, FixedClock(NOW.replace(minute=40)))
    try:
        *_, failed, forged_failed, restore, unlock = trail(ws)
        assert [(e.action, e.actor, e.at.minute, e.detail) for e in (failed, forged_failed)] == [
            (AuditAction.FAILED_UNLOCK, NOT_KNOWN, 31, ""),
            (AuditAction.FAILED_UNLOCK, NOT_KNOWN, 35, ""),  # its own words were not taken
        ]
        assert (restore.action, restore.actor, restore.detail) == (
            AuditAction.RESTORE,
            NOT_KNOWN,
            "from a backup whose file name is not shown",
        )
        assert unlock.action is AuditAction.UNLOCK
        assert "3 lines in audit-pending.jsonl were not accepted" in caplog.text
        assert "wiped" not in caplog.text and "child 1" not in caplog.text
    finally:
        ws.close()


def test_a_reflections_first_answer_is_named_by_its_question_not_its_code() -> None:
    def line(detail: str) -> str:
        entry = AuditEntry(1, NOW, "Sam", AuditAction.CREATE, 3, "reflection", 9, detail, "", "")
        return AuditLine(entry, "Ada").detail

    shown = line("first answer to what_happened.facts")
    assert "what_happened.facts" not in shown
    assert shown.startswith("first answer to \u201cWhat happened, as facts")
    assert shown.endswith("(1. What happened)")
    assert "4. Learning from reviews" in line("first answer to neglect.some_prompt")
    assert line("version 1 kept, now version 2") == "version 1 kept, now version 2"


def test_a_failed_unlock_noted_while_another_unlock_logs_the_note_is_kept(folder) -> None:
    """The unlock takes the note file before reading it: a line noted meanwhile (a wrong
    passphrase typed into a command beside it) starts a new file and waits for the next."""
    with pytest.raises(WrongPassphrase):
        workspace.unlock(folder, WRONG, FixedClock(NOW.replace(minute=31)))
    real_append = AuditLog.append

    def append_while_another_fails(log: AuditLog, *entries) -> None:
        audit_pending.note(folder / audit_pending.FILE_NAME, AuditAction.FAILED_UNLOCK, NOW)
        AuditLog.append = real_append  # type: ignore[method-assign]
        real_append(log, *entries)

    AuditLog.append = append_while_another_fails  # type: ignore[method-assign]
    try:
        workspace.unlock(folder, PASSPHRASE, FixedClock(NOW.replace(minute=40))).close()
    finally:
        AuditLog.append = real_append  # type: ignore[method-assign]
    ws = workspace.unlock(folder, PASSPHRASE, FixedClock(NOW.replace(minute=50)))
    try:
        failed = [e for e in trail(ws) if e.action is AuditAction.FAILED_UNLOCK]
        assert sorted(e.at.minute for e in failed) == sorted([31, NOW.minute])
    finally:
        ws.close()


def test_opening_a_child_gives_the_child_and_logs_one_view_and_an_unknown_id_logs_none(
    memory_workspace,
) -> None:
    ws = memory_workspace
    child_id = ws.records.add_child(Child("Noor Fenwick-Ashby", date(2012, 5, 4))).child_id
    assert child_id is not None
    assert ws.audit.open_child(child_id, "opened in the window").id == child_id
    with pytest.raises(RecordNotFound):
        ws.audit.open_child(child_id + 1, "opened in the window")
    views = trail(ws, AuditFilter(action=AuditAction.VIEW))
    assert [(e.child_id, e.record_type, e.detail) for e in views] == [
        (child_id, "child", "opened in the window")
    ]
