"""Claims against sources: who made each claim, and what it was checked against.

Rows are claims, contradicted ones first, then those nobody has checked, then corroborated
ones. Columns are who said it, the claim, and what it was checked against: the source that
contradicts or corroborates it is named in a column of its own ("✗ Contradicted by: Police log
(PC Example)"), so nobody has to read it out of a note. Three columns whatever the number of
accounts, so the matrix fits a laptop's pane without scrolling sideways.
Every mark is a symbol and a word, so the matrix reads the same in greyscale or to a screen
reader; colour only repeats it.
"""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QAbstractTableModel, QModelIndex, QPersistentModelIndex, QSize, Qt
from PySide6.QtGui import QColor, QFont, QFontMetrics
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

COL_SAID_BY, COL_CLAIM, COL_CHECKED = range(3)
HEADINGS = ("Said by", "Claim", "Checked against")
ACCOUNT_ID_ROLE = Qt.ItemDataRole.UserRole + 2
STATUS_ROLE = Qt.ItemDataRole.UserRole + 3  # the ClaimStatus value

STATUS_MARKS = {
    ClaimStatus.CONTRADICTED: "✗ contradicted",
    ClaimStatus.UNVERIFIED: "? unchecked",
    ClaimStatus.CORROBORATED: "✓ corroborated",
}
COULD_NOT_CHECK = "? could not check"
# Each mark stays on one line with its words (no-break spaces), however the legend wraps.
LEGEND = "   ".join(
    words.replace(" ", "\u00a0")
    for words in ("✗ contradicted", "? not checked, or could not be", "✓ corroborated")
)
# Colour repeats what the words say; it never carries meaning alone.
_COLOURS = {
    ClaimStatus.CONTRADICTED: QColor("#8a1c1c"),
    ClaimStatus.UNVERIFIED: QColor("#5c4400"),
    ClaimStatus.CORROBORATED: QColor("#1d5e2a"),
}


def status_mark(claim: Claim) -> str:
    return COULD_NOT_CHECK if claim.could_not_check else STATUS_MARKS[claim.status]


def checked_text(claim: Claim) -> str:
    """The status's symbol and what it was checked against: "✗ Contradicted by: Police log"."""
    if not claim.finding:
        return status_mark(claim)
    return f"{status_mark(claim)[0]} {claim.finding}"


def said_by(account: Account) -> str:
    """Who gave the account and the day, short enough for a narrow column."""
    return f"{account.given_by or account.source.label}, {account.given_at:%d/%m}"


def check_details(claim: Claim) -> str:
    """The whole check, for a tooltip: what it found, when, by whom, and the note."""
    if not claim.finding:
        return claim.evidence.strip() or "Not yet checked against another source."
    when = (
        f"Checked {show.day(claim.checked_on)} by {claim.checked_by}." if claim.checked_on else ""
    )
    return "\n".join(part for part in (claim.finding, when, claim.evidence.strip()) if part)


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
        self._rows: list[tuple[Account, Claim]] = []

    def show_accounts(self, accounts: list[AccountWithClaims]) -> None:
        self.beginResetModel()
        self._rows = ordered_claims(accounts)
        self.endResetModel()

    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008 (Qt's signature)
        return 0 if parent.isValid() else len(self._rows)

    def columnCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(HEADINGS)

    def claim_at(self, row: int) -> tuple[Account, Claim]:
        return self._rows[row]

    def row_of(self, claim_id: int) -> int | None:
        return next((r for r, (_a, c) in enumerate(self._rows) if c.id == claim_id), None)

    def headerData(self, section: int, orientation: Qt.Orientation, role: int = 0) -> Any:
        if orientation != Qt.Orientation.Horizontal or not 0 <= section < len(HEADINGS):
            return None
        if role == Qt.ItemDataRole.DisplayRole:
            return HEADINGS[section]
        if role == Qt.ItemDataRole.ToolTipRole and section == COL_CHECKED:
            return "The account, record or observation that contradicts or corroborates it"
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
        if role == Qt.ItemDataRole.ToolTipRole:
            return _tooltip(account, claim, column)
        if role == Qt.ItemDataRole.ForegroundRole and column == COL_CHECKED:
            return _COLOURS[claim.status]
        if role == Qt.ItemDataRole.FontRole and claim.status is ClaimStatus.CONTRADICTED:
            font = QFont()
            font.setBold(True)
            return font
        return None

    def _text(self, account: Account, claim: Claim, column: int) -> str:
        if column == COL_SAID_BY:
            return said_by(account)
        if column == COL_CLAIM:
            return " ".join(claim.text.split())
        return checked_text(claim)


def _tooltip(account: Account, claim: Claim, column: int) -> str:
    if column == COL_SAID_BY:
        return f"Account from {account.source_label}, {show.day_and_time(account.given_at)}"
    if column == COL_CLAIM:
        return f"{' '.join(claim.text.split())}\n{check_details(claim)}"
    return check_details(claim)


class _RoomyDelegate(QStyledItemDelegate):
    """A little room around each cell, so wrapped claims do not run into each other."""

    def sizeHint(self, option: QStyleOptionViewItem, index: Index) -> QSize:
        return super().sizeHint(option, index) + QSize(8, 8)


def claims_table(parent: QWidget, model: ClaimsMatrixModel) -> QTableView:
    """The matrix view. The claim takes the width the other columns leave; who said it and
    the source wrap in columns of their own width, so nothing scrolls sideways in a narrow
    pane."""
    table = record_table(parent, "claimsMatrix", model)
    table.setWordWrap(True)
    table.setItemDelegate(_RoomyDelegate(table))
    table.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
    table.verticalHeader().setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
    header = table.horizontalHeader()
    header.setDefaultAlignment(Qt.AlignmentFlag.AlignCenter)
    header.setStretchLastSection(False)
    header.setSectionResizeMode(QHeaderView.ResizeMode.Fixed)
    header.setSectionResizeMode(COL_CLAIM, QHeaderView.ResizeMode.Stretch)
    # Again at each reset: the font the table ends up with is only known once it is shown.
    model.modelReset.connect(lambda: _fit_columns(table))
    _fit_columns(table)
    return table


MIN_CLAIM_WIDTH = 90  # narrower, a claim wraps a word to a line


def _fit_columns(table: QTableView) -> None:
    """Widths from the font, not the text: a long source wraps rather than widening the pane."""
    header, metrics = table.horizontalHeader(), table.fontMetrics()
    bold = QFont(table.font())
    bold.setBold(True)
    bold_metrics = QFontMetrics(bold)
    widest_mark = max(
        bold_metrics.horizontalAdvance(m) for m in (*STATUS_MARKS.values(), COULD_NOT_CHECK)
    )
    room = 24  # the delegate's margin and the cell's padding
    header.resizeSection(COL_SAID_BY, metrics.horizontalAdvance("Grandmother,") + room)
    header.resizeSection(
        COL_CHECKED, max(widest_mark, bold_metrics.horizontalAdvance("✗ Contradicted by:")) + room
    )
    others = sum(header.sectionSize(c) for c in (COL_SAID_BY, COL_CHECKED))
    chrome = table.verticalScrollBar().sizeHint().width() + 2 * table.frameWidth()
    table.setMinimumWidth(others + MIN_CLAIM_WIDTH + chrome)
