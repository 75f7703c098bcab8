"""The escalation summary, for a professional disagreement about decisions on referrals.

A team manager reads first what the school is asking for and by when, then each decision
being challenged, the school's reasons and the evidence, each referral and its outcome, and
how far the local procedure has gone.
"""

from __future__ import annotations

from reportlab.platypus import Flowable

from ..domain.referrals import Referral
from . import blocks, education
from .body_map import body_map_section
from .fonts import register_fonts
from .page import Built, PageFurniture, build_pdf
from .parts import (
    SMALL,
    day,
    facts_table,
    gap,
    label,
    labelled,
    moment,
    para,
    said,
    section,
    table,
    text,
    title_block,
)
from .report_data import EscalationSummaryData

TITLE = "Escalation summary"


def build_escalation_summary(data: EscalationSummaryData, *, invariant: bool = False) -> Built:
    register_fonts()
    child = data.child
    today = data.produced.produced_at.date()
    subtitle = (
        f"A professional disagreement about <b>{text(child.display_name)}</b>, "
        f"raised by {text(data.produced.school_name)}"
    )
    story: list[Flowable] = [
        *title_block(TITLE, subtitle),
        *section("Child", blocks.child_facts(child, today, household=False)),
        *section("What the school is asking for", *_asking(data)),
        *section(_decisions_heading(data), *_decisions(data)),
        *section("Why the school disagrees", *_why(data)),
        *section("Each referral and its outcome", *blocks.referrals(data.referrals)),
        *(body_map_section("Body map", data.marks) if data.marks else []),
        *section("The local procedure: stage reached", *_procedure(data)),
    ]
    furniture = PageFurniture(TITLE, child.display_name, data.produced)
    return build_pdf(furniture, story, invariant=invariant)


def _asking(data: EscalationSummaryData) -> list[Flowable]:
    escalation = data.escalation
    deadlines = [s.step.next_deadline for s in data.steps if s.step.next_deadline]
    rows = [("Asking for", f"<b>{text(escalation.asking_for)}</b>")]
    if escalation.resolved_on:
        rows += [
            ("Escalation started", day(escalation.started_on)),
            ("Resolved", f"{day(escalation.resolved_on)}: {text(escalation.resolution)}"),
        ]
    else:
        rows += [
            ("Response by", f"<b>{day(deadlines[-1])}</b>" if deadlines else "No date set"),
            ("Escalation started", day(escalation.started_on)),
            ("Status", "Open: not yet resolved"),
        ]
    return [facts_table(rows)]


def _decisions_heading(data: EscalationSummaryData) -> str:
    count = len(data.challenged)
    return "The decision being challenged" if count == 1 else f"The {count} decisions challenged"


def _decisions(data: EscalationSummaryData) -> list[Flowable]:
    story: list[Flowable] = []
    for referral in data.challenged:
        story += [gap(8)] if story else []
        story.append(_decision(referral))
    return story


def _decision(referral: Referral) -> Flowable:
    return facts_table(
        [
            ("Decision", f"<b>{text(referral.outcome.label)}</b>"),
            ("Made by", text(referral.agency.label)),
            ("When", moment(referral.heard_back_at) or "No date recorded"),
            ("Reasons given", text(referral.outcome_reasons) or "None recorded"),
            (
                "Referral",
                f"Made {moment(referral.made_at)}, asking for: {text(referral.asked_for)}",
            ),
        ]
    )


def _why(data: EscalationSummaryData) -> list[Flowable]:
    names = blocks.child_names(data.child)
    story: list[Flowable] = labelled("In the school's words", data.escalation.why_we_disagree)
    story += label(f"Concerns recorded ({len(data.concerns)})")
    rows = [
        [
            moment(c.occurred_at),
            text(", ".join(sorted(cat.label for cat in c.categories))),
            text(c.what_happened)
            + (f"<br/>The child said: {said(c.child_words, names)}" if c.child_words else ""),
        ]
        for c in data.concerns
    ]
    story.append(table(["When", "Type", "What happened"], rows, [15, 17, 68]))
    if data.factors:
        story += label("Cumulative factors that still apply")
        story += blocks.factors(data.factors, data.factors_source)
    if data.missing:
        story += label("Missing episodes and return home interviews")
        story += blocks.missing(data.missing, data.missing_pattern, names)
    if data.education:
        story += label(education.TITLE)
        story += education.absences(data.education)
    if data.contradicted:
        story += label("What the school was told that other evidence contradicts")
        rows = [
            [text(account.source_label), text(claim.text), blocks.contradicted_by(claim)]
            for account, claim in data.contradicted
        ]
        story.append(
            table(["Who said it", "What was said", "What contradicts it"], rows, [22, 39, 39])
        )
    return story


def _procedure(data: EscalationSummaryData) -> list[Flowable]:
    story: list[Flowable] = [
        para(f"<b>{text(data.stage_reached)}</b>, under {text(data.procedure_name)}.")
    ]
    if data.steps:
        rows = [
            [
                text(line.stage_title),
                f"{text(line.step.contacted)}<br/>{day(line.step.contacted_on)}",
                text(line.step.response) or "<b>No response yet</b>",
                day(line.step.next_deadline),
            ]
            for line in data.steps
        ]
        header = ["Stage", "Contacted", "What happened", "Respond by"]
        story.append(table(header, rows, [22, 24, 40, 14]))
    if data.next_stage and not data.escalation.resolved_on:
        story.append(para(f"If this is not resolved, the next stage is {text(data.next_stage)}."))
    if data.contacts:
        story += label("Local contacts")
        for contact in data.contacts:
            reach = ", ".join(part for part in (contact.telephone, contact.email) if part)
            story.append(
                para(
                    f"{text(contact.role)}: {text(contact.name)}"
                    + (f", {text(reach)}" if reach else ""),
                    SMALL,
                )
            )
    return story
