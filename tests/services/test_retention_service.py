"""The retention review as a DSL uses it: who is listed, holds, and when deletion is refused."""

from __future__ import annotations

from datetime import date

import pytest

from scr_reflect.domain.chronology_filter import ChronologyFilter
from scr_reflect.domain.records import Child
from scr_reflect.services.errors import InvalidRecord
from scr_reflect.services.retention import RetentionRefused
from scr_reflect.services.workspace import Workspace
from tests.core_fixtures import NOW, PROFILE

PAST = "Rowan Elderfield-Quist"  # turned 25 on 10 January 2025; the clock says 10 March 2025
NOT_YET = "Juno Brightwater"  # turns 25 next year


@pytest.fixture
def ids(memory_workspace: Workspace) -> dict[str, int]:
    records = memory_workspace.records
    return {
        name: records.add_child(Child(name, born)).child_id or 0
        for name, born in ((PAST, date(2000, 1, 10)), (NOT_YET, date(2001, 1, 1)))
    }


def lines_of(ws: Workspace, child_id: int) -> list[str]:
    entries = ws.records.entries(ws.records.entry_ids(child_id, ChronologyFilter()))
    return [f"{e.title}: {e.body}" for e in entries]


def test_an_empty_store_has_nothing_to_review(memory_workspace: Workspace) -> None:
    review = memory_workspace.retention.review()
    assert (review.due, review.on_hold, review.today) == ((), (), NOW.date())


def test_the_review_lists_only_those_past_their_date(memory_workspace, ids) -> None:
    review = memory_workspace.retention.review()

    assert [c.child_id for c in review.due] == [ids[PAST]]
    assert review.due[0].review_date == date(2025, 1, 10)


def test_a_hold_takes_a_child_off_the_list_until_it_is_lifted(memory_workspace, ids) -> None:
    retention, child_id = memory_workspace.retention, ids[PAST]

    changes = retention.place_hold(child_id, "  Local inquiry asked us to keep every record  ")

    review = retention.review()
    assert review.due == ()
    assert [(c.child_id, c.hold.reason) for c in review.on_hold if c.hold] == [
        (child_id, "Local inquiry asked us to keep every record")
    ]
    assert (changes.child_id, changes.chronology) == (child_id, True)

    retention.lift_hold(child_id)

    assert [c.child_id for c in retention.review().due] == [child_id]
    lines = lines_of(memory_workspace, child_id)
    assert any(
        line.startswith("Hold on the records lifted: Lifted by Ada Testperson") for line in lines
    )
    assert any("Placed by Ada Testperson. Reason: Local inquiry" in line for line in lines)


def test_a_hold_needs_a_reason_and_there_is_one_at_a_time(memory_workspace, ids) -> None:
    retention, child_id = memory_workspace.retention, ids[PAST]
    with pytest.raises(InvalidRecord):
        retention.place_hold(child_id, "  ")
    retention.place_hold(child_id, "Legal claim")

    with pytest.raises(RetentionRefused, match="already on hold"):
        retention.place_hold(child_id, "A second claim")
    retention.lift_hold(child_id)
    with pytest.raises(RetentionRefused, match="no hold to lift"):
        retention.lift_hold(child_id)


@pytest.mark.parametrize(
    ("who", "on_hold", "typed", "why"),
    [
        (NOT_YET, False, "DELETE", "has not come"),
        (PAST, True, "DELETE", "Lift the hold"),
        (PAST, False, "delete please", "type the child's full name or DELETE"),
        (PAST, False, "Rowan", "type the child's full name or DELETE"),
    ],
)
def test_deletion_is_refused_and_nothing_is_deleted(
    memory_workspace, ids, who: str, on_hold: bool, typed: str, why: str
) -> None:
    retention, child_id = memory_workspace.retention, ids[who]
    if on_hold:
        retention.place_hold(child_id, "Inquiry")

    with pytest.raises(RetentionRefused, match=why) as refused:
        retention.delete_child(child_id, typed)

    assert "Nothing was deleted" in str(refused.value)
    assert who not in str(refused.value) and PROFILE.dsl_name not in str(refused.value)
    assert memory_workspace.records.child(child_id).full_name == who


def test_a_child_past_their_date_is_deleted_with_their_name_typed(memory_workspace, ids) -> None:
    retention, records = memory_workspace.retention, memory_workspace.records

    changes = retention.delete_child(ids[PAST], "rowan elderfield-quist")

    assert (changes.children, changes.child_id) == (True, ids[PAST])
    assert records.search_children("") == [ids[NOT_YET]]
    assert retention.review().due == ()
