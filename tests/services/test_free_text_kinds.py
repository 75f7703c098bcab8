"""Free text is for notes, contacts and meetings; other kinds come from their own records."""

from __future__ import annotations

from dataclasses import replace
from datetime import datetime

import pytest

from scr_reflect.domain.chronology_filter import ChronologyFilter
from scr_reflect.domain.enums import EntryKind
from scr_reflect.domain.missing import MissingEpisode
from scr_reflect.domain.records import ChronologyEntry
from scr_reflect.services.errors import InvalidRecord
from scr_reflect.services.workspace import Workspace
from tests.core_fixtures import make_child
from tests.store_access import store_of

WHEN = datetime(2025, 3, 3, 14, 0)


@pytest.fixture
def child_id(memory_workspace: Workspace) -> int:
    change = memory_workspace.records.add_child(make_child("Ada Testperson"))
    assert change.child_id is not None
    return change.child_id


@pytest.mark.parametrize("kind", [EntryKind.REFERRAL, EntryKind.OUTCOME, EntryKind.MISSING])
def test_a_new_free_text_line_cannot_stand_in_for_a_record(
    memory_workspace: Workspace, child_id: int, kind: EntryKind
) -> None:
    with pytest.raises(InvalidRecord, match="its own form"):
        memory_workspace.records.add_entry(ChronologyEntry(child_id, kind, WHEN, "Typed"))


def test_a_line_typed_before_records_existed_keeps_its_kind_when_amended(
    memory_workspace: Workspace, child_id: int
) -> None:
    # Written straight into the store, as an older version of the tool let a DSL type it.
    old = ChronologyEntry(child_id, EntryKind.REFERRAL, WHEN, "Referral to early help")
    entry_id = store_of(memory_workspace).repository.add_entry(old)
    records = memory_workspace.records

    records.amend_entry(replace(old, id=entry_id, title="Referral to the early help hub"), "Name")

    assert records.entry(entry_id).kind is EntryKind.REFERRAL
    with pytest.raises(InvalidRecord, match="its own form"):
        records.amend_entry(replace(records.entry(entry_id), kind=EntryKind.MISSING), "Kind")


def test_a_line_written_by_a_record_is_amended_through_that_record(
    memory_workspace: Workspace, child_id: int
) -> None:
    records = memory_workspace.records
    memory_workspace.structured.add(MissingEpisode(child_id, WHEN))
    (entry_id,) = records.entry_ids(child_id, ChronologyFilter())
    line = records.entry(entry_id)

    with pytest.raises(InvalidRecord, match="amend that"):
        records.amend_entry(replace(line, kind=EntryKind.NOTE), "Retyped")
