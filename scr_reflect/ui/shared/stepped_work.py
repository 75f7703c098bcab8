"""Long work with a progress dialog: each step of its generator is one job on the lane.

Between steps the GUI thread is free, so the window repaints and the dialog moves (DESIGN
habit 12). The dialog is window-modal: nothing else can start on the records meanwhile.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator
from typing import Protocol, TypeVar

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QProgressBar, QProgressDialog, QWidget

from ...services.progress import Progress
from .task_runner import Runner


class WorkStopped(Exception):
    """The records were locked between two steps, so the rest was not done."""


class Stepped(Protocol):
    def steps(self) -> Iterator[Progress]: ...


J = TypeVar("J", bound=Stepped)


class SteppedWork:
    """Build a job on the lane, run its steps one lane job each, then hand it back."""

    def __init__(self, parent: QWidget, runner: Runner) -> None:
        self._parent, self._runner = parent, runner
        self.dialog: QProgressDialog | None = None

    def start(
        self,
        label: str,
        make: Callable[[], J],
        on_done: Callable[[J], None],
        on_error: Callable[[Exception], None],
        still_wanted: Callable[[], bool] = lambda: True,
    ) -> None:
        dialog = QProgressDialog(label, None, 0, 0, self._parent)  # no Cancel: it is short
        bar = QProgressBar(dialog)
        bar.setFormat("Step %v of %m")  # steps are stages of unequal length, not percentages
        dialog.setBar(bar)
        dialog.setRange(0, 0)  # busy until the first step says how many there are
        dialog.setWindowTitle("SCR Reflect")
        dialog.setWindowModality(Qt.WindowModality.WindowModal)
        dialog.setMinimumDuration(0)
        dialog.setMinimumWidth(420)
        dialog.setAutoClose(False)
        dialog.setAutoReset(False)  # a full bar at the last step, not an empty one
        dialog.setValue(0)
        self.dialog = dialog

        def finish() -> None:
            dialog.close()
            dialog.deleteLater()
            self.dialog = None
            # Not every platform hands the focus back, and the lock shortcut needs it.
            self._parent.activateWindow()

        def failed(error: Exception) -> None:
            finish()
            on_error(error)

        def started(job: J) -> None:
            steps = job.steps()

            def stepped(progress: Progress | None) -> None:
                if progress is None:
                    finish()
                    on_done(job)
                    return
                dialog.setMaximum(progress.total)
                dialog.setValue(progress.done)
                if not still_wanted():  # locked meanwhile: no step may reopen the store
                    steps.close()
                    failed(WorkStopped())
                    return
                self._runner.run(lambda: next(steps, None), stepped, failed)

            self._runner.run(lambda: next(steps, None), stepped, failed)

        self._runner.run(make, started, failed)
