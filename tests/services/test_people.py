"""People and their passphrases through the services: deputies added and removed by the DSL,
whoever unlocks is who the records say, a changed passphrase, the recovery code."""

from __future__ import annotations

import json
from collections.abc import Iterator
from dataclasses import replace
from pathlib import Path
from typing import Any

import pytest

from scr_reflect.domain.enums import RecordType
from scr_reflect.domain.people import Role
from scr_reflect.services import workspace
from scr_reflect.services.backups import Verification
from scr_reflect.services.clock import FixedClock
from scr_reflect.services.errors import (
    NoRecoveryCode,
    NotAllowed,
    NotARecoveryCode,
    StaleKeyFile,
    WeakPassphrase,
    WrongCurrentPassphrase,
    WrongPassphrase,
    WrongRecoveryCode,
)
from scr_reflect.services.people import TAKEN
from scr_reflect.services.workspace import Workspace
from scr_reflect.storage import keyslots, private_files, sqlcipher
from scr_reflect.storage.storage_problems import DiskFull
from scr_reflect.storage.store import StoreFiles, create_store
from tests.core_fixtures import (
    NOW,
    PASSPHRASE,
    PROFILE,
    folder_state,
    make_child,
    make_concern,
)
from tests.storage.test_keyslots import format_1_slot
from tests.store_access import store_of

DEPUTY = "Priya Deputy"
DEPUTY_PASSPHRASE = "marmalade lighthouse quarrel tundra"
NEW_PASSPHRASE = "otter saucepan glacier whistle"


@pytest.fixture
def dsl(data_root: Path, clock: FixedClock) -> Iterator[Workspace]:
    ws = workspace.set_up(data_root, PASSPHRASE, PASSPHRASE, PROFILE, clock)
    yield ws
    ws.close()


def reopen(root: Path, passphrase: str, clock: FixedClock) -> Workspace:
    return workspace.unlock(root, passphrase, clock)


def test_whoever_sets_up_is_the_dsl_and_gets_a_recovery_code_once(dsl) -> None:
    assert (dsl.person.id, dsl.person.name, dsl.person.role) == (1, PROFILE.dsl_name, Role.DSL)
    code = dsl.take_new_recovery_code()
    assert code is not None and len(code) == 34
    assert dsl.take_new_recovery_code() is None
    assert dsl.people.has_recovery_code


def test_a_deputys_amendment_carries_the_deputys_name(dsl, data_root, clock) -> None:
    deputy = dsl.people.add_deputy(f"  {DEPUTY} ", DEPUTY_PASSPHRASE, DEPUTY_PASSPHRASE)
    assert (deputy.name, deputy.role, deputy.added_at) == (DEPUTY, Role.DEPUTY, NOW)
    child_id = dsl.records.add_child(make_child()).child_id
    concern_id = dsl.records.record_concern(make_concern(child_id)).record_id
    dsl.close()

    ws = reopen(data_root, DEPUTY_PASSPHRASE, clock)
    try:
        assert ws.person == deputy
        concern = ws.records.concern(concern_id)
        ws.records.amend_concern(replace(concern, action_taken="Rang home"), "Added the call")
        [earlier] = ws.records.history(RecordType.CONCERN, concern_id).earlier
        assert earlier.replaced_by == DEPUTY
    finally:
        ws.close()
    ws = reopen(data_root, PASSPHRASE, clock)
    try:
        assert ws.person.name == PROFILE.dsl_name
    finally:
        ws.close()


def test_the_dsl_removes_a_deputy_who_then_cannot_unlock(dsl, data_root, clock) -> None:
    deputy = dsl.people.add_deputy(DEPUTY, DEPUTY_PASSPHRASE, DEPUTY_PASSPHRASE)
    removed = dsl.people.remove(deputy.id)
    assert removed.removed_at == NOW and not removed.is_current
    assert [(p.name, p.is_current) for p in dsl.people.everyone()] == [
        (PROFILE.dsl_name, True),
        (DEPUTY, False),
    ]
    with pytest.raises(NotAllowed, match="already removed"):
        dsl.people.remove(deputy.id)
    dsl.close()
    with pytest.raises(WrongPassphrase):
        reopen(data_root, DEPUTY_PASSPHRASE, clock)


def test_only_the_dsl_adds_or_removes_people_or_makes_a_recovery_sheet(
    dsl, data_root, clock
) -> None:
    first = dsl.people.add_deputy(DEPUTY, DEPUTY_PASSPHRASE, DEPUTY_PASSPHRASE)
    dsl.close()
    ws = reopen(data_root, DEPUTY_PASSPHRASE, clock)
    try:
        assert not ws.people.is_dsl
        with pytest.raises(NotAllowed, match="Only the Designated Safeguarding Lead"):
            ws.people.add_deputy("Another Deputy", NEW_PASSPHRASE, NEW_PASSPHRASE)
        with pytest.raises(NotAllowed, match="Only the Designated Safeguarding Lead"):
            ws.people.remove(first.id)
        with pytest.raises(NotAllowed, match="Only the Designated Safeguarding Lead"):
            ws.people.remove(1)
        with pytest.raises(NotAllowed, match="recovery sheet"):
            ws.people.new_recovery_code()
        assert [p.name for p in ws.people.everyone()] == [PROFILE.dsl_name, DEPUTY]
    finally:
        ws.close()


def test_the_dsl_cannot_be_removed(dsl) -> None:
    with pytest.raises(NotAllowed, match="cannot be removed"):
        dsl.people.remove(1)
    assert dsl.people.everyone()[0].is_current


@pytest.mark.parametrize(
    ("passphrase", "repeated", "says"),
    [
        ("password1234", "password1234", "common password"),
        (DEPUTY_PASSPHRASE, DEPUTY_PASSPHRASE + "x", "not the same"),
        (PASSPHRASE, PASSPHRASE, TAKEN),
    ],
    ids=["weak", "mismatch", "the-dsls-own"],
)
def test_a_deputys_passphrase_follows_the_policy_and_is_their_own(
    dsl, passphrase: str, repeated: str, says: str
) -> None:
    with pytest.raises(WeakPassphrase, match=says):
        dsl.people.add_deputy(DEPUTY, passphrase, repeated)
    assert [p.name for p in dsl.people.everyone()] == [PROFILE.dsl_name]


def test_a_deputy_needs_a_name(dsl) -> None:
    with pytest.raises(ValueError, match="deputy's name"):
        dsl.people.add_deputy("  ", DEPUTY_PASSPHRASE, DEPUTY_PASSPHRASE)


def test_a_deputy_added_while_the_key_file_cannot_be_written_is_not_added(
    dsl, data_root, clock, monkeypatch
) -> None:
    monkeypatch.setattr(private_files.os, "replace", _disk_full)
    with pytest.raises(DiskFull):
        dsl.people.add_deputy(DEPUTY, DEPUTY_PASSPHRASE, DEPUTY_PASSPHRASE)
    monkeypatch.undo()
    assert [p.name for p in dsl.people.everyone()] == [PROFILE.dsl_name]


# Changing a passphrase -------------------------------------------------------------------


def test_changing_a_passphrase_rewraps_the_key_and_keeps_every_record(
    dsl, data_root, clock
) -> None:
    child_id = dsl.records.add_child(make_child()).child_id
    database = StoreFiles(data_root).database
    dsl.close()
    size_before = database.stat().st_size
    ws = reopen(data_root, PASSPHRASE, clock)
    ws.people.change_passphrase(PASSPHRASE, NEW_PASSPHRASE, NEW_PASSPHRASE)
    ws.close()

    with pytest.raises(WrongPassphrase):
        reopen(data_root, PASSPHRASE, clock)
    ws = reopen(data_root, NEW_PASSPHRASE, clock)
    try:
        assert ws.person.id == 1
        assert ws.records.child(child_id).full_name == "Ada Testperson"
    finally:
        ws.close()
    assert database.stat().st_size == size_before  # the database was not re-encrypted


def test_a_wrong_current_passphrase_changes_nothing(dsl, data_root) -> None:
    header = StoreFiles(data_root).header
    before = header.read_bytes()
    with pytest.raises(WrongCurrentPassphrase):
        dsl.people.change_passphrase(DEPUTY_PASSPHRASE, NEW_PASSPHRASE, NEW_PASSPHRASE)
    assert header.read_bytes() == before


def test_a_deputy_changes_only_their_own_passphrase(dsl, data_root, clock) -> None:
    dsl.people.add_deputy(DEPUTY, DEPUTY_PASSPHRASE, DEPUTY_PASSPHRASE)
    dsl.close()
    ws = reopen(data_root, DEPUTY_PASSPHRASE, clock)
    try:
        # The DSL's passphrase is not the deputy's current one.
        with pytest.raises(WrongCurrentPassphrase):
            ws.people.change_passphrase(PASSPHRASE, NEW_PASSPHRASE, NEW_PASSPHRASE)
        with pytest.raises(WeakPassphrase, match=TAKEN):
            ws.people.change_passphrase(DEPUTY_PASSPHRASE, PASSPHRASE, PASSPHRASE)
        ws.people.change_passphrase(DEPUTY_PASSPHRASE, NEW_PASSPHRASE, NEW_PASSPHRASE)
    finally:
        ws.close()
    assert reopen_as(data_root, NEW_PASSPHRASE, clock) == DEPUTY
    assert reopen_as(data_root, PASSPHRASE, clock) == PROFILE.dsl_name


def test_an_interrupted_change_leaves_the_old_passphrase_working(
    dsl, data_root, clock, monkeypatch
) -> None:
    header = StoreFiles(data_root).header
    before = json.loads(header.read_bytes())["slots"]
    monkeypatch.setattr(private_files.os, "replace", _disk_full)
    with pytest.raises(DiskFull):
        dsl.people.change_passphrase(PASSPHRASE, NEW_PASSPHRASE, NEW_PASSPHRASE)
    monkeypatch.undo()
    dsl.close()

    # The slots are as they were; the audit head beside them moves on as entries are added.
    assert json.loads(header.read_bytes())["slots"] == before
    assert [p.name for p in data_root.iterdir() if p.name.endswith(".tmp")] == []
    assert reopen_as(data_root, PASSPHRASE, clock) == PROFILE.dsl_name
    with pytest.raises(WrongPassphrase):
        reopen(data_root, NEW_PASSPHRASE, clock)


# The recovery code -----------------------------------------------------------------------


def test_recovery_sets_a_new_passphrase_and_loses_nothing(dsl, data_root, clock) -> None:
    code = dsl.take_new_recovery_code()
    assert code is not None
    child_id = dsl.records.add_child(make_child()).child_id
    concern_id = dsl.records.record_concern(make_concern(child_id)).record_id
    dsl.close()

    typed = f"  {code.lower().replace('-', ' ')} "
    ws = workspace.recover_with_code(data_root, typed, NEW_PASSPHRASE, NEW_PASSPHRASE, clock)
    try:
        assert ws.person.id == 1 and ws.person.role is Role.DSL
        assert ws.records.child(child_id).full_name == "Ada Testperson"
        assert ws.records.concern(concern_id).what_happened == "Arrived late and hungry again."
    finally:
        ws.close()
    with pytest.raises(WrongPassphrase):
        reopen(data_root, PASSPHRASE, clock)
    assert reopen_as(data_root, NEW_PASSPHRASE, clock) == PROFILE.dsl_name


def test_recovery_refuses_a_wrong_code_or_weak_passphrase_and_changes_nothing(
    dsl, data_root, clock
) -> None:
    code = dsl.take_new_recovery_code()
    assert code is not None
    dsl.close()
    before = contents(data_root)
    wrong = ("2" if code[0] != "2" else "3") + code[1:]
    with pytest.raises(WrongRecoveryCode):
        workspace.recover_with_code(data_root, wrong, NEW_PASSPHRASE, NEW_PASSPHRASE, clock)
    with pytest.raises(NotARecoveryCode, match="7 groups of 4"):
        workspace.recover_with_code(data_root, code[:-5], NEW_PASSPHRASE, NEW_PASSPHRASE, clock)
    with pytest.raises(WeakPassphrase, match="at least 12"):
        workspace.recover_with_code(data_root, code, "short", "short", clock)
    # Weak only once the store's own names are known: its school's name is the first guess.
    named = PROFILE.school_name
    with pytest.raises(WeakPassphrase, match="easy to guess"):
        workspace.recover_with_code(data_root, code, named, named, clock)
    assert contents(data_root) == before
    assert reopen_as(data_root, PASSPHRASE, clock) == PROFILE.dsl_name


def test_a_new_recovery_code_stops_the_old_one(dsl, data_root, clock) -> None:
    old = dsl.take_new_recovery_code()
    new = dsl.people.new_recovery_code()
    assert old is not None and new != old
    dsl.close()
    with pytest.raises(WrongRecoveryCode):
        workspace.recover_with_code(data_root, old, NEW_PASSPHRASE, NEW_PASSPHRASE, clock)
    workspace.recover_with_code(data_root, new, NEW_PASSPHRASE, NEW_PASSPHRASE, clock).close()


def test_a_store_from_before_recovery_codes_has_none_until_the_dsl_makes_one(
    data_root, clock
) -> None:
    create_store(StoreFiles(data_root), PASSPHRASE, PROFILE, NOW).close()
    ws = reopen(data_root, PASSPHRASE, clock)
    try:
        assert not ws.people.has_recovery_code
        assert ws.take_new_recovery_code() is None
        with pytest.raises(NoRecoveryCode):
            workspace.recover_with_code(data_root, "2" * 28, NEW_PASSPHRASE, NEW_PASSPHRASE, clock)
        code = ws.people.new_recovery_code()
        assert ws.people.has_recovery_code
    finally:
        ws.close()
    workspace.recover_with_code(data_root, code, NEW_PASSPHRASE, NEW_PASSPHRASE, clock).close()


def test_an_old_key_file_put_back_after_a_removal_opens_nothing(dsl, data_root, clock) -> None:
    code = dsl.take_new_recovery_code()
    assert code is not None
    deputy = dsl.people.add_deputy(DEPUTY, DEPUTY_PASSPHRASE, DEPUTY_PASSPHRASE)
    header = StoreFiles(data_root).header
    old_key_file = header.read_bytes()  # a copy on a USB stick, or one in backups/
    dsl.people.remove(deputy.id)
    dsl.close()

    header.write_bytes(old_key_file)
    with pytest.raises(StaleKeyFile):
        reopen(data_root, DEPUTY_PASSPHRASE, clock)
    with pytest.raises(StaleKeyFile):  # and the recovery code cannot make its holder the DSL
        workspace.recover_with_code(data_root, code, NEW_PASSPHRASE, NEW_PASSPHRASE, clock)
    verification = Verification.of_store_files(data_root, DEPUTY_PASSPHRASE)
    list(verification.steps())
    [problem] = verification.problems
    assert "key file is older than the database" in problem


def test_after_a_removal_everyone_else_and_the_recovery_code_still_open(
    dsl, data_root, clock
) -> None:
    code = dsl.take_new_recovery_code()
    assert code is not None
    leaving = dsl.people.add_deputy(DEPUTY, DEPUTY_PASSPHRASE, DEPUTY_PASSPHRASE)
    staying = dsl.people.add_deputy("Tom Second", NEW_PASSPHRASE, NEW_PASSPHRASE)
    dsl.records.add_child(make_child())
    dsl.people.remove(leaving.id)
    assert dsl.people.left_without_access() == []
    dsl.close()

    assert reopen_as(data_root, NEW_PASSPHRASE, clock) == staying.name
    assert reopen_as(data_root, PASSPHRASE, clock) == PROFILE.dsl_name
    with pytest.raises(WrongPassphrase):
        reopen(data_root, DEPUTY_PASSPHRASE, clock)
    again = "harbour violin pebble meadow"
    ws = workspace.recover_with_code(data_root, code, again, again, clock)
    try:
        assert ws.records.child(1).full_name == "Ada Testperson"
    finally:
        ws.close()


def test_a_new_recovery_code_with_an_old_key_file_opens_nothing(dsl, data_root, clock) -> None:
    old = dsl.take_new_recovery_code()
    assert old is not None
    header = StoreFiles(data_root).header
    old_key_file = header.read_bytes()
    dsl.people.new_recovery_code()
    dsl.close()
    header.write_bytes(old_key_file)
    with pytest.raises(StaleKeyFile):
        workspace.recover_with_code(data_root, old, NEW_PASSPHRASE, NEW_PASSPHRASE, clock)


def test_the_key_file_names_nobody_and_holds_no_secret(dsl, data_root) -> None:
    code = dsl.take_new_recovery_code()
    assert code is not None
    dsl.people.add_deputy(DEPUTY, DEPUTY_PASSPHRASE, DEPUTY_PASSPHRASE)
    raw = StoreFiles(data_root).header.read_text(encoding="utf-8")
    for secret in (PASSPHRASE, DEPUTY_PASSPHRASE, code, code.replace("-", "")):
        assert secret not in raw
    for name in (DEPUTY, PROFILE.dsl_name, PROFILE.school_name, "Ada Testperson"):
        assert name not in raw


def contents(root: Path) -> dict[str, str]:
    """Each file's content hash: what a refused attempt must leave as it was."""
    return {name: state[0] for name, state in folder_state(root).items()}


def reopen_as(root: Path, passphrase: str, clock: FixedClock) -> str:
    ws = reopen(root, passphrase, clock)
    try:
        return ws.person.name
    finally:
        ws.close()


def _disk_full(_source: object, _target: object) -> None:
    raise OSError(28, "No space left on device")


def test_a_removal_names_who_it_could_not_give_the_new_key(dsl, data_root) -> None:
    # Slots from before key pairs (their holders have not unlocked since the update) hold the
    # old key itself: the rekey cannot carry them, and the DSL is told whom to add again.
    keeping = dsl.people.add_deputy(DEPUTY, DEPUTY_PASSPHRASE, DEPUTY_PASSPHRASE)
    leaving = dsl.people.add_deputy("Tom Second", NEW_PASSPHRASE, NEW_PASSPHRASE)
    key = store_of(dsl).keys.data_key
    legacy = {
        f"person-{keeping.id}": format_1_slot(key, DEPUTY_PASSPHRASE, f"person-{keeping.id}"),
        "recovery": format_1_slot(key, "ANY0CODE", "recovery"),
    }

    def as_before(body: dict[str, Any]) -> dict[str, Any]:
        return body | {"slots": [legacy.get(s["name"], s) for s in body["slots"]]}

    keyslots.update_body(StoreFiles(data_root).header, as_before)
    dsl.people.remove(leaving.id)

    assert [p.name for p in dsl.people.left_without_access()] == [DEPUTY]
    assert dsl.people.recovery_code_dropped and not dsl.people.has_recovery_code
    rekeyed, left_out, code_dropped = dsl.people.after_rekey()
    assert "re-encrypted under a new key" in rekeyed
    assert left_out.startswith(f"{DEPUTY} (id {keeping.id})")
    assert "make a new recovery sheet" in code_dropped


def test_a_rekey_the_disk_refuses_finishes_at_the_next_unlock(
    dsl, data_root, clock, monkeypatch
) -> None:
    deputy = dsl.people.add_deputy(DEPUTY, DEPUTY_PASSPHRASE, DEPUTY_PASSPHRASE)
    header = StoreFiles(data_root).header
    old_key_file = header.read_bytes()

    def disk_full(_engine: object, _key: bytes) -> None:
        raise DiskFull(data_root)

    monkeypatch.setattr(sqlcipher, "rekey", disk_full)
    dsl.people.remove(deputy.id)  # removed all the same: their slot is gone
    assert dsl.people.rekey_unfinished
    assert "could not be re-encrypted just now" in dsl.people.after_rekey()[0]
    code = dsl.people.new_recovery_code()  # and a code shown is a code that works
    monkeypatch.undo()
    dsl.close()

    with pytest.raises(WrongPassphrase):
        reopen(data_root, DEPUTY_PASSPHRASE, clock)
    assert reopen_as(data_root, PASSPHRASE, clock) == PROFILE.dsl_name  # finishes the rekey
    workspace.recover_with_code(data_root, code, NEW_PASSPHRASE, NEW_PASSPHRASE, clock).close()
    header.write_bytes(old_key_file)
    with pytest.raises(StaleKeyFile):
        reopen(data_root, DEPUTY_PASSPHRASE, clock)
