"""What each step of the walk-through shows before its questions: the records it rests on,
as plain text, so the DSL reflects on what is recorded rather than on memory."""

from __future__ import annotations

from datetime import date, datetime

from ...domain import display_dates as show
from ...domain.accounts import claims_needing_attention, found
from ...domain.concern_facts import Flag
from ...domain.prompts import Step
from ...domain.quotation import in_quotes, reads_as_said
from ...services.glance import glance
from ...services.reflection import Walkthrough


def _lines(*parts: str) -> str:
    return "\n".join(part for part in parts if part)


def _what_happened(w: Walkthrough, _now: datetime) -> str:
    c = w.concern
    categories = ", ".join(sorted(cat.label for cat in c.categories))
    words = f"The child's words: {_as_recorded(w, c.child_words)}" if c.child_words else ""
    return _lines(
        f"{show.day_and_time(c.occurred_at)}, raised by {c.raised_by} ({categories})",
        c.what_happened,
        words,
        f"Action taken: {c.action_taken}" if c.action_taken else "",
        _since_then_pointer(w),
    )


def _as_recorded(w: Walkthrough, words: str) -> str:
    """In quotation marks only when the text reads as the child's own words, not a note."""
    names = (w.child.full_name, w.child.preferred_name, *w.child.full_name.split())
    return in_quotes(words) if reads_as_said(words, names) else words.strip()


def _voice(w: Walkthrough, _now: datetime) -> str:
    """The child's own words, as recorded with this concern and the ones before it."""
    said = [
        f"\u2022 {show.day(c.occurred_at)}: {_as_recorded(w, c.child_words)}"
        for c in (w.concern, *sorted(w.earlier_concerns, key=lambda c: c.occurred_at, reverse=True))
        if c.child_words.strip()
    ]
    if not said:
        return "No words of the child's are recorded with this concern or the ones before it."
    return _lines("What the child has said, as recorded with the concerns:", "\n".join(said))


def _since_then_pointer(w: Walkthrough) -> str:
    if not w.since_then:
        return ""
    return (
        f"\nThese steps take the records as they stood on {show.day(w.as_at)}. "
        f"{_plural(len(_since_then_items(w)), 'record')} made since are listed apart "
        "in the cumulative picture, and do not choose the questions."
    )


def _plural(count: int, word: str) -> str:
    return f"{count} {word}" if count == 1 else f"{count} {word}s"


def _since_then_items(w: Walkthrough) -> list[tuple[date, str]]:
    s = w.since_then
    items = [
        (
            c.occurred_at.date(),
            f"a later concern: {', '.join(sorted(x.label for x in c.categories))}",
        )
        for c in s.concerns
    ]
    items += [(f.first_known, f"factor first noted: {f.factor.label}") for f in s.factors]
    items += [(e.started_at.date(), "went missing") for e in s.missing]
    items += [
        (r.made_at.date(), f"referral to {r.agency.label.lower()}: {r.outcome.label}")
        for r in s.referrals
    ]
    items += [
        (
            r.heard_back_at.date(),
            f"{r.agency.label} replied to the referral of {show.day(r.made_at)}: {r.outcome.label}",
        )
        for r in s.outcomes
        if r.heard_back_at is not None
    ]
    items += [
        (a.account.given_at.date(), f"account from {a.account.source_label}") for a in s.accounts
    ]
    return sorted(items, key=lambda item: item[0])


def _since_then(w: Walkthrough) -> str:
    items = _since_then_items(w)
    if not items:
        return ""
    return _lines(
        f"Since then (recorded after {show.day(w.as_at)}, so not counted above):",
        "\n".join(f"• {show.day(day)}: {text}" for day, text in items),
    )


def _cumulative(w: Walkthrough, _now: datetime) -> str:
    earlier = [
        f"• {show.day(c.occurred_at)}: {', '.join(sorted(x.label for x in c.categories))}: "
        f"{c.what_happened.strip().splitlines()[0][:90] if c.what_happened.strip() else ''}"
        for c in w.earlier_concerns
    ]
    factors = [
        f"• {f.factor.label} (since {f.first_known:%m/%Y}"
        f"{'' if f.still_applies else ', no longer applies'})"
        for f in w.picture.factors
    ]
    return _lines(
        "\n".join(line.text for line in glance(w.picture, w.as_at)),
        f"Earlier concerns ({len(earlier)}):" if earlier else "This is the first concern recorded.",
        "\n".join(earlier),
        "Cumulative factors:" if factors else "",
        "\n".join(factors),
        _since_then(w),
    )


def _accounts(w: Walkthrough, _now: datetime) -> str:
    flagged = claims_needing_attention(list(w.picture.accounts))
    if not w.picture.accounts:
        return "No accounts are recorded for this child yet."
    listed = [
        f"• {claim.status.label}: {claim.text} ({account.source_label})"
        + (f"; {found(claim)}" if claim.finding else "")
        for account, claim in flagged
    ]
    return _lines(
        "Claims that are contradicted or not yet checked:" if listed else "Every claim is checked.",
        "\n".join(listed),
    )


def _decision(w: Walkthrough, _now: datetime) -> str:
    route = "\n".join(f"• {stage}" for stage in w.escalation_route)
    outcomes = [
        f"• {show.day(case.referral.made_at)} to {case.referral.agency.label.lower()}: "
        f"{case.referral.outcome.label}"
        for case in w.picture.referrals
    ]
    return _lines(
        "Referrals so far:" if outcomes else "No referral has been made for this child.",
        "\n".join(outcomes),
        "Escalations (as they stand today):" if w.challenges else "",
        "\n".join(f"• {line}" for line in w.challenges),
        "The local escalation route:" if Flag.THRESHOLD_NOT_MET in w.facts.flags else "",
        route if Flag.THRESHOLD_NOT_MET in w.facts.flags else "",
    )


def _next_steps(w: Walkthrough, _now: datetime) -> str:
    actions = [
        f"• {a.description} ({a.owner}, due {show.day(a.due_on)})" + (" done" if a.done_on else "")
        for a in w.actions
    ]
    return _lines(
        "Actions from this concern:" if actions else "No actions set from this concern yet.",
        "\n".join(actions),
    )


CONTEXT = {
    Step.WHAT_HAPPENED: _what_happened,
    Step.LIVED_EXPERIENCE: _voice,
    Step.CUMULATIVE: _cumulative,
    Step.ACCOUNTS: _accounts,
    Step.DECISION: _decision,
    Step.NEXT_STEPS: _next_steps,
}


def context_text(step: Step, walkthrough: Walkthrough, now: datetime) -> str:
    build = CONTEXT.get(step)
    return build(walkthrough, now) if build else ""
