"""A retention hold's reason comes back as typed (spaces at either end aside), whatever it is."""

from __future__ import annotations

from datetime import date

from hypothesis import given, settings

from scr_reflect.domain.records import Child
from scr_reflect.services.workspace import Workspace
from tests.property.test_unicode_round_trip import REQUIRED, ws  # noqa: F401 (fixture)


@settings(max_examples=40, deadline=None)
@given(reason=REQUIRED)
def test_any_hold_reason_reads_back_exactly(ws: Workspace, reason: str) -> None:  # noqa: F811
    child_id = ws.records.add_child(Child("Former Pupil", date(2002, 1, 1))).child_id
    assert child_id is not None
    ws.retention.place_hold(child_id, reason)
    [held] = [c for c in ws.retention.review().on_hold if c.child_id == child_id]
    assert held.hold is not None and held.hold.reason == reason.strip()
