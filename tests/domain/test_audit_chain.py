"""The hash chain: how an entry is sealed, and how each kind of tampering is named."""

from __future__ import annotations

import hashlib
import json
from dataclasses import fields, replace
from datetime import datetime, timedelta

import pytest

from scr_reflect.domain.audit import (
    GENESIS_HASH,
    AuditAction,
    AuditEntry,
    AuditFilter,
    AuditHead,
    NewEntry,
)
from scr_reflect.domain.audit_chain import chain_problems
from tests.core_fixtures import NOW


def chain(count: int) -> list[AuditEntry]:
    entries, previous = [], GENESIS_HASH
    for seq in range(1, count + 1):
        new = NewEntry(AuditAction.VIEW, child_id=seq, record_type="child", record_id=seq)
        entry = new.sealed(seq, NOW + timedelta(minutes=seq), "Ada Testperson", previous)
        entries.append(entry)
        previous = entry.hash
    return entries


def head_of(entries: list[AuditEntry]) -> AuditHead:
    return AuditHead(entries[-1].seq, entries[-1].hash)


def resealed(entry: AuditEntry, **changes: object) -> AuditEntry:
    changed = replace(entry, **changes)
    return replace(changed, hash=changed.expected_hash())


def test_the_hash_is_sha256_of_every_field_in_a_fixed_order() -> None:
    [entry] = chain(1)
    canonical = json.dumps(
        [1, "2025-03-10T09:31:00.000000", "Ada Testperson", "view", 1, "child", 1, "", "0" * 64],
        separators=(",", ":"),
    )
    assert entry.previous_hash == GENESIS_HASH == "0" * 64
    assert entry.hash == hashlib.sha256(canonical.encode()).hexdigest()


@pytest.mark.parametrize("name", [f.name for f in fields(AuditEntry) if f.name not in ("hash",)])
def test_changing_any_field_changes_the_hash(name: str) -> None:
    [entry] = chain(1)
    other = {
        "seq": 2,
        "at": NOW,
        "actor": "Someone Else",
        "action": AuditAction.AMEND,
        "child_id": 2,
        "record_type": "concern",
        "record_id": 2,
        "detail": "x",
        "previous_hash": "1" * 64,
        "content_hash": "2" * 64,
    }[name]
    assert replace(entry, **{name: other}).expected_hash() != entry.hash


def test_a_new_entry_takes_the_time_and_person_given_unless_it_brings_its_own() -> None:
    own = NewEntry(AuditAction.FAILED_UNLOCK, at=datetime(2025, 1, 2, 3, 4), actor="(not known)")
    sealed = own.sealed(1, NOW, "Ada Testperson", GENESIS_HASH)
    assert (sealed.at, sealed.actor) == (datetime(2025, 1, 2, 3, 4), "(not known)")
    plain = NewEntry(AuditAction.UNLOCK).sealed(1, NOW, "Ada Testperson", GENESIS_HASH)
    assert (plain.at, plain.actor) == (NOW, "Ada Testperson")


def test_a_long_detail_is_cut_short() -> None:
    sealed = NewEntry(AuditAction.EXPORT, detail="x" * 500).sealed(1, NOW, "A", GENESIS_HASH)
    assert len(sealed.detail) == 200 and sealed.hash == sealed.expected_hash()


def test_a_whole_chain_has_no_problems() -> None:
    entries = chain(5)
    assert chain_problems(entries, head_of(entries), head_expected=True) == []
    assert chain_problems([], None, head_expected=True) == []
    assert chain_problems(entries, None, head_expected=False) == []


def test_an_edited_entry_is_a_hash_mismatch_at_that_entry() -> None:
    entries = chain(5)
    entries[2] = replace(entries[2], actor="Someone Else")
    assert chain_problems(entries, head_of(entries), head_expected=True) == [
        "Entry 3 was altered: what it says no longer matches its hash."
    ]


def test_an_edited_and_resealed_entry_breaks_the_link_after_it() -> None:
    entries = chain(5)
    entries[2] = resealed(entries[2], child_id=99)
    assert chain_problems(entries, head_of(entries), head_expected=True) == [
        "Entry 4 does not follow entry 3: the link between them is broken, so an entry was "
        "rewritten or put in."
    ]


def test_a_deleted_entry_is_a_gap() -> None:
    entries = chain(6)
    del entries[3]
    assert chain_problems(entries, head_of(entries), head_expected=True) == [
        "Entry 4 is missing (the trail jumps from 3 to 5): it was deleted."
    ]
    del entries[1:3]
    assert chain_problems(entries, head_of(entries), head_expected=True) == [
        "Entries 2 to 4 are missing (the trail jumps from 1 to 5): they were deleted."
    ]


def test_a_first_entry_that_names_one_before_it_is_named() -> None:
    entries = chain(2)
    entries[0] = resealed(entries[0], previous_hash="1" * 64)
    problems = chain_problems(entries, head_of(entries), head_expected=True)
    assert problems[0] == "Entry 1 does not start the chain: it names an entry before it."


def test_a_trimmed_tail_is_caught_by_the_head_in_the_key_file() -> None:
    entries = chain(6)
    head = head_of(entries)
    assert chain_problems(entries[:4], head, head_expected=True) == [
        "The trail ends at entry 4, but the key file records entry 6: entries at the end "
        "were removed."
    ]
    assert chain_problems([], head, head_expected=True)[0].startswith("The trail ends at entry 0")


def test_a_rewritten_trail_does_not_match_the_head() -> None:
    entries = chain(3)
    head = head_of(entries)
    entries[2] = resealed(entries[2], detail="rewritten")
    assert chain_problems(entries, head, head_expected=True) == [
        "Entry 3 is not the one the key file records: the trail was rewritten."
    ]


def test_a_head_behind_the_trail_is_a_commit_whose_key_file_write_was_cut_off() -> None:
    entries = chain(4)
    assert chain_problems(entries, AuditHead(3, entries[2].hash), head_expected=True) == []


def test_a_key_file_with_no_head_beside_a_trail_is_named() -> None:
    entries = chain(2)
    assert chain_problems(entries, None, head_expected=True) == [
        "The key file does not record the newest entry, though the trail holds 2: it was "
        "taken out of the key file, or the key file was replaced."
    ]


def test_a_filter_with_its_dates_the_wrong_way_round_is_refused() -> None:
    with pytest.raises(ValueError, match="'from' date is after"):
        AuditFilter(date_from=NOW.date(), date_to=NOW.date() - timedelta(days=1))
