"""The records part of a child protection file sent as one PDF, for a school without SCR
Reflect: the child, each concern in full, and every record with its earlier versions. The
chronology and the referral summary follow it in the same file."""

from __future__ import annotations

from collections import Counter

from reportlab.platypus import Flowable

from ..domain.enums import RecordType
from ..domain.transfer_content import FileContent, history_text, kind_name
from . import blocks
from .page import Built, PageFurniture, build_pdf
from .parts import gap, heading, labelled, moment, none_recorded, para, plural, text, title_block
from .report_data import Produced

TITLE = "Child protection file"


def build_transfer_record(
    content: FileContent, produced: Produced, *, invariant: bool = False
) -> Built:
    child, today = content.child, produced.produced_at.date()
    story: list[Flowable] = [
        *title_block(TITLE, f"<b>{text(child.display_name)}</b>"),
        blocks.child_facts(child, today),
        gap(6),
        para(
            text(
                f"Sent by {content.school} ({content.sent_by}). Records: "
                f"{plural(content.count, 'record')}, of them "
                f"{plural(len(content.concerns), 'concern')}. The chronology and the referral "
                "summary follow. Please confirm receipt to the sending school's DSL."
            )
        ),
        *heading("Concerns"),
    ]
    if not content.concerns:
        story.append(none_recorded("concerns"))
    for c in content.concerns:
        categories = ", ".join(sorted(x.label for x in c.categories))
        story += [
            *heading(f"{moment(c.occurred_at)}: {categories}"),
            para(
                text(
                    f"Raised by {c.raised_by}, recorded {moment(c.recorded_at)}. "
                    f"Status: {c.status.label}."
                )
            ),
            *labelled("What happened", c.what_happened),
            *labelled("The child's words", c.child_words),
            *labelled("Action taken", c.action_taken),
            *labelled("Outcome", c.outcome),
        ]
    story += heading("Records and their earlier versions")
    if not content.records:
        story.append(none_recorded("records"))
    numbered: Counter[RecordType] = Counter()  # each kind counted from 1, not by its old id
    for record in content.records:
        numbered[record.record_type] += 1
        story += labelled(
            f"{kind_name(record.record_type)} {numbered[record.record_type]}",
            history_text(record, content.school),
        )
    return build_pdf(PageFurniture(TITLE, child.display_name, produced), story, invariant=invariant)
