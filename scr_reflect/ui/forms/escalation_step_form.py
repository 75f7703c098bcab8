"""Record or amend one step of an escalation: the stage of the local procedure, who was
contacted and when, their response, and the deadline for the next reply.

The deadline follows the stage's timescale in working days until the DSL sets another."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import replace
from datetime import date

from PySide6.QtWidgets import QLineEdit, QSizePolicy

from ...domain.changes import ChangeSet
from ...domain.escalation_procedure import Stage, deadline_after
from ...domain.records import Draft
from ...domain.referrals import EscalationStep
from ..shared.widgets import as_iso, choice_box, date_edit, text_box
from ..tabs.record_panel import plain_label
from .escalation_form import Choice, parent_field
from .form_context import FormContext
from .record_form import REASON, RecordForm


class EscalationStepForm(RecordForm):
    def __init__(
        self,
        context: FormContext,
        draft: Draft,
        escalation: Choice,
        step: EscalationStep | None = None,
    ) -> None:
        records, structured = context.records, context.structured
        super().__init__(context.parent, context.runner, records, draft, amending=step is not None)
        self._structured, self._step = structured, step
        self._procedure = structured.procedure
        self.setWindowTitle("Amend escalation step" if step else "Record an escalation step")
        today = records.now().date()
        parent_field(self, "escalation_id", "Escalation", escalation)
        choices = [(stage.title, stage.key) for stage in self._procedure.stages]
        if step is not None and step.stage not in self._procedure.stage_keys:
            choices.append((f"{step.stage} (no longer in the local procedure)", step.stage))
        self.add_field("stage", "Stage", choice_box(self, choices))
        self.stage_help = plain_label(self, "stageHelp")
        self.stage_help.setSizePolicy(QSizePolicy.Policy.Preferred, QSizePolicy.Policy.Maximum)
        self.form.addRow("", self.stage_help)
        self.contacted = QLineEdit(self)
        self.add_field("contacted", "Who was contacted", self.contacted)
        self.add_field("contacted_on", "Contacted on", date_edit(self, today))
        self.add_field(
            "response",
            "Their response",
            text_box(
                self,
                "Leave blank until they reply; the step shows as overdue after the deadline.",
                3,
            ),
        )
        self.add_field(
            "next_deadline",
            "Reply due by",
            date_edit(self, today),
            "Set from the stage's timescale in working days; change it if another date was agreed.",
        )
        # The default deadline goes in before the draft is filled, so a draft's own date wins
        # and an untouched form does not count as edited.
        self.fill(
            {key: draft.fields[key] for key in ("stage", "contacted_on") if key in draft.fields}
        )
        self._set_deadline(self._default_deadline())
        self.finish_building()
        self._show_stage()
        # The deadline follows the procedure until the DSL sets a different date.
        self._follows_procedure = True
        self._deadline_edited()
        self._fields["stage"].changed.connect(self._stage_or_date_changed)
        self._fields["contacted_on"].changed.connect(self._stage_or_date_changed)
        self._fields["next_deadline"].changed.connect(self._deadline_edited)

    @staticmethod
    def fields_of(step: EscalationStep) -> dict[str, str]:
        return {
            "escalation_id": str(step.escalation_id),
            "stage": step.stage,
            "contacted": step.contacted,
            "contacted_on": as_iso(step.contacted_on),
            "response": step.response,
            **({"next_deadline": as_iso(step.next_deadline)} if step.next_deadline else {}),
        }

    def _stage(self) -> Stage | None:
        key = self.value("stage")
        return self._procedure.stage(key) if key in self._procedure.stage_keys else None

    def _default_deadline(self) -> date | None:
        """None while the contact date is being typed and cannot be read yet."""
        try:
            contacted_on = self.date_value("contacted_on")
        except ValueError:
            return None
        stage = self._stage()
        return deadline_after(contacted_on, stage.respond_within_working_days if stage else 0)

    def _set_deadline(self, deadline: date | None) -> None:
        if deadline is not None:
            self._fields["next_deadline"].write(as_iso(deadline))

    def _show_stage(self) -> None:
        stage = self._stage()
        if stage is None:
            self.stage_help.setText("")
            return
        days = stage.respond_within_working_days
        self.contacted.setPlaceholderText(stage.who)
        self.stage_help.setText(
            f"Contact: {stage.who}\nA reply is expected within {days} working "
            f"day{'s' * (days != 1)}.\n{stage.guidance}".strip()
        )

    def _stage_or_date_changed(self) -> None:
        self._show_stage()
        if self._follows_procedure:
            self._set_deadline(self._default_deadline())

    def _deadline_edited(self) -> None:
        default = self._default_deadline()
        if default is not None:
            self._follows_procedure = self.value("next_deadline") == as_iso(default)

    def make_save(self) -> Callable[[], ChangeSet]:
        step = EscalationStep(
            escalation_id=int(self.value("escalation_id")),
            stage=self.value("stage"),
            contacted=self.value("contacted").strip(),
            contacted_on=self.date_value("contacted_on"),
            response=self.value("response"),
            next_deadline=self.date_value("next_deadline"),
        )
        structured = self._structured
        if self._step is None:
            return lambda: structured.add(step)
        amended = replace(step, id=self._step.id, version=self._step.version)
        reason = self.value(REASON)
        return lambda: structured.amend(amended, reason)
