"""Who may open the store and what happens to a child's records are in the audit trail too:
people added and removed, passphrases changed, recovery, holds and deletions."""

from __future__ import annotations

from collections.abc import Iterator
from datetime import date
from pathlib import Path

import pytest

from scr_reflect.domain.audit import AuditAction, AuditEntry, AuditFilter
from scr_reflect.domain.records import Child
from scr_reflect.domain.retention import RETENTION_RULE
from scr_reflect.services import workspace
from scr_reflect.services.clock import FixedClock
from scr_reflect.services.workspace import Workspace
from scr_reflect.storage import audit_log
from tests.core_fixtures import PASSPHRASE, PROFILE
from tests.store_access import store_of

DEPUTY = "Priya Deputy"
DEPUTY_PASSPHRASE = "marmalade lighthouse quarrel tundra"
NEW_PASSPHRASE = "otter saucepan glacier whistle"
FORMER_PUPIL = "Rowan Elderfield-Quist"  # 25 on 10 January 2025; the clock says 10 March 2025


@pytest.fixture
def dsl(data_root: Path, clock: FixedClock) -> Iterator[Workspace]:
    ws = workspace.set_up(data_root, PASSPHRASE, PASSPHRASE, PROFILE, clock)
    yield ws
    ws.close()


def trail(ws: Workspace, action: AuditAction) -> list[AuditEntry]:
    return ws.audit.entries(ws.audit.seqs(AuditFilter(action=action)))


def test_adding_and_removing_a_deputy_is_logged_by_the_dsl(dsl) -> None:
    deputy = dsl.people.add_deputy(DEPUTY, DEPUTY_PASSPHRASE, DEPUTY_PASSPHRASE)
    dsl.people.remove(deputy.id)
    for action in (AuditAction.PERSON_ADDED, AuditAction.PERSON_REMOVED):
        [entry] = trail(dsl, action)
        assert (entry.actor, entry.record_type, entry.record_id) == (
            PROFILE.dsl_name,
            "person",
            deputy.id,
        )
        assert entry.child_id is None and DEPUTY in entry.detail


def test_a_passphrase_change_is_logged_and_names_no_passphrase(dsl) -> None:
    dsl.people.change_passphrase(PASSPHRASE, NEW_PASSPHRASE, NEW_PASSPHRASE)
    [entry] = trail(dsl, AuditAction.PASSPHRASE_CHANGED)
    assert (entry.actor, entry.record_id) == (PROFILE.dsl_name, dsl.person.id)
    assert NEW_PASSPHRASE not in entry.detail and PASSPHRASE not in entry.detail


def test_a_recovery_is_logged_after_the_unlock_it_opens_with(data_root, clock, dsl) -> None:
    code = dsl.take_new_recovery_code()
    assert code is not None
    dsl.close()
    recovered = workspace.recover_with_code(data_root, code, NEW_PASSPHRASE, NEW_PASSPHRASE, clock)
    try:
        [entry] = trail(recovered, AuditAction.RECOVERY)
        assert entry.actor == PROFILE.dsl_name and code not in entry.detail
        [unlock] = trail(recovered, AuditAction.UNLOCK)
        assert unlock.seq < entry.seq
    finally:
        recovered.close()


def test_holds_and_a_deletion_are_logged_by_child_id_and_rule_only(memory_workspace) -> None:
    ws = memory_workspace
    child_id = ws.records.add_child(Child(FORMER_PUPIL, date(2000, 1, 10))).child_id
    assert child_id is not None
    ws.retention.place_hold(child_id, "A local inquiry asked for every record")
    ws.retention.lift_hold(child_id)
    ws.retention.delete_child(child_id, "DELETE")
    for action in (AuditAction.HOLD_PLACED, AuditAction.HOLD_LIFTED, AuditAction.DELETION):
        [entry] = trail(ws, action)
        assert (entry.child_id, entry.detail, entry.actor) == (
            child_id,
            RETENTION_RULE,
            PROFILE.dsl_name,
        )
    every_field = " ".join(
        str(value)
        for entry in ws.audit.entries(ws.audit.seqs(AuditFilter()))
        for value in (entry.detail, entry.record_type, entry.actor)
    )
    assert "Rowan" not in every_field and "inquiry" not in every_field
    assert [finding.problems for finding in store_of(ws).verify() if not finding.ok] == []


def test_a_deletion_whose_audit_entry_cannot_be_written_deletes_nothing(
    memory_workspace, monkeypatch
) -> None:
    ws = memory_workspace
    child_id = ws.records.add_child(Child(FORMER_PUPIL, date(2000, 1, 10))).child_id
    assert child_id is not None

    def refuse(*_args: object, **_kwargs: object) -> None:
        raise RuntimeError("the trail could not be written")

    monkeypatch.setattr(audit_log, "append_in", refuse)
    with pytest.raises(RuntimeError):
        ws.retention.delete_child(child_id, "DELETE")
    monkeypatch.undo()
    assert ws.records.child(child_id).full_name == FORMER_PUPIL
