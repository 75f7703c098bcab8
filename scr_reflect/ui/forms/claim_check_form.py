"""Check a claim against another source: an act of its own, not an amendment.

What it was checked against (another of the child's accounts, or a record or observation named
in words), what that found, when and by whom, and a note. It is kept as the claim's next
version, but the history and the chronology call it a check, and it asks no "why amend?": the
check is the reason.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import replace

from PySide6.QtCore import QSize
from PySide6.QtWidgets import QLineEdit

from ...domain import display_dates as show
from ...domain.accounts import Account, Claim, ClaimStatus, EvidenceKind
from ...domain.changes import ChangeSet
from ...domain.records import Draft
from ..shared.widgets import choice_box, date_edit, text_box
from ..shared.window_size import fit_to_screen
from ..tabs.record_panel import plain_label
from .form_context import FormContext
from .record_form import RecordForm

CHECKING = "checking"  # in a claim's draft: it is a check, not an amendment of the wording
ACCOUNT_PREFIX = "account:"  # a choice that is one of the child's accounts, by id
RESULTS = [
    ("✗ Contradicted: it says something different", ClaimStatus.CONTRADICTED.value),
    ("✓ Corroborated: it bears the claim out", ClaimStatus.CORROBORATED.value),
    ("? Could not check: no answer, or it does not say", ClaimStatus.UNVERIFIED.value),
]
TYPED = [
    ("A record (name it below)", EvidenceKind.RECORD.value),
    ("An observation (say whose below)", EvidenceKind.OBSERVATION.value),
    ("Another account, not recorded here (say whose below)", EvidenceKind.ACCOUNT.value),
]


def account_named(account: Account) -> str:
    """An account as a check names it: who gave it, and the day."""
    return f"{account.source_label}, {show.day(account.given_at.date())}"


class ClaimCheckForm(RecordForm):
    def __init__(
        self, context: FormContext, draft: Draft, accounts: list[Account], claim: Claim
    ) -> None:
        records, structured = context.records, context.structured
        # Not "amending": a check is its own act, and the form asks no reason for it.
        super().__init__(context.parent, context.runner, records, draft, amending=False)
        self._structured, self._claim = structured, claim
        self._others = {f"{ACCOUNT_PREFIX}{a.id}": a for a in accounts if a.id != claim.account_id}
        self.setWindowTitle("Check this claim")
        fit_to_screen(self, QSize(680, 520))  # a few short fields: no need to fill the screen
        given = next((a for a in accounts if a.id == claim.account_id), None)
        said = f"“{claim.text}”, from {given.source_label}" if given else claim.text
        self.form.addRow("Claim", plain_label(self, "claim", said))
        choices = [(account_named(a), key) for key, a in self._others.items()] + TYPED
        self.against = choice_box(self, choices)
        self.add_field("against", "Checked against", self.against)
        self.which = QLineEdit(self, placeholderText="For example: Police log, 12/11 (PC Example)")
        self.add_field(
            "checked_against",
            "Which one",
            self.which,
            "The record or observation, named so a reader can find it: what, whose, and when.",
        )
        self.add_field("result", "What it found", choice_box(self, RESULTS))
        self.add_field("checked_on", "Checked on", date_edit(self, records.now().date()))
        self.add_field("checked_by", "Checked by", QLineEdit(self, text=structured.actor))
        self.add_field(
            "note",
            "Note",
            text_box(self, "What the source says, in its words where you can.", 3),
        )
        self.against.currentIndexChanged.connect(lambda _i: self._show_which())
        self.finish_building()
        self._show_which()

    def _show_which(self) -> None:
        """ "Which one" is asked only for a source that is not one of the child's accounts."""
        self.which.setEnabled(self.against.currentData() not in self._others)

    def values(self) -> dict[str, str]:
        return {CHECKING: "yes"} | super().values()  # so its draft reopens as a check

    def make_save(self) -> Callable[[], ChangeSet]:
        chosen = self.against.currentData()
        account = self._others.get(chosen)
        named = account_named(account) if account else self.value("checked_against").strip()
        checked = replace(
            self._claim,
            status=ClaimStatus(self.value("result")),
            evidence_kind=EvidenceKind.ACCOUNT if account else EvidenceKind(chosen),
            evidence=self.value("note"),
            checked_against=named,
            checked_on=self.date_value("checked_on"),
            checked_by=self.value("checked_by").strip(),
        )
        structured = self._structured
        return lambda: structured.check(checked)
