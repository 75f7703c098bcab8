"""One serial lane for database work, off the GUI thread (as Anki's CollectionOp).

Work runs in order on a single long-lived thread; the engine's pool lends it the same SQLCipher
connection for each job (storage/sqlcipher.py). Results and errors come back on the GUI
thread. Tests use SyncRunner, which runs the same calls at once on the calling thread: no
sleeping, no waiting.
"""

from __future__ import annotations

import logging
from collections.abc import Callable
from typing import Any, Protocol, TypeVar

from PySide6.QtCore import QObject, QRunnable, QThreadPool, Signal

T = TypeVar("T")
Done = Callable[[Any], None]
Failed = Callable[[Exception], None]

log = logging.getLogger(__name__)


class Runner(Protocol):
    def run(
        self, work: Callable[[], T], on_done: Callable[[T], None], on_error: Failed
    ) -> None: ...

    def wait_until_idle(self) -> None: ...


class _Relay(QObject):
    """Lives on the GUI thread; queued signals carry each result back to it."""

    finished = Signal(object, object)
    failed = Signal(object, object)
    busy_changed = Signal(bool)


class _Job(QRunnable):
    def __init__(self, relay: _Relay, work: Callable[[], Any], on_done: Done, on_error: Failed):
        super().__init__()
        self._relay, self._work, self._on_done, self._on_error = relay, work, on_done, on_error

    def run(self) -> None:
        try:
            result = self._work()
        except Exception as error:  # handed to the GUI thread, which decides what to show
            self._relay.failed.emit(self._on_error, error)
        else:
            self._relay.finished.emit(self._on_done, result)


class LaneRunner(QObject):
    busy_changed = Signal(bool)

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._pool = QThreadPool(self)
        self._pool.setMaxThreadCount(1)
        self._pool.setExpiryTimeout(-1)  # keep the one thread, and so the one connection
        self._relay = _Relay(self)
        self._relay.finished.connect(self._deliver)
        self._relay.failed.connect(self._deliver)
        self._pending = 0

    def run(self, work: Callable[[], T], on_done: Callable[[T], None], on_error: Failed) -> None:
        self._pending += 1
        if self._pending == 1:
            self.busy_changed.emit(True)
        self._pool.start(_Job(self._relay, work, on_done, on_error))

    def wait_until_idle(self) -> None:
        self._pool.waitForDone()

    def _deliver(self, callback: Callable[[Any], None], value: Any) -> None:
        self._pending -= 1
        if self._pending == 0:
            self.busy_changed.emit(False)
        callback(value)


class SyncRunner(QObject):
    """Runs each call at once, on the calling thread. For tests and the command line."""

    busy_changed = Signal(bool)

    def run(self, work: Callable[[], T], on_done: Callable[[T], None], on_error: Failed) -> None:
        try:
            result = work()
        except Exception as error:
            on_error(error)
        else:
            on_done(result)

    def wait_until_idle(self) -> None:
        return None
