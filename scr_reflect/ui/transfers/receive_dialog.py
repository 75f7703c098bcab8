"""Records ▸ Receive a transfer…: the file checked and shown before anything is added.

The sending school's key fingerprint is shown to confirm by phone; the child is matched (UPN,
then name and date of birth) or will be added. Add writes everything in one transaction and
the signed receipt next to the file."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

from PySide6.QtCore import QSize, Qt
from PySide6.QtWidgets import QDialog, QDialogButtonBox, QLabel, QPushButton, QVBoxLayout, QWidget

from ...domain.changes import ChangeSet
from ...domain.transfer_content import plural
from ...services.transfer import Incoming, Taken, TransferRefused, TransferService
from ..shared import prompts
from ..shared.errors import describe
from ..shared.task_runner import Runner
from ..shared.window_size import fit_to_screen
from .sent_dialog import shown_to_read_out


class ReceiveDialog(QDialog):
    def __init__(
        self,
        parent: QWidget,
        runner: Runner,
        service: TransferService,
        incoming: Incoming,
        path: Path,
        on_added: Callable[[ChangeSet], None],
    ) -> None:
        super().__init__(parent)
        self.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        self.setWindowTitle("Receive a child protection file")
        fit_to_screen(self, QSize(680, 460))
        self._runner, self._service, self._incoming = runner, service, incoming
        self._path, self._on_added = path, on_added
        content, child, match = incoming.content, incoming.content.child, incoming.match
        here = f"matches child {match.id} here" if match else "is not in your records: added as new"
        layout = QVBoxLayout(self)
        layout.addWidget(
            QLabel(
                f"From {content.school}, sent {content.sent_at:%d/%m/%Y} by {content.sent_by}.",
                self,
                wordWrap=True,
            )
        )
        layout.addWidget(QLabel("Their key fingerprint: check it by phone with their DSL.", self))
        self.fingerprint = shown_to_read_out(incoming.fingerprint, self, "fingerprint")
        layout.addWidget(self.fingerprint)
        self.summary = QLabel(
            f"{child.full_name}, born {child.date_of_birth:%d/%m/%Y}, "
            f"{f'UPN {child.upn}' if child.upn else 'no UPN'}: {here}. "
            f"{plural(content.count, 'record')} ({plural(len(content.concerns), 'concern')} "
            "among them); each is added marked as received from the other school, with its "
            "original date. A receipt to send back is written next to the file.",
            self,
            objectName="summary",
            wordWrap=True,
        )
        layout.addWidget(self.summary)
        self.status = QLabel(self, objectName="status", wordWrap=True)
        layout.addWidget(self.status)
        layout.addStretch(1)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close, self)
        self.add_button = QPushButton("Add to the records", self, objectName="addTransfer")
        buttons.addButton(self.add_button, QDialogButtonBox.ButtonRole.ActionRole)
        buttons.rejected.connect(self.close)
        self.add_button.clicked.connect(self._add)
        layout.addWidget(buttons)

    def _add(self) -> None:
        self.add_button.setEnabled(False)
        receipt = self._path.with_name(f"{self._path.stem}-receipt.json")
        incoming, service = self._incoming, self._service
        self._runner.run(lambda: service.receive(incoming, receipt), self._added, self._failed)

    def _added(self, taken: Taken) -> None:
        self.status.setText(
            f"Added: {plural(taken.records, 'record')} (child {taken.child_id}). The receipt is in "
            f"{taken.receipt}: send it back to {self._incoming.content.school}."
        )
        self.layout().activate()
        self._on_added(taken.changes)

    def _failed(self, error: Exception) -> None:
        said = str(error) if isinstance(error, TransferRefused) else describe(error)
        self.status.setText(said)
        self.layout().activate()
        prompts.warn(self, "Not added", said)
