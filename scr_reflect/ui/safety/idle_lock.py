"""Lock the records after a spell with no keyboard, mouse, touch or pen input.

A filter on each of the app's windows (window_input) sees every input event before any widget
does, so the timer restarts whichever window has the person's attention: the main window, a
form, the reflect window or a document preview. Other events (painting, timers, the lane's
results) do not count: a window left open on a desk must still lock.
"""

from __future__ import annotations

from PySide6.QtCore import QEvent, QObject, Qt, QTimer, Signal

from .window_input import WindowInputFilter

MINUTE_MS = 60_000

USER_INPUT = frozenset(
    {
        QEvent.Type.KeyPress,
        QEvent.Type.MouseButtonPress,
        QEvent.Type.MouseMove,
        QEvent.Type.Wheel,
        QEvent.Type.TouchBegin,
        QEvent.Type.TouchUpdate,
        QEvent.Type.TabletPress,
        QEvent.Type.TabletMove,
    }
)


class IdleLock(WindowInputFilter):
    """Emits timed_out once the application has had no input for the timeout."""

    timed_out = Signal()

    def __init__(self, timeout_ms: int, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._timer = QTimer(self, singleShot=True, interval=timeout_ms)
        # A coarse timer may fire 5% late: 15 seconds more of an open window after 5 minutes.
        self._timer.setTimerType(Qt.TimerType.PreciseTimer)
        self._timer.timeout.connect(self.timed_out)
        self._timer.start()

    def set_timeout_ms(self, timeout_ms: int) -> None:
        """A new timeout counts from now."""
        self._timer.setInterval(timeout_ms)
        self._timer.start()

    def remaining_ms(self) -> int:
        """-1 once timed out, until the next input starts the count again."""
        return self._timer.remainingTime()

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if event.type() in USER_INPUT:
            self._timer.start()
        return False
