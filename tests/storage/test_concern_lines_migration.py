"""Revision 0008: a concern's chronology line names its concern once, by record_type/record_id.

A store at 0007 holds a concern line with both links (as the app wrote them), one with only
concern_id (as the large demo caseload wrote them) and a line typed on its own.
"""

from __future__ import annotations

from collections.abc import Iterator

import pytest
from sqlalchemy import Engine, MetaData, Table, select, text
from sqlalchemy.orm import Session

from scr_reflect.domain.audit_seal import content_hash
from scr_reflect.domain.enums import EntryKind, RecordType
from scr_reflect.storage import keyslots, schema, sqlcipher
from scr_reflect.storage.audit_watch import row_hash
from scr_reflect.storage.mapping import as_text, entry_from_row
from scr_reflect.storage.models import EntryRow
from tests.core_fixtures import CHILD_AS_BEFORE

CONCERN_ID = 1  # of the one child, also 1
LINE = (
    "INSERT INTO chronology_entries (id, child_id, kind, occurred_at, title, body, concern_id, "
    "record_type, record_id, version) VALUES (:id, 1, :kind, '2025-03-03 10:00:00.000000', "
    ":title, '', :concern_id, :record_type, CASE WHEN :record_type IS NULL THEN NULL "
    "ELSE :concern_id END, 1)"
)

CONCERN = (
    "INSERT INTO concerns (id, child_id, occurred_at, recorded_at, raised_by, what_happened, "
    "child_words, categories, action_taken, status, outcome, version) VALUES (:id, 1, "
    "'2025-03-03 10:00:00.000000', '2025-03-03 10:00:00.000000', 'Mr Testington', "
    "'A fictional concern', '', 'neglect', '', 'open', '', 1)"
)


@pytest.fixture
def at_0007() -> Iterator[Engine]:
    engine = sqlcipher.memory_engine(keyslots.new_data_key())
    schema.upgrade(engine, before_migrating=lambda _rev: None, target="0007")
    concern_id = CONCERN_ID
    with engine.begin() as conn:
        conn.execute(text(CHILD_AS_BEFORE))
        # The concern and its lines as they were written up to 0007, by hand: this version's
        # repository writes columns a store at 0007 does not have yet.
        conn.execute(text(CONCERN), {"id": concern_id})
        for line in (
            {"id": 1, "kind": "concern", "concern_id": concern_id, "record_type": "concern"},
            {"id": 2, "kind": "concern", "concern_id": concern_id, "record_type": None},
            {"id": 3, "kind": "note", "concern_id": None, "record_type": None},
        ):
            conn.execute(text(LINE), {**line, "title": f"Line {line['id']}"})
    yield engine
    engine.dispose()


def test_each_concern_line_names_its_concern_by_record(at_0007: Engine) -> None:
    schema.upgrade(at_0007, before_migrating=lambda _rev: None)

    with Session(at_0007) as s:
        entries = [entry_from_row(row) for row in s.query(EntryRow).order_by(EntryRow.id)]
    assert [(e.record_type, e.record_id, e.concern_id) for e in entries] == [
        (RecordType.CONCERN, CONCERN_ID, CONCERN_ID),
        (RecordType.CONCERN, CONCERN_ID, CONCERN_ID),
        (None, None, None),
    ]
    assert [e.kind for e in entries] == [EntryKind.CONCERN, EntryKind.CONCERN, EntryKind.NOTE]


def test_a_typed_line_hashes_as_it_did_before_the_column_went(at_0007: Engine) -> None:
    """The audit trail holds hashes of typed lines taken with concern_id among their columns."""
    entries = Table("chronology_entries", MetaData(), autoload_with=at_0007)
    with at_0007.connect() as conn:
        row = conn.execute(select(entries).where(entries.c.id == 3)).mappings().one()
    columns = {name: as_text(value) for name, value in row.items() if name not in {"id", "version"}}
    assert "concern_id" in columns
    recorded = content_hash("entry", 3, 1, columns)

    schema.upgrade(at_0007, before_migrating=lambda _rev: None)

    with Session(at_0007) as s:
        assert row_hash(RecordType.ENTRY, s.get(EntryRow, 3)) == recorded
