"""The demo caseload holds a realistic example of each structured record the issue names."""

from __future__ import annotations

from collections.abc import Iterator
from datetime import datetime, timedelta

import pytest

from scr_reflect.demo.caseload import DEMO_PROFILE, load_demo_caseload
from scr_reflect.domain.accounts import AccountSource, ClaimStatus, EvidenceKind
from scr_reflect.domain.chronology_filter import ChronologyFilter
from scr_reflect.domain.education import AbsenceKind, WhereaboutsCheck
from scr_reflect.domain.enums import FREE_TEXT_KINDS
from scr_reflect.domain.missing import Trend
from scr_reflect.domain.referrals import ReferralOutcome
from scr_reflect.services import workspace
from scr_reflect.services.clock import FixedClock
from scr_reflect.services.structured import ChildPicture
from scr_reflect.services.workspace import Workspace

# A Saturday: weekend days move back to the Friday, which must not upset any record.
NOW = datetime(2027, 3, 6, 8, 30)


@pytest.fixture(scope="module")
def demo() -> Iterator[Workspace]:
    ws = workspace.in_memory(DEMO_PROFILE, FixedClock(NOW))
    load_demo_caseload(ws)
    yield ws
    ws.close()


@pytest.fixture(scope="module")
def pictures(demo: Workspace) -> dict[str, ChildPicture]:
    return {
        demo.records.child(i).full_name: demo.structured.picture(i)
        for i in demo.records.search_children("")
    }


def test_the_fifteen_year_old_went_missing_three_times_lately_and_missed_an_interview(
    demo: Workspace, pictures: dict[str, ChildPicture]
) -> None:
    (zoe_id,) = demo.records.search_children("Łukasiewicz")
    picture = pictures[demo.records.child(zoe_id).full_name]

    assert demo.records.child(zoe_id).age_on(NOW.date()) == 15
    assert picture.missing_pattern.in_last_90_days >= 3
    assert picture.missing_pattern.frequency is Trend.RISING
    recent = [e for e in picture.missing if e.started_at >= NOW - timedelta(days=90)]
    assert sum(e.interview_missed(NOW) for e in recent) == 1


def test_the_fifteen_year_old_also_slipped_out_of_school_and_nobody_could_confirm_where(
    demo: Workspace, pictures: dict[str, ChildPicture]
) -> None:
    (zoe_id,) = demo.records.search_children("Łukasiewicz")
    absences = pictures[demo.records.child(zoe_id).full_name].education
    # Kept apart from her missing episodes, each a part-day absence that was checked.
    assert {a.kind for a in absences} == {AbsenceKind.LEFT_SITE, AbsenceKind.MISSED_LESSONS}
    assert all(a.checked is WhereaboutsCheck.NOT_CONFIRMED and a.check_notes for a in absences)
    assert any(not a.start_time_known for a in absences)


def test_the_bruises_the_stories_describe_are_on_their_body_maps_with_the_concern(
    demo: Workspace, pictures: dict[str, ChildPicture]
) -> None:
    marked = {name: picture.marks for name, picture in pictures.items() if picture.marks}
    assert {name: len(marks) for name, marks in marked.items()} == {
        "Harvey Quennell": 1,
        "Poppy Fairweather-Mensah": 2,
    }
    for marks in marked.values():
        for mark in marks:
            concern = demo.records.concern(mark.concern_id)
            assert concern.child_id == mark.child_id and "bruise" in concern.what_happened
            assert mark.child_said == concern.child_words


def test_a_parents_account_is_contradicted_by_a_record_or_an_observation(
    pictures: dict[str, ChildPicture],
) -> None:
    contradicted = [
        claim
        for picture in pictures.values()
        for item in picture.accounts
        if item.account.source is AccountSource.PARENT
        for claim in item.claims
        if claim.status is ClaimStatus.CONTRADICTED
        and claim.evidence_kind in (EvidenceKind.RECORD, EvidenceKind.OBSERVATION)
    ]

    assert contradicted and all(claim.evidence.strip() for claim in contradicted)


def test_one_child_has_two_referrals_closed_as_threshold_not_met(
    pictures: dict[str, ChildPicture],
) -> None:
    counts = {
        name: sum(
            case.referral.outcome is ReferralOutcome.THRESHOLD_NOT_MET for case in picture.referrals
        )
        for name, picture in pictures.items()
    }

    assert counts["Harvey Quennell"] == 2


def test_an_escalation_in_progress_has_an_overdue_step_shown_on_opening(demo: Workspace) -> None:
    waiting = demo.structured.waiting()

    assert waiting.steps_overdue
    for step, escalation, _name in waiting.steps_overdue:
        assert escalation.resolved_on is None
        assert step.stage in demo.procedure.stage_keys
        assert step.next_deadline is not None and step.next_deadline < NOW.date()


def test_a_referral_still_waiting_for_a_reply_is_overdue(demo: Workspace) -> None:
    assert demo.structured.waiting().feedback_overdue


def test_a_decision_not_to_share_gives_its_reasons(pictures: dict[str, ChildPicture]) -> None:
    held_back = [d for p in pictures.values() for d in p.sharing if not d.shared]

    assert held_back and all(d.why.strip() for d in held_back)


def test_factors_build_up_over_time_for_a_child(pictures: dict[str, ChildPicture]) -> None:
    spans = [
        max(f.first_known for f in p.factors) - min(f.first_known for f in p.factors)
        for p in pictures.values()
        if len(p.factors) >= 3
    ]

    assert spans and max(spans) >= timedelta(days=180)


def test_free_text_lines_are_only_notes_contacts_and_meetings(demo: Workspace) -> None:
    for child_id in demo.records.search_children(""):
        ids = demo.records.entry_ids(child_id, ChronologyFilter())
        for entry in demo.records.entries(ids):
            if entry.record_type is None:
                assert entry.kind in FREE_TEXT_KINDS, entry.title
