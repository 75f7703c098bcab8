"""Lock with the system: the signals logind and screen savers send, on a private D-Bus bus.

dbus-daemon runs a throwaway bus for the test, so no real session is locked or suspended.
"""

from __future__ import annotations

import itertools
import shutil
import subprocess
from collections.abc import Callable, Iterator

import pytest
from PySide6.QtDBus import QDBusConnection, QDBusMessage

from scr_reflect.ui.safety.screen_lock import ScreenLock, session_path

LOGIN1 = "org.freedesktop.login1"


_names = itertools.count()


@pytest.fixture
def connect() -> Iterator[Callable[[], QDBusConnection]]:
    """Connections to a throwaway bus; each has its own name, as Qt reuses a name's connection."""
    if shutil.which("dbus-daemon") is None:
        pytest.skip("dbus-daemon is not installed")
    daemon = subprocess.Popen(
        ["dbus-daemon", "--session", "--nofork", "--print-address=1"],
        stdout=subprocess.PIPE,
        stderr=subprocess.DEVNULL,
        text=True,
    )
    address = daemon.stdout.readline().strip()
    names: list[str] = []

    def connection() -> QDBusConnection:
        names.append(f"test bus {next(_names)}")
        bus = QDBusConnection.connectToBus(address, names[-1])
        assert bus.isConnected()
        return bus

    try:
        yield connection
    finally:
        for name in names:
            QDBusConnection.disconnectFromBus(name)
        daemon.terminate()
        daemon.wait()


def signal(path: str, interface: str, name: str, *arguments: object) -> QDBusMessage:
    message = QDBusMessage.createSignal(path, interface, name)
    message.setArguments(list(arguments))
    return message


def test_session_ids_become_logind_object_paths():
    assert session_path("2") == "/org/freedesktop/login1/session/_32"
    assert session_path("c1") == "/org/freedesktop/login1/session/c1"
    assert session_path("a-b") == "/org/freedesktop/login1/session/a_2db"


@pytest.mark.parametrize(
    ("service", "path", "interface", "name", "arguments"),
    [
        (LOGIN1, "/org/freedesktop/login1", f"{LOGIN1}.Manager", "PrepareForSleep", (True,)),
        (LOGIN1, session_path("7"), f"{LOGIN1}.Session", "Lock", ()),
        (
            "org.gnome.ScreenSaver",
            "/org/gnome/ScreenSaver",
            "org.gnome.ScreenSaver",
            "ActiveChanged",
            (True,),
        ),
    ],
)
def test_the_system_locking_or_sleeping_locks_the_records(
    qtbot, connect, service, path, interface, name, arguments
):
    bus = connect()
    guard = ScreenLock(None, system_bus=bus, session_bus=bus, session_id="7")
    assert f"{interface}.{name}" in guard.listening
    system = connect()
    assert system.registerService(service)
    with qtbot.waitSignal(guard.locked):
        system.send(signal(path, interface, name, *arguments))


def test_waking_up_does_not_lock_but_the_next_sleep_does(qtbot, connect):
    bus = connect()
    guard = ScreenLock(None, system_bus=bus, session_bus=bus)
    system = connect()
    system.registerService(LOGIN1)
    locks: list[bool] = []
    guard.locked.connect(lambda: locks.append(True))
    manager = ("/org/freedesktop/login1", f"{LOGIN1}.Manager", "PrepareForSleep")
    system.send(signal(*manager, False))
    with qtbot.waitSignal(guard.locked):
        system.send(signal(*manager, True))
    assert locks == [True]  # signals arrive in order: the False came first and did nothing


def test_without_any_bus_it_listens_to_qt_alone(qtbot):
    unconnected = QDBusConnection("nothing here")
    guard = ScreenLock(None, system_bus=unconnected, session_bus=unconnected)
    assert guard.listening == ["application suspended"]
