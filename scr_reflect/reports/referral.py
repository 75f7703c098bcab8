"""The referral summary, for children's social care or the local front door.

Ordered for a reader with two minutes: who the child is and what the school is asking for,
then the concern as the member of staff raised it and in the child's words, what has been
done and the DSL's analysis; the supporting detail (factors, missing episodes, accounts,
chronology) follows.
"""

from __future__ import annotations

from datetime import date

from reportlab.platypus import Flowable

from ..domain.prompts import Step
from ..domain.quotation import reads_as_said
from ..domain.records import FollowUpAction
from . import blocks, education
from .analysis import ANALYSIS_LABELS, DECISION_KEY
from .body_map import body_map_section
from .fonts import register_fonts
from .page import Built, PageFurniture, build_pdf
from .parts import (
    day,
    facts_table,
    label,
    labelled,
    moment,
    para,
    plural,
    quote_box,
    said,
    section,
    table,
    text,
    title_block,
)
from .report_data import ReferralSummaryData

TITLE = "Referral summary"
EXTRACT_TEXT = 160  # characters of each entry's text in the chronology extract
NO_ASK = (
    "Not recorded in SCR Reflect yet. Record the referral (what the school is asking for) "
    "before sending this summary."
)


def build_referral_summary(data: ReferralSummaryData, *, invariant: bool = False) -> Built:
    register_fonts()
    child = data.child
    today = data.produced.produced_at.date()
    story: list[Flowable] = [
        *title_block(
            TITLE,
            f"About <b>{text(child.display_name)}</b>, from {text(data.produced.school_name)}",
        ),
        *section("Child and household", blocks.child_facts(child, today)),
        *section(
            "What the school is asking for",
            para(f"<b>{text(data.asking_for)}</b>" if data.asking_for else text(NO_ASK)),
        ),
        *section("The concern", _concern_facts(data), *_concern_words(data)),
        *section("What has been done", *_done(data)),
        *section("The DSL's analysis", *_analysis(data)),
        *_recorded(data),
        *section(
            f"Chronology, {day(data.chronology_from)} to {day(data.chronology_to)}",
            *blocks.chronology(data.chronology, body_limit=EXTRACT_TEXT),
        ),
    ]
    furniture = PageFurniture(TITLE, child.display_name, data.produced)
    return build_pdf(furniture, story, invariant=invariant)


# How a list of what is not recorded names a section whose title is itself a list.
_NONE_OF = {education.TITLE: "absences from education"}


def _recorded(data: ReferralSummaryData) -> list[Flowable]:
    """The supporting records that exist; those that do not are named in one line."""
    story: list[Flowable] = []
    empty = []
    names = blocks.child_names(data.child)
    parts = (
        (
            "Cumulative factors",
            data.factors,
            lambda: blocks.factors(data.factors, data.factors_source),
        ),
        (
            "Missing episodes",
            data.missing,
            lambda: blocks.missing(data.missing, data.missing_pattern, names),
        ),
        (education.TITLE, data.education, lambda: education.absences(data.education)),
        (
            blocks.accounts_title(data.accounts),
            data.accounts,
            lambda: blocks.accounts(data.accounts),
        ),
    )
    for title, records, flowables in parts:
        if records:
            story += section(title, *flowables())
        else:
            empty.append(_NONE_OF.get(title, title.lower()))
    if data.marks:  # no line when there are none: most referrals are not about marks
        story += body_map_section("Body map", data.marks)
    if empty:
        story += section("Not recorded", para(text(f"Nothing is recorded about {_listed(empty)}.")))
    return story


def _listed(items: list[str]) -> str:
    return items[0] if len(items) == 1 else f"{', '.join(items[:-1])} or {items[-1]}"


def _concern_facts(data: ReferralSummaryData) -> Flowable:
    concern = data.concern
    categories = ", ".join(sorted(c.label for c in concern.categories))
    return facts_table(
        [
            ("When", moment(concern.occurred_at)),
            ("Raised by", text(concern.raised_by)),
            ("Type", text(categories)),
            ("Status", text(concern.status.label)),
        ]
    )


def _concern_words(data: ReferralSummaryData) -> list[Flowable]:
    concern = data.concern
    names = blocks.child_names(data.child)
    raised = f"As raised by {concern.raised_by.strip()}" if concern.raised_by.strip() else ""
    story: list[Flowable] = labelled(raised or "What happened", concern.what_happened)
    if reads_as_said(concern.child_words, names):
        story += label("In the child's own words")
        story.append(quote_box(concern.child_words))
    elif concern.child_words.strip():
        story += labelled("About the child's words, as recorded", concern.child_words)
    else:
        story += label("In the child's own words")
        story.append(para("The child's words were not recorded for this concern."))
    if data.earlier_words:
        rows = [[moment(c.occurred_at), said(c.child_words, names)] for c in data.earlier_words]
        story += label("What the child said about earlier concerns")
        story.append(table(["When", "The child's words"], rows, [16, 84]))
    return story


def _done(data: ReferralSummaryData) -> list[Flowable]:
    story: list[Flowable] = labelled("At the time", data.concern.action_taken)
    if data.actions:
        rows = [_action_row(a, data.produced.produced_at.date()) for a in data.actions]
        story += label("Follow-up actions")
        story.append(table(["Action", "Who", "Due", "Done"], rows, [52, 22, 12, 14]))
    story += label("Referrals made")
    story += blocks.referrals(data.referrals)
    return story


def _action_row(action: FollowUpAction, today: date) -> list[str]:
    if action.done_on:
        done = day(action.done_on)
    elif action.is_overdue(today):
        done = "<b>Not done: overdue</b>"
    else:
        done = "Not yet"
    return [text(action.description), text(action.owner), day(action.due_on), done]


def _analysis(data: ReferralSummaryData) -> list[Flowable]:
    if not data.analysis and not data.reflection_answered:
        return [para("No reflection is recorded for this concern.")]
    story: list[Flowable] = []
    if not any(answer.label == ANALYSIS_LABELS[DECISION_KEY] for answer in data.analysis):
        # Answers on other steps are a reflection, but not yet a decision: say which step.
        story.append(
            para(
                f"Reflection has begun ({plural(data.reflection_answered, 'answer')}), but its "
                f"step \u201c{Step.DECISION.title}\u201d is not answered: no decision is "
                "recorded yet."
            )
        )
    for answer in data.analysis:
        story += labelled(answer.label, answer.text)
    return story
