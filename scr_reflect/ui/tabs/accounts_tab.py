"""The Accounts tab: what people said about the child, split into claims, each checked.

The matrix puts contradicted and unchecked claims first; choosing a claim shows what it was
checked against and the account it came from. "Check this claim…" (Ctrl+K) records a check.
"""

from __future__ import annotations

from datetime import datetime

from PySide6.QtCore import Qt
from PySide6.QtGui import QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QGridLayout,
    QMenu,
    QPushButton,
    QToolButton,
    QVBoxLayout,
    QWidget,
)

from ...domain import display_dates as show
from ...domain.accounts import Account, AccountWithClaims, Claim
from ...domain.draft_key import DraftKey, FormKind
from ...domain.enums import RecordType
from ...domain.records import Child, Draft
from ...guidance.seed_sources import citation
from ...services.structured import ChildPicture, PicturePart
from ..forms.account_form import AccountForm, ClaimForm, account_choice
from ..forms.claim_check_form import CHECKING, ClaimCheckForm
from ..forms.draft_openers import DraftOpener
from ..shared import shortcuts
from ..shared.kept_selection import KeptSelection
from .claims_matrix import LEGEND, ClaimsMatrixModel, claims_table, status_counts, status_mark
from .picture_tab import PictureTab, TabContext
from .record_panel import FieldsBox, plain_label, version_text

INTRO = (
    "Reviews found that parents' accounts were often accepted without anyone checking them. "
    "Split each account into the claims it makes, then check each claim against another "
    "account, an observation or a record."
)
SOURCE = f"Source: {citation('003_4350a0763766385e.txt')}."
_DETAIL_ROWS = [
    ("claim", "Claim"),
    ("status", "Checked?"),
    ("against", "Checked against"),
    ("checked", "Checked"),
    ("evidence", "Note"),
    ("account", "From the account"),
    ("said", "What they said"),
    ("version", "Version"),
]


def _checked(claim: Claim) -> str:
    if claim.checked_on is None:
        return ""
    return f"{show.day(claim.checked_on)} by {claim.checked_by}"


class AccountsTab(PictureTab):
    TITLE = "Accounts"
    RECORD_TYPES = (RecordType.ACCOUNT, RecordType.CLAIM)
    PARTS = frozenset({PicturePart.ACCOUNTS})

    def __init__(self, context: TabContext, parent: QWidget | None = None) -> None:
        super().__init__(context, parent)
        self._accounts: list[AccountWithClaims] = []
        self.intro = plain_label(self, "accountsIntro", f"{INTRO}\n{SOURCE}")
        self.summary = plain_label(self, "accountsSummary")
        self.model = ClaimsMatrixModel(self)
        self.table = claims_table(self, self.model)
        self.kept_selection = KeptSelection(self.table, self.model)
        self.legend = plain_label(self, "claimsLegend", LEGEND)
        self.record = QPushButton("Record account…", self, objectName="recordAccount")
        self.add_claim = QPushButton("Add claim…", self, objectName="addClaim")
        self.check = QPushButton("Check this claim…", self, objectName="checkClaim")
        self.check.setToolTip(f"Check it against another source ({shortcuts.CHECK_CLAIM.keys})")
        self.amend_claim = QPushButton("Amend claim…", self, objectName="amendClaim")
        self.amend = QPushButton("Amend account…", self, objectName="amendAccount")
        self.history = QToolButton(self, objectName="accountsHistory", text="History")
        self.history.setPopupMode(QToolButton.ToolButtonPopupMode.InstantPopup)
        menu = QMenu(self.history)
        self.claim_history = menu.addAction("History of the claim", self.show_claim_history)
        self.account_history = menu.addAction("History of the account", self.show_account_history)
        self.history.setMenu(menu)
        self.details = FieldsBox("Selected claim", _DETAIL_ROWS, self)
        self.details.setObjectName("claimDetails")

        # Two rows: six buttons in one would make the pane, and the window, wider than a laptop.
        buttons = QGridLayout()
        for place, button in enumerate(
            (self.record, self.add_claim, self.check, self.amend_claim, self.amend, self.history)
        ):
            buttons.addWidget(button, place // 3, place % 3)
        buttons.setColumnStretch(3, 1)
        layout = QVBoxLayout(self)
        for widget in (self.intro, self.summary):
            layout.addWidget(widget)
        layout.addWidget(self.table, 1)
        layout.addWidget(self.legend)
        layout.addLayout(buttons)
        layout.addWidget(self.details)
        layout.addStretch(0)  # with no table to fill the pane, the room goes below, not between

        self.record.clicked.connect(self.record_account)
        self.add_claim.clicked.connect(self.new_claim)
        self.check.clicked.connect(self.check_claim)
        keys = QShortcut(QKeySequence(shortcuts.CHECK_CLAIM.keys), self, self.check_claim)
        keys.setContext(Qt.ShortcutContext.WidgetWithChildrenShortcut)
        self.amend_claim.clicked.connect(self.amend_the_claim)
        self.amend.clicked.connect(self.amend_account)
        self.table.selectionModel().selectionChanged.connect(lambda *_: self._show_selected())
        self._show_selected()

    # Showing ------------------------------------------------------------------------------

    def show_picture(self, child: Child, picture: ChildPicture, now: datetime) -> None:
        keep = self.kept_selection.id_to_keep()
        self._accounts = list(picture.accounts)
        self.summary.setText(status_counts(self._accounts))
        self.model.show_accounts(self._accounts)
        # Otherwise the first claim: the one most in need of attention.
        self.kept_selection.choose(keep, 0 if self.model.rowCount() else None)
        self.add_claim.setEnabled(bool(self._accounts))
        self._show_selected()

    def selected(self) -> tuple[Account, Claim] | None:
        rows = self.table.selectionModel().selectedRows()
        return self.model.claim_at(rows[0].row()) if rows else None

    def _show_selected(self) -> None:
        chosen = self.selected()
        for widget in (self.check, self.amend_claim, self.amend, self.history):
            widget.setEnabled(chosen is not None)
        self.details.setVisible(chosen is not None)
        if chosen is None:
            return
        account, claim = chosen
        self.details.show_values(
            {
                "claim": claim.text,
                "status": status_mark(claim),
                "against": claim.source_named[:1].upper() + claim.source_named[1:],
                "checked": _checked(claim),
                "evidence": claim.evidence.strip(),
                "account": account_choice(account),
                "said": account.summary,
                "version": version_text(claim.version),
            }
        )

    def _accounts_only(self) -> list[Account]:
        return [item.account for item in self._accounts]

    # Forms --------------------------------------------------------------------------------

    def record_account(self) -> None:
        if self.child is None or self.child.id is None:
            return
        key = DraftKey(FormKind.ACCOUNT, self.child.id).text()
        self._open_account(Draft(key, f"New account: {self.child_name()}"), self.child.id, None)

    def amend_account(self) -> None:
        chosen = self.selected()
        if chosen is None:
            return
        account = chosen[0]
        key = DraftKey(FormKind.ACCOUNT, account.child_id, account.id).text()
        draft = Draft(key, f"Amended account: {self.child_name()}", AccountForm.fields_of(account))
        self._open_account(draft, account.child_id, account)

    def new_claim(self) -> None:
        if self.child is None or self.child.id is None or not self._accounts:
            return
        chosen = self.selected()
        fields = {"account": str(chosen[0].id)} if chosen else {}
        key = DraftKey(FormKind.CLAIM, self.child.id).text()
        draft = Draft(key, f"New claim: {self.child_name()}", fields)
        self._open_claim(draft, self._accounts_only(), None)

    def check_claim(self) -> None:
        chosen = self.selected()
        if chosen is None or self.child is None:
            return
        account, claim = chosen
        key = DraftKey(FormKind.CLAIM, account.child_id, claim.id).text()
        draft = Draft(key, f"Check a claim: {self.child_name()}", {CHECKING: "yes"})
        self._open_claim(draft, self._accounts_only(), claim)

    def amend_the_claim(self) -> None:
        chosen = self.selected()
        if chosen is None or self.child is None:
            return
        account, claim = chosen
        key = DraftKey(FormKind.CLAIM, account.child_id, claim.id).text()
        draft = Draft(key, f"Amended claim: {self.child_name()}", ClaimForm.fields_of(claim))
        self._open_claim(draft, self._accounts_only(), claim)

    def _open_account(self, draft: Draft, child_id: int, account: Account | None) -> None:
        form = AccountForm(self.context.form_context(self), draft, child_id, account)
        self.context.open_form(form)

    def _open_claim(self, draft: Draft, accounts: list[Account], claim: Claim | None) -> None:
        context = self.context.form_context(self)
        form: ClaimForm | ClaimCheckForm
        if claim is not None and CHECKING in draft.fields:
            form = ClaimCheckForm(context, draft, accounts, claim)
        else:
            form = ClaimForm(context, draft, accounts, claim)
        # Connected before the workspace's refresh, so the saved claim is chosen after it.
        form.saved.connect(self.kept_selection.choose_saved)
        self.context.open_form(form)

    # History ------------------------------------------------------------------------------

    def show_claim_history(self) -> None:
        chosen = self.selected()
        if chosen and chosen[1].id is not None:
            self.show_record_history("claim", RecordType.CLAIM, chosen[1].id)

    def show_account_history(self) -> None:
        chosen = self.selected()
        if chosen and chosen[0].id is not None:
            self.show_record_history(
                f"account from {chosen[0].source_label}", RecordType.ACCOUNT, chosen[0].id
            )

    # Drafts -------------------------------------------------------------------------------

    def draft_openers(self) -> dict[FormKind, DraftOpener]:
        return {
            FormKind.ACCOUNT: self.record_opener(RecordType.ACCOUNT, self._open_account),
            FormKind.CLAIM: self._reopen_claim,
        }

    def _reopen_claim(self, draft: Draft, key: DraftKey) -> None:
        """A claim form lists the child's accounts: they are loaded with the claim amended."""
        structured = self.context.workspace.structured
        child_id, record_id = self.child_of_draft(key), key.record_id
        if child_id is None:
            return

        def load() -> tuple[list[Account], Claim | None]:
            accounts = [item.account for item in structured.picture(child_id, self.PARTS).accounts]
            claim = None if record_id is None else structured.get(RecordType.CLAIM, record_id)
            return accounts, claim

        self.context.runner.run(
            load, lambda loaded: self._open_claim(draft, *loaded), self.context.report
        )
