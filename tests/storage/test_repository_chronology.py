"""A child's chronology: order, kinds and dates; a concern brings its own line."""

from __future__ import annotations

from datetime import date, datetime

import pytest

from scr_reflect.domain.chronology_filter import ChronologyFilter
from scr_reflect.domain.enums import EntryKind
from scr_reflect.storage.unit_of_work import RecordNotFound


@pytest.fixture
def chronology(seed) -> dict[str, int]:
    child = seed.child("Ada Testperson")
    other = seed.child("Beatrix Samplewood")
    ids = {"child": child, "other": other}
    ids["first"] = seed.entry(child, datetime(2025, 1, 6, 9, 0), EntryKind.NOTE, "First day back")
    ids["meeting"] = seed.entry(child, datetime(2025, 2, 3, 14, 0), EntryKind.MEETING, "TAC")
    ids["late_on_the_3rd"] = seed.entry(
        child, datetime(2025, 2, 3, 23, 59), EntryKind.CONTACT, "Call from mum"
    )
    ids["missing"] = seed.entry(child, datetime(2025, 2, 4, 0, 0), EntryKind.MISSING, "Missing")
    ids["same_time"] = seed.entry(child, datetime(2025, 2, 3, 14, 0), EntryKind.NOTE, "Note")
    ids["elsewhere"] = seed.entry(other, datetime(2025, 2, 3, 12, 0), EntryKind.NOTE, "Other")
    return ids


def test_entries_come_newest_first_for_the_child_only(repo, chronology) -> None:
    c = chronology
    assert repo.entry_ids(c["child"], ChronologyFilter()) == [
        c["missing"],
        c["late_on_the_3rd"],
        c["same_time"],  # same moment as the meeting: the later entry first
        c["meeting"],
        c["first"],
    ]
    assert repo.entry_ids(c["other"], ChronologyFilter()) == [c["elsewhere"]]


def test_filter_by_kind(repo, chronology) -> None:
    c = chronology
    wanted = ChronologyFilter(kinds=frozenset({EntryKind.NOTE, EntryKind.MISSING}))
    assert repo.entry_ids(c["child"], wanted) == [c["missing"], c["same_time"], c["first"]]
    assert repo.entry_ids(c["child"], ChronologyFilter(kinds=frozenset())) == []


def test_date_range_includes_the_whole_of_the_to_day(repo, chronology) -> None:
    c = chronology
    one_day = ChronologyFilter(date_from=date(2025, 2, 3), date_to=date(2025, 2, 3))
    assert repo.entry_ids(c["child"], one_day) == [
        c["late_on_the_3rd"],
        c["same_time"],
        c["meeting"],
    ]


def test_open_ended_date_ranges(repo, chronology) -> None:
    c = chronology
    from_4th = ChronologyFilter(date_from=date(2025, 2, 4))
    assert repo.entry_ids(c["child"], from_4th) == [c["missing"]]
    to_january = ChronologyFilter(date_to=date(2025, 1, 31))
    assert repo.entry_ids(c["child"], to_january) == [c["first"]]


def test_entries_come_back_in_the_order_asked_and_skip_unknown_ids(repo, chronology) -> None:
    c = chronology
    entries = repo.entries([c["meeting"], 9999, c["first"]])
    assert [e.id for e in entries] == [c["meeting"], c["first"]]
    assert entries[0].kind is EntryKind.MEETING
    assert entries[0].title == "TAC"
    assert entries[0].occurred_at == datetime(2025, 2, 3, 14, 0)


def test_a_concern_adds_its_own_line_to_the_chronology(repo, seed) -> None:
    child = seed.child()
    concern_id = seed.concern(
        child, datetime(2025, 3, 3, 10, 0), what_happened="Arrived without breakfast"
    )
    [entry_id] = repo.entry_ids(child, ChronologyFilter())
    entry = repo.entry(entry_id)
    assert entry.kind is EntryKind.CONCERN
    assert entry.concern_id == concern_id
    assert entry.occurred_at == datetime(2025, 3, 3, 10, 0)
    assert entry.title == "Neglect: raised by Mr Testington"
    assert entry.body == "Arrived without breakfast"


def test_concerns_for_a_child_oldest_first(repo, seed) -> None:
    child = seed.child()
    later = seed.concern(child, datetime(2025, 3, 3, 10, 0))
    earlier = seed.concern(child, datetime(2025, 1, 3, 10, 0))
    assert [c.id for c in repo.concerns_for_child(child)] == [earlier, later]


def test_records_for_a_missing_child_are_refused(repo, seed) -> None:
    with pytest.raises(RecordNotFound):
        seed.entry(9999, datetime(2025, 1, 1, 9, 0))
    with pytest.raises(RecordNotFound):
        seed.concern(9999)
    with pytest.raises(RecordNotFound):
        seed.action(9999, date(2025, 1, 1))
