"""Recording and amending through the service: validation, history and change sets."""

from __future__ import annotations

from dataclasses import replace
from datetime import date, datetime, timedelta

import pytest

from scr_reflect.domain.changes import ChangeSet
from scr_reflect.domain.chronology_filter import ChronologyFilter
from scr_reflect.domain.enums import Category, ConcernStatus, EntryKind, RecordType
from scr_reflect.domain.records import Child, ChronologyEntry, Draft
from scr_reflect.services.errors import InvalidRecord, StaleRecord
from tests.core_fixtures import NOW, PROFILE, make_action, make_child, make_concern


def problem_fields(raised: pytest.ExceptionInfo[InvalidRecord]) -> list[str]:
    return [p.field for p in raised.value.problems]


@pytest.fixture
def ada(records) -> int:
    change = records.add_child(make_child("Ada Testperson", year_group="Year 7"))
    assert change.child_id is not None
    return change.child_id


# Children -------------------------------------------------------------------------------


def test_add_child_tidies_and_names_the_new_child(records) -> None:
    change = records.add_child(
        Child(
            "  Zoë Łukasiewicz-Nguyễn ",
            date(2013, 6, 1),
            preferred_name=" Zoë ",
            upn=" a123456789012",
        )
    )
    assert change == ChangeSet(children=True, child_id=change.child_id, record_id=change.child_id)
    child = records.child(change.child_id)
    assert child.full_name == "Zoë Łukasiewicz-Nguyễn"
    assert child.preferred_name == "Zoë"
    assert child.upn == "A123456789012"


def test_add_child_refuses_an_invalid_child_and_saves_nothing(records) -> None:
    future = NOW.date() + timedelta(days=1)
    with pytest.raises(InvalidRecord) as raised:
        records.add_child(Child("  ", future, upn="12"))
    assert problem_fields(raised) == ["full_name", "date_of_birth", "upn"]
    assert records.search_children("") == []


def test_amend_child_keeps_who_when_and_why(records, clock, ada) -> None:
    clock.moment = NOW + timedelta(days=2)
    child = records.child(ada)
    change = records.amend_child(replace(child, year_group="Year 8"), "  Moved up a year  ")
    assert change == ChangeSet(children=True, child_id=ada, record_id=ada)

    history = records.history(RecordType.CHILD, ada)
    assert history.current["year_group"] == "Year 8"
    [earlier] = history.earlier
    assert earlier.fields["year_group"] == "Year 7"
    assert earlier.replaced_by == PROFILE.dsl_name
    assert earlier.replaced_at == NOW + timedelta(days=2)
    assert earlier.reason == "Moved up a year"


@pytest.mark.parametrize("reason", ["", "   "])
def test_amending_needs_a_reason(records, ada, reason: str) -> None:
    child = records.child(ada)
    with pytest.raises(InvalidRecord) as raised:
        records.amend_child(replace(child, year_group="Year 8"), reason)
    assert problem_fields(raised) == ["reason"]
    assert records.child(ada).year_group == "Year 7"
    assert records.history(RecordType.CHILD, ada).earlier == []


def test_amend_reports_record_and_reason_problems_together(records, ada) -> None:
    child = records.child(ada)
    with pytest.raises(InvalidRecord) as raised:
        records.amend_child(replace(child, full_name=""), "")
    assert problem_fields(raised) == ["full_name", "reason"]


def test_amending_from_a_stale_copy_is_refused(records, ada) -> None:
    first = records.child(ada)
    second = records.child(ada)
    records.amend_child(replace(first, tutor_group="7RB"), "Tutor group")
    with pytest.raises(StaleRecord):
        records.amend_child(replace(second, tutor_group="7KM"), "Tutor group too")
    assert records.child(ada).tutor_group == "7RB"


# Concerns -------------------------------------------------------------------------------


def test_record_concern_adds_a_line_and_counts_as_open(records, ada) -> None:
    change = records.record_concern(
        make_concern(ada, what_happened="Said she sleeps on the sofa most nights.")
    )
    assert change == ChangeSet(
        children=True, chronology=True, child_id=ada, record_id=change.record_id
    )
    assert [s.open_concerns for s in records.child_summaries([ada])] == [1]
    [line] = records.entries(records.entry_ids(ada, ChronologyFilter()))
    assert line.kind is EntryKind.CONCERN
    assert line.concern_id == change.record_id
    assert line.title == "Neglect: Said she sleeps on the sofa most nights."


def test_record_concern_checks_against_the_clock(records, clock, ada) -> None:
    later = NOW + timedelta(hours=1)
    concern = make_concern(ada, occurred_at=later, recorded_at=later)
    with pytest.raises(InvalidRecord) as raised:
        records.record_concern(concern)
    assert problem_fields(raised) == ["occurred_at", "recorded_at"]
    assert records.concerns_for_child(ada) == []

    clock.moment = later
    records.record_concern(concern)
    assert len(records.concerns_for_child(ada)) == 1


def test_record_concern_names_every_missing_part(records, ada) -> None:
    with pytest.raises(InvalidRecord) as raised:
        records.record_concern(
            make_concern(ada, what_happened=" ", raised_by="", categories=frozenset())
        )
    assert problem_fields(raised) == ["what_happened", "raised_by", "categories"]


def test_amend_concern_updates_its_line_and_the_open_count(records, ada) -> None:
    concern_id = records.record_concern(make_concern(ada)).record_id
    concern = records.concern(concern_id)
    closed = replace(
        concern,
        categories=frozenset({Category.NEGLECT, Category.MENTAL_HEALTH}),
        status=ConcernStatus.CLOSED,
        outcome="Early Help in place.",
    )

    change = records.amend_concern(closed, "Closed after review")

    assert change == ChangeSet(children=True, chronology=True, child_id=ada, record_id=concern_id)
    assert records.concern(concern_id).status is ConcernStatus.CLOSED
    assert [s.open_concerns for s in records.child_summaries([ada])] == [0]
    [line] = records.entries(records.entry_ids(ada, ChronologyFilter()))
    assert line.title == "Mental health, Neglect: Arrived late and hungry again."
    with pytest.raises(InvalidRecord) as raised:
        records.amend_concern(records.concern(concern_id), " ")
    assert problem_fields(raised) == ["reason"]


# Chronology -------------------------------------------------------------------------------


def entry(child_id: int, **fields: object) -> ChronologyEntry:
    values: dict[str, object] = {
        "kind": EntryKind.CONTACT,
        "occurred_at": datetime(2025, 3, 7, 11, 0),
        "title": "Call from Early Help",
        **fields,
    }
    return ChronologyEntry(child_id=child_id, **values)  # type: ignore[arg-type]


def test_add_entry(records, ada) -> None:
    change = records.add_entry(entry(ada))
    assert change == ChangeSet(chronology=True, child_id=ada, record_id=change.record_id)
    assert records.entry(change.record_id).title == "Call from Early Help"


@pytest.mark.parametrize("kind", [EntryKind.CONCERN, EntryKind.ACTION])
def test_concerns_and_actions_are_not_free_text_entries(records, ada, kind: EntryKind) -> None:
    with pytest.raises(InvalidRecord) as raised:
        records.add_entry(entry(ada, kind=kind))
    assert problem_fields(raised) == ["kind"]
    assert "own form" in raised.value.problems[0].message


def test_an_entry_needs_a_title(records, ada) -> None:
    with pytest.raises(InvalidRecord) as raised:
        records.add_entry(entry(ada, title="  "))
    assert problem_fields(raised) == ["title"]


def test_amend_entry(records, ada) -> None:
    entry_id = records.add_entry(entry(ada)).record_id
    current = records.entry(entry_id)
    with pytest.raises(InvalidRecord) as raised:
        records.amend_entry(replace(current, title="Call from the school nurse"), "")
    assert problem_fields(raised) == ["reason"]
    change = records.amend_entry(replace(current, title="Call from the school nurse"), "Typo")
    assert change == ChangeSet(chronology=True, child_id=ada, record_id=entry_id)
    assert records.entry(entry_id).title == "Call from the school nurse"
    assert records.entry(entry_id).version == 2


# Follow-up actions ------------------------------------------------------------------------


def test_add_action(records, ada) -> None:
    change = records.add_action(make_action(ada))
    assert change == ChangeSet(actions=True, child_id=ada, record_id=change.record_id)
    with pytest.raises(InvalidRecord) as raised:
        records.add_action(make_action(ada, description="", owner=" "))
    assert problem_fields(raised) == ["description", "owner"]


def test_complete_action(records, clock, ada) -> None:
    action_id = records.add_action(make_action(ada, due_on=date(2025, 3, 7))).record_id
    assert [o.action.id for o in records.overdue_actions()] == [action_id]

    clock.moment = datetime(2025, 3, 12, 16, 0)
    change = records.complete_action(action_id)

    assert change == ChangeSet(actions=True, child_id=ada, record_id=action_id)
    [done] = records.actions_for_child(ada)
    assert done.done_on == date(2025, 3, 12)
    assert records.overdue_actions() == []
    [earlier] = records.history(RecordType.ACTION, action_id).earlier
    assert earlier.fields["done_on"] == ""
    assert earlier.reason == "Marked done"
    assert earlier.replaced_by == PROFILE.dsl_name


def test_overdue_follows_the_clock(records, clock, ada) -> None:
    action_id = records.add_action(make_action(ada, due_on=date(2025, 3, 14))).record_id
    assert records.overdue_actions() == []
    clock.moment = datetime(2025, 3, 14, 23, 59)
    assert records.overdue_actions() == []
    clock.moment = datetime(2025, 3, 15, 0, 0)
    [overdue] = records.overdue_actions()
    assert (overdue.action.id, overdue.child_name) == (action_id, "Ada Testperson")


# Drafts -------------------------------------------------------------------------------------


def test_drafts(records, clock) -> None:
    records.save_draft(Draft("concern:new:1", "New concern", {"what_happened": "Half"}))
    clock.moment = NOW + timedelta(minutes=1)
    records.save_draft(Draft("concern:new:1", "New concern", {"what_happened": "Half a line"}))
    [draft] = records.drafts()
    assert draft.fields == {"what_happened": "Half a line"}
    assert draft.saved_at == NOW + timedelta(minutes=1)

    assert records.discard_draft("concern:new:1") == ChangeSet(drafts=True)
    assert records.drafts() == []
