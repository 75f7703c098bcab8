"""The supervision pack for the whole demo caseload."""

from __future__ import annotations

from scr_reflect.domain.enums import ConcernStatus
from scr_reflect.reports.questions import several_without_referral
from scr_reflect.services.reports import Report
from tests.reports.conftest import REASONS, WOULD_CHANGE, ZOE, Demo
from tests.reports.pdf_checks import all_text, flat


def test_open_cases_with_days_since_the_last_action(demo: Demo, supervision: Report) -> None:
    text = all_text(supervision.pdf)
    data = demo.service.supervision_data()
    summaries = demo.ws.records.child_summaries(demo.ws.records.search_children(""))
    open_names = {s.display_name for s in summaries if s.open_concerns}
    assert {case.child_name for case in data.cases} == open_names
    assert f"Open cases {len(open_names)}" in text
    for case in data.cases:
        assert case.child_name in text
        if case.last_recorded:
            days = (demo.ws.clock.today() - case.last_recorded.date()).days
            assert f"{case.last_recorded:%d/%m/%Y} {days} day" in text
    quiet = [c.last_recorded for c in data.cases if c.last_recorded]
    assert quiet == sorted(quiet)


def test_every_outstanding_action_and_what_waits_for_a_reply(
    demo: Demo, supervision: Report
) -> None:
    text = all_text(supervision.pdf)
    outstanding = demo.ws.records.outstanding_actions()
    overdue = demo.ws.records.overdue_actions()
    assert overdue and len(outstanding) > len(overdue)  # some are not due yet
    assert f"Outstanding actions {len(outstanding)} ({len(overdue)} overdue)" in text
    listed = text.split("Every action not yet marked done")[1].split("Waiting for a reply")[0]
    for item in outstanding:
        assert flat(item.action.description)[:40] in listed
    assert "Overdue by" in listed and "Due in" in listed
    assert "Escalation, Stage 2: DSL to team manager: Ms Ashworth-Oyelaran" in text
    assert "Not yet due" in text  # Zoë's step is due on 12/03/2025


def test_several_concerns_and_no_referral(demo: Demo, supervision: Report) -> None:
    text = all_text(supervision.pdf)
    several = [c for c in demo.service.supervision_data().cases if several_without_referral(c)]
    assert several
    section = text.split("Several concerns (2 or more) and no referral")[1]
    section = section.split("The DSL's reflections")[0]
    for case in several:
        assert case.child_name in section


def test_the_dsls_reflections_and_questions_to_discuss(demo: Demo, supervision: Report) -> None:
    text = all_text(supervision.pdf)
    reflections = text.split("The DSL's reflections")[1].split("Questions to discuss")[0]
    assert ZOE in reflections
    assert "Referral to children's social care" in reflections
    assert REASONS in reflections and WOULD_CHANGE in reflections
    questions = text.split("Questions to discuss")[1]
    assert ZOE in questions and "missing episodes in the last 90 days" in questions
    # Said to be the tool's own practice questions, not findings of the reviews.
    assert "each is a practice question of SCR Reflect's own" in " ".join(questions.split())
    zoe_case = next(c for c in demo.service.supervision_data().cases if c.child_name == ZOE)
    assert not zoe_case.unchallenged  # her "threshold not met" is being escalated
    assert "Supervision record" in text


def test_a_closed_case_is_left_out(demo: Demo) -> None:
    data = demo.service.supervision_data()
    for summary in demo.ws.records.child_summaries(demo.ws.records.search_children("")):
        concerns = demo.ws.records.concerns_for_child(summary.id)
        if concerns and all(c.status is ConcernStatus.CLOSED for c in concerns):
            assert summary.display_name not in {c.child_name for c in data.cases}


def test_the_audit_trails_newest_entry_is_printed_to_compare_later(demo: Demo) -> None:
    # Built here, not taken from the package's pack: other tests add to the trail meanwhile.
    text = " ".join(all_text(demo.service.supervision().pdf).split())
    checkpoint = demo.service.supervision_data().checkpoint
    assert checkpoint is not None
    assert f"Audit trail checkpoint: entry {checkpoint.seq}, {checkpoint.hash_prefix}" in text
    assert f"scr-reflect verify --checkpoint {checkpoint.token}" in text
