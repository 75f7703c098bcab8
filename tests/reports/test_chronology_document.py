"""The chronology: full or a date range, one row per entry, filtered by kind."""

from __future__ import annotations

from datetime import date

from scr_reflect.domain import display_dates as show
from scr_reflect.domain.chronology_filter import ChronologyFilter
from scr_reflect.domain.enums import EntryKind
from scr_reflect.services.reports import Report
from tests.reports.conftest import ZOE, Demo
from tests.reports.pdf_checks import all_text, flat


def test_the_full_chronology_has_every_entry_oldest_first(
    demo: Demo, zoe_chronology: Report
) -> None:
    text = all_text(zoe_chronology.pdf)
    assert ZOE in text and "The full chronology" in text
    ids = demo.ws.records.entry_ids(demo.zoe, ChronologyFilter())
    entries = list(reversed(demo.ws.records.entries(ids)))
    assert f"{len(entries)} entries" in text
    cursor = 0
    for entry in entries:  # each found after the one before it
        cursor = text.index(show.moment(entry.occurred_at, entry.time_known), cursor)
        cursor = text.index(flat(entry.title.partition(": ")[0]), cursor)


def test_a_line_kept_by_the_day_shows_its_date_alone(demo: Demo, zoe_chronology: Report) -> None:
    ids = demo.ws.records.entry_ids(demo.zoe, ChronologyFilter(frozenset({EntryKind.ESCALATION})))
    started = next(e for e in demo.ws.records.entries(ids) if "started" in e.title)
    assert not started.time_known
    text = all_text(zoe_chronology.pdf)
    # The date, then straight to its kind: no time the school never recorded.
    assert f"{show.day(started.occurred_at)} Escalation Escalation started" in text


def test_a_date_range_and_kinds_filter_the_rows(demo: Demo) -> None:
    wanted = ChronologyFilter(frozenset({EntryKind.MISSING}), date(2024, 9, 1), date(2025, 1, 31))
    report = demo.service.chronology(demo.zoe, wanted)
    text = all_text(report.pdf)
    assert "01/09/2024 to 31/01/2025" in text
    assert "Showing Missing episode" in text
    missing = demo.ws.structured.picture(demo.zoe).missing
    inside = [e for e in missing if date(2024, 9, 1) <= e.started_at.date() <= date(2025, 1, 31)]
    assert inside and f"{len(inside)} entries" in text
    for episode in missing:
        shown = f"{episode.started_at:%d/%m/%Y %H:%M}" in text
        assert shown == (episode in inside)
    assert "Concern" not in text.split("What happened", 1)[1]
