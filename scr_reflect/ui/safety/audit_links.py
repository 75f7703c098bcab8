"""Where the audit trail meets the records window: the trail opened from the menu or for
the chosen child, and each child's record opened in the window logged as a view."""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING

from PySide6.QtCore import QObject

from ...domain.records import Child
from ..shared.task_runner import Runner
from .audit_window import AuditWindow

if TYPE_CHECKING:
    from ..workspace_view import WorkspaceView


class AuditLinks(QObject):
    def __init__(
        self, view: WorkspaceView, runner: Runner, chosen_child: Callable[[], Child | None]
    ) -> None:
        super().__init__(view)
        self._view, self._runner = view, runner
        self._audit, self._on_error = view.workspace.audit, view.report
        self._chosen_child = chosen_child
        self._last_viewed: int | None = None
        view.children_pane.child_selected.connect(self.child_opened)
        view.details.child_audit.clicked.connect(self.open_for_child)

    def child_opened(self, child_id: int) -> None:
        """Log a view when the DSL opens a child; refreshing the same child after a save is
        not another view."""
        if child_id == self._last_viewed:
            return
        self._last_viewed = child_id
        audit = self._audit
        self._runner.run(
            lambda: audit.open_child(child_id, "opened in the window"),
            lambda _child: None,
            self._on_error,
        )

    def open(self, child: tuple[int, str] | None = None) -> AuditWindow:
        # A child of the records view: locking closes it with every other window they opened.
        window = AuditWindow(self._view, self._runner, self._audit, self._on_error, child)
        window.show()
        return window

    def open_for_child(self) -> AuditWindow | None:
        child = self._chosen_child()
        if child is None or child.id is None:
            return None
        return self.open((child.id, child.display_name))
