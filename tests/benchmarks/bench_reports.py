"""How long the PDF documents take to build (not part of the test run).

    .venv/bin/python -m tests.benchmarks.bench_reports

A referral summary for a child with a 300-entry chronology (aim: well under a second) and a
supervision pack of 50 open cases, each timed as the app runs it (read the records, then
build the PDF) and the build alone. Prints medians of several runs. All data is fictional.
"""

from __future__ import annotations

import statistics
import time
from collections.abc import Callable
from datetime import date, datetime, timedelta

from scr_reflect.demo.caseload import DEMO_PROFILE
from scr_reflect.domain.enums import Category, EntryKind
from scr_reflect.domain.factors import CumulativeFactor, Factor
from scr_reflect.domain.missing import MissingEpisode
from scr_reflect.domain.records import Child, ChronologyEntry, Concern, FollowUpAction
from scr_reflect.domain.referrals import Agency, Referral, ReferralOutcome
from scr_reflect.reports.referral import build_referral_summary
from scr_reflect.reports.supervision import build_supervision_pack
from scr_reflect.services import workspace
from scr_reflect.services.clock import FixedClock
from scr_reflect.services.reports import ReportService
from scr_reflect.services.workspace import Workspace

RUNS = 7
NOW = datetime(2025, 3, 10, 9, 30)
ENTRIES = 300
CASES = 50
KINDS = (EntryKind.NOTE, EntryKind.CONTACT, EntryKind.MEETING)
BODY = (
    "Spoke with the class teacher and the pastoral manager; the child was quiet in lessons, "
    "ate a full lunch and said the weekend had been 'all right'. Mother phoned at 3.15 pm."
)


def median_ms(action: Callable[[], object]) -> str:
    samples = []
    for _ in range(RUNS):
        start = time.perf_counter()
        action()
        samples.append(time.perf_counter() - start)
    return f"{statistics.median(samples) * 1000:.0f} ms"


def add_child(ws: Workspace, name: str, born: date) -> int:
    child_id = ws.records.add_child(Child(name, born, year_group="Year 9")).record_id
    assert child_id is not None
    return child_id


def add_concern(ws: Workspace, child_id: int, days_ago: int, words: str) -> None:
    occurred = NOW - timedelta(days=days_ago)
    ws.records.record_concern(
        Concern(
            child_id,
            occurred,
            occurred,
            "Form tutor",
            "Arrived without a coat in the rain and said there was no food at home.",
            frozenset({Category.NEGLECT}),
            child_words=words,
            action_taken="Breakfast club offered; mother phoned.",
        )
    )


def long_chronology_child(ws: Workspace) -> int:
    child_id = add_child(ws, "Zoë Łukasiewicz-Nguyễn", date(2010, 4, 2))
    # 8 concerns, 2 factors and 4 missing episodes below bring it to ENTRIES lines.
    for number in range(ENTRIES - 14):
        when = NOW - timedelta(days=360) + timedelta(hours=30 * number)
        ws.records.add_entry(
            ChronologyEntry(child_id, KINDS[number % 3], when, f"Check-in {number + 1}", BODY)
        )
    for days_ago in range(340, 20, -40):
        add_concern(ws, child_id, days_ago, "I don't want to go home tonight.")
    for factor, days_ago in ((Factor.POVERTY, 300), (Factor.DOMESTIC_ABUSE, 200)):
        ws.structured.add(
            CumulativeFactor(child_id, factor, (NOW - timedelta(days=days_ago)).date(), "Mother")
        )
    for days_ago in (150, 90, 60, 30):
        start = NOW - timedelta(days=days_ago)
        ws.structured.add(
            MissingEpisode(child_id, start, start + timedelta(hours=9), found_where="A park")
        )
    return child_id


def open_cases(ws: Workspace) -> None:
    for number in range(CASES):
        child_id = add_child(ws, f"Fictional Child {number + 1:02d}", date(2012, 1, 1))
        add_concern(ws, child_id, 40 + number, "It's fine.")
        add_concern(ws, child_id, 10 + number % 7, "Nobody was in.")
        due = (NOW - timedelta(days=number % 5)).date()
        ws.records.add_action(FollowUpAction(child_id, "Phone mother", "DSL", due))
        if number % 3 == 0:
            ws.structured.add(
                Referral(
                    child_id,
                    NOW - timedelta(days=5),
                    Agency.CHILDRENS_SOCIAL_CARE,
                    "An assessment",
                    ReferralOutcome.THRESHOLD_NOT_MET,
                    "Early help instead",
                    NOW - timedelta(days=4),
                )
            )


def main() -> None:
    ws = workspace.in_memory(DEMO_PROFILE, FixedClock(NOW))
    service = ReportService(ws)
    child_id = long_chronology_child(ws)
    data = service.referral_data(child_id)
    assert len(data.chronology) == ENTRIES
    report = service.referral(child_id)
    rows = [
        (
            f"referral summary, {len(data.chronology)}-entry chronology ({report.pages} pages)",
            median_ms(lambda: service.referral(child_id)),
            median_ms(lambda: build_referral_summary(data)),
        )
    ]
    open_cases(ws)
    pack = service.supervision_data()
    assert len(pack.cases) == CASES + 1
    pages = service.supervision().pages
    rows.append(
        (
            f"supervision pack, {len(pack.cases)} open cases ({pages} pages)",
            median_ms(service.supervision),
            median_ms(lambda: build_supervision_pack(pack)),
        )
    )
    ws.close()
    print(f"{'document':<58} {'read + build':>13} {'build only':>11}  (median of {RUNS})")
    for name, total, build in rows:
        print(f"{name:<58} {total:>13} {build:>11}")


if __name__ == "__main__":
    main()
