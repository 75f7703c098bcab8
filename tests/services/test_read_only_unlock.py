"""Unlocking where nothing can be written: the records open for reading, the DSL is told, and
the unlock waits in the pending file to join the audit trail once the store can write."""

from __future__ import annotations

from pathlib import Path

from scr_reflect.domain.audit import AuditAction, AuditFilter
from scr_reflect.services import workspace
from scr_reflect.services.clock import FixedClock
from scr_reflect.storage.audit_pending import NOT_KNOWN, READ_ONLY_NOTE
from tests.core_fixtures import NOW, PASSPHRASE, PROFILE
from tests.faults import READ_ONLY, failing_sql


def test_a_read_only_unlock_says_so_and_its_entry_waits_for_a_store_that_can_write(
    data_root: Path,
) -> None:
    workspace.set_up(data_root, PASSPHRASE, PASSPHRASE, PROFILE, FixedClock(NOW)).close()
    with failing_sql(READ_ONLY):
        ws = workspace.unlock(data_root, PASSPHRASE, FixedClock(NOW))
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
