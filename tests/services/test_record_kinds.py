"""Every kind of structured record is described exactly once in each layer, deleting a child
who has one record of every kind leaves no row of any, and a transfer pack carries one of each.

The kinds are described in domain/record_kinds.py; the vocabularies whose values are stored
(RecordType, FormKind, EntryKind) and the counts a deletion gives (Kept) stay enums, so these
tests hold them to the descriptions: a kind added to one and not the others fails here.
"""

from __future__ import annotations

import typing
from collections import Counter
from collections.abc import Iterator
from dataclasses import replace

import pytest
from sqlalchemy import select
from sqlalchemy.orm import Session

from scr_reflect.domain.audit import AuditAction, NewEntry
from scr_reflect.domain.draft_key import FormKind
from scr_reflect.domain.enums import FREE_TEXT_KINDS, EntryKind, RecordType
from scr_reflect.domain.kept import Kept
from scr_reflect.domain.record_kinds import OWNERS_FIRST, RECORD_KINDS, StructuredRecord
from scr_reflect.domain.retention import ChildRecords
from scr_reflect.services import workspace
from scr_reflect.services.clock import FixedClock
from scr_reflect.services.transfer_pack import gather
from scr_reflect.services.workspace import Workspace
from scr_reflect.storage.models import EntryRow
from scr_reflect.storage.record_rows import ROW_KINDS, StructuredRow, child_of_row
from scr_reflect.ui.tabs.child_tabs import TAB_CLASSES
from tests.core_fixtures import PROFILE
from tests.property.casefile import NOW, write_case_file
from tests.store_access import engine_of, store_of

# Records that are not structured records: the child, what the DSL writes in the chronology.
NOT_STRUCTURED = {
    RecordType.CHILD,
    RecordType.CONCERN,
    RecordType.ENTRY,
    RecordType.ACTION,
    RecordType.REFLECTION,
}
# What a deletion counts besides structured records.
KEPT_BESIDES = {
    Kept.CONCERN,
    Kept.ENTRY,
    Kept.ACTION,
    Kept.ANSWER,
    Kept.VERSION,
    Kept.DRAFT,
    Kept.HOLD,
}
# Forms for records that are not structured records.
FORMS_BESIDES = {
    FormKind.CHILD,
    FormKind.CONCERN,
    FormKind.ENTRY,
    FormKind.ACTION,
    FormKind.SUPERVISION,
}
# Lines no structured record writes: typed on their own, or written by a concern, an action,
# a reflection, a supervision session or a document.
LINES_BESIDES = {
    *FREE_TEXT_KINDS,
    EntryKind.CONCERN,
    EntryKind.ACTION,
    EntryKind.REFLECTION,
    EntryKind.SUPERVISION,
    EntryKind.DOCUMENT,
}
TYPES = [kind.record_type for kind in RECORD_KINDS]
AUDIT = NewEntry(AuditAction.DELETION, detail="the audit entry the service would give")


def test_each_record_type_has_exactly_one_kind() -> None:
    assert Counter(TYPES) == Counter(set(RecordType) - NOT_STRUCTURED)
    classes = [kind.record_class for kind in RECORD_KINDS]
    assert Counter(classes) == Counter(typing.get_args(StructuredRecord))


def test_each_kind_has_its_own_deletion_count_and_form() -> None:
    assert Counter(kind.kept for kind in RECORD_KINDS) == Counter(set(Kept) - KEPT_BESIDES)
    assert Counter(kind.form for kind in RECORD_KINDS) == Counter(set(FormKind) - FORMS_BESIDES)
    # A deletion's summary can name every kind it counts.
    assert ChildRecords(dict.fromkeys(Kept, 2)).lines()[3] == "2 cumulative factors"
    assert len(ChildRecords(dict.fromkeys(Kept, 1)).lines()) == len(Kept)


def test_every_line_kind_is_written_by_a_record_or_stands_on_its_own() -> None:
    written = {line for kind in RECORD_KINDS for line in kind.line_kinds}
    assert written | LINES_BESIDES == set(EntryKind)


def test_a_kind_belongs_to_kinds_found_before_it() -> None:
    assert Counter(OWNERS_FIRST) == Counter(RECORD_KINDS)
    for position, kind in enumerate(OWNERS_FIRST):
        owners = {owner for _key, owner in kind.owned_by() if owner is not None}
        assert owners <= {earlier.record_type for earlier in OWNERS_FIRST[:position]}


def test_each_kind_has_exactly_one_row() -> None:
    assert Counter(rows.kind.record_type for rows in ROW_KINDS) == Counter(TYPES)
    assert Counter(rows.row for rows in ROW_KINDS) == Counter(typing.get_args(StructuredRow))
    for rows in ROW_KINDS:
        columns = set(rows.row.__table__.c.keys())
        assert {rows.order_by, *(key for key, _owner in rows.kind.owned_by())} <= columns


def test_each_kind_is_amended_on_exactly_one_tab() -> None:
    shown = Counter(record_type for tab in TAB_CLASSES for record_type in tab.RECORD_TYPES)
    assert shown == Counter(TYPES)


@pytest.fixture
def ws() -> Iterator[Workspace]:
    space = workspace.in_memory(PROFILE, FixedClock(NOW))
    yield space
    space.close()


def typed(name: str, _required: bool) -> str:
    return f"Fictional {name}"


def test_each_kind_writes_only_its_own_kinds_of_line(ws: Workspace) -> None:
    write_case_file(ws, typed)
    with Session(engine_of(ws)) as s:
        stored = s.execute(select(EntryRow.record_type, EntryRow.kind)).all()
    written = {
        (kind.record_type.value, line.value) for kind in RECORD_KINDS for line in kind.line_kinds
    }
    structured = {(record_type, kind) for record_type, kind in stored if record_type in TYPES}
    # The case file's referral has its outcome, so every kind of line a record writes is there.
    assert structured == written


def children_of_rows(ws: Workspace) -> dict[RecordType, list[int | None]]:
    """For each kind, the child each of its rows is about."""
    with Session(engine_of(ws)) as s:
        return {
            rows.kind.record_type: [child_of_row(s, row) for row in s.scalars(select(rows.row))]
            for rows in ROW_KINDS
        }


def test_deleting_a_child_removes_a_record_of_every_kind(ws: Workspace) -> None:
    target = write_case_file(ws, typed)
    bystander = write_case_file(ws, typed)
    before = children_of_rows(ws)
    assert all(
        Counter(children) == {target.child_id: 1, bystander.child_id: 1}
        for children in before.values()
    )
    for record_type, record in target.records:
        if record_type not in NOT_STRUCTURED:
            assert ws.structured.get(record_type, record.id) == record

    told = store_of(ws).retention.records_of(target.child_id)
    removed = store_of(ws).retention.delete_child(target.child_id, AUDIT)

    assert all(removed.counts[kind.kept] == told.counts[kind.kept] == 1 for kind in RECORD_KINDS)
    assert children_of_rows(ws) == {record_type: [bystander.child_id] for record_type in TYPES}


def test_a_transfer_pack_carries_a_record_of_every_kind_with_its_versions(ws: Workspace) -> None:
    file = write_case_file(ws, typed)
    claim = file.first(RecordType.CLAIM)
    ws.structured.amend(replace(claim, checked_by="Fictional second checker"), "Checked again")

    content = gather(ws.records, ws.structured, file.child_id, "School", "DSL", NOW)

    carried = Counter(record.record_type for record in content.records)
    assert all(carried[kind.record_type] == 1 for kind in RECORD_KINDS)
    (kept,) = (r for r in content.records if r.record_type is RecordType.CLAIM)
    assert kept.version == 2 and kept.earlier[0].fields["checked_by"] == "Fictional checked_by"
    # The concern, the line typed on its own, and one record of each kind.
    assert content.count == 2 + len(RECORD_KINDS)
