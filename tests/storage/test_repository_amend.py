"""Amending keeps what a record said before, who changed it, when and why."""

from __future__ import annotations

from dataclasses import replace
from datetime import date, datetime

import pytest

from scr_reflect.domain.chronology_filter import ChronologyFilter
from scr_reflect.domain.enums import Category, ConcernStatus, RecordType
from scr_reflect.domain.headlines import concern_lines
from scr_reflect.storage.unit_of_work import StaleRecord

AMENDED_AT = datetime(2025, 3, 11, 15, 20)


def test_amend_keeps_the_earlier_version_and_bumps_the_version(repo, seed) -> None:
    child_id = seed.child("Ada Testperson", year_group="Year 7", tutor_group="7RB")
    child = repo.child(child_id)

    new_version = repo.amend(
        RecordType.CHILD,
        replace(child, tutor_group="7KM"),
        "Ada Testperson",
        "Moved tutor group",
        AMENDED_AT,
    )

    assert new_version == 2
    amended = repo.child(child_id)
    assert amended.tutor_group == "7KM"
    assert amended.version == 2
    [earlier] = repo.earlier_versions(RecordType.CHILD, child_id)
    assert earlier.version == 1
    assert earlier.fields["tutor_group"] == "7RB"
    assert earlier.fields["full_name"] == "Ada Testperson"
    assert earlier.fields["date_of_birth"] == "01/06/2013"
    assert earlier.replaced_by == "Ada Testperson"
    assert earlier.replaced_at == AMENDED_AT
    assert earlier.reason == "Moved tutor group"


def test_each_amendment_keeps_its_own_version(repo, seed) -> None:
    child_id = seed.child("Ada Testperson", year_group="Year 7")
    for year in ("Year 8", "Year 9"):
        current = repo.child(child_id)
        repo.amend(RecordType.CHILD, replace(current, year_group=year), "DSL", year, AMENDED_AT)
    history = repo.earlier_versions(RecordType.CHILD, child_id)
    assert [(v.version, v.fields["year_group"], v.reason) for v in history] == [
        (1, "Year 7", "Year 8"),
        (2, "Year 8", "Year 9"),
    ]
    assert repo.child(child_id).version == 3


def test_amending_a_stale_copy_changes_nothing(repo, seed) -> None:
    child_id = seed.child("Ada Testperson", year_group="Year 7")
    read_by_first = repo.child(child_id)
    read_by_second = repo.child(child_id)
    repo.amend(
        RecordType.CHILD, replace(read_by_first, year_group="Year 8"), "DSL", "Fix", AMENDED_AT
    )

    with pytest.raises(StaleRecord):
        repo.amend(
            RecordType.CHILD,
            replace(read_by_second, full_name="Someone Else"),
            "Deputy DSL",
            "Also a fix",
            AMENDED_AT,
        )

    now_reads = repo.child(child_id)
    assert (now_reads.full_name, now_reads.year_group, now_reads.version) == (
        "Ada Testperson",
        "Year 8",
        2,
    )
    assert [v.reason for v in repo.earlier_versions(RecordType.CHILD, child_id)] == ["Fix"]


def test_amend_never_moves_a_record_to_another_child(repo, seed) -> None:
    ada = seed.child("Ada Testperson")
    bea = seed.child("Beatrix Samplewood")
    action_id = seed.action(ada, date(2025, 3, 14))
    action = repo.action(action_id)
    repo.amend(
        RecordType.ACTION,
        replace(action, child_id=bea, owner="Deputy DSL"),
        "DSL",
        "New owner",
        AMENDED_AT,
    )
    after = repo.action(action_id)
    assert after.child_id == ada
    assert after.owner == "Deputy DSL"


def test_amending_a_concern_updates_its_chronology_line(repo, seed) -> None:
    child = seed.child()
    concern_id = seed.concern(child, datetime(2025, 3, 3, 10, 0), what_happened="First account")
    concern = repo.concern(concern_id)
    [line_before] = repo.entry_ids(child, ChronologyFilter())

    corrected = replace(
        concern,
        occurred_at=datetime(2025, 3, 2, 16, 0),
        what_happened="Corrected account",
        categories=frozenset({Category.NEGLECT, Category.EMOTIONAL}),
        status=ConcernStatus.MONITORING,
    )
    repo.amend(
        RecordType.CONCERN,
        corrected,
        "DSL",
        "Teacher corrected the day",
        AMENDED_AT,
        lines=concern_lines(corrected),
    )

    amended = repo.concern(concern_id)
    assert amended.categories == frozenset({Category.NEGLECT, Category.EMOTIONAL})
    assert amended.status is ConcernStatus.MONITORING
    # Written again from the concern, in the same row: a line chosen on screen is still there.
    assert repo.entry_ids(child, ChronologyFilter()) == [line_before]
    line = repo.entry(line_before)
    assert line.occurred_at == datetime(2025, 3, 2, 16, 0)
    assert line.body == "Corrected account"
    assert line.title == "Emotional abuse, Neglect: Corrected account"
    assert (line.record_type, line.record_id) == (RecordType.CONCERN, concern_id)
    [earlier] = repo.earlier_versions(RecordType.CONCERN, concern_id)
    assert earlier.fields["what_happened"] == "First account"
    assert earlier.fields["categories"] == "neglect"
    assert earlier.fields["status"] == "open"
    assert earlier.fields["occurred_at"] == "03/03/2025 10:00"


def test_history_is_kept_per_record(repo, seed) -> None:
    ada = seed.child("Ada Testperson")
    bea = seed.child("Beatrix Samplewood")
    repo.amend(
        RecordType.CHILD, replace(repo.child(ada), upn="A123456789012"), "D", "UPN", AMENDED_AT
    )
    assert repo.earlier_versions(RecordType.CHILD, bea) == []
    assert repo.earlier_versions(RecordType.ACTION, ada) == []
