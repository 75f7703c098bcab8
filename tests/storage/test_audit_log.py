"""The audit trail in the store: records logged in their own transaction, the chain, the
newest entry kept in the key file, and the database refusing to change an entry."""

from __future__ import annotations

import json
from dataclasses import replace
from datetime import date

import pytest
from sqlalchemy import exc, text

from scr_reflect.domain.audit import (
    GENESIS_HASH,
    AuditAction,
    AuditFilter,
    AuditHead,
    NewEntry,
)
from scr_reflect.domain.audit_seal import head_mac
from scr_reflect.domain.enums import RecordType
from scr_reflect.domain.headlines import concern_lines
from scr_reflect.domain.records import Child, Draft
from scr_reflect.domain.reflection import Answer
from scr_reflect.storage import audit_head, audit_log, keyslots
from scr_reflect.storage.storage_problems import DiskFull
from scr_reflect.storage.store import OpenStore
from scr_reflect.storage.unit_of_work import RecordNotFound
from tests.core_fixtures import NOW, Seed, make_concern

KEY = bytes(range(32))  # a fictional audit key


def trail(store: OpenStore) -> list:
    return store.audit.entries(list(reversed(store.audit.seqs(AuditFilter()))))


def what(store: OpenStore) -> list[tuple]:
    return [(e.action, e.child_id, e.record_type, e.record_id) for e in trail(store)]


@pytest.fixture
def acting(memory_store: OpenStore) -> OpenStore:
    memory_store.audit.act_as("Ada Testperson", lambda: NOW)
    return memory_store


def test_creates_and_amendments_are_logged_with_who_and_when(acting, seed) -> None:
    child_id = seed.child("Zed Fictional")
    concern_id = seed.concern(child_id)
    acting.repository.amend(
        RecordType.CHILD,
        replace(acting.repository.child(child_id), year_group="Year 8"),
        "Ada Testperson",
        "Moved up a year",
        NOW,
    )
    assert what(acting) == [
        (AuditAction.CREATE, child_id, "child", child_id),
        # The concern's chronology line is part of the concern: one entry, not two.
        (AuditAction.CREATE, child_id, "concern", concern_id),
        (AuditAction.AMEND, child_id, "child", child_id),
    ]
    entries = trail(acting)
    assert [e.seq for e in entries] == [1, 2, 3]
    assert {(e.actor, e.at) for e in entries} == {("Ada Testperson", NOW)}
    assert entries[2].detail == "version 1 kept, now version 2"  # never the reason typed


def test_a_line_typed_on_its_own_is_logged_and_a_draft_is_not(acting, seed) -> None:
    child_id = seed.child()
    entry_id = seed.entry(child_id, NOW)
    acting.repository.save_draft(Draft("concern:1", "New concern", {"what": "typed"}), NOW)
    acting.repository.save_draft(Draft("concern:1", "New concern", {"what": "typed more"}), NOW)
    assert what(acting)[1:] == [(AuditAction.CREATE, child_id, "entry", entry_id)]
    assert trail(acting)[1].detail == "note entry"


def test_a_reflection_answer_is_logged_when_first_saved_not_at_each_autosave(acting, seed) -> None:
    child_id = seed.child()
    concern_id = seed.concern(child_id)
    for text_so_far in ("He", "He said", "He said it again"):
        answer = Answer(concern_id, "decision.reasons", "Why?", text_so_far, "1", NOW)
        acting.reflections.save(answer, "Reflection")
    reflection = [e for e in trail(acting) if e.record_type == "reflection"]
    assert [(e.action, e.child_id, e.record_id, e.detail) for e in reflection] == [
        (AuditAction.CREATE, child_id, concern_id, "first answer to decision.reasons")
    ]


def test_the_entry_and_the_record_commit_together_or_not_at_all(acting, seed, monkeypatch) -> None:
    child_id = seed.child()

    def fail(*_args: object) -> None:
        raise RuntimeError("the audit trail could not be written")

    monkeypatch.setattr(audit_log, "append_in", fail)
    with pytest.raises(RuntimeError):
        acting.repository.add_concern(make_concern(child_id), concern_lines(make_concern()))
    monkeypatch.undo()
    assert acting.repository.concerns_for_child(child_id) == []

    with pytest.raises(RecordNotFound):  # a record that fails leaves no entry either
        acting.repository.add_concern(make_concern(999), concern_lines(make_concern()))
    assert what(acting) == [(AuditAction.CREATE, child_id, "child", child_id)]


def test_entries_append_on_their_own_in_one_chain(acting, seed) -> None:
    seed.child()
    acting.audit.append(
        NewEntry(AuditAction.VIEW, 1, "child", 1, "opened in the window"),
        NewEntry(AuditAction.EXPORT, 1, detail="Chronology, 2 pages"),
    )
    first, view, export = trail(acting)
    assert first.previous_hash == GENESIS_HASH
    assert (view.previous_hash, export.previous_hash) == (first.hash, view.hash)
    assert all(e.hash == e.expected_hash() for e in (first, view, export))
    assert acting.audit.head() == AuditHead(3, export.hash)


def test_the_trail_is_read_by_child_person_action_and_dates(acting, seed) -> None:
    first, second = seed.child("Zed Fictional"), seed.child("Yan Fictional")
    acting.audit.append(
        NewEntry(AuditAction.VIEW, first, at=NOW.replace(day=1)),
        NewEntry(AuditAction.VIEW, second, actor="Deputy Testperson"),
    )
    log = acting.audit
    assert log.seqs(AuditFilter(child_id=first)) == [3, 1]
    assert log.seqs(AuditFilter(actor="Deputy Testperson")) == [4]
    assert log.seqs(AuditFilter(action=AuditAction.VIEW)) == [4, 3]
    assert log.seqs(AuditFilter(date_to=date(2025, 3, 9))) == [3]
    assert log.seqs(AuditFilter(date_from=NOW.date(), date_to=NOW.date())) == [4, 2, 1]
    assert log.actors() == ["Ada Testperson", "Deputy Testperson"]
    assert log.child_ids() == [first, second]
    assert [e.seq for e in log.entries([4, 1])] == [4, 1]


def test_the_database_refuses_to_change_or_delete_an_entry(file_store, store_files, open_raw):
    file_store.repository.add_child(Child("Zed Fictional", date(2013, 6, 1)), NOW)
    file_store.close()
    engine = open_raw(store_files.database, store_files.header)
    try:
        for statement in (
            "UPDATE audit_log SET detail = 'changed' WHERE seq = 1",
            "DELETE FROM audit_log WHERE seq = 1",
        ):
            with pytest.raises(exc.DatabaseError, match="append-only"), engine.begin() as conn:
                conn.execute(text(statement))
    finally:
        engine.dispose()


# The newest entry in the key file -----------------------------------------------------------


def test_each_commit_writes_the_newest_entry_into_the_key_file(file_store, store_files) -> None:
    assert audit_head.read_head(store_files.header) is None
    Seed(file_store.repository).child()
    file_store.audit.append(NewEntry(AuditAction.VIEW, 1))
    assert audit_head.read_head(store_files.header) == file_store.audit.head()
    assert file_store.audit.head().seq == 2


def test_writing_the_head_keeps_everything_else_in_the_key_file(store_files, tmp_path) -> None:
    header = tmp_path / "keys.json"
    body = {"format": 1, "slots": [{"name": "person-2"}], "something-new": {"kept": True}}
    header.write_text(json.dumps(body), encoding="utf-8")

    audit_head.write_head(header, AuditHead(5, "a" * 64), KEY, {}.get)
    # An older head never wins.
    audit_head.write_head(header, AuditHead(4, "b" * 64), KEY, {5: "a" * 64}.get)

    mac = head_mac(KEY, AuditHead(5, "a" * 64))
    assert json.loads(header.read_text(encoding="utf-8")) == body | {
        "audit_head": {"seq": 5, "hash": "a" * 64, "mac": mac}
    }


def test_a_file_that_is_not_a_key_file_is_never_overwritten(tmp_path) -> None:
    header = tmp_path / "keys.json"
    header.write_text('{"format": 1}', encoding="utf-8")
    audit_head.write_head_quietly(header, AuditHead(1, "a" * 64), KEY, {}.get)
    assert header.read_text(encoding="utf-8") == '{"format": 1}'


def test_a_store_in_memory_has_no_key_file_to_write(acting, seed) -> None:
    seed.child()  # nothing to write to, and nothing fails
    assert acting.files is None and acting.audit.head().seq == 1


def test_a_full_disk_at_the_key_file_leaves_the_saved_record_saved(
    file_store, store_files, monkeypatch
) -> None:
    """The record and its entry are committed before the head is written: the write failing
    must not tell the DSL "not saved", or they would save the record twice."""

    def disk_full(*_args: object) -> None:
        raise DiskFull(store_files.root)

    monkeypatch.setattr(keyslots, "write_private_atomically", disk_full)
    child_id = Seed(file_store.repository).child()
    monkeypatch.undo()

    assert file_store.repository.child(child_id) is not None
    assert audit_head.read_head(store_files.header) is None  # written at the next commit
    file_store.audit.append(NewEntry(AuditAction.VIEW, child_id))
    assert audit_head.read_head(store_files.header) == file_store.audit.head()
