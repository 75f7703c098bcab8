"""The retention store: who comes up for review, holds, and deletion reaching every table."""

from __future__ import annotations

from datetime import date, datetime, timedelta

import pytest
from sqlalchemy import text

from scr_reflect.domain.audit import AuditAction, NewEntry
from scr_reflect.domain.chronology_filter import ChronologyFilter
from scr_reflect.domain.enums import EntryKind
from scr_reflect.domain.headlines import ChronologyLine
from scr_reflect.domain.kept import Kept
from scr_reflect.domain.retention import RetentionHold
from scr_reflect.storage.store import OpenStore
from scr_reflect.storage.unit_of_work import RecordNotFound
from tests.core_fixtures import NOW, Seed

AUDIT = NewEntry(AuditAction.HOLD_PLACED, detail="the audit entry the service would give")

# Tables a child's deletion clears, and tables that hold nothing about any child. A new table
# (a full-text index among them) must join one or the other: deletion has to know of it.
CLEARED = {
    "children",
    "concerns",
    "chronology_entries",
    "actions",
    "factors",
    "missing_episodes",
    "education_absences",
    "accounts",
    "claims",
    "referrals",
    "escalations",
    "escalation_steps",
    "sharing_decisions",
    "body_marks",
    "reflection_answers",
    "record_versions",
    "drafts",
    "retention_holds",
    "transfers",
}
# The audit trail keeps that something happened to child N, never what the child's records say.
ABOUT_NO_CHILD = {"settings", "people", "audit_log", "audit_key", "alembic_version"}
LINE = ChronologyLine(EntryKind.NOTE, NOW, "Hold placed", "For an inquiry")


def hold(child_id: int) -> RetentionHold:
    return RetentionHold(child_id, "Inquiry", NOW, "Ada Testperson")


def test_every_table_is_cleared_by_deletion_or_holds_nothing_about_a_child(
    file_store, store_files, open_raw
) -> None:
    engine = open_raw(store_files.database, store_files.header)
    with engine.connect() as conn:
        tables = dict(
            conn.execute(text("SELECT name, sql FROM sqlite_master WHERE type = 'table'")).all()
        )
    engine.dispose()
    assert set(tables) == CLEARED | ABOUT_NO_CHILD
    virtual = [name for name, sql in tables.items() if sql.startswith("CREATE VIRTUAL")]
    assert virtual == []  # no full-text index whose rows deletion would have to clear


def test_review_reads_those_born_by_the_date_and_everyone_on_hold(
    memory_store: OpenStore, seed: Seed
) -> None:
    old = seed.child("Tamsin Oldacre", date(2000, 1, 10))
    on_the_day = seed.child("Idris Boundary", date(2000, 1, 11))
    young = seed.child("Pip Youngman", date(2012, 5, 5))
    seed.child("Nell Laterborn", date(2000, 1, 12))
    retention = memory_store.retention
    retention.place_hold(hold(young), LINE, AUDIT)

    found = retention.review_children(date(2000, 1, 11))

    assert {c.child_id for c in found} == {old, on_the_day, young}
    held = next(c for c in found if c.child_id == young)
    assert held.hold == hold(young)


def test_placing_and_lifting_a_hold_write_their_lines(memory_store: OpenStore, seed: Seed) -> None:
    child = seed.child()
    retention = memory_store.retention

    retention.place_hold(hold(child), LINE, AUDIT)
    assert retention.hold(child) == hold(child)
    retention.lift_hold(child, ChronologyLine(EntryKind.NOTE, NOW, "Hold lifted"), AUDIT)

    assert retention.hold(child) is None
    titles = [e.title for e in memory_store.repository.entries(_entry_ids(memory_store, child))]
    assert sorted(titles) == ["Hold lifted", "Hold placed"]


def test_deleting_reaches_a_hold_and_a_long_chronology(memory_store: OpenStore, seed: Seed) -> None:
    child, other = seed.child(), seed.child("Orla Keepwell")
    memory_store.retention.place_hold(hold(child), LINE, AUDIT)
    start = memory_store.demo_bulk.max_id("chronology_entries")
    memory_store.demo_bulk.insert(
        "chronology_entries",
        [_entry_row(start + n, child if n % 2 else other) for n in range(1, 1601)],
    )

    removed = memory_store.retention.delete_child(child, AUDIT)

    assert removed.counts[Kept.HOLD] == 1
    assert removed.counts[Kept.ENTRY] == 801  # 800 written here and the hold's line
    assert memory_store.retention.hold(child) is None
    assert len(_entry_ids(memory_store, other)) == 800
    with pytest.raises(RecordNotFound):
        memory_store.repository.child(child)


def test_an_unknown_child_is_not_found(memory_store: OpenStore) -> None:
    with pytest.raises(RecordNotFound):
        memory_store.retention.delete_child(404, AUDIT)
    with pytest.raises(RecordNotFound):
        memory_store.retention.records_of(404)


def _entry_ids(store: OpenStore, child_id: int) -> list[int]:
    return store.repository.entry_ids(child_id, ChronologyFilter())


def _entry_row(entry_id: int, child_id: int) -> dict[str, object]:
    return {
        "id": entry_id,
        "child_id": child_id,
        "kind": EntryKind.NOTE.value,
        "occurred_at": datetime(2020, 1, 1) + timedelta(hours=entry_id),
        "title": "Attendance checked",
        "body": "",
        "version": 1,
    }
