"""Whatever a DSL types comes back from the store exactly as typed, in every text field of
every record, and every document builds with it: emoji, right-to-left scripts, combining
marks, control characters (NUL included), mark-up and SQL characters, and a 1 MB note.

Only lone surrogates are left out: no keyboard or clipboard gives one, Qt never hands one
over, and UTF-8 cannot hold one. Children's names lose surrounding spaces by design.
"""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import closing

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from scr_reflect.domain.enums import RecordType
from scr_reflect.services import workspace
from scr_reflect.services.clock import FixedClock
from scr_reflect.services.reports import Report, ReportService
from scr_reflect.services.workspace import Workspace
from tests.core_fixtures import PROFILE
from tests.property.casefile import NOW, CaseFile, Typed, read_back, write_case_file

TRICKY = (
    "\U0001f469\u200d\U0001f469\u200d\U0001f467\u200d\U0001f466 \U0001f44d\U0001f3fd",  # ZWJ
    "\u0642\u0627\u0644\u062a: \u200f\u0644\u0627\u200f \u0645\u0631\u062d\u0628\u0627",  # RTL
    "\u05e9\u05c1\u05b8\u05dc\u05d5\u05b9\u05dd",  # Hebrew with points
    "Zoe\u0308 Nguye\u0302\u0303n a\u030a\u0323\u0361",  # combining marks
    "\x00\x01\x07\x08\x1b[31m\x7f\x9f",  # control characters, NUL and a terminal escape
    "one\r\ntwo\rthree\u2028four\u2029five\x85six\x0bseven\x0c",  # every kind of line break
    "\ufeff\u200b\u200d\u2066isolate\u2069\u202eoverride\u202c",  # invisible and bidi
    "\U0001d54f \U00010348 \U0010fffd \ufffd \uffff",  # astral planes, noncharacters
    "<b>&amp;</b> <br/> <para> ]]> & < > \" '",  # mark-up reportlab would read
    "%_ \\ '; DROP TABLE children; --",  # LIKE wildcards and SQL
    "  \t\n ",  # white space only
)
# Lone surrogates (category Cs) cannot be typed, and cannot be stored as UTF-8.
_ANY_CHARACTER = st.characters(exclude_categories=["Cs"])
TYPED = st.lists(
    st.one_of(st.text(_ANY_CHARACTER, max_size=30), st.sampled_from(TRICKY)), max_size=4
).map("".join)
REQUIRED = TYPED.filter(str.strip)  # a form refuses a blank required field


def _megabyte_note() -> str:
    """A note of 1 MiB in UTF-8: paragraphs of every kind of text above, over and over."""
    paragraph = " ".join(TRICKY) + " The child said it again at break time.\n"
    copies = 2**20 // len(paragraph.encode("utf-8")) + 1
    return paragraph * copies


MEGABYTE_NOTE = _megabyte_note()
# The fields that hold what a DSL writes at length (the rest are names and short answers).
NOTES = frozenset({
    "what_happened", "child_words", "action_taken", "outcome", "body", "notes", "child_said",
    "push_factors", "pull_factors", "summary", "claim", "evidence", "asked_for",
    "outcome_reasons", "why_we_disagree", "asking_for", "resolution", "response", "what", "why",
    "why_not_told", "answer", "draft_text",
})  # fmt: skip


@pytest.fixture(scope="module")
def ws() -> Iterator[Workspace]:
    space = workspace.in_memory(PROFILE, FixedClock(NOW))
    yield space
    space.close()


@pytest.fixture
def fresh_ws() -> Iterator[Workspace]:
    space = workspace.in_memory(PROFILE, FixedClock(NOW))
    yield space
    space.close()


def _drawn(data: st.DataObject) -> Typed:
    return lambda name, required: data.draw(REQUIRED if required else TYPED, label=name)


def _every_document(ws: Workspace, file: CaseFile) -> list[Report]:
    service = ReportService(ws, invariant=True)
    concern_id = file.first(RecordType.CONCERN).id
    return [
        service.referral(file.child_id, concern_id),
        service.escalation(file.child_id),
        service.chronology(file.child_id),
        service.supervision(),
    ]


@settings(max_examples=40, deadline=None)
@given(data=st.data())
def test_any_typed_text_reads_back_exactly(ws: Workspace, data: st.DataObject) -> None:
    file = write_case_file(ws, _drawn(data))
    assert read_back(ws, file) == []


@settings(max_examples=10, deadline=None)
@given(data=st.data())
def test_every_document_builds_with_any_typed_text(data: st.DataObject) -> None:
    # A workspace of its own: the supervision pack covers every child in the store.
    with closing(workspace.in_memory(PROFILE, FixedClock(NOW))) as ws:
        file = write_case_file(ws, _drawn(data))
        for report in _every_document(ws, file):
            assert report.pdf.startswith(b"%PDF-") and report.pages >= 1, report.document


def test_a_megabyte_note_in_every_field_reads_back_exactly(fresh_ws: Workspace) -> None:
    file = write_case_file(fresh_ws, lambda _name, _required: MEGABYTE_NOTE)
    assert read_back(fresh_ws, file) == []


def test_every_document_builds_with_pages_of_text_in_every_note(fresh_ws: Workspace) -> None:
    """Longer than a page, so every table row and paragraph holding it splits across pages."""
    pages_long = MEGABYTE_NOTE[:10_000]
    file = write_case_file(fresh_ws, lambda name, _r: pages_long if name in NOTES else "A name")
    for report in _every_document(fresh_ws, file):
        assert report.pages > 1, report.document


def test_every_document_builds_with_a_megabyte_note(fresh_ws: Workspace) -> None:
    # A chronology note: printed in full it runs to some 500 pages, and ten seconds to build.
    file = write_case_file(fresh_ws, lambda name, _r: MEGABYTE_NOTE if name == "body" else "A note")
    referral, escalation, chronology, supervision = _every_document(fresh_ws, file)
    assert chronology.pages > 100  # the note in full
    assert min(referral.pages, escalation.pages, supervision.pages) >= 1
