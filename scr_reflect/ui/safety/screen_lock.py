"""Lock the records when the computer locks its screen or goes to sleep, where it says so.

Qt itself reports only an application being suspended (mobile platforms). On Linux the system
announces the rest over D-Bus, which QtDBus (in PySide6-Essentials) hears:
- logind, on the system bus: PrepareForSleep(true) before a suspend or hibernate, and Lock on
  this login session (`loginctl lock-session`, and what desktops send when they lock);
- the desktop's screen saver, on the session bus: ActiveChanged(true) when it starts (KDE and
  others as org.freedesktop.ScreenSaver, GNOME as org.gnome.ScreenSaver).
Where there is no bus (Windows, macOS, a bare container) nothing is heard and nothing fails: the
idle lock and Ctrl+L remain.
"""

from __future__ import annotations

import logging
import os

from PySide6.QtCore import SLOT, QObject, Qt, Signal, Slot
from PySide6.QtGui import QGuiApplication

try:
    from PySide6.QtDBus import QDBusConnection
except ImportError:  # a PySide6 build without QtDBus: only Qt's own signal is heard
    QDBusConnection = None  # type: ignore[assignment,misc]

log = logging.getLogger(__name__)

LOGIN1 = "org.freedesktop.login1"
SCREEN_SAVERS = (
    ("org.freedesktop.ScreenSaver", "/org/freedesktop/ScreenSaver"),
    ("org.gnome.ScreenSaver", "/org/gnome/ScreenSaver"),
)


def session_path(session_id: str) -> str:
    """logind's object path for a session id, escaped as sd_bus_path_encode does."""
    escaped = "".join(
        c if c.isascii() and c.isalnum() and not (i == 0 and c.isdigit()) else f"_{ord(c):02x}"
        for i, c in enumerate(session_id)
    )
    return f"/org/freedesktop/login1/session/{escaped}"


class ScreenLock(QObject):
    """Emits locked when the system locks the screen, starts its screen saver, or sleeps."""

    locked = Signal()

    def __init__(
        self,
        parent: QObject | None = None,
        system_bus: QDBusConnection | None = None,
        session_bus: QDBusConnection | None = None,
        session_id: str | None = None,
    ) -> None:
        super().__init__(parent)
        self.listening: list[str] = []  # what this run can hear, for the log and the tests
        app = QGuiApplication.instance()
        if isinstance(app, QGuiApplication):
            app.applicationStateChanged.connect(self._on_state)
            self.listening.append("application suspended")
        if QDBusConnection is None:
            return
        system = system_bus or QDBusConnection.systemBus()
        if system.isConnected():
            self._hear(system, LOGIN1, "/org/freedesktop/login1", "Manager", "PrepareForSleep")
            session_id = session_id or os.environ.get("XDG_SESSION_ID")
            if session_id:
                self._hear(system, LOGIN1, session_path(session_id), "Session", "Lock")
        session = session_bus or QDBusConnection.sessionBus()
        if session.isConnected():
            for service, path in SCREEN_SAVERS:
                self._hear(session, service, path, "", "ActiveChanged")
        log.info("locking with the system on: %s", ", ".join(self.listening))

    def _hear(self, bus: QDBusConnection, service: str, path: str, kind: str, name: str) -> None:
        interface = f"{service}.{kind}" if kind else service
        slot = SLOT("_on_lock()") if name == "Lock" else SLOT("_on_flag(bool)")
        if bus.connect(service, path, interface, name, self, slot):
            self.listening.append(f"{interface}.{name}")

    def _on_state(self, state: Qt.ApplicationState) -> None:
        if state == Qt.ApplicationState.ApplicationSuspended:
            self.locked.emit()

    @Slot()
    def _on_lock(self) -> None:
        self.locked.emit()

    @Slot(bool)
    def _on_flag(self, starting: bool) -> None:
        # PrepareForSleep(false) and ActiveChanged(false) mean waking up: nothing to do.
        if starting:
            self.locked.emit()
