"""The referral summary for Zoë: each section's content, as a social worker would read it."""

from __future__ import annotations

from dataclasses import replace
from datetime import date, datetime, timedelta

from scr_reflect.domain import display_dates as show
from scr_reflect.domain.accounts import ClaimStatus
from scr_reflect.domain.enums import ConcernStatus
from scr_reflect.domain.factors import Factor
from scr_reflect.domain.missing import InterviewOffer, InterviewOutcome, MissingEpisode
from scr_reflect.reports.blocks import child_rows
from scr_reflect.services.reports import Report
from tests.core_fixtures import make_child, make_concern
from tests.reports.conftest import CLAIM, CONTRADICTION, REASONS, WOULD_CHANGE, ZOE, Demo
from tests.reports.pdf_checks import all_text, flat, page_texts


def test_sections_come_in_the_order_a_reader_needs_them(zoe_referral: Report) -> None:
    text = all_text(zoe_referral.pdf)
    headings = [
        "Child and household",
        "What the school is asking for",
        "The concern",
        "What has been done",
        "The DSL's analysis",
        "Cumulative factors",
        "Missing episodes",
        "Missing education and part-day absences",
        "Parents' and carers' accounts",
        "Chronology, 10/03/2024 to 10/03/2025",
    ]
    positions = [text.index(h) for h in headings]
    assert positions == sorted(positions)


def test_names_with_polish_vietnamese_and_diaeresis_letters_survive(zoe_referral: Report) -> None:
    first = page_texts(zoe_referral.pdf)[0]
    assert ZOE in first
    for letter in "Łễë":
        assert letter in first


def test_the_child_and_the_concern_as_raised_and_in_the_childs_words(
    demo: Demo, zoe_referral: Report
) -> None:
    text = all_text(zoe_referral.pdf)
    child = demo.ws.records.child(demo.zoe)
    concern = demo.ws.records.concern(demo.concern_id)
    assert f"{child.date_of_birth:%d/%m/%Y} (age 15)" in text
    assert flat(child.household) in text
    assert f"As raised by {flat(concern.raised_by)} {flat(concern.what_happened)}" in text
    assert "DSL's words" not in text  # a member of staff raised it, in their own words
    assert f"\u201c{flat(concern.child_words)}\u201d" in text  # verbatim, in quotation marks
    assert flat(concern.action_taken) in text


def test_factors_carry_national_context_never_a_score(demo: Demo, zoe_referral: Report) -> None:
    text = all_text(zoe_referral.pdf)
    picture = demo.ws.structured.picture(demo.zoe)
    for factor in picture.factors:
        assert factor.factor.label in text
    if any(f.factor is Factor.PARENTAL_SEPARATION for f in picture.factors):
        assert "54% of SCRs 2014-17" in text
    assert "never a score or a prediction" in text
    assert "278 serious case reviews" in text
    assert "score:" not in text.lower() and "risk level" not in text.lower()


def test_missing_episodes_with_the_90_day_pattern(demo: Demo, zoe_referral: Report) -> None:
    text = all_text(zoe_referral.pdf)
    pattern = demo.ws.structured.picture(demo.zoe).missing_pattern
    assert f"{pattern.in_last_90_days} in the last 90 days" in text
    for episode in demo.ws.structured.picture(demo.zoe).missing:
        assert f"{episode.started_at:%d/%m/%Y %H:%M}" in text
        if episode.child_said:
            assert f"\u201c{flat(episode.child_said)}\u201d" in text


def test_absences_from_education_under_their_own_heading(demo: Demo, zoe_referral: Report) -> None:
    text = all_text(zoe_referral.pdf)
    listed = text.split("Missing education and part-day absences")[1].split("Parents'")[0]
    absences = demo.ws.structured.picture(demo.zoe).education
    assert len(absences) == 2
    assert "2 part-day absences recorded." in listed
    for absence in absences:
        assert absence.kind.label in listed
        assert flat(absence.said_to_be) in listed
    assert "Checked: it was not so, or could not be confirmed" in listed
    # A day kept without its time prints the day alone.
    missed = next(a for a in absences if not a.start_time_known)
    assert f"{show.day(missed.started_at)} {show.day(missed.ended_at)}" in listed  # type: ignore[arg-type]
    # The missing episodes' table holds none of them.
    episodes = text.split("Missing episodes")[1].split("Missing education")[0]
    assert "Part-day absence" not in episodes


def test_accounts_show_what_contradicts_them(zoe_referral: Report) -> None:
    text = all_text(zoe_referral.pdf)
    assert "Mother (parent)" in text
    assert CLAIM in text and "Contradicted" in text and CONTRADICTION in text


def test_a_checked_claim_names_its_source_and_one_that_could_not_be_checked_says_so(
    demo: Demo,
) -> None:
    structured = demo.ws.structured
    [item] = structured.picture(demo.zoe).accounts
    claim = next(c for c in item.claims if c.text == CLAIM)
    structured.check(
        replace(
            claim,
            status=ClaimStatus.UNVERIFIED,
            checked_against="Police log, 3/3 (PC Example)",
            checked_on=date(2025, 3, 4),
            checked_by="Ms Fictional",
        )
    )
    text = all_text(demo.service.referral(demo.zoe, demo.concern_id).pdf)
    assert "Police log, 3/3 (PC Example)" in text
    assert "checked 04/03/2025 by Ms Fictional" in text
    assert "Could not check" in text and "Contradicted" not in text


def test_the_dsls_analysis_and_the_ask(zoe_referral: Report) -> None:
    text = all_text(zoe_referral.pdf)
    assert "Decision Referral to children's social care" in text
    assert REASONS in text and WOULD_CHANGE in text
    assert "A strategy discussion after a fourth missing episode." in text


def test_the_chronology_extract_leaves_out_reflections_and_documents_produced(
    demo: Demo,
) -> None:
    data = demo.service.referral_data(demo.zoe, demo.concern_id)
    kinds = {entry.kind.value for entry in data.chronology}
    assert "reflection" not in kinds
    assert "document" not in kinds
    # Made now, not shared: other tests here add to Zoë's records (a claim's check, say).
    text = all_text(demo.service.referral(demo.zoe, demo.concern_id).pdf)
    for entry in data.chronology:
        assert show.moment(entry.occurred_at, entry.time_known) in text


def test_without_a_reflection_the_analysis_says_so(demo: Demo) -> None:
    harvey = demo.ws.records.search_children("Quennell")[0]
    text = all_text(demo.service.referral(harvey).pdf)
    assert "No reflection is recorded for this concern." in text


def test_sections_with_nothing_recorded_are_named_in_one_line(demo: Demo) -> None:
    records = demo.ws.records
    quiet = records.add_child(make_child("Fictional Quiet-Child")).record_id
    assert quiet is not None
    records.record_concern(make_concern(quiet, status=ConcernStatus.CLOSED))
    report = demo.service.referral(quiet)
    text = all_text(report.pdf)
    assert report.pages == 1
    assert (
        "Nothing is recorded about cumulative factors, missing episodes, absences from "
        "education or parents' and carers' accounts." in text
    )
    assert "Cumulative factors Factor" not in text


def test_a_reflection_without_its_decision_step_names_that_step(demo: Demo) -> None:
    records = demo.ws.records
    child = records.add_child(make_child("Fictional Half-Reflected")).record_id
    assert child is not None
    # Closed, as the other children added here are: the demo's open cases stay as they were.
    closed = ConcernStatus.CLOSED
    concern = records.record_concern(make_concern(child, status=closed)).record_id
    assert concern is not None
    demo.ws.reflection.save_answer(
        concern, "what_happened.facts", "What happened?", "Seen arriving hungry at 8:40."
    )
    text = all_text(demo.service.referral(child).pdf)
    assert "No reflection is recorded" not in text
    assert "Reflection has begun (1 answer)" in text
    assert "\u201c6. Decision and threshold\u201d is not answered" in text


def test_the_childs_own_quotation_marks_are_not_doubled(demo: Demo) -> None:
    records = demo.ws.records
    child = records.add_child(make_child("Fictional Quoted-Child")).record_id
    assert child is not None
    words = '"I fell off my bike, don\'t tell"'
    records.record_concern(make_concern(child, child_words=words, status=ConcernStatus.CLOSED))
    text = all_text(demo.service.referral(child).pdf)
    assert "\u201cI fell off my bike, don't tell\u201d" in text
    assert '"I fell' not in text and '\u201c"' not in text


def test_the_childs_sex_is_printed_or_said_to_be_not_recorded(
    demo: Demo, zoe_referral: Report
) -> None:
    assert "Sex Not recorded" in all_text(zoe_referral.pdf)
    child = replace(demo.ws.records.child(demo.zoe), sex="Female")
    assert ("Sex", "Female") in child_rows(child, child.date_of_birth)


def test_the_return_home_interview_reads_as_recorded_and_not_known_never_as_not_offered(
    demo: Demo,
) -> None:
    records = demo.ws.records
    child = records.add_child(make_child("Fictional Rowan Ashdown")).record_id
    assert child is not None
    records.record_concern(make_concern(child, status=ConcernStatus.CLOSED))
    back = datetime(2025, 2, 3, 8, 0)
    episodes = {
        1: {},  # nothing recorded about an interview
        8: {"interview_offer": InterviewOffer.NOT_OFFERED},
        15: {
            "interview_offer": InterviewOffer.OFFERED,
            "interview_offered_on": date(2025, 2, 18),
            "interview_outcome": InterviewOutcome.DECLINED,
            "interview_declined_on": date(2025, 2, 19),
        },
    }
    for days, interview in episodes.items():
        returned = back + timedelta(days=days)
        demo.ws.structured.add(
            MissingEpisode(child, returned - timedelta(hours=10), returned, **interview)
        )
    text = all_text(demo.service.referral(child).pdf)
    listed = text.split("Missing episodes")[1]
    assert listed.count("Not known whether offered") == 1
    assert listed.count("Not offered") == 1
    assert "Offered 18/02/2025, declined by the child on 19/02/2025" in listed
    assert "None recorded" not in listed
