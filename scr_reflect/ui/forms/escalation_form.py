"""Start, amend or resolve an escalation: the school's disagreement with one decision or more,
the evidence for it, and what it is asking for.

A new one opens with the decisions not yet challenged ticked and the grounds drafted from
what is recorded (ui/documents/escalation_actions.py); only Save makes it a record.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import replace

from PySide6.QtWidgets import QCheckBox

from ...domain.changes import ChangeSet
from ...domain.records import Draft
from ...domain.referrals import Escalation
from ..shared.widgets import as_iso, choice_box, date_edit, text_box
from .decision_picker import DecisionPicker
from .form_context import FormContext
from .record_form import REASON, FieldProblem, RecordForm

YES = "yes"
# The record a form belongs to: (what the DSL reads, its id as text, as drafts store it).
Choice = tuple[str, str]


def parent_field(form: RecordForm, name: str, label: str, choice: Choice) -> None:
    """Show which record this one belongs to; kept in the draft, never changed here."""
    box = choice_box(form, [choice])
    box.setEnabled(False)
    form.add_field(name, label, box)


class EscalationForm(RecordForm):
    def __init__(
        self,
        context: FormContext,
        draft: Draft,
        child_id: int,
        decisions: list[Choice],
        escalation: Escalation | None = None,
    ) -> None:
        records, structured = context.records, context.structured
        super().__init__(
            context.parent,
            context.runner,
            records,
            _with_challenges(draft),
            amending=escalation is not None,
        )
        self._structured, self._child_id, self._escalation = structured, child_id, escalation
        self.setWindowTitle("Amend escalation" if escalation else "Start an escalation")
        today = records.now().date()
        # The first decision of a saved escalation is its link to the referral: kept ticked.
        locked = str(escalation.referral_id) if escalation else None
        self.decisions = DecisionPicker(self, decisions, locked)
        self.add_field("challenges", "Decisions challenged", self.decisions)
        self.add_field("started_on", "Started", date_edit(self, today))
        self.add_field(
            "why_we_disagree",
            "Why the school disagrees",
            text_box(
                self, "What the school knows that the decision does not reflect: the evidence.", 5
            ),
        )
        self.add_field(
            "asking_for",
            "What the school is asking for, and by when",
            text_box(
                self, "For example: a strategy discussion, or a fresh assessment, by Friday.", 3
            ),
        )
        if escalation is not None:
            self.resolved = QCheckBox("The disagreement is resolved", self)
            self.add_field("resolved", "Resolved", self.resolved)
            self.add_field("resolved_on", "Resolved on", date_edit(self, today))
            self.add_field(
                "resolution",
                "How it was resolved",
                text_box(
                    self, "What was agreed, with whom, and what happens next for the child.", 3
                ),
            )
        self.finish_building()
        if escalation is not None:
            self._resolved_changed()
            self.resolved.toggled.connect(self._resolved_changed)
            if self.value("resolved") == YES:
                self._fields["resolution"].widget.setFocus()

    @staticmethod
    def fields_of(escalation: Escalation) -> dict[str, str]:
        resolved = escalation.resolved_on
        return {
            "challenges": ",".join(str(r) for r in escalation.challenges),
            "started_on": as_iso(escalation.started_on),
            "why_we_disagree": escalation.why_we_disagree,
            "asking_for": escalation.asking_for,
            "resolved": YES if resolved else "",
            **({"resolved_on": as_iso(resolved)} if resolved else {}),
            "resolution": escalation.resolution,
        }

    def _resolved_changed(self) -> None:
        for name in ("resolved_on", "resolution"):
            self._fields[name].widget.setEnabled(self.resolved.isChecked())

    def make_save(self) -> Callable[[], ChangeSet]:
        resolved = self._escalation is not None and self.value("resolved") == YES
        ticked = self.decisions.ticked()
        if not ticked:
            raise FieldProblem(
                "challenges", "Tick the decision or decisions the school challenges."
            )
        first = self._escalation.referral_id if self._escalation else ticked[0]
        escalation = Escalation(
            child_id=self._child_id,
            referral_id=first,
            also_challenges=tuple(r for r in ticked if r != first),
            started_on=self.date_value("started_on"),
            why_we_disagree=self.value("why_we_disagree"),
            asking_for=self.value("asking_for"),
            resolved_on=self.date_value("resolved_on") if resolved else None,
            resolution=self.value("resolution") if resolved else "",
        )
        structured = self._structured
        if self._escalation is None:
            return lambda: structured.add(escalation)
        amended = replace(escalation, id=self._escalation.id, version=self._escalation.version)
        reason = self.value(REASON)
        return lambda: structured.amend(amended, reason)


def _with_challenges(draft: Draft) -> Draft:
    """A draft kept before an escalation could challenge several decisions names one."""
    fields = draft.fields
    if "challenges" in fields or "referral_id" not in fields:
        return draft
    return replace(draft, fields={**fields, "challenges": fields["referral_id"]})
