"""The Records menu's transfer actions: send the chosen child's file, receive one, record a
receipt. Each file is chosen here; the work runs on the lane."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtGui import QAction
from PySide6.QtWidgets import QMenu, QWidget

from ..shared import prompts
from ..shared.errors import describe
from ..shared.task_runner import Runner

if TYPE_CHECKING:
    from ...services.transfer import Incoming, Sent, TransferService
    from ...services.workspace import Workspace
    from ..workspace_view import WorkspaceView

PACK_FILTER = "Child protection files (*.scrpack);;All files (*)"
RECEIPT_FILTER = "Transfer receipts (*.json);;All files (*)"


class TransferActions:
    def __init__(
        self, window: QWidget, view: Callable[[], WorkspaceView | None], runner: Runner
    ) -> None:
        self._window, self._view, self._runner = window, view, runner
        self.send = QAction("Transfer to another sch&ool…", window)
        self.send.triggered.connect(self.send_file)
        self.receive = QAction("Recei&ve a transfer…", window)
        self.receive.triggered.connect(self.receive_file)
        self.receipt = QAction("Record a transfer recei&pt…", window)
        self.receipt.triggered.connect(self.record_receipt)
        self.needs_records = [self.send, self.receive, self.receipt]

    def add_to(self, menu: QMenu) -> None:
        for action in self.needs_records:
            menu.addAction(action)

    def _service(self, ws: Workspace) -> TransferService:
        from ...services.transfer import TransferService  # loaded with the records

        return TransferService(ws)

    def send_file(self) -> None:
        view = self._view()
        child_id = view.chosen_child_id() if view else None
        if view is None or child_id is None:
            return
        school = prompts.ask_line(view, "Transfer to another school", "The new school's name:")
        if school is None:
            return
        as_pdf = not prompts.confirm(
            view,
            "Transfer to another school",
            "Does the new school use SCR Reflect? If not, the file is written as one "
            "password-protected PDF instead.",
            yes="Yes: an encrypted file",
        )
        suffix = "pdf" if as_pdf else "scrpack"
        chosen = prompts.save_file_name(
            view,
            "Save the child protection file",
            str(Path.home() / f"child-protection-file-{child_id}.{suffix}"),
            "PDF documents (*.pdf)" if as_pdf else PACK_FILTER,
        )
        if chosen is None:
            return
        service = self._service(view.workspace)
        self._runner.run(
            lambda: service.export(child_id, Path(chosen), school, as_pdf=as_pdf),
            lambda sent: self._sent(view, sent, as_pdf),
            lambda error: self._failed(view, "Not written", error),
        )

    def _sent(self, view: WorkspaceView, sent: Sent, as_pdf: bool) -> None:
        from ...domain.changes import ChangeSet
        from .sent_dialog import SentDialog

        view.apply(ChangeSet(chronology=True, child_id=view.chosen_child_id()))
        SentDialog(view, sent, as_pdf).show()

    def receive_file(self) -> None:
        view = self._view()
        if view is None:
            return
        chosen = prompts.open_file_name(
            view, "Receive a child protection file", str(Path.home()), PACK_FILTER
        )
        if chosen is None:
            return
        passphrase = prompts.ask_passphrase(
            view, "Receive a child protection file", "The file's one-time passphrase:"
        )
        if passphrase is None:
            return
        service, path = self._service(view.workspace), Path(chosen)
        self._runner.run(
            lambda: service.open(path, passphrase),
            lambda incoming: self._opened(view, service, incoming, path),
            lambda error: self._failed(view, "Not received", error),
        )

    def _opened(
        self, view: WorkspaceView, service: TransferService, incoming: Incoming, path: Path
    ) -> None:
        from .receive_dialog import ReceiveDialog

        ReceiveDialog(view, self._runner, service, incoming, path, view.apply).show()

    def record_receipt(self) -> None:
        view = self._view()
        if view is None:
            return
        chosen = prompts.open_file_name(
            view, "Record a transfer receipt", str(Path.home()), RECEIPT_FILTER
        )
        if chosen is None:
            return
        service = self._service(view.workspace)
        self._runner.run(
            lambda: service.record_receipt(Path(chosen)),
            lambda done: prompts.inform(
                view,
                "Receipt recorded",
                f"The file sent on {done.at:%d/%m/%Y} for child {done.child_id} arrived. "
                f"The receiving school's key fingerprint: {done.fingerprint}",
            ),
            lambda error: self._failed(view, "Receipt not recorded", error),
        )

    def _failed(self, view: WorkspaceView, title: str, error: Exception) -> None:
        from ...services.transfer import TransferRefused

        said = str(error) if isinstance(error, TransferRefused) else describe(error)
        prompts.warn(view, title, said)
