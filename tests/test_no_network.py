"""No network, proven. The suite refuses every internet socket (pytest-socket: `--disable-socket
--allow-unix-socket` in pyproject's addopts), so every test already runs without a network;
here the whole app flow runs under that, and no attempt is so much as made, even one the app
might have caught and hidden. No module of the app imports a networking library either.
"""

from __future__ import annotations

import ast
import os
import socket
from pathlib import Path

import pytest
from pytest_socket import SocketBlockedError

from scr_reflect.services.reports import Document
from scr_reflect.ui.documents.document_preview import DocumentPreview
from tests.whole_app import load_demo, open_window, process_state_kept, record_concern

PACKAGE = Path(__file__).resolve().parents[1] / "scr_reflect"
NETWORK_MODULES = {
    "socket", "ssl", "http", "urllib", "ftplib", "smtplib", "imaplib", "poplib", "xmlrpc",
    "socketserver", "asyncio", "requests", "httpx", "aiohttp", "urllib3", "PySide6.QtNetwork",
    "PySide6.QtWebSockets", "PySide6.QtWebEngineCore",
}  # fmt: skip


# pytest-socket warns as it refuses: here the refusal is what the test asks for.
@pytest.mark.filterwarnings("ignore:A test tried to use socket")
def test_the_suite_refuses_an_internet_socket() -> None:
    for family in (socket.AF_INET, socket.AF_INET6):
        with pytest.raises(SocketBlockedError):
            socket.socket(family, socket.SOCK_STREAM)
    with pytest.raises(SocketBlockedError):
        socket.create_connection(("127.0.0.1", 9))
    with pytest.raises(SocketBlockedError):
        socket.getaddrinfo("example.org", 443)


def test_no_module_of_the_app_imports_a_networking_library() -> None:
    found = []
    for path in PACKAGE.rglob("*.py"):
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            names = []
            if isinstance(node, ast.Import):
                names = [alias.name for alias in node.names]
            elif isinstance(node, ast.ImportFrom) and node.level == 0 and node.module:
                names = [node.module, *(f"{node.module}.{a.name}" for a in node.names)]
            found += [
                f"{path.relative_to(PACKAGE)}: {name}"
                for name in names
                if name in NETWORK_MODULES or name.split(".")[0] in NETWORK_MODULES
            ]
    assert found == []


@pytest.fixture
def socket_attempts(monkeypatch: pytest.MonkeyPatch) -> list[int]:
    """Every socket asked for other than a local (Unix) one, refused or not."""
    attempts: list[int] = []
    guarded = socket.socket

    class Recording(guarded):  # type: ignore[misc, valid-type]
        def __new__(cls, family: int = -1, *args: object, **kwargs: object):  # type: ignore[no-untyped-def]
            if family != socket.AF_UNIX:
                attempts.append(family)
            return super().__new__(cls, family, *args, **kwargs)

    monkeypatch.setattr(socket, "socket", Recording)
    return attempts


def _internet_sockets_held() -> list[str]:
    """Sockets of this process that /proc lists as TCP or UDP (Qt's own included)."""
    inodes = set()
    for fd in Path("/proc/self/fd").iterdir():
        target = os.readlink(fd) if fd.is_symlink() else ""
        if target.startswith("socket:["):
            inodes.add(target[len("socket:[") : -1])
    held = []
    for table in ("tcp", "tcp6", "udp", "udp6"):
        path = Path("/proc/self/net") / table
        lines = path.read_text().splitlines()[1:] if path.exists() else []
        held += [f"{table} {line.split()[1]}" for line in lines if line.split()[9] in inodes]
    return held


def test_the_whole_app_runs_with_sockets_refused(
    tmp_path: Path, qtbot, monkeypatch: pytest.MonkeyPatch, socket_attempts: list[int]
) -> None:
    root = tmp_path / "data"
    with process_state_kept():
        load_demo(root, monkeypatch)
        window = open_window(qtbot, root)
        view = window.view
        assert view is not None
        view.children_pane.table.selectRow(0)
        qtbot.waitUntil(lambda: view.chronology.model.rowCount() > 0)
        record_concern(qtbot, window, "Came in without a coat again; said the heating is off.")
        view.produce(Document.REFERRAL)
        qtbot.waitUntil(lambda: bool(view.findChildren(DocumentPreview)))
        [preview] = view.findChildren(DocumentPreview)
        assert preview.report.pages >= 1
        if Path("/proc/self/net").exists():
            assert _internet_sockets_held() == []
        window.close()
    assert socket_attempts == []
