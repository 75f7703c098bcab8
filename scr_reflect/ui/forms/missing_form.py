"""Record or amend a missing episode: when, where the child was found, what they said and why."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import replace
from datetime import date

from PySide6.QtWidgets import QCheckBox, QLineEdit

from ...domain.changes import ChangeSet
from ...domain.missing import InterviewOffer, InterviewOutcome, MissingEpisode
from ...domain.records import Draft
from ..shared.widgets import as_iso, choice_box, date_edit, datetime_edit, text_box
from .form_context import FormContext
from .record_form import REASON, RecordForm

YES = "yes"  # how a ticked box reads in a draft
INTERVIEW_HINT = (
    "Statutory guidance expects an independent return home interview within 72 hours of the "
    "child's return. Leave 'Not known whether offered' until you know; 'Not offered' says "
    "that none was offered."
)
HELD, DECLINED = InterviewOutcome.HELD, InterviewOutcome.DECLINED
_OUTCOME_DATE_FIELD = {
    "interview_held_on": "interview_outcome_on",
    "interview_declined_on": "interview_outcome_on",
}


class MissingForm(RecordForm):
    def __init__(
        self,
        context: FormContext,
        draft: Draft,
        child_id: int,
        episode: MissingEpisode | None = None,
    ) -> None:
        records, structured = context.records, context.structured
        super().__init__(
            context.parent, context.runner, records, draft, amending=episode is not None
        )
        self._structured, self._child_id, self._episode = structured, child_id, episode
        self.setWindowTitle("Amend missing episode" if episode else "Record a missing episode")
        now = records.now()
        self.add_field("started_at", "Went missing", datetime_edit(self, now))
        self.not_returned = QCheckBox("Not yet returned", self)
        self.add_field("not_returned", "Returned?", self.not_returned)
        self.add_field("ended_at", "Returned at", datetime_edit(self, now))
        self.add_field("found_where", "Found where", QLineEdit(self))
        self.add_field("found_by", "Found by", QLineEdit(self, placeholderText="Name and role"))
        self.add_field(
            "reported_by", "Reported by", QLineEdit(self, placeholderText="Who told whom")
        )
        self.add_field("police_reference", "Police reference", QLineEdit(self))
        self._interview_fields(now.date())
        self.add_field(
            "child_said",
            "What the child said",
            text_box(self, "In the child's own words, about where they were and why.", 4),
        )
        self.add_field(
            "push_factors",
            "Push factors",
            text_box(self, "What pushed them away from home or care.", 2),
        )
        self.add_field(
            "pull_factors",
            "Pull factors",
            text_box(self, "What or who pulled them elsewhere.", 2),
        )
        self.not_returned.toggled.connect(self._sync)
        self.finish_building()
        self._sync()

    def _interview_fields(self, today: date) -> None:
        """Whether an interview was offered (not known unless said), and what came of it."""
        offers = [(o.label, o.value) for o in InterviewOffer]
        outcomes = [(o.label, o.value) for o in InterviewOutcome]
        self.add_field(
            "interview_offer", "Return home interview", choice_box(self, offers), INTERVIEW_HINT
        )
        self.add_field("interview_offered_on", "Offered on", date_edit(self, today))
        self.add_field("interview_outcome", "What came of it", choice_box(self, outcomes))
        self.add_field("interview_outcome_on", "Held or declined on", date_edit(self, today))
        for name in ("interview_offer", "interview_outcome"):
            self._fields[name].changed.connect(self._sync)

    def _offered(self) -> bool:
        return self.value("interview_offer") == InterviewOffer.OFFERED

    def _outcome(self) -> InterviewOutcome:
        chosen = InterviewOutcome(self.value("interview_outcome"))
        return chosen if self._offered() else InterviewOutcome.NOT_YET

    def _sync(self) -> None:
        """Fields that do not apply are greyed out, so it is plain which ones will be saved."""
        self._fields["ended_at"].widget.setEnabled(not self.not_returned.isChecked())
        self._fields["interview_offered_on"].widget.setEnabled(self._offered())
        self._fields["interview_outcome"].widget.setEnabled(self._offered())
        answered = self._outcome() is not InterviewOutcome.NOT_YET
        self._fields["interview_outcome_on"].widget.setEnabled(answered)

    def show_problems(self, message: str, fields: list[str]) -> None:
        """The held and declined dates share one field on the form."""
        shown = [_OUTCOME_DATE_FIELD.get(name, name) for name in fields]
        super().show_problems(message, shown)

    @staticmethod
    def fields_of(episode: MissingEpisode) -> dict[str, str]:
        fields = {
            "started_at": as_iso(episode.started_at),
            "not_returned": "" if episode.ended_at else YES,
            "found_where": episode.found_where,
            "found_by": episode.found_by,
            "reported_by": episode.reported_by,
            "police_reference": episode.police_reference,
            "interview_offer": episode.interview_offer.value,
            "interview_outcome": episode.interview_outcome.value,
            "child_said": episode.child_said,
            "push_factors": episode.push_factors,
            "pull_factors": episode.pull_factors,
        }
        # Dates left out keep the form's default (now), ready if they are ticked later.
        for name, value in (
            ("ended_at", episode.ended_at),
            ("interview_offered_on", episode.interview_offered_on),
            ("interview_outcome_on", episode.interview_held_on or episode.interview_declined_on),
        ):
            if value is not None:
                fields[name] = as_iso(value)
        return fields

    def _date_if(self, applies: bool, name: str) -> date | None:
        return self.date_value(name) if applies else None

    def make_save(self) -> Callable[[], ChangeSet]:
        outcome = self._outcome()
        episode = MissingEpisode(
            child_id=self._child_id,
            started_at=self.datetime_value("started_at"),
            ended_at=None if self.not_returned.isChecked() else self.datetime_value("ended_at"),
            found_where=self.value("found_where").strip(),
            found_by=self.value("found_by").strip(),
            reported_by=self.value("reported_by").strip(),
            police_reference=self.value("police_reference").strip(),
            interview_offer=InterviewOffer(self.value("interview_offer")),
            interview_offered_on=self._date_if(self._offered(), "interview_offered_on"),
            interview_outcome=outcome,
            interview_held_on=self._date_if(outcome is HELD, "interview_outcome_on"),
            interview_declined_on=self._date_if(outcome is DECLINED, "interview_outcome_on"),
            child_said=self.value("child_said"),
            push_factors=self.value("push_factors"),
            pull_factors=self.value("pull_factors"),
        )
        structured = self._structured
        if self._episode is None:
            return lambda: structured.add(episode)
        amended = replace(episode, id=self._episode.id, version=self._episode.version)
        reason = self.value(REASON)
        return lambda: structured.amend(amended, reason)
