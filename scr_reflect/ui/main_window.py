"""The window: setup or unlock first, then the records; menus, shortcuts and locking."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

from PySide6.QtCore import QSettings, Qt, Signal
from PySide6.QtGui import QAction, QCloseEvent, QKeySequence
from PySide6.QtWidgets import QLabel, QMainWindow, QStackedWidget, QToolTip, QWidget

from ..domain.records import SchoolProfile
from ..services.documents import Document
from ..services.workspace import Workspace, data_folder_is_set_up, recover_with_code
from .backup_actions import BackupActions
from .errors import describe
from .key_actions import KeyActions, Recover
from .retention_window import open_retention_review
from .settings_dialog import edit_settings
from .setup_page import SetupPage
from .task_runner import Runner
from .unlock_page import UnlockPage
from .workspace_view import WorkspaceView

SetUp = Callable[[str, str, SchoolProfile], Workspace]
Unlock = Callable[[str], Workspace]


class MainWindow(QMainWindow):
    settings_changed = Signal(object)  # the Settings the DSL just saved

    def __init__(
        self,
        data_folder: Path,
        runner: Runner,
        set_up: SetUp,
        unlock: Unlock,
        settings: QSettings,
        recover: Recover | None = None,
    ) -> None:
        super().__init__()
        self.setWindowTitle("SCR Reflect")
        self._runner, self._set_up, self._unlock, self._settings = runner, set_up, unlock, settings
        self.workspace: Workspace | None = None
        self.view: WorkspaceView | None = None
        self.stack = QStackedWidget(self)
        self.setCentralWidget(self.stack)
        self.setup_page = SetupPage(str(data_folder), self)
        self.unlock_page = UnlockPage(str(data_folder), self)
        self.stack.addWidget(self.setup_page)
        self.stack.addWidget(self.unlock_page)
        self.setup_page.submitted.connect(self._on_setup)
        self.unlock_page.submitted.connect(self._on_unlock)
        self.busy = QLabel(self, objectName="busy")
        self.statusBar().addPermanentWidget(self.busy)
        busy_changed = getattr(runner, "busy_changed", None)
        if busy_changed is not None:
            busy_changed.connect(lambda busy: self.busy.setText("Working…" if busy else ""))
        self._build_actions()
        self.safety = BackupActions(
            self,
            runner,
            settings,
            data_folder,
            lambda: self.workspace,
            self.lock,
            self._show_unlock,
        )
        self.safety.add_menu(self.menuBar())
        self.keys = KeyActions(
            self,
            runner,
            lambda: self.workspace,
            lambda: self.view,
            recover or (lambda code, new, again: recover_with_code(data_folder, code, new, again)),
            self._open_records,
        )
        self.keys.add_menu(self.menuBar())
        self.keys.add_recover_page(self.stack, self.unlock_page)
        first_page = self.unlock_page if data_folder_is_set_up(data_folder) else self.setup_page
        self.stack.setCurrentWidget(first_page)
        first_page.first_field().setFocus()
        self._set_records_actions_enabled(False)
        self.resize(1280, 800)
        geometry = settings.value("window/geometry")
        if geometry is not None:
            self.restoreGeometry(geometry)

    # Menus and shortcuts ------------------------------------------------------------------

    def _action(self, text: str, shortcut: QKeySequence | str, slot: Callable[[], None]) -> QAction:
        action = QAction(text, self)
        action.setShortcut(QKeySequence(shortcut))
        action.setShortcutContext(Qt.ShortcutContext.WindowShortcut)
        action.triggered.connect(slot)
        self.addAction(action)
        return action

    def _build_actions(self) -> None:
        self.new_concern_action = self._action(
            "New &concern…", QKeySequence.StandardKey.New, self._new_concern
        )
        self.new_child_action = self._action("New c&hild…", "Ctrl+Shift+N", self._new_child)
        self.new_entry_action = self._action("Add to c&hronology…", "Ctrl+Shift+E", self._new_entry)
        self.find_action = self._action("&Find a child", QKeySequence.StandardKey.Find, self._find)
        self.retention_action = self._action(
            "Re&tention review…", "", lambda: open_retention_review(self.view, self._runner)
        )
        self.reflect_action = self._action("&Reflect on the concern…", "Ctrl+R", self._reflect)
        self.lock_action = self._action("&Lock", "Ctrl+L", self.lock)
        self.audit_action = self._action("&Audit trail…", "Ctrl+Shift+A", self._audit)
        self.settings_action = self._action(
            "&Settings…", QKeySequence.StandardKey.Preferences, self._edit_settings
        )
        self.quit_action = self._action("&Quit", QKeySequence.StandardKey.Quit, self.close)
        toolbar = self.addToolBar("Records")
        toolbar.setObjectName("recordsToolbar")
        toolbar.setMovable(False)
        toolbar.setToolButtonStyle(Qt.ToolButtonStyle.ToolButtonTextOnly)
        for action in (
            self.new_child_action,
            self.new_concern_action,
            self.new_entry_action,
            self.reflect_action,
        ):
            toolbar.addAction(action)
        toolbar.addSeparator()
        toolbar.addAction(self.lock_action)
        records = self.menuBar().addMenu("&Records")
        for action in (
            self.new_concern_action,
            self.new_child_action,
            self.new_entry_action,
            self.reflect_action,
        ):
            records.addAction(action)
        records.addSeparator()
        records.addAction(self.find_action)
        records.addAction(self.retention_action)
        records.addAction(self.audit_action)
        records.addSeparator()
        records.addAction(self.lock_action)
        documents = self.menuBar().addMenu("&Documents")
        self.document_actions = []
        for document, text in (
            (Document.REFERRAL, "&Referral summary for the chosen child…"),
            (Document.ESCALATION, "&Escalation summary for the chosen child…"),
            (Document.CHRONOLOGY, "&Chronology of the chosen child, as filtered…"),
            (Document.SUPERVISION, "&Supervision pack…"),
        ):
            action = QAction(text, self)
            action.triggered.connect(lambda _=False, d=document: self._produce(d))
            documents.addAction(action)
            self.document_actions.append(action)
        documents.addSeparator()
        record_session = QAction("Record a supervision &session…", self)
        record_session.triggered.connect(self._record_supervision)
        documents.addAction(record_session)
        self.document_actions.append(record_session)
        records.addAction(self.settings_action)
        records.addAction(self.quit_action)

    def _set_records_actions_enabled(self, enabled: bool) -> None:
        for action in (
            self.new_concern_action,
            self.new_child_action,
            self.new_entry_action,
            self.reflect_action,
            *self.document_actions,
            self.find_action,
            self.retention_action,
            self.audit_action,
            self.lock_action,
            *self.safety.needs_records,
            *self.keys.needs_records,
            self.settings_action,  # locked, nobody can lengthen the auto-lock
        ):
            action.setEnabled(enabled)

    def _new_concern(self) -> None:
        if self.view:
            self.view.new_concern()

    def _new_child(self) -> None:
        if self.view:
            self.view.new_child()

    def _new_entry(self) -> None:
        if self.view:
            self.view.new_entry()

    def _produce(self, document: Document) -> None:
        if self.view:
            self.view.produce(document)

    def _record_supervision(self) -> None:
        if self.view:
            self.view.supervision.open()

    def _audit(self) -> None:
        if self.view:
            self.view.audit.open()

    def _reflect(self) -> None:
        if self.view:
            self.view.reflect()

    def _edit_settings(self) -> None:
        chosen = edit_settings(self, self._settings)
        if chosen is not None:
            self.settings_changed.emit(chosen)

    def _find(self) -> None:
        if self.view:
            self.view.children.search.setFocus()
            self.view.children.search.selectAll()

    # Setup, unlock, lock ------------------------------------------------------------------

    def _on_setup(self, passphrase: str, repeated: str, school: str, dsl: str) -> None:
        profile = SchoolProfile(school.strip(), dsl.strip())
        self._runner.run(
            lambda: self._set_up(passphrase, repeated, profile),
            self._open_records,
            lambda error: self.setup_page.show_error(describe(error)),
        )

    def _on_unlock(self, passphrase: str) -> None:
        self._runner.run(
            lambda: self._unlock(passphrase),
            self._open_records,
            lambda error: self.unlock_page.show_error(describe(error)),
        )

    def _open_records(self, workspace: Workspace) -> None:
        self.workspace = workspace
        self.view = WorkspaceView(workspace, self._runner, self)
        self.view.status.connect(lambda text: self.statusBar().showMessage(text, 8000))
        self.stack.addWidget(self.view)
        self.stack.setCurrentWidget(self.view)
        self.setWindowTitle(f"SCR Reflect: {workspace.profile.school_name}")
        self._set_records_actions_enabled(True)
        self.view.start()
        self.view.children.search.setFocus()
        for warning in workspace.notices:
            self.statusBar().showMessage(warning, 20000)
        self.keys.opened(workspace)

    def _show_unlock(self) -> None:
        """After a restore the store opens from the unlock page, whichever page was showing."""
        self.unlock_page.reset()
        self.stack.setCurrentWidget(self.unlock_page)
        self.unlock_page.first_field().setFocus()

    def lock(self) -> None:
        """Save drafts, drop every loaded record and the key, and show the unlock page.

        Ctrl+L, the idle timer and the system's screen lock all come here."""
        if self.view is None and self.workspace is None:
            return  # already locked, or not set up yet: keep what is being typed
        self._close_records()
        self.setWindowTitle("SCR Reflect")
        self.unlock_page.reset()
        self.stack.setCurrentWidget(self.unlock_page)

    def _close_records(self) -> None:
        if self.view is not None:
            self.view.save_open_drafts()
            for form in list(self.view.forms):
                form.done(0)
            _close_windows_of(self.view)
            self._runner.wait_until_idle()
            self.stack.removeWidget(self.view)
            self.view.deleteLater()
            self.view = None
        if self.workspace is not None:
            workspace, self.workspace = self.workspace, None
            self._runner.run(workspace.close, lambda _r: None, lambda _e: None)
            self._runner.wait_until_idle()
        self._set_records_actions_enabled(False)
        self.statusBar().clearMessage()

    def closeEvent(self, event: QCloseEvent) -> None:
        self._settings.setValue("window/geometry", self.saveGeometry())
        self._settings.sync()
        self._close_records()
        event.accept()


def _close_windows_of(view: QWidget) -> None:
    """Close every window the records opened: reflection, previews, histories, questions.

    Closing lets each save what it holds (the reflect window saves its answers); deleting the
    view alone would take them away unsaved and leave them on screen until the next event."""
    for widget in view.findChildren(QWidget):
        if widget.isWindow() and widget.isVisible():
            widget.close()
    QToolTip.hideText()  # a tooltip may quote a record
