"""Opening a child's statements, run once ahead for no child: the first child opened after
unlock then compiles none of them, and nothing of a child is read or logged ahead."""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager
from datetime import date, datetime
from typing import Any

from sqlalchemy import Engine, event
from sqlalchemy.engine.default import CACHE_MISS

from scr_reflect.domain.chronology_filter import ChronologyFilter
from scr_reflect.domain.enums import EntryKind
from scr_reflect.domain.records import Child, ChronologyEntry, SchoolProfile
from scr_reflect.services import workspace
from scr_reflect.services.clock import FixedClock
from scr_reflect.services.glance import GLANCE_PARTS

NOW = datetime(2026, 11, 20, 9)


@contextmanager
def statements_run() -> Iterator[list[tuple[str, bool]]]:
    """Each statement run meanwhile, and whether it was compiled for it (a cache miss)."""
    run: list[tuple[str, bool]] = []

    def note(_conn: Any, _cur: Any, statement: str, _params: Any, context: Any, *_: Any) -> None:
        run.append((statement, getattr(context, "cache_hit", None) == CACHE_MISS))

    event.listen(Engine, "before_cursor_execute", note)
    try:
        yield run
    finally:
        event.remove(Engine, "before_cursor_execute", note)


def open_a_child(ws: workspace.Workspace, child_id: int) -> None:
    """What the window's opening reads (workspace_view.open_child)."""
    ws.records.child(child_id)
    ws.records.actions_for_child(child_id)
    ws.structured.picture(child_id, GLANCE_PARTS)
    ws.records.entries(ws.records.entry_ids(child_id, ChronologyFilter()))


def test_the_first_child_opened_compiles_nothing_and_nothing_was_read_ahead() -> None:
    ws = workspace.in_memory(SchoolProfile("Riverside Academy", "Sam Okafor"), FixedClock(NOW))
    child_id = ws.records.add_child(Child("Ada Fernsby-Obi", date(2012, 3, 4))).child_id
    ws.records.add_entry(ChronologyEntry(child_id, EntryKind.NOTE, NOW, "A note"))

    with statements_run() as ahead:
        ws.compile_opening_ahead()
    # Reads only: no audit entry (nothing was shown), nothing written.
    assert ahead and all(statement.lstrip().startswith("SELECT") for statement, _ in ahead)

    with statements_run() as opening:
        open_a_child(ws, child_id)
    assert opening and [s for s, compiled in opening if compiled] == []
    ws.close()
