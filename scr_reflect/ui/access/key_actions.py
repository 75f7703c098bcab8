"""The Access menu and the ways in: People, Change passphrase, New recovery sheet; the recovery
code shown once after setup; the unlock page's "Forgotten your passphrase?" path; and a calm
notice while a store made before recovery codes has none."""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING

from PySide6.QtCore import Qt
from PySide6.QtGui import QAction
from PySide6.QtWidgets import QDialog, QLabel, QMainWindow, QMenuBar, QStackedWidget, QWidget

from ..shared import prompts
from ..shared.errors import describe
from ..shared.task_runner import Runner
from .unlock_page import UnlockPage

if TYPE_CHECKING:  # the store's libraries load after the unlock page shows; the pages when used
    from ...services.workspace import Workspace
    from .recover_page import RecoverPage

Recover = Callable[[str, str, str], "Workspace"]  # recovery code, new passphrase, repeated
NO_RECOVERY_CODE = (
    "Your records have no recovery code yet: if the passphrase is forgotten, nobody can open "
    'these records. <a href="#">Make a recovery sheet…</a>'
)
# The code still works after use: whoever saw the sheet while it was out of the safe could too.
RECOVERED = (
    "Your new passphrase is set. Every record is kept. If the recovery sheet was seen by "
    "anyone, make a new one: Access ▸ New recovery sheet…"
)


class KeyActions:
    def __init__(
        self,
        window: QMainWindow,
        runner: Runner,
        workspace: Callable[[], Workspace | None],
        view: Callable[[], QWidget | None],
        recover: Recover,
        open_records: Callable[[Workspace], None],
    ) -> None:
        self._window, self._runner, self._recover = window, runner, recover
        self._workspace, self._view, self._open_records = workspace, view, open_records
        self.people_action = self._action("&People…", self.show_people)
        self.change_action = self._action("&Change passphrase…", self.change_passphrase)
        self.new_sheet_action = self._action("New &recovery sheet…", self.new_recovery_sheet)
        self.needs_records = (self.people_action, self.change_action, self.new_sheet_action)
        # The dialog open now. Each is parented to the records' view: locking closes it.
        self.dialog: QDialog | None = None
        self.notice = QLabel(NO_RECOVERY_CODE, window, objectName="recoveryNotice", wordWrap=True)
        self.notice.setTextFormat(Qt.TextFormat.RichText)
        self.notice.linkActivated.connect(lambda _link: self.new_recovery_sheet())
        self.notice.hide()
        window.statusBar().addWidget(self.notice, 1)
        # Locking disables the action, and so hides the notice with the records.
        self.new_sheet_action.enabledChanged.connect(lambda _on: self._update_notice())
        self.recover_page: RecoverPage | None = None

    def _action(self, text: str, slot: Callable[[], None]) -> QAction:
        action = QAction(text, self._window)
        action.triggered.connect(slot)
        return action

    def add_menu(self, bar: QMenuBar) -> None:
        menu = bar.addMenu("&Access")
        for action in self.needs_records:
            menu.addAction(action)

    def opened(self, ws: Workspace) -> None:
        """The records are open: fit the menu to who unlocked, and show a new store's code."""
        self.new_sheet_action.setEnabled(ws.people.is_dsl)
        code = ws.take_new_recovery_code()
        if code is not None:
            self._show_code(ws, code, first_time=True)
        self._update_notice()

    def _update_notice(self) -> None:
        ws = self._workspace()
        missing = ws is not None and not ws.people.has_recovery_code
        self.notice.setVisible(missing and self.new_sheet_action.isEnabled())

    # The menu -----------------------------------------------------------------------------

    def show_people(self) -> None:
        ws, view = self._workspace(), self._view()
        if ws is not None and view is not None:
            from .people_dialog import PeopleDialog  # with the records, not the unlock page

            self._open(PeopleDialog(view, ws.people, self._runner, ws.profile.school_name))

    def change_passphrase(self) -> None:
        ws, view = self._workspace(), self._view()
        if ws is None or view is None:
            return
        from .change_passphrase_dialog import ChangePassphraseDialog  # as PeopleDialog

        dialog = ChangePassphraseDialog(view, ws.people, self._runner, ws.profile.school_name)
        dialog.accepted.connect(
            lambda: self._window.statusBar().showMessage(
                "Your passphrase is changed. Backups made before now still open with the old one.",
                15000,
            )
        )
        self._open(dialog)

    def new_recovery_sheet(self) -> None:
        ws = self._workspace()
        if ws is None or not ws.people.is_dsl:
            return
        if ws.people.has_recovery_code and not prompts.confirm(
            self._window,
            "New recovery sheet",
            "Make a new recovery code and sheet? The code on the sheet you have now stops "
            "working at once: shred that sheet once the new one is printed.",
            yes="Make a new sheet",
        ):
            return
        # The records are re-encrypted under a new key: a few seconds on a large store.
        status = self._window.statusBar()
        status.showMessage("Making a new recovery code and re-encrypting the records…")

        def made(code: str) -> None:
            # Anyone the new key could not reach is named (see PeopleService.after_rekey).
            status.showMessage(" ".join(ws.people.after_rekey()), 60000)
            self._show_code(ws, code, first_time=False)

        def failed(error: Exception) -> None:
            status.clearMessage()
            prompts.warn(self._window, "Not done", describe(error))

        self._runner.run(ws.people.new_recovery_code, made, failed)

    def _show_code(self, ws: Workspace, code: str, *, first_time: bool) -> None:
        view = self._view()
        if view is None:
            return
        from ...services.recovery_sheet import save_recovery_sheet, sheet_path  # reportlab
        from .recovery_code_dialog import RecoveryCodeDialog

        dialog = RecoveryCodeDialog(
            view,
            code,
            self._runner,
            # The save dialog asked before a file was replaced, but only about the name chosen.
            lambda path: save_recovery_sheet(ws, code, path, replace=sheet_path(path) == path),
            first_time=first_time,
        )
        self._open(dialog)
        self._update_notice()

    def _open(self, dialog: QDialog) -> None:
        self.dialog = dialog
        # Let go once it closes: a dialog holds the workspace, and locking must drop it.
        dialog.finished.connect(self._forget_dialog)
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        dialog.open()

    def _forget_dialog(self) -> None:
        self.dialog = None

    # The way in with the recovery code ----------------------------------------------------

    def add_recover_page(self, stack: QStackedWidget, unlock_page: UnlockPage) -> None:
        """The page is made the first time it is asked for: most starts never need it."""

        def show_unlock() -> None:
            stack.setCurrentWidget(unlock_page)
            unlock_page.first_field().setFocus()

        def show_recover() -> None:
            page = self.recover_page or self._make_recover_page(stack, show_unlock)
            stack.setCurrentWidget(page)
            page.first_field().setFocus()

        unlock_page.forgotten.connect(show_recover)

    def _make_recover_page(self, stack: QStackedWidget, back: Callable[[], None]) -> RecoverPage:
        from .recover_page import RecoverPage

        page = self.recover_page = RecoverPage(stack)
        stack.addWidget(page)

        def recovered(ws: Workspace) -> None:
            page.reset()
            self._open_records(ws)
            self._window.statusBar().showMessage(RECOVERED, 30000)

        page.back.connect(back)
        page.submitted.connect(
            lambda code, new, repeated: self._runner.run(
                lambda: self._recover(code, new, repeated),
                recovered,
                lambda error: page.show_error(describe(error)),
            )
        )
        return page
