"""Clear text this app put on the clipboard once it has been there for 30 seconds.

A DSL copies a line of a record into an email or a referral form; the copy should not wait on
the clipboard for whoever uses the computer next. Only a copy made here is cleared, and only if
it is still there: text copied over it meanwhile, here or elsewhere, is left alone. On X11 the
mouse selection is a second clipboard, watched the same way.
"""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QObject, Qt, QTimer, Signal
from PySide6.QtGui import QClipboard, QGuiApplication

CLEAR_AFTER_MS = 30_000

Mode = QClipboard.Mode


def copied_here(clipboard: QClipboard, mode: Mode) -> bool:
    """Whether the text just put on the clipboard came from this app.

    X11, Wayland and Windows say so; elsewhere (macOS, offscreen) a copy made while this app is
    the active one is taken to be its own."""
    owns = clipboard.ownsSelection() if mode is Mode.Selection else clipboard.ownsClipboard()
    active = QGuiApplication.applicationState() == Qt.ApplicationState.ApplicationActive
    return owns or active


def _digest(text: str) -> bytes:
    import hashlib  # with the first copy, not before the window shows (it loads OpenSSL)

    # Compare by digest: the guard keeps no second copy of the record text.
    return hashlib.sha256(text.encode()).digest()


class ClipboardGuard(QObject):
    expired = Signal(bool)  # a copy's time is up: True if it was still there and was cleared

    def __init__(
        self,
        delay_ms: int = CLEAR_AFTER_MS,
        parent: QObject | None = None,
        is_ours: Callable[[QClipboard, Mode], bool] = copied_here,
    ) -> None:
        super().__init__(parent)
        self._clipboard = QGuiApplication.clipboard()
        self._is_ours = is_ours
        modes = [Mode.Clipboard]
        if self._clipboard.supportsSelection():
            modes.append(Mode.Selection)
        self._copies: dict[Mode, bytes] = {}
        self._timers: dict[Mode, QTimer] = {}
        for mode in modes:
            timer = QTimer(self, singleShot=True, interval=delay_ms)
            timer.timeout.connect(self._expire)
            self._timers[mode] = timer
        self._clipboard.changed.connect(self._on_changed)

    def _on_changed(self, mode: Mode) -> None:
        timer = self._timers.get(mode)
        text = self._clipboard.text(mode)
        if timer is None or not text or not self._is_ours(self._clipboard, mode):
            return
        self._copies[mode] = _digest(text)
        timer.start()

    def _expire(self) -> None:
        # One slot for both timers, not a lambda each: a lambda would keep this object alive.
        mode = next(m for m, timer in self._timers.items() if timer is self.sender())
        copied = self._copies.pop(mode, None)
        still_there = copied is not None and _digest(self._clipboard.text(mode)) == copied
        if still_there:
            self._clipboard.clear(mode)
        self.expired.emit(still_there)
