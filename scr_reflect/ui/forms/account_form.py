"""Record an account and the claims it makes; add a claim; check a claim against a source.

An account is what someone said. Its claims, one a line, start unchecked: the point is to
check each one against another account, an observation or a record, and say what showed it.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import replace

from PySide6.QtCore import QSize
from PySide6.QtWidgets import QLineEdit

from ...domain import display_dates as show
from ...domain.accounts import Account, AccountSource, Claim, ClaimStatus, EvidenceKind
from ...domain.changes import ChangeSet
from ...domain.records import Draft
from ..shared.widgets import as_iso, choice_box, datetime_edit, text_box
from ..shared.window_size import fit_to_screen
from ..tabs.claims_matrix import STATUS_MARKS
from ..tabs.record_panel import plain_label
from .form_context import FormContext
from .record_form import REASON, RecordForm

NOT_CHECKED = ""  # the evidence kind chosen while a claim is still unchecked


def account_choice(account: Account) -> str:
    return f"{account.source_label}, {show.day_and_time(account.given_at)}"


def claim_lines(text: str) -> list[str]:
    return [line.strip() for line in text.splitlines() if line.strip()]


class AccountForm(RecordForm):
    def __init__(
        self,
        context: FormContext,
        draft: Draft,
        child_id: int,
        account: Account | None = None,
    ) -> None:
        records, structured = context.records, context.structured
        super().__init__(
            context.parent, context.runner, records, draft, amending=account is not None
        )
        self._structured, self._child_id, self._account = structured, child_id, account
        self.setWindowTitle("Amend account" if account else "Record an account")
        sources = [(s.label, s.value) for s in AccountSource]
        self.add_field("source", "Who gave it", choice_box(self, sources))
        self.add_field(
            "given_by",
            "Name or relationship",
            QLineEdit(self, placeholderText="For example: Mother, or Mr Hale (neighbour)"),
        )
        self.add_field("given_at", "When", datetime_edit(self, records.now()))
        self.add_field(
            "summary",
            "What they said",
            text_box(self, "Their account, in their words where you can.", 5),
        )
        if account is None:
            self.add_field(
                "claims",
                "Claims to check",
                text_box(self, "One claim a line: each thing the account says is true.", 4),
                "Each line becomes a claim marked unchecked, to be checked against another "
                "account, an observation or a record.",
            )
        self.finish_building()

    @staticmethod
    def fields_of(account: Account) -> dict[str, str]:
        return {
            "source": account.source.value,
            "given_by": account.given_by,
            "given_at": as_iso(account.given_at),
            "summary": account.summary,
        }

    def make_save(self) -> Callable[[], ChangeSet]:
        account = Account(
            child_id=self._child_id,
            source=AccountSource(self.value("source")),
            given_by=self.value("given_by").strip(),
            given_at=self.datetime_value("given_at"),
            summary=self.value("summary"),
        )
        structured = self._structured
        if self._account is not None:
            amended = replace(account, id=self._account.id, version=self._account.version)
            reason = self.value(REASON)
            return lambda: structured.amend(amended, reason)
        claims = claim_lines(self.value("claims"))

        def save() -> ChangeSet:
            changes = structured.add(account)
            assert changes.record_id is not None
            for text in claims:
                structured.add(Claim(account_id=changes.record_id, text=text))
            return changes

        return save


class ClaimForm(RecordForm):
    """Add a claim to an account, or check (amend) one: its status and what shows it."""

    def __init__(
        self,
        context: FormContext,
        draft: Draft,
        accounts: list[Account],
        claim: Claim | None = None,
    ) -> None:
        records, structured = context.records, context.structured
        super().__init__(context.parent, context.runner, records, draft, amending=claim is not None)
        self._structured, self._claim = structured, claim
        self.setWindowTitle("Check a claim" if claim else "Add a claim")
        # A claim is one line; the form need not fill the screen
        fit_to_screen(self, QSize(680, 460))
        if claim is None:
            choices = [(account_choice(a), str(a.id)) for a in accounts]
            self.add_field("account", "From the account", choice_box(self, choices))
        else:
            given = next((a for a in accounts if a.id == claim.account_id), None)
            self.form.addRow("From the account", plain_label(self, "account", _name(given)))
        self.add_field(
            "text", "Claim", QLineEdit(self, placeholderText="One thing the account says is true")
        )
        self.add_field(
            "status",
            "Checked?",
            choice_box(self, [(STATUS_MARKS[s], s.value) for s in ClaimStatus]),
        )
        kinds = [("Not checked yet", NOT_CHECKED)] + [(k.label, k.value) for k in EvidenceKind]
        self.add_field("evidence_kind", "Checked against", choice_box(self, kinds))
        self.add_field(
            "evidence",
            "What shows it",
            text_box(self, "Whose account, what was seen, or which record and its date.", 3),
        )
        self.finish_building()

    @staticmethod
    def fields_of(claim: Claim) -> dict[str, str]:
        return {
            "text": claim.text,
            "status": claim.status.value,
            "evidence_kind": claim.evidence_kind.value if claim.evidence_kind else NOT_CHECKED,
            "evidence": claim.evidence,
        }

    def make_save(self) -> Callable[[], ChangeSet]:
        status = ClaimStatus(self.value("status"))
        kind_value = self.value("evidence_kind")
        if status is not ClaimStatus.UNVERIFIED and kind_value == NOT_CHECKED:
            raise ValueError(
                "Say what the claim was checked against: another account, an observation or "
                "a record."
            )
        account_id = self._claim.account_id if self._claim else int(self.value("account"))
        claim = Claim(
            account_id=account_id,
            text=self.value("text").strip(),
            status=status,
            # An unchecked claim has nothing it was checked against yet.
            evidence_kind=None if status is ClaimStatus.UNVERIFIED else EvidenceKind(kind_value),
            evidence=self.value("evidence"),
        )
        structured = self._structured
        if self._claim is None:
            return lambda: structured.add(claim)
        amended = replace(claim, id=self._claim.id, version=self._claim.version)
        reason = self.value(REASON)
        return lambda: structured.amend(amended, reason)


def _name(account: Account | None) -> str:
    return account_choice(account) if account else ""
