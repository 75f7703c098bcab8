"""Record or amend a decision to share, or not to share, information about a child.

Whether it was shared and whether the family were told are chosen each time, never
defaulted: a default would quietly record a decision nobody made."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import replace

from PySide6.QtWidgets import QLineEdit

from ...domain.changes import ChangeSet
from ...domain.records import Draft
from ...domain.sharing import LawfulBasis, SharingDecision
from ..shared.widgets import as_iso, choice_box, datetime_edit, text_box
from .form_context import FormContext
from .record_form import REASON, RecordForm

YES, NO = "yes", "no"


class SharingForm(RecordForm):
    def __init__(
        self,
        context: FormContext,
        draft: Draft,
        child_id: int,
        decision: SharingDecision | None = None,
    ) -> None:
        records, structured = context.records, context.structured
        super().__init__(
            context.parent, context.runner, records, draft, amending=decision is not None
        )
        self._structured, self._child_id, self._decision = structured, child_id, decision
        self.setWindowTitle("Amend sharing decision" if decision else "Record a sharing decision")
        self.add_field("decided_at", "Decided", datetime_edit(self, records.now()))
        self.add_field(
            "shared",
            "Decision",
            choice_box(self, [("Choose…", ""), ("Shared", YES), ("Not shared", NO)]),
        )
        self.add_field(
            "with_whom",
            "With whom",
            QLineEdit(self, placeholderText="Agency and role, e.g. school nurse, health visitor"),
            "Who the information went to, or who asked for it or would have received it.",
        )
        self.add_field(
            "what", "What information", text_box(self, "What was shared, or held back.", 3)
        )
        self.add_field(
            "why",
            "Why",
            text_box(self, "The reasons for the decision, to share or not to share.", 3),
        )
        self.add_field(
            "lawful_basis",
            "Lawful basis",
            choice_box(self, [(basis.label, basis.value) for basis in LawfulBasis]),
        )
        self.add_field(
            "family_told",
            "Child and family told?",
            choice_box(self, [("Choose…", ""), ("Yes, told", YES), ("No, not told", NO)]),
        )
        self.add_field(
            "why_not_told",
            "Why not told",
            text_box(self, "For example: telling them could put the child at greater risk.", 2),
        )
        self.finish_building()
        self._family_told_changed()
        self._fields["family_told"].changed.connect(self._family_told_changed)

    @staticmethod
    def fields_of(decision: SharingDecision) -> dict[str, str]:
        return {
            "decided_at": as_iso(decision.decided_at),
            "shared": YES if decision.shared else NO,
            "with_whom": decision.with_whom,
            "what": decision.what,
            "why": decision.why,
            "lawful_basis": decision.lawful_basis.value,
            "family_told": YES if decision.family_told else NO,
            "why_not_told": decision.why_not_told,
        }

    def _family_told_changed(self) -> None:
        self._fields["why_not_told"].widget.setEnabled(self.value("family_told") != YES)

    def make_save(self) -> Callable[[], ChangeSet]:
        unchosen = [
            message
            for name, message in (
                ("shared", "Choose whether the information was shared."),
                ("family_told", "Choose whether the child and family were told."),
            )
            if not self.value(name)
        ]
        if unchosen:
            raise ValueError("\n".join(unchosen))
        told = self.value("family_told") == YES
        decision = SharingDecision(
            child_id=self._child_id,
            decided_at=self.datetime_value("decided_at"),
            shared=self.value("shared") == YES,
            with_whom=self.value("with_whom").strip(),
            what=self.value("what"),
            why=self.value("why"),
            lawful_basis=LawfulBasis(self.value("lawful_basis")),
            family_told=told,
            why_not_told="" if told else self.value("why_not_told"),
        )
        structured = self._structured
        if self._decision is None:
            return lambda: structured.add(decision)
        amended = replace(decision, id=self._decision.id, version=self._decision.version)
        reason = self.value(REASON)
        return lambda: structured.amend(amended, reason)
