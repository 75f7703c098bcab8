"""Record an account and the claims it makes; add a claim, or amend its wording.

An account is what someone said. Its claims, one a line, start unchecked: the point is to
check each one against another account, an observation or a record (claim_check_form.py).
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import replace

from PySide6.QtCore import QSize
from PySide6.QtWidgets import QLineEdit

from ...domain import display_dates as show
from ...domain.accounts import Account, AccountSource, Claim
from ...domain.changes import ChangeSet
from ...domain.records import Draft
from ..shared.widgets import as_iso, choice_box, datetime_edit, text_box
from ..shared.window_size import fit_to_screen
from ..tabs.record_panel import plain_label
from .form_context import FormContext
from .record_form import REASON, RecordForm


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
    """Add a claim to an account, or amend its wording; checking it is ClaimCheckForm's."""

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
        self.setWindowTitle("Amend a claim" if claim else "Add a claim")
        # A claim is one line; the form need not fill the screen
        fit_to_screen(self, QSize(680, 360))
        if claim is None:
            choices = [(account_choice(a), str(a.id)) for a in accounts]
            self.add_field("account", "From the account", choice_box(self, choices))
        else:
            given = next((a for a in accounts if a.id == claim.account_id), None)
            self.form.addRow("From the account", plain_label(self, "account", _name(given)))
        self.add_field(
            "text", "Claim", QLineEdit(self, placeholderText="One thing the account says is true")
        )
        self.finish_building()

    @staticmethod
    def fields_of(claim: Claim) -> dict[str, str]:
        return {"text": claim.text}

    def make_save(self) -> Callable[[], ChangeSet]:
        text, structured = self.value("text").strip(), self._structured
        if self._claim is None:
            claim = Claim(account_id=int(self.value("account")), text=text)
            return lambda: structured.add(claim)
        # Only the wording: what it was checked against changes by checking it again.
        amended = replace(self._claim, text=text)
        reason = self.value(REASON)
        return lambda: structured.amend(amended, reason)


def _name(account: Account | None) -> str:
    return account_choice(account) if account else ""
