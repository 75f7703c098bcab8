"""Records ▸ Transfer to another school…, Receive a transfer… and Record a transfer receipt…:
the passphrase and fingerprint shown once; a file checked and previewed before it is added.

Every child and school is fictional."""

from __future__ import annotations

from collections.abc import Iterator
from datetime import datetime
from pathlib import Path

import pytest
from PySide6.QtCore import Qt

from scr_reflect.domain.records import SchoolProfile
from scr_reflect.services import workspace
from scr_reflect.services.clock import FixedClock
from scr_reflect.services.transfer import Sent, TransferService
from scr_reflect.services.workspace import Workspace
from scr_reflect.ui.main_window import MainWindow
from scr_reflect.ui.shared import prompts
from scr_reflect.ui.transfers.receive_dialog import ReceiveDialog
from scr_reflect.ui.transfers.sent_dialog import SentDialog
from tests.core_fixtures import make_child, make_concern

LEFT = Qt.MouseButton.LeftButton
SHOTS = Path("/tmp/transfer")


@pytest.fixture
def other_school() -> Iterator[Workspace]:
    ws = workspace.in_memory(
        SchoolProfile("Larkspur Vale Primary", "Ada Testperson"),
        FixedClock(datetime(2026, 11, 18, 10, 0)),
    )
    yield ws
    ws.close()


def action(window: MainWindow, text: str):
    [menu] = [a.menu() for a in window.menuBar().actions() if a.text() == "&Records"]
    [found] = [a for a in menu.actions() if a.text().replace("&", "") == text]
    return found


def shot(widget, name: str) -> None:
    SHOTS.mkdir(exist_ok=True)
    widget.grab().save(str(SHOTS / name))


def test_a_chosen_child_is_sent_and_the_passphrase_shown_once(
    unlocked: MainWindow, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    send = action(unlocked, "Transfer to another school…")
    assert not send.isEnabled()  # no child chosen yet
    ws = unlocked.view.workspace
    child_id = ws.records.add_child(make_child("Wren Ashbury-Lowe")).child_id
    ws.records.record_concern(make_concern(child_id))
    unlocked.view.show_child(child_id)
    assert send.isEnabled()
    out = tmp_path / "wren.scrpack"
    monkeypatch.setattr(prompts, "ask_line", lambda *_a: "Thornbury Fields Academy")
    monkeypatch.setattr(prompts, "confirm", lambda *_a, **_k: True)
    monkeypatch.setattr(prompts, "save_file_name", lambda *_a: str(out))
    send.trigger()
    [dialog] = [w for w in unlocked.view.findChildren(SentDialog) if w.isVisible()]
    assert len(dialog.passphrase.text().split()) == 8 and out.exists()
    assert dialog.fingerprint.text() == TransferService(ws).fingerprint()
    shot(dialog, "sent-dialog.png")
    [sent] = TransferService(ws).transfers()
    assert sent.school == "Thornbury Fields Academy" and sent.child_id == child_id


def test_a_file_is_previewed_then_added_and_its_receipt_written(
    unlocked: MainWindow, other_school: Workspace, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    child_id = other_school.records.add_child(make_child("Juniper Oakes-Vance")).child_id
    other_school.records.record_concern(make_concern(child_id))
    sent: Sent = TransferService(other_school).export(child_id, tmp_path / "juniper.scrpack")
    monkeypatch.setattr(prompts, "open_file_name", lambda *_a: str(sent.path))
    monkeypatch.setattr(prompts, "ask_passphrase", lambda *_a: "wrong words")
    warned: list[str] = []
    monkeypatch.setattr(prompts, "warn", lambda _p, _t, text: warned.append(text))
    action(unlocked, "Receive a transfer…").trigger()
    assert warned and "passphrase is not the one" in warned[0]

    monkeypatch.setattr(prompts, "ask_passphrase", lambda *_a: sent.passphrase)
    action(unlocked, "Receive a transfer…").trigger()
    [dialog] = [w for w in unlocked.view.findChildren(ReceiveDialog) if w.isVisible()]
    assert dialog.fingerprint.text() == sent.fingerprint
    assert "Juniper Oakes-Vance" in dialog.summary.text()
    assert unlocked.view.children_pane.model.rowCount() == 0  # nothing added yet
    shot(dialog, "receive-dialog.png")
    dialog.add_button.click()
    assert "Added: 1 record (child 1)" in dialog.status.text()
    assert (tmp_path / "juniper-receipt.json").exists()
    assert unlocked.view.children_pane.model.rowCount() == 1
    shot(dialog, "receive-dialog-added.png")

    done: list[str] = []
    monkeypatch.setattr(
        prompts, "open_file_name", lambda *_a: str(tmp_path / "juniper-receipt.json")
    )
    monkeypatch.setattr(prompts, "inform", lambda _p, _t, text: done.append(text))
    action(unlocked, "Record a transfer receipt…").trigger()
    assert "not sent from these records" in warned[-1] and not done
    assert TransferService(other_school).record_receipt(tmp_path / "juniper-receipt.json")
