"""The demo caseload as a service: the written stories and the generator behind --scale large."""

from __future__ import annotations

from datetime import date, datetime

import pytest

from scr_reflect.demo.caseload import (
    BENCHMARK_CHILD_NAME,
    DEMO_PROFILE,
    StoreNotEmpty,
    generate_large_caseload,
    load_demo_caseload,
)
from scr_reflect.demo.stories.dates import year_group
from scr_reflect.domain.chronology_filter import ChronologyFilter
from scr_reflect.domain.enums import FREE_TEXT_KINDS, EntryKind, RecordType
from scr_reflect.domain.structured_validation import missing_problems, referral_problems
from scr_reflect.domain.validation import child_problems
from scr_reflect.services import workspace
from scr_reflect.services.clock import FixedClock
from scr_reflect.services.progress import Progress
from scr_reflect.services.workspace import Workspace
from tests.store_access import store_of

# A Monday, so "yesterday" falls on a weekend.
NOW = datetime(2026, 11, 30, 9, 0)


@pytest.fixture
def ws() -> Workspace:
    return workspace.in_memory(DEMO_PROFILE, FixedClock(NOW))


def _everything(ws: Workspace) -> list[int]:
    return ws.records.search_children("")


def test_small_demo_dates_are_relative_to_the_clock_and_on_school_days(ws: Workspace) -> None:
    steps: list[Progress] = []
    load_demo_caseload(ws, progress=steps.append)

    assert steps[-1] == Progress(len(steps), len(steps))
    for child_id in _everything(ws):
        for concern in ws.records.concerns_for_child(child_id):
            assert concern.occurred_at <= concern.recorded_at <= NOW
            assert concern.occurred_at.weekday() < 5
        for action in ws.records.actions_for_child(child_id):
            assert action.done_on is None or action.done_on <= NOW.date()


def test_small_demo_gives_the_same_ages_whenever_it_is_loaded() -> None:
    ages = []
    for moment in (NOW, datetime(2031, 3, 1, 12, 0)):
        ws = workspace.in_memory(DEMO_PROFILE, FixedClock(moment))
        load_demo_caseload(ws)
        ages.append([ws.records.child(i).age_on(moment.date()) for i in _everything(ws)])
    assert ages[0] == ages[1]


def test_demo_goes_only_into_an_empty_store(ws: Workspace) -> None:
    load_demo_caseload(ws)

    with pytest.raises(StoreNotEmpty):
        load_demo_caseload(ws)


def test_large_generator_writes_exactly_the_counts_asked_for(ws: Workspace) -> None:
    steps = list(generate_large_caseload(ws, children=250, concerns=900, entries=3000, actions=60))

    bulk = store_of(ws).demo_bulk
    assert steps[-1] == Progress(250, 250)
    assert [s.done for s in steps] == sorted(s.done for s in steps)
    counts = {t: bulk.max_id(t) for t in ("children", "concerns", "chronology_entries", "actions")}
    assert counts == {"children": 250, "concerns": 900, "chronology_entries": 3000, "actions": 60}
    concern_lines = ChronologyFilter(kinds=frozenset({EntryKind.CONCERN}))
    assert sum(len(ws.records.entry_ids(i, concern_lines)) for i in _everything(ws)) == 900


def test_large_generator_gives_the_benchmark_child_exactly_500_entries(ws: Workspace) -> None:
    list(generate_large_caseload(ws, children=20, concerns=100, entries=800, actions=10))

    (benchmark,) = ws.records.search_children(BENCHMARK_CHILD_NAME)
    assert len(ws.records.entry_ids(benchmark, ChronologyFilter())) == 500


def test_large_generator_records_are_valid_and_in_the_past(ws: Workspace) -> None:
    list(generate_large_caseload(ws, children=40, concerns=200, entries=1000, actions=40))

    for child_id in _everything(ws):
        assert child_problems(ws.records.child(child_id), NOW.date()) == []
        for concern in ws.records.concerns_for_child(child_id):
            assert concern.occurred_at <= concern.recorded_at <= NOW
        picture = ws.structured.picture(child_id)
        for episode in picture.missing:
            assert missing_problems(episode, NOW) == []
        for case in picture.referrals:
            assert referral_problems(case.referral, NOW) == []


def test_large_generator_writes_missing_episodes_and_referrals_as_records(ws: Workspace) -> None:
    list(generate_large_caseload(ws, children=30, concerns=100, entries=1200, actions=5))

    lines = [
        entry
        for child_id in _everything(ws)
        for entry in ws.records.entries(ws.records.entry_ids(child_id, ChronologyFilter()))
    ]
    by_record = {e.record_type for e in lines if e.record_type is not None}
    # Concerns' lines name their concern as the app's own do.
    assert by_record == {RecordType.CONCERN, RecordType.MISSING, RecordType.REFERRAL}
    assert {e.kind for e in lines if e.record_type is RecordType.CONCERN} == {EntryKind.CONCERN}
    typed = {e.kind for e in lines if e.record_type is None}
    assert typed <= set(FREE_TEXT_KINDS)
    # Replies were all received, so the opening banner is not flooded with generated ones.
    assert ws.structured.waiting().feedback_overdue == ()


def test_large_generator_is_the_same_for_the_same_seed() -> None:
    names = []
    for _ in range(2):
        ws = workspace.in_memory(DEMO_PROFILE, FixedClock(NOW))
        list(generate_large_caseload(ws, children=30, concerns=100, entries=700, actions=5))
        names.append([s.full_name for s in ws.records.child_summaries(_everything(ws))])
    assert names[0] == names[1]


def test_large_generator_appends_after_existing_records(ws: Workspace) -> None:
    load_demo_caseload(ws)
    before = len(_everything(ws))

    list(generate_large_caseload(ws, children=10, concerns=60, entries=600, actions=5))

    assert len(_everything(ws)) == before + 10


def test_large_generator_refuses_counts_too_small_for_the_benchmark_child(ws: Workspace) -> None:
    with pytest.raises(ValueError):
        next(generate_large_caseload(ws, children=5, concerns=50, entries=300))


@pytest.mark.parametrize(
    ("born", "expected"),
    [
        (date(2015, 8, 31), "Year 7"),  # eleven on 31 August: the oldest in the year
        (date(2015, 9, 1), "Year 6"),
        (date(2021, 8, 31), "Year 1"),
        (date(2021, 9, 1), "Reception"),
        (date(2022, 9, 1), "Nursery"),
    ],
)
def test_year_group_follows_the_31_august_cut_off(born: date, expected: str) -> None:
    assert year_group(born, date(2026, 11, 27)) == expected
