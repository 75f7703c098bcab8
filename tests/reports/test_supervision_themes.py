"""The supervision pack names each case's themes in its questions, not only counts.

A fictional 13-year-old under a special guardianship order: self-harm, an adult she has
never met messaging her online, and a grandmother who says she cannot cope.
"""

from __future__ import annotations

from datetime import date, datetime, timedelta

import pytest

from scr_reflect.domain.enums import Category
from scr_reflect.domain.factors import CumulativeFactor, Factor
from scr_reflect.domain.legal_status import LegalStatus
from scr_reflect.domain.records import Child, Concern, FollowUpAction, SchoolProfile
from scr_reflect.services import workspace
from scr_reflect.services.clock import FixedClock
from scr_reflect.services.reports import ReportService
from tests.reports.pdf_checks import all_text

NOW = datetime(2026, 11, 20, 10, 0)


@pytest.fixture
def pack_text():
    ws = workspace.in_memory(SchoolProfile("Larkspur Vale", "Sam Okafor"), FixedClock(NOW))
    child = ws.records.add_child(
        Child("Mira Testperson", date(2013, 4, 2), legal_status=LegalStatus.SPECIAL_GUARDIANSHIP)
    ).child_id
    for days_ago, categories, words in (
        (30, {Category.MENTAL_HEALTH}, "Fresh cuts on her forearm; she said she self-harms."),
        (
            9,
            {Category.ONLINE_HARM},
            "An older man she has never met messages her on Snapchat and asks for photos.",
        ),
        (2, {Category.NEGLECT}, "Grandmother phoned: she cannot cope and asked for help."),
    ):
        when = NOW - timedelta(days=days_ago)
        ws.records.record_concern(
            Concern(child, when, when, "Ms Obi, form tutor", words, frozenset(categories))
        )
    ws.structured.add(
        CumulativeFactor(child, Factor.CHILD_MENTAL_HEALTH, date(2026, 10, 21), "CAMHS letter")
    )
    for due, what in (
        (-3, "Call CAMHS about the referral"),
        (6, "Meet grandmother with Early Help"),
    ):
        ws.records.add_action(
            FollowUpAction(child, what, "Sam Okafor", NOW.date() + timedelta(days=due))
        )
    yield all_text(ReportService(ws, invariant=True).supervision().pdf)
    ws.close()


def test_questions_name_the_themes_the_records_hold(pack_text: str) -> None:
    asked = pack_text.split("Questions to discuss")[1].split("Supervision record")[0]
    assert "Concerns about: Mental health, Neglect, Online harm." in asked
    assert "Factors that apply: Mental health problems." in asked
    assert "Self-harm: named in the concern of 21/10/2026." in asked
    assert "An adult the family does not know, in contact online: named in the concern of" in asked
    assert "reported to the police or CEOP" in asked
    assert "A parent or carer not coping: named in the concern of 18/11/2026." in asked


def test_actions_not_yet_due_are_listed_beside_overdue_ones(pack_text: str) -> None:
    assert "Outstanding actions 2 (1 overdue)" in pack_text
    assert "Call CAMHS about the referral Sam Okafor 17/11/2026 Overdue by 3 days" in pack_text
    assert "Meet grandmother with Early Help Sam Okafor 26/11/2026 Due in 6 days" in pack_text


def test_factors_name_their_themes_where_no_concern_uses_the_words() -> None:
    """A fictional 14-year-old: the DSL recorded that an adult he does not know contacts him
    online and that he has hurt a younger pupil; no concern's words say either."""
    ws = workspace.in_memory(SchoolProfile("Larkspur Vale", "Sam Okafor"), FixedClock(NOW))
    child = ws.records.add_child(Child("Tobin Fakename", date(2012, 6, 9))).child_id
    when = NOW - timedelta(days=4)
    ws.records.record_concern(
        Concern(
            child, when, when, "Mr Adeyemi", "Withdrawn all week.", frozenset({Category.EMOTIONAL})
        )
    )
    for kind, known in (
        (Factor.CHILD_ONLINE_UNKNOWN_ADULT, date(2026, 10, 30)),
        (Factor.CHILD_HAS_HARMED, date(2026, 11, 3)),
    ):
        ws.structured.add(CumulativeFactor(child, kind, known, "Police call to the DSL"))
    text = all_text(ReportService(ws, invariant=True).supervision().pdf)
    ws.close()
    asked = " ".join(text.split("Questions to discuss")[1].split("Supervision record")[0].split())
    assert (
        "An adult the family does not know, in contact online: recorded as a factor since "
        "30/10/2026." in asked
    )
    assert "reported to the police or CEOP" in asked
    assert "Harm the child has done to another child: recorded as a factor since 03/11/2026." in (
        asked
    )
