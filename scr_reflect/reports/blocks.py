"""Sections more than one document uses: the child, factors, missing episodes, accounts,
referrals and chronology lines. Each returns flowables, or a line saying none are recorded.
"""

from __future__ import annotations

from collections.abc import Sequence
from datetime import date, timedelta

from reportlab.platypus import Flowable

from ..domain import display_dates as show
from ..domain.accounts import AccountSource, AccountWithClaims, Claim, ClaimStatus
from ..domain.legal_status import LegalStatus
from ..domain.missing import (
    InterviewOutcome,
    MissingEpisode,
    MissingPattern,
    Trend,
    interview_in_words,
)
from ..domain.records import Child, ChronologyEntry
from ..domain.referrals import Referral
from .fonts import BOLD, REGULAR
from .parts import (
    SMALL,
    cell_widths,
    day,
    facts_table,
    gap,
    moment,
    none_recorded,
    para,
    plural,
    said,
    shortened,
    table,
    text,
    text_cell,
)
from .report_data import FactorLine

# Words first, a mark beside: the status never rests on a colour or a symbol alone.
CLAIM_STATUS = {
    ClaimStatus.CORROBORATED: "✓ Corroborated",
    ClaimStatus.CONTRADICTED: "✗ Contradicted",
    ClaimStatus.UNVERIFIED: "? Not yet checked",
}
_OFTEN = {Trend.RISING: "more often than", Trend.FALLING: "less often than"}
_LONG = {
    Trend.RISING: "The latest episode was longer than the average of those before it.",
    Trend.FALLING: "The latest episode was shorter than the average of those before it.",
    Trend.STEADY: "The latest episode lasted about as long as those before it.",
}


def child_facts(child: Child, today: date, *, household: bool = True) -> Flowable:
    return facts_table(child_rows(child, today, household=household))


def child_rows(
    child: Child, today: date, *, household: bool = True, name: bool = True
) -> list[tuple[str, str]]:
    school = ", ".join(
        part
        for part in (child.year_group, child.tutor_group and f"tutor group {child.tutor_group}")
        if part
    )
    rows = [("Name", f"<b>{text(child.display_name)}</b>")] if name else []
    rows += [
        ("Date of birth", f"{day(child.date_of_birth)} (age {child.age_on(today)})"),
        ("Sex", text(child.sex) or "Not recorded"),
        ("Year group", text(school) or "Not recorded"),
    ]
    if child.upn:
        rows.append(("UPN", text(child.upn)))
    if child.legal_status is not LegalStatus.NONE:
        rows.append(("Legal status", text(child.legal_status.label)))
    if household:
        rows.append(("Household", text(child.household) or "Not recorded"))
    return rows


def factors(lines: Sequence[FactorLine], source: str) -> list[Flowable]:
    if not lines:
        return [none_recorded("cumulative factors")]
    rows = [
        [
            f"<b>{text(line.factor.factor.label)}</b><br/>{text(line.factor.factor.group.label)}",
            day(line.factor.first_known),
            "Yes" if line.factor.still_applies else f"No, ended {day(line.factor.ended_on)}",
            text(line.factor.source),
            text(line.national),
        ]
        for line in lines
    ]
    header = ["Factor", "Known since", "Applies now", "Source", "National context"]
    return [
        table(header, rows, [26, 12, 13, 27, 22]),
        gap(2),
        para(text(source) + " Context only: never a score or a prediction for this child.", SMALL),
    ]


def missing_summary(pattern: MissingPattern, total: int) -> str:
    if not total:
        return "No missing episodes recorded."
    parts = [
        f"{plural(total, 'missing episode')} recorded; "
        f"{pattern.in_last_90_days} in the last 90 days and "
        f"{pattern.in_previous_90_days} in the 90 days before"
    ]
    often = _OFTEN.get(pattern.frequency)
    parts.append(f" ({often} before)." if often else ".")
    if pattern.duration in _LONG:
        parts.append(" " + _LONG[pattern.duration])
    if pattern.still_missing:
        parts.append(" <b>Missing now: the latest episode has no return recorded.</b>")
    return "".join(parts)


def child_names(child: Child) -> tuple[str, ...]:
    """The names a note about the child's words may begin with ("Ada said that...")."""
    first = child.full_name.split()[0] if child.full_name.split() else ""
    return tuple(n for n in (child.full_name, child.preferred_name, first) if n)


def missing(
    episodes: Sequence[MissingEpisode], pattern: MissingPattern, names: Sequence[str] = ()
) -> list[Flowable]:
    summary = para(missing_summary(pattern, len(episodes)))
    if not episodes:
        return [summary]
    rows = [_missing_row(e, names) for e in sorted(episodes, key=lambda e: e.started_at)]
    header = [
        "Went missing",
        "Back",
        "Found where, by whom",
        "Return interview",
        "What the child said",
    ]
    return [summary, table(header, rows, [13, 17, 18, 22, 30])]


def _missing_row(e: MissingEpisode, names: Sequence[str]) -> list[str]:
    back = "<b>Not returned</b>"
    if e.ended_at is not None and e.duration is not None:
        back = f"{moment(e.ended_at)}<br/>away {_hours(e.duration)}"
    interview = ""
    if e.ended_at is not None:  # an interview follows the return
        interview = text(interview_in_words(e))
        answered = e.interview_outcome is not InterviewOutcome.NOT_YET
        if answered and e.interview_missed(e.ended_at):
            interview += " (after 72 hours)"
    found = text(e.found_where) + (f"<br/>{text(e.found_by)}" if e.found_by else "")
    return [
        moment(e.started_at),
        back,
        found,
        interview,
        said(e.child_said, names) if e.child_said else "",
    ]


def _hours(duration: timedelta) -> str:
    hours = duration.total_seconds() / 3600
    return f"{hours:.0f} hours" if hours >= 1.5 else f"{duration.total_seconds() / 60:.0f} min"


_FAMILY = frozenset({AccountSource.PARENT, AccountSource.CARER})


def accounts_title(items: Sequence[AccountWithClaims]) -> str:
    """What the accounts section holds: the family's word alone, or evidence from others too
    (police, professionals, records), which is more than an account to weigh."""
    sources = {item.account.source for item in items}
    if sources <= _FAMILY:
        return "Parents' and carers' accounts"
    if sources <= _FAMILY | {AccountSource.CHILD}:
        return "Accounts"
    return "Accounts and evidence"


def accounts(items: Sequence[AccountWithClaims]) -> list[Flowable]:
    if not items:
        return [none_recorded("accounts")]
    story: list[Flowable] = []
    for item in sorted(items, key=lambda i: i.account.given_at):
        account = item.account
        story.append(
            para(
                f"<b>{text(account.source_label)}</b>, {moment(account.given_at)}: "
                f"{text(account.summary)}"
            )
        )
        if item.claims:
            rows = [
                [text(c.text), claim_status(c), checked_against(c), text(c.evidence)]
                for c in item.claims
            ]
            headings = ["What was said", "Checked", "Checked against", "What shows it"]
            story.append(table(headings, rows, [32, 16, 26, 26]))
        story.append(gap(6))
    return story


def claim_status(claim: Claim) -> str:
    return "? Could not check" if claim.could_not_check else CLAIM_STATUS[claim.status]


def checked_against(claim: Claim) -> str:
    """The source that contradicts or corroborates the claim, and when and by whom it was
    checked; a claim checked before checks were dated names the kind of source only."""
    source = claim.source_named
    if claim.checked_on is None:
        return text(source[:1].upper() + source[1:])
    return f"{text(source)}<br/>checked {show.day(claim.checked_on)} by {text(claim.checked_by)}"


def contradicted_by(claim: Claim) -> str:
    """What contradicts a claim: the source named first, then what it shows."""
    source = claim.source_named if claim.checked_against.strip() else ""
    return "<br/>".join(text(part) for part in (source, claim.evidence.strip()) if part)


def referrals(items: Sequence[Referral]) -> list[Flowable]:
    if not items:
        return [none_recorded("referrals")]
    rows = [
        [
            moment(r.made_at),
            text(r.agency.label),
            text(r.asked_for),
            f"<b>{text(r.outcome.label)}</b>"
            + (f"<br/>{text(r.outcome_reasons)}" if r.outcome_reasons else ""),
            moment(r.heard_back_at) or "No reply recorded",
        ]
        for r in sorted(items, key=lambda r: r.made_at)
    ]
    header = ["Made", "To", "Asked for", "Outcome", "Heard back"]
    return [table(header, rows, [13, 13, 30, 30, 14])]


def chronology(entries: Sequence[ChronologyEntry], *, body_limit: int = 0) -> list[Flowable]:
    """One row per entry; body_limit > 0 shortens each entry's text to about that length."""
    if not entries:
        return [para("No chronology entries in this period.")]
    rows = []
    widths = cell_widths()
    for e in entries:
        title = _title_without_echo(e.title, e.body)
        body = shortened(e.body, body_limit) if body_limit else e.body
        runs = [(BOLD, title), *([(REGULAR, body)] if body.strip() else [])]
        rows.append(
            [
                show.day(e.occurred_at) + (f"\n{e.occurred_at:%H:%M}" if e.time_known else ""),
                e.kind.label,
                text_cell(runs, widths),
            ]
        )
    return [table(["When", "Type", "What happened"], rows, [15, 14, 71], plain=(0, 1))]


def _title_without_echo(title: str, body: str) -> str:
    """A concern's line is titled "Categories: the start of what happened…"; with the text
    itself beneath, the categories are enough."""
    head, colon, rest = title.partition(": ")
    start = rest.rstrip("…").rstrip()
    if colon and start and body.strip().startswith(start):
        return head
    return title
