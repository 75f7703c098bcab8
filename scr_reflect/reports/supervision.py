"""The supervision pack: the DSL's open cases set out for a supervision session.

Open cases with the days since anything was last done, every action still outstanding, what
waits for a reply from another agency, cases with several concerns and no referral, the DSL's
own reflections, and questions to talk through, naming each case's themes. Never a score.
"""

from __future__ import annotations

from datetime import date
from xml.sax.saxutils import escape

from reportlab.lib.units import mm
from reportlab.platypus import Flowable, KeepTogether, Paragraph, Table, TableStyle

from .fonts import REGULAR, register_fonts
from .page import FRAME_WIDTH, RULE_GREY, Built, PageFurniture, build_pdf
from .parts import (
    HEAD_CELL,
    SMALL,
    checkpoint_note,
    day,
    facts_table,
    gap,
    heading,
    label,
    moment,
    none_recorded,
    para,
    plural,
    section,
    table,
    text,
    title_block,
)
from .questions import (
    SEVERAL_CONCERNS,
    WHERE_FROM,
    questions,
    recorded_themes,
    several_without_referral,
)
from .report_data import OpenCase, SupervisionData

TITLE = "Supervision pack"


def build_supervision_pack(data: SupervisionData, *, invariant: bool = False) -> Built:
    register_fonts()
    today = data.produced.produced_at.date()
    several = [c for c in data.cases if several_without_referral(c)]
    late = sum(1 for w in data.waiting if w.late)
    overdue = sum(1 for item in data.outstanding if item.action.is_overdue(today))
    counts = facts_table(
        [
            ("Open cases", str(len(data.cases))),
            ("Outstanding actions", f"{len(data.outstanding)} ({overdue} overdue)"),
            ("Waiting for a reply", f"{len(data.waiting)} ({late} past the expected date)"),
            ("Several concerns, no referral", str(len(several))),
        ]
    )
    subtitle = f"For {text(data.produced.produced_by)}'s supervision, {day(today)}"
    story: list[Flowable] = [
        *title_block(TITLE, subtitle),
        counts,
        *section("Open cases", *_cases(data.cases, today)),
        *section("Outstanding actions", *_outstanding(data, today)),
        *section("Waiting for a reply", *_waiting(data)),
        *section(
            f"Several concerns ({SEVERAL_CONCERNS} or more) and no referral", *_several(several)
        ),
        *section("The DSL's reflections", *_reflections(data)),
        *section("Questions to discuss", *_questions(data.cases)),
        *_record(),
        *checkpoint_note(data.checkpoint),
    ]
    return build_pdf(PageFurniture(TITLE, "", data.produced), story, invariant=invariant)


def _since(case: OpenCase, today: date) -> str:
    if case.last_recorded is None:
        return "Nothing recorded"
    return plural((today - case.last_recorded.date()).days, "day")


def _cases(cases: tuple[OpenCase, ...], today: date) -> list[Flowable]:
    if not cases:
        return [none_recorded("open cases")]
    rows = [
        [
            f"<b>{text(c.child_name)}</b>",
            text(c.year_group),
            str(c.open_concerns),
            day(c.last_recorded.date()) if c.last_recorded else "",
            f"<b>{_since(c, today)}</b>",
            f"{c.open_actions}" + (f" ({c.overdue_actions} overdue)" if c.overdue_actions else ""),
            f"{c.open_concerns - c.undecided} of {c.open_concerns}",
        ]
        for c in cases
    ]
    header = ["Child", "Year", "Open concerns", "Last action", "Since then", "Open actions"]
    header.append("Decision recorded")
    return [
        para(
            "Longest since anything was done first. Last action: the latest chronology entry "
            "or completed action. Decision recorded: open concerns whose reflection records a "
            "decision."
        ),
        table(header, rows, [27, 9, 10, 13, 13, 15, 13]),
    ]


def _outstanding(data: SupervisionData, today: date) -> list[Flowable]:
    if not data.outstanding:
        return [para("Every action recorded has been done.")]
    rows = [
        [
            text(item.child_name),
            text(item.action.description),
            text(item.action.owner),
            day(item.action.due_on),
            _due_words(item.action.due_on, today),
        ]
        for item in data.outstanding
    ]
    return [
        para("Every action not yet marked done, the soonest due first."),
        table(["Child", "Action", "Who", "Due", "Now"], rows, [18, 34, 15, 12, 21]),
    ]


def _due_words(due_on: date, today: date) -> str:
    days = (due_on - today).days
    if days < 0:
        return f"<b>Overdue by {plural(-days, 'day')}</b>"
    return "Due today" if days == 0 else f"Due in {plural(days, 'day')}"


def _waiting(data: SupervisionData) -> list[Flowable]:
    if not data.waiting:
        return [para("Nothing is waiting for a reply from another agency.")]
    rows = [
        [
            text(w.child_name),
            text(w.what),
            day(w.sent_on),
            day(w.due_by),
            "<b>Late: no reply</b>" if w.late else "Not yet due",
        ]
        for w in data.waiting
    ]
    return [table(["Child", "Waiting on", "Sent", "Reply due", "Now"], rows, [20, 44, 11, 11, 14])]


def _several(cases: list[OpenCase]) -> list[Flowable]:
    if not cases:
        return [para("No open case has several concerns without a referral.")]
    rows = [[f"<b>{text(c.child_name)}</b>", text(c.year_group), str(c.concerns)] for c in cases]
    return [table(["Child", "Year", "Concerns"], rows, [50, 25, 25])]


def _reflections(data: SupervisionData) -> list[Flowable]:
    if not data.reflections:
        return [none_recorded("reflections on open concerns")]
    story: list[Flowable] = []
    for note in data.reflections:
        story += label(f"{note.child_name}: concern of {moment(note.concern.occurred_at)}")
        rows = [("Decision", text(note.decision) or "Not decided yet")]
        if note.reasons:
            rows.append(("Reasons", text(note.reasons)))
        if note.would_change:
            rows.append(("Would change it", text(note.would_change)))
        story.append(facts_table(rows))
    return story


def _questions(cases: tuple[OpenCase, ...]) -> list[Flowable]:
    story: list[Flowable] = []
    for case in cases:
        asked = questions(case)
        recorded = recorded_themes(case)
        if asked or recorded:
            story += label(case.child_name)
            story += [para(text(recorded))] if recorded else []
            story += [para(f"•&nbsp;{text(q)}") for q in asked]
    if not story:
        return [para("The records raise no particular question this time.")]
    return [para(text(WHERE_FROM), SMALL), *story]


def _record() -> list[Flowable]:
    """Room to write by hand in the session; the record is then saved back into the tool."""
    rows = [("Date", 9), ("Supervisor", 9), ("Discussed", 48), ("Agreed: what, who, by when", 48)]
    form = Table(
        [[Paragraph(escape(name), HEAD_CELL), ""] for name, _ in rows],
        colWidths=[FRAME_WIDTH * 0.24, FRAME_WIDTH * 0.76],
        rowHeights=[height * mm for _, height in rows],
    )
    form.setStyle(
        TableStyle(
            [
                ("GRID", (0, 0), (-1, -1), 0.5, RULE_GREY),
                ("VALIGN", (0, 0), (-1, -1), "TOP"),
                ("FONTNAME", (0, 0), (-1, -1), REGULAR),
            ]
        )
    )
    form.hAlign = "LEFT"
    note = para("Complete in the session, then save the record into SCR Reflect.", SMALL)
    return [KeepTogether([*heading("Supervision record"), note, gap(3), form])]
