"""`scr-reflect show CHILD_ID`: one child's records as plain text, section by section.

Plain text for scripts and terminals: a heading per section in capitals, one record per
line with its details indented beneath, dates as dd/mm/yyyy, and the chronology last, oldest
first. National figures appear only as context with their source, never as a score.
"""

from __future__ import annotations

from collections.abc import Iterator
from datetime import date, datetime

from ..domain import display_dates as show
from ..domain.accounts import ClaimStatus
from ..domain.body_map import earlier_note, numbered
from ..domain.chronology_filter import ChronologyFilter
from ..domain.missing import (
    InterviewOutcome,
    MissingEpisode,
    MissingPattern,
    Trend,
    interview_in_words,
)
from ..domain.records import Child
from ..domain.referrals import EscalationStep
from ..services.structured import ChildPicture, ReferralCase
from ..services.workspace import Workspace

INDENT = "    "
CLAIM_MARKS = {
    ClaimStatus.CONTRADICTED: "✗ contradicted",
    ClaimStatus.UNVERIFIED: "? unchecked",
    ClaimStatus.CORROBORATED: "✓ corroborated",
}
_OFTEN = {Trend.RISING: "more often", Trend.FALLING: "less often", Trend.STEADY: "as often"}
_LONG = {Trend.RISING: "longer", Trend.FALLING: "shorter", Trend.STEADY: "about as long"}


def _day(value: date) -> str:
    return show.day(value)


def _moment(value: datetime) -> str:
    return show.day_and_time(value)


def _detail(label: str, text: str, depth: int = 1) -> Iterator[str]:
    """A labelled field under its record; further lines of the text line up beneath it."""
    if text.strip():
        first, *rest = text.strip().splitlines()
        yield f"{INDENT * depth}{label}: {first}"
        yield from (f"{INDENT * depth}  {line}" for line in rest)


def _heading(title: str, count: int) -> list[str]:
    return ["", f"{title.upper()} ({count})"]


def show_child(ws: Workspace, child_id: int) -> Iterator[str]:
    """Every line `show` prints. Raises RecordNotFound for an unknown id."""
    child = ws.records.child(child_id)
    picture = ws.structured.picture(child_id)
    now = ws.clock.now()
    yield from _child(child, now.date())
    yield from _concerns(ws, child_id)
    yield from _factors(ws, child, picture, now.date())
    yield from _missing(picture, now)
    yield from _education(picture)
    yield from _accounts(picture)
    yield from _referrals(ws, picture.referrals, now)
    yield from _sharing(picture)
    yield from _marks(picture)
    yield from _chronology(ws, child_id)


def _child(child: Child, today: date) -> Iterator[str]:
    yield f"{child.display_name} (id {child.id})"
    yield (
        f"Born {_day(child.date_of_birth)}, age {child.age_on(today)}"
        + (f", {child.sex.lower()}" if child.sex else "")
        + "; "
        + f"{child.year_group or 'year group not recorded'}"
        + (f", tutor group {child.tutor_group}" if child.tutor_group else "")
        + (f"; UPN {child.upn}" if child.upn else "")
    )
    yield from _detail("Household", child.household, depth=0)


def _concerns(ws: Workspace, child_id: int) -> Iterator[str]:
    concerns = ws.records.concerns_for_child(child_id)
    yield from _heading("Concerns", len(concerns))
    for concern in concerns:
        labels = ", ".join(sorted(c.label for c in concern.categories))
        yield f"{_moment(concern.occurred_at)}  {concern.status.label}  {labels}"
        yield from _detail("Raised by", concern.raised_by)
        yield from _detail("What happened", concern.what_happened)
        yield from _detail("Child's words", concern.child_words)
        yield from _detail("Action taken", concern.action_taken)
        yield from _detail("Outcome", concern.outcome)


def _factors(ws: Workspace, child: Child, picture: ChildPicture, today: date) -> Iterator[str]:
    yield from _heading("Cumulative factors", len(picture.factors))
    if not picture.factors:
        return
    yield "What has built up over time, in the order the school learnt of it. Not a score."
    age = child.age_on(today)
    for factor in picture.factors:
        state = "still applies" if factor.still_applies else "no longer applies"
        if factor.ended_on:
            state += f" (ended {_day(factor.ended_on)})"
        yield (
            f"{_day(factor.first_known)}  {factor.factor.group.label}: {factor.factor.label}; "
            f"{state}"
        )
        yield from _detail("Source", factor.source)
        yield from _detail("Notes", factor.notes)
        yield from _detail("National context", ws.facts.context(factor.factor, age).detail)
    yield ws.facts.footnote()


def _missing(picture: ChildPicture, now: datetime) -> Iterator[str]:
    yield from _heading("Missing episodes", len(picture.missing))
    if not picture.missing:
        return
    yield _pattern(picture.missing_pattern)
    for episode in picture.missing:
        yield _episode(episode)
        yield from _detail("Where found", episode.found_where)
        yield from _detail("Found by", episode.found_by)
        yield from _detail("Reported by", episode.reported_by)
        yield from _detail("Police reference", episode.police_reference)
        yield from _detail("Return home interview", _interview(episode, now))
        yield from _detail("The child said", episode.child_said)
        yield from _detail("Push factors", episode.push_factors)
        yield from _detail("Pull factors", episode.pull_factors)


def _pattern(pattern: MissingPattern) -> str:
    line = (
        f"Last 90 days: {pattern.in_last_90_days} "
        f"(the 90 days before: {pattern.in_previous_90_days})"
    )
    if pattern.frequency in _OFTEN:
        line += f"; going missing {_OFTEN[pattern.frequency]}"
    if pattern.duration in _LONG:
        line += f"; the latest episode {_LONG[pattern.duration]} than before"
    return line + ("; STILL MISSING" if pattern.still_missing else "")


def _episode(episode: MissingEpisode) -> str:
    if episode.ended_at is None or episode.duration is None:
        return f"{_moment(episode.started_at)}  not yet returned"
    hours = round(episode.duration.total_seconds() / 3600)
    return f"{_moment(episode.started_at)} to {_moment(episode.ended_at)} (about {hours} h)"


def _interview(episode: MissingEpisode, now: datetime) -> str:
    if episode.ended_at is None:
        return ""
    words = interview_in_words(episode)
    due = episode.interview_due_by()
    if episode.interview_missed(now) and due is not None:
        late = "offered" if episode.interview_outcome is InterviewOutcome.DECLINED else "held"
        words += f"; MISSED: not {late} within 72 hours of return (by {_moment(due)})"
    return words


def _education(picture: ChildPicture) -> Iterator[str]:
    yield from _heading("Missing education and part-day absences", len(picture.education))
    for absence in picture.education:
        start = show.moment(absence.started_at, absence.start_time_known)
        end = "still going on"
        if absence.ended_at is not None:
            end = f"to {show.moment(absence.ended_at, absence.end_time_known)}"
        yield f"{start} {end}  {absence.kind.label}"
        yield from _detail("Said to be", absence.said_to_be)
        yield from _detail("Said by", absence.said_by)
        if absence.said_to_be:
            checked = absence.checked.label + (
                f". {absence.check_notes}" if absence.check_notes else ""
            )
            yield from _detail("Whereabouts", checked)
        yield from _detail("Told", absence.told_text())
        yield from _detail("Notes", absence.notes)


def _accounts(picture: ChildPicture) -> Iterator[str]:
    yield from _heading("Accounts", len(picture.accounts))
    for item in picture.accounts:
        account = item.account
        yield f"{_moment(account.given_at)}  {account.source_label}"
        yield from _detail("Said", account.summary)
        for claim in item.claims:
            mark = "? could not check" if claim.could_not_check else CLAIM_MARKS[claim.status]
            yield f"{INDENT}{mark}: {claim.text}"
            if claim.checked_on is not None:
                when = f"checked {show.day(claim.checked_on)} by {claim.checked_by}"
                yield f"{INDENT}    Checked against: {claim.source_named}; {when}"
            elif claim.evidence_kind:
                yield f"{INDENT}    Checked against: {claim.evidence_kind.label.lower()}"
            if claim.evidence.strip():
                yield f"{INDENT}    What shows it: {claim.evidence.strip()}"


def _referrals(ws: Workspace, cases: tuple[ReferralCase, ...], now: datetime) -> Iterator[str]:
    yield from _heading("Referrals", len(cases))
    for case in cases:
        referral = case.referral
        yield f"{_moment(referral.made_at)}  {referral.agency.label}: {referral.outcome.label}"
        yield from _detail("Asked for", referral.asked_for)
        yield from _detail("Reasons given", referral.outcome_reasons)
        if referral.heard_back_at:
            yield f"{INDENT}Heard back: {_moment(referral.heard_back_at)}"
        elif referral.feedback_overdue(now):
            due = _moment(referral.feedback_due_by())
            yield f"{INDENT}Heard back: NOT YET, expected within one working day (by {due})"
        for escalation_case in case.escalations:
            escalation = escalation_case.escalation
            state = (
                f"resolved {_day(escalation.resolved_on)}"
                if escalation.resolved_on
                else "in progress"
            )
            yield f"{INDENT}Escalation from {_day(escalation.started_on)}, {state}"
            yield from _detail("Why the school disagrees", escalation.why_we_disagree, 2)
            yield from _detail("Asking for", escalation.asking_for, 2)
            yield from _detail("Resolution", escalation.resolution, 2)
            for step in escalation_case.steps:
                yield from _step(ws, step, now.date())


def _step(ws: Workspace, step: EscalationStep, today: date) -> Iterator[str]:
    known = step.stage in ws.procedure.stage_keys
    stage = ws.procedure.stage(step.stage).title if known else step.stage
    yield f"{INDENT * 2}{_day(step.contacted_on)}  {stage}; contacted {step.contacted}"
    if step.response.strip():
        yield from _detail("Response", step.response, 3)
    elif step.next_deadline:
        late = "OVERDUE, " if step.overdue(today) else ""
        yield f"{INDENT * 3}Response: {late}due by {_day(step.next_deadline)}"


def _sharing(picture: ChildPicture) -> Iterator[str]:
    yield from _heading("Information sharing decisions", len(picture.sharing))
    for decision in picture.sharing:
        verb = "Shared with" if decision.shared else "Decided NOT to share with"
        yield f"{_moment(decision.decided_at)}  {verb} {decision.with_whom}"
        yield from _detail("What", decision.what)
        yield from _detail("Why", decision.why)
        yield from _detail("Lawful basis", decision.lawful_basis.label)
        told = "yes" if decision.family_told else f"no. {decision.why_not_told.strip()}"
        yield f"{INDENT}Child and family told: {told}"


def _marks(picture: ChildPicture) -> Iterator[str]:
    yield from _heading("Body map marks", len(picture.marks))
    for number, mark in numbered(picture.marks):
        yield f"{number}. {mark.when_text}  {mark.summary} ({mark.view.label.lower()})"
        yield f"{INDENT}{mark.how_known.label}: {mark.seen_by}"
        yield from _detail("The child said", mark.child_said)
        yield from _detail("Before", earlier_note(mark, picture.marks))


def _chronology(ws: Workspace, child_id: int) -> Iterator[str]:
    # The store gives newest first; a chronology reads oldest first.
    ids = list(reversed(ws.records.entry_ids(child_id, ChronologyFilter())))
    yield from _heading("Chronology", len(ids))
    for entry in ws.records.entries(ids):
        when = show.moment(entry.occurred_at, entry.time_known)
        yield f"{when} | {entry.kind.label} | {entry.title}"
        yield from (f"{INDENT}{line}" for line in entry.body.strip().splitlines())
