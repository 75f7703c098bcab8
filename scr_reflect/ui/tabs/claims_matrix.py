"""Claims against sources: which account made each claim, and what it was checked against.

Rows are claims, contradicted ones first, then those nobody has checked, then corroborated
ones. Columns are the status and the claim, then one column per account (who gave it), then
what the claim was checked against, in one column so the matrix fits a laptop's pane. Every
mark is a symbol and a word, so the matrix reads the same in greyscale or to a screen reader;
colour only repeats it.
"""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QAbstractTableModel, QModelIndex, QPersistentModelIndex, QSize, Qt
from PySide6.QtGui import QColor, QFont
from PySide6.QtWidgets import (
    QHeaderView,
    QStyledItemDelegate,
    QStyleOptionViewItem,
    QTableView,
    QWidget,
)

from ...domain import display_dates as show
from ...domain.accounts import (
    Account,
    AccountWithClaims,
    Claim,
    ClaimStatus,
    claims_needing_attention,
)
from ..shared.table_columns import ID_ROLE
from ..shared.widgets import record_table

Index = QModelIndex | QPersistentModelIndex

COL_STATUS, COL_CLAIM = 0, 1
FIRST_SOURCE_COLUMN = 2
ACCOUNT_ID_ROLE = Qt.ItemDataRole.UserRole + 2
STATUS_ROLE = Qt.ItemDataRole.UserRole + 3  # the ClaimStatus value

STATUS_MARKS = {
    ClaimStatus.CONTRADICTED: "✗ contradicted",
    ClaimStatus.UNVERIFIED: "? unchecked",
    ClaimStatus.CORROBORATED: "✓ corroborated",
}
EVIDENCE_MARKS = {ClaimStatus.CONTRADICTED: "✗", ClaimStatus.CORROBORATED: "✓"}  # + the source
CHECKED_AGAINST = "Checked\nagainst"
GAVE_MARK = "● said"
LEGEND = "✗ contradicted   ? not yet checked   ✓ corroborated   ● who said it"
# Colour repeats what the words say; it never carries meaning alone.
_COLOURS = {
    ClaimStatus.CONTRADICTED: QColor("#8a1c1c"),
    ClaimStatus.UNVERIFIED: QColor("#5c4400"),
    ClaimStatus.CORROBORATED: QColor("#1d5e2a"),
}


def ordered_claims(accounts: list[AccountWithClaims]) -> list[tuple[Account, Claim]]:
    """Claims that need attention first (contradicted, then unchecked), then the rest."""
    flagged = claims_needing_attention(accounts)
    settled = sorted(
        (
            (item.account, claim)
            for item in accounts
            for claim in item.claims
            if claim.status is ClaimStatus.CORROBORATED
        ),
        key=lambda pair: pair[0].given_at,
    )
    return flagged + settled


def status_counts(accounts: list[AccountWithClaims]) -> str:
    """One line saying how many claims stand where, in words."""
    claims = [claim for item in accounts for claim in item.claims]
    if not accounts:
        return "No accounts recorded yet."
    if not claims:
        return "No claims yet: add the claims each account makes so they can be checked."
    counts = [
        f"{sum(c.status is status for c in claims)} {STATUS_MARKS[status].split(' ')[1]}"
        for status in STATUS_MARKS
    ]
    return f"{_count(len(claims), 'claim')} from {_count(len(accounts), 'account')}: " + (
        ", ".join(counts) + "."
    )


def _count(number: int, noun: str) -> str:
    return f"{number} {noun}" if number == 1 else f"{number} {noun}s"


class ClaimsMatrixModel(QAbstractTableModel):
    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._accounts: list[Account] = []
        self._rows: list[tuple[Account, Claim]] = []

    def show_accounts(self, accounts: list[AccountWithClaims]) -> None:
        self.beginResetModel()
        self._accounts = sorted((item.account for item in accounts), key=lambda a: a.given_at)
        self._rows = ordered_claims(accounts)
        self.endResetModel()

    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008 (Qt's signature)
        return 0 if parent.isValid() else len(self._rows)

    def columnCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else FIRST_SOURCE_COLUMN + len(self._accounts) + 1

    def claim_at(self, row: int) -> tuple[Account, Claim]:
        return self._rows[row]

    def row_of(self, claim_id: int) -> int | None:
        return next((r for r, (_a, c) in enumerate(self._rows) if c.id == claim_id), None)

    def _column_source(self, column: int) -> Account | str | None:
        """The account a column is for, CHECKED_AGAINST for the last, None for the others."""
        position = column - FIRST_SOURCE_COLUMN
        if 0 <= position < len(self._accounts):
            return self._accounts[position]
        return CHECKED_AGAINST if position == len(self._accounts) else None

    def headerData(self, section: int, orientation: Qt.Orientation, role: int = 0) -> Any:
        if orientation != Qt.Orientation.Horizontal:
            return None
        source = self._column_source(section)
        if role == Qt.ItemDataRole.DisplayRole:
            if section == COL_STATUS:
                return "Checked?"
            if section == COL_CLAIM:
                return "Claim"
            if isinstance(source, Account):
                return f"{source.given_by or source.source.label}\n{source.given_at:%d/%m}"
            return source if source == CHECKED_AGAINST else None
        if role == Qt.ItemDataRole.ToolTipRole:
            if isinstance(source, Account):
                return f"Account from {source.source_label}, {show.day_and_time(source.given_at)}"
            if source == CHECKED_AGAINST:
                return "What each claim was checked against: ✗ it contradicts, ✓ it confirms"
        return None

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid() or not 0 <= index.row() < len(self._rows):
            return None
        account, claim = self._rows[index.row()]
        column = index.column()
        if role == ID_ROLE:
            return claim.id
        if role == ACCOUNT_ID_ROLE:
            return account.id
        if role == STATUS_ROLE:
            return claim.status.value
        if role in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.AccessibleTextRole):
            return self._text(account, claim, column)
        if role == Qt.ItemDataRole.ToolTipRole and column in (COL_STATUS, COL_CLAIM):
            return claim.evidence.strip() or "Not yet checked against another source."
        if role == Qt.ItemDataRole.ForegroundRole and column not in self._plain_columns():
            return _COLOURS[claim.status]
        if role == Qt.ItemDataRole.FontRole and claim.status is ClaimStatus.CONTRADICTED:
            font = QFont()
            font.setBold(True)
            return font
        if role == Qt.ItemDataRole.TextAlignmentRole and column >= FIRST_SOURCE_COLUMN:
            return int(Qt.AlignmentFlag.AlignCenter)
        return None

    def _plain_columns(self) -> range:
        """The claim and who said it: shown in the text colour, whatever the status."""
        return range(COL_CLAIM, FIRST_SOURCE_COLUMN + len(self._accounts))

    def _text(self, account: Account, claim: Claim, column: int) -> str:
        if column == COL_STATUS:
            return STATUS_MARKS[claim.status]
        if column == COL_CLAIM:
            return " ".join(claim.text.split())
        source = self._column_source(column)
        if isinstance(source, Account):
            return GAVE_MARK if source.id == account.id else ""
        if source == CHECKED_AGAINST and claim.evidence_kind and claim.status in EVIDENCE_MARKS:
            return f"{EVIDENCE_MARKS[claim.status]} {claim.evidence_kind.label.lower()}"
        return ""


class _RoomyDelegate(QStyledItemDelegate):
    """A little room around each cell, so wrapped claims do not run into each other."""

    def sizeHint(self, option: QStyleOptionViewItem, index: Index) -> QSize:
        return super().sizeHint(option, index) + QSize(8, 8)


def claims_table(parent: QWidget, model: ClaimsMatrixModel) -> QTableView:
    """The matrix view. The claim wraps in the width the other columns leave, so the marks
    beside it stay in view in a narrow pane; every other column is as wide as its heading."""
    table = record_table(parent, "claimsMatrix", model)
    table.setWordWrap(True)
    table.setItemDelegate(_RoomyDelegate(table))
    table.verticalHeader().setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
    header = table.horizontalHeader()
    header.setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
    header.setDefaultAlignment(Qt.AlignmentFlag.AlignCenter)
    model.modelReset.connect(lambda: _fit_claim_column(table))
    return table


MIN_CLAIM_WIDTH = 90  # narrower, a claim wraps a word to a line: the pane scrolls instead


def _fit_claim_column(table: QTableView) -> None:
    header = table.horizontalHeader()
    if header.count() <= COL_CLAIM:
        return
    header.setSectionResizeMode(COL_CLAIM, QHeaderView.ResizeMode.Stretch)
    # "✗ another account" wraps under its heading rather than widening the matrix; the widest
    # word, in the bold of a contradicted claim, still fits on its line.
    last = header.count() - 1
    header.setSectionResizeMode(last, QHeaderView.ResizeMode.Fixed)
    header.resizeSection(last, int(table.fontMetrics().horizontalAdvance("observation") * 1.2) + 16)
    others = sum(
        max(header.sectionSizeHint(c), table.sizeHintForColumn(c))
        for c in range(header.count())
        if c not in (COL_CLAIM, last)
    )
    chrome = table.verticalScrollBar().sizeHint().width() + 2 * table.frameWidth()
    table.setMinimumWidth(others + header.sectionSize(last) + MIN_CLAIM_WIDTH + chrome)
