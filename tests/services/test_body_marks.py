"""Body map marks through the services: recorded under a concern, a line in the chronology
and an entry in the audit trail, amended with the earlier version kept; and drawn in the
documents as vector shapes with a table of the marks. Every name is fictional.

The clock is Monday 10/03/2025 09:30 (tests/core_fixtures.NOW).
"""

from __future__ import annotations

from dataclasses import replace
from datetime import date, datetime, time

import pypdfium2 as pdfium
import pytest

from scr_reflect.domain.audit import AuditAction, AuditFilter
from scr_reflect.domain.body_map import BodyMark, BodyView, HowKnown, MarkShape
from scr_reflect.domain.chronology_filter import ChronologyFilter
from scr_reflect.domain.enums import EntryKind, RecordType
from scr_reflect.domain.records import Child
from scr_reflect.domain.referrals import Agency, Escalation, Referral, ReferralOutcome
from scr_reflect.services.errors import InvalidRecord
from scr_reflect.services.reports import ReportService
from scr_reflect.services.workspace import Workspace
from tests.core_fixtures import make_concern
from tests.reports.pdf_checks import all_text, reader


@pytest.fixture
def child_and_concern(memory_workspace: Workspace) -> tuple[int, int]:
    records = memory_workspace.records
    child_id = records.add_child(Child("Tilly Marchbank", date(2019, 5, 4))).record_id
    assert child_id is not None
    concern_id = records.record_concern(make_concern(child_id)).record_id
    assert concern_id is not None
    return child_id, concern_id


def arm_mark(child_id: int, concern_id: int, seen_on: date = date(2025, 3, 3)) -> BodyMark:
    return BodyMark(
        child_id, concern_id, BodyView.FRONT, 0.85, 0.33, "left upper arm, front",
        MarkShape.OVAL, "purple-blue", HowKnown.SEEN, "Ms Pell, teaching assistant", seen_on,
        time(10, 40), 3.0, 2.0, child_said="I banged it on the door.",
    )  # fmt: skip


def titles(ws: Workspace, child_id: int) -> list[str]:
    records = ws.records
    return [e.title for e in records.entries(records.entry_ids(child_id, ChronologyFilter()))]


def test_a_mark_is_kept_with_its_concern_written_in_the_chronology_and_audited(
    memory_workspace: Workspace, child_and_concern: tuple[int, int]
) -> None:
    ws, (child_id, concern_id) = memory_workspace, child_and_concern
    mark = arm_mark(child_id, concern_id)
    change = ws.structured.add(mark)

    stored = ws.structured.get(RecordType.BODY_MARK, change.record_id)
    assert stored == replace(mark, id=change.record_id)
    assert ws.structured.picture(child_id).marks == (stored,)
    line = "Mark on the left upper arm, front: 3 x 2 cm, oval, purple-blue; " + (
        "no broken skin, swelling or bleeding"
    )
    assert line in titles(ws, child_id)
    trail = ws.audit.entries(ws.audit.seqs(AuditFilter(child_id=child_id)))
    assert any(
        e.action is AuditAction.CREATE and (e.record_type, e.record_id) == ("body_mark", stored.id)
        for e in trail
    )


def test_amending_a_mark_keeps_the_earlier_version_and_replaces_its_line(
    memory_workspace: Workspace, child_and_concern: tuple[int, int]
) -> None:
    ws, (child_id, concern_id) = memory_workspace, child_and_concern
    mark_id = ws.structured.add(arm_mark(child_id, concern_id)).record_id
    mark = ws.structured.get(RecordType.BODY_MARK, mark_id)
    before = titles(ws, child_id)

    amended = replace(mark, colour="red", broken_skin=True)
    ws.structured.amend(amended, "Colour corrected after the school nurse looked")

    assert ws.structured.get(RecordType.BODY_MARK, mark_id) == replace(amended, version=2)
    history = ws.records.history(RecordType.BODY_MARK, mark_id)
    assert [v.reason for v in history.earlier] == ["Colour corrected after the school nurse looked"]
    assert history.earlier[0].fields["colour"] == "purple-blue"
    assert history.current["colour"] == "red"
    assert history.earlier[0].fields["seen_time"] == "10:40"
    after = titles(ws, child_id)
    assert len(after) == len(before)
    assert any("oval, red; broken skin" in title for title in after)


def test_a_mark_whose_region_does_not_match_where_it_is_placed_is_refused(
    memory_workspace: Workspace, child_and_concern: tuple[int, int]
) -> None:
    ws, (child_id, concern_id) = memory_workspace, child_and_concern
    wrong = replace(arm_mark(child_id, concern_id), region="right upper arm, front")
    with pytest.raises(InvalidRecord, match="does not match"):
        ws.structured.add(wrong)
    assert ws.structured.picture(child_id).marks == ()


def dark_share(pdf: bytes, page: int, box: tuple[float, float, float, float]) -> float:
    """The share of dark pixels in part of a rendered page (box as shares of its width and
    height, from the top left)."""
    image = pdfium.PdfDocument(pdf)[page].render(scale=1).to_pil().convert("L")
    width, height = image.size
    left, top, right, bottom = box
    crop = image.crop(
        (int(left * width), int(top * height), int(right * width), int(bottom * height))
    )
    shades = crop.histogram()  # how many pixels of each grey, black first
    return sum(shades[:128]) / sum(shades)


def test_the_referral_draws_the_body_map_as_shapes_with_a_table_of_the_marks(
    memory_workspace: Workspace, child_and_concern: tuple[int, int]
) -> None:
    ws, (child_id, concern_id) = memory_workspace, child_and_concern
    ws.structured.add(arm_mark(child_id, concern_id, date(2025, 2, 3)))
    ws.structured.add(arm_mark(child_id, concern_id))
    cheek = replace(
        arm_mark(child_id, concern_id), view=BodyView.HEAD, x=0.3, y=0.58, region="right cheek"
    )
    ws.structured.add(cheek)
    pdf = ReportService(ws).referral(child_id).pdf

    text = all_text(pdf)
    assert "Body map" in text
    assert "the school does not photograph children's bodies or injuries" in text
    assert "1 left upper arm, front 03/02/2025, 10:40" in text
    assert "3 right cheek 03/03/2025, 10:40" in text
    assert "“I banged it on the door.”" in text
    assert "A mark was recorded on the left upper arm on 03/02/2025." in text
    # Drawn, not pasted in: no page carries an image.
    for page in reader(pdf).pages:
        assert "/Image" not in str(page["/Resources"].get("/XObject", {}))
    page = next(i for i, t in enumerate(reader(pdf).pages) if "Each mark" in t.extract_text())
    # The figure is drawn at the left of the page, under the heading: outlines, not blank.
    assert dark_share(pdf, page, (0.08, 0.12, 0.36, 0.45)) > 0.01
    assert dark_share(pdf, page, (0.08, 0.12, 0.36, 0.45)) < 0.5  # outlines, not filled in


def test_the_chronology_shows_the_body_map_only_when_its_lines_are_shown(
    memory_workspace: Workspace, child_and_concern: tuple[int, int]
) -> None:
    ws, (child_id, concern_id) = memory_workspace, child_and_concern
    ws.structured.add(arm_mark(child_id, concern_id))
    service = ReportService(ws)
    assert "Each mark" in all_text(service.chronology(child_id).pdf)
    concerns_only = ChronologyFilter(frozenset({EntryKind.CONCERN}))
    assert "Each mark" not in all_text(service.chronology(child_id, concerns_only).pdf)
    before_it = ChronologyFilter(date_to=date(2025, 3, 2))
    assert "Each mark" not in all_text(service.chronology(child_id, before_it).pdf)
    assert [line.number for line in service.referral_data(child_id).marks] == [1]


def test_the_escalation_summary_shows_the_marks_known_when_it_was_settled(
    memory_workspace: Workspace, child_and_concern: tuple[int, int]
) -> None:
    ws, (child_id, concern_id) = memory_workspace, child_and_concern
    ws.structured.add(arm_mark(child_id, concern_id, date(2025, 2, 3)))
    referral = Referral(
        child_id, datetime(2025, 2, 4, 9), Agency.CHILDRENS_SOCIAL_CARE, "An assessment",
        ReferralOutcome.THRESHOLD_NOT_MET, "Explained as an accident", datetime(2025, 2, 5, 9),
    )  # fmt: skip
    referral_id = ws.structured.add(referral).record_id
    escalation = Escalation(
        child_id,
        referral_id,
        date(2025, 2, 6),
        "A second mark on the same arm",
        "A strategy discussion",
    )
    escalation_id = ws.structured.add(escalation).record_id
    ws.structured.add(arm_mark(child_id, concern_id))  # 03/03/2025
    service = ReportService(ws)

    text = all_text(service.escalation(child_id).pdf)
    assert "Body map" in text and "1 left upper arm, front 03/02/2025, 10:40" in text
    assert "2 left upper arm, front 03/03/2025, 10:40" in text

    settled = replace(
        ws.structured.get(RecordType.ESCALATION, escalation_id),
        resolved_on=date(2025, 2, 20),
        resolution="Strategy discussion held",
    )
    ws.structured.amend(settled, "Resolved")
    text = all_text(service.escalation(child_id).pdf)
    assert "1 left upper arm, front 03/02/2025" in text
    assert "03/03/2025" not in text  # seen after it was settled
