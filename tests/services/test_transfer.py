"""A child protection file from one school to another and its receipt back: each refusal
(a changed byte, a wrong passphrase, a file already received, a receipt already recorded)
says one clear thing and changes nothing."""

from __future__ import annotations

import json
from collections.abc import Iterator
from dataclasses import replace
from datetime import date, datetime
from pathlib import Path

import pytest
from pypdf import PdfReader

from scr_reflect.domain.audit import AuditAction, AuditFilter
from scr_reflect.domain.body_map import BodyMark, BodyView, HowKnown, MarkShape
from scr_reflect.domain.chronology_filter import ChronologyFilter
from scr_reflect.domain.enums import EntryKind
from scr_reflect.domain.records import ChronologyEntry, SchoolProfile
from scr_reflect.domain.referrals import Agency, Escalation, Referral
from scr_reflect.domain.referrals import ReferralOutcome as Outcome
from scr_reflect.services import workspace
from scr_reflect.services.clock import FixedClock
from scr_reflect.services.transfer import Sent, TransferRefused, TransferService
from scr_reflect.services.workspace import Workspace
from tests.core_fixtures import make_child, make_concern
from tests.reports.pdf_checks import reader

SENT_ON = datetime(2025, 3, 7, 10, 0)  # a Friday
OLD = SchoolProfile("Larkspur Vale Primary", "Ada Testperson")
CSC, NOT_MET, NFA = (
    Agency.CHILDRENS_SOCIAL_CARE,
    Outcome.THRESHOLD_NOT_MET,
    Outcome.NO_FURTHER_ACTION,
)
NEW = SchoolProfile("Thornbury Fields Academy", "Basil Examplewood")


@pytest.fixture
def sender() -> Iterator[Workspace]:
    ws = workspace.in_memory(OLD, FixedClock(SENT_ON))
    yield ws
    ws.close()


@pytest.fixture
def receiver() -> Iterator[Workspace]:
    ws = workspace.in_memory(NEW, FixedClock(datetime(2025, 3, 10, 9, 0)))
    yield ws
    ws.close()


def child_with_records(ws: Workspace) -> int:
    child_id = ws.records.add_child(make_child("Posy Quillfeather", upn="A123456789012")).child_id
    assert child_id is not None
    concern_id = ws.records.record_concern(make_concern(child_id)).record_id
    assert concern_id is not None
    concern = ws.records.concern(concern_id)
    ws.records.amend_concern(replace(concern, action_taken="Breakfast club offered."), "Added")
    note = ChronologyEntry(child_id, EntryKind.CONTACT, datetime(2025, 3, 4, 15, 0), "Aunt rang")
    ws.records.add_entry(replace(note, body="Aunt will collect on Fridays."))
    return child_id


def send(ws: Workspace, tmp_path: Path) -> Sent:
    child_id = child_with_records(ws)
    return TransferService(ws).export(child_id, tmp_path / "posy.pack", "Thornbury Fields")


def snapshot(ws: Workspace) -> tuple[int, int, int]:
    children = ws.records.search_children("")
    lines = sum(len(ws.records.entry_ids(c, ChronologyFilter())) for c in children)
    return len(children), lines, len(TransferService(ws).transfers())


def details(ws: Workspace, action: AuditAction) -> list[str]:
    return [line.entry.detail for line in ws.audit.lines(ws.audit.seqs(AuditFilter(action=action)))]


def test_a_file_goes_across_and_its_receipt_comes_back(
    sender: Workspace, receiver: Workspace, tmp_path: Path
) -> None:
    sent = send(sender, tmp_path)
    assert len(sent.passphrase.split()) == 8 and sent.due_on == "14/03/2025"  # 5 school days
    assert b"Quillfeather" not in sent.path.read_bytes()
    service = TransferService(receiver)
    incoming = service.open(sent.path, sent.passphrase)
    assert incoming.fingerprint == sent.fingerprint and incoming.match is None
    taken = service.receive(incoming, tmp_path / "receipt.json")
    child = receiver.records.child(taken.child_id)
    assert (child.full_name, child.upn) == ("Posy Quillfeather", "A123456789012")
    (concern,) = receiver.records.concerns_for_child(taken.child_id)
    assert concern.raised_by == "Mr Testington (Larkspur Vale Primary)"
    assert concern.occurred_at == datetime(2025, 3, 3, 10, 0)
    assert concern.action_taken == "Breakfast club offered."
    titles = [
        e.title
        for e in receiver.records.entries(
            receiver.records.entry_ids(taken.child_id, ChronologyFilter())
        )
    ]
    assert "Received from Larkspur Vale Primary on 07/03/2025: Aunt rang" in titles
    assert any("earlier versions" not in t and t.endswith("Concern record") for t in titles)
    received = details(receiver, AuditAction.IMPORT)
    assert received == [
        "child protection file received: 2 records, 1 concern among them, as a new child"
    ]

    done = TransferService(sender).record_receipt(taken.receipt)
    assert (
        done.acknowledged_at == SENT_ON
        and done.fingerprint == TransferService(receiver).fingerprint()
    )
    (acknowledged,) = details(sender, AuditAction.ACKNOWLEDGED)
    assert "Posy" not in acknowledged and "2 records" in acknowledged


def test_the_child_is_matched_by_upn(
    sender: Workspace, receiver: Workspace, tmp_path: Path
) -> None:
    known = receiver.records.add_child(make_child("Posy Q", upn="A123456789012")).child_id
    sent = send(sender, tmp_path)
    service = TransferService(receiver)
    incoming = service.open(sent.path, sent.passphrase)
    assert incoming.match is not None and incoming.match.id == known
    assert service.receive(incoming, tmp_path / "r.json").child_id == known
    assert len(receiver.records.search_children("")) == 1


def test_a_changed_byte_is_refused_and_changes_nothing(
    sender: Workspace, receiver: Workspace, tmp_path: Path
) -> None:
    sent = send(sender, tmp_path)
    data = bytearray(sent.path.read_bytes())
    data[len(data) // 2] ^= 0x01
    sent.path.write_bytes(bytes(data))
    before = snapshot(receiver)
    with pytest.raises(TransferRefused, match="changed or cut short on the way"):
        TransferService(receiver).open(sent.path, sent.passphrase)
    assert snapshot(receiver) == before


def test_a_wrong_passphrase_is_refused_and_changes_nothing(
    sender: Workspace, receiver: Workspace, tmp_path: Path
) -> None:
    sent = send(sender, tmp_path)
    before = snapshot(receiver)
    wrong = " ".join(reversed(sent.passphrase.split()))
    with pytest.raises(TransferRefused, match="passphrase is not the one"):
        TransferService(receiver).open(sent.path, wrong)
    assert snapshot(receiver) == before


def test_the_passphrase_may_be_typed_loosely(
    sender: Workspace, receiver: Workspace, tmp_path: Path
) -> None:
    sent = send(sender, tmp_path)
    typed = "  " + "-".join(sent.passphrase.upper().split()) + " "
    assert TransferService(receiver).open(sent.path, typed).content.count == 2


def test_a_file_already_received_is_refused_and_changes_nothing(
    sender: Workspace, receiver: Workspace, tmp_path: Path
) -> None:
    sent = send(sender, tmp_path)
    service = TransferService(receiver)
    incoming = service.open(sent.path, sent.passphrase)
    service.receive(incoming, tmp_path / "r.json")
    before = snapshot(receiver)
    with pytest.raises(TransferRefused, match="already received on 10/03/2025"):
        service.open(sent.path, sent.passphrase)
    with pytest.raises(TransferRefused, match="already received"):
        service.receive(incoming, tmp_path / "again.json")  # opened before the first went in
    assert snapshot(receiver) == before and not (tmp_path / "again.json").exists()


def test_a_receipt_recorded_once_is_refused_again(
    sender: Workspace, receiver: Workspace, tmp_path: Path
) -> None:
    sent = send(sender, tmp_path)
    service = TransferService(receiver)
    taken = service.receive(service.open(sent.path, sent.passphrase), tmp_path / "r.json")
    TransferService(sender).record_receipt(taken.receipt)
    with pytest.raises(TransferRefused, match="already recorded on 07/03/2025"):
        TransferService(sender).record_receipt(taken.receipt)
    assert len(details(sender, AuditAction.ACKNOWLEDGED)) == 1


def test_a_changed_or_foreign_receipt_is_refused(
    sender: Workspace, receiver: Workspace, tmp_path: Path
) -> None:
    sent = send(sender, tmp_path)
    service = TransferService(receiver)
    taken = service.receive(service.open(sent.path, sent.passphrase), tmp_path / "r.json")
    outer = json.loads(taken.receipt.read_text())
    outer["receipt"] = outer["receipt"].replace('"records": 2', '"records": 3')
    forged = tmp_path / "forged.json"
    forged.write_text(json.dumps(outer))
    with pytest.raises(TransferRefused, match="signature does not hold"):
        TransferService(sender).record_receipt(forged)
    # A receipt from a school that never opened this pack: its own key, no proof.
    with pytest.raises(TransferRefused, match="not sent from these records"):
        TransferService(receiver).record_receipt(taken.receipt)
    assert details(sender, AuditAction.ACKNOWLEDGED) == []


def test_the_transfers_list_counts_school_days(sender: Workspace, tmp_path: Path) -> None:
    send(sender, tmp_path)
    (sent,) = TransferService(sender).transfers()
    assert sent.school_days_left(datetime(2025, 3, 10).date()) == 4  # Monday after
    assert not sent.is_overdue(datetime(2025, 3, 14).date())
    assert sent.is_overdue(datetime(2025, 3, 17).date())


def test_the_school_keeps_one_signing_key(sender: Workspace) -> None:
    service = TransferService(sender)
    assert service.fingerprint() == TransferService(sender).fingerprint()


def test_a_single_pdf_opens_only_with_the_passphrase(sender: Workspace, tmp_path: Path) -> None:
    child_id = child_with_records(sender)
    sent = TransferService(sender).export(child_id, tmp_path / "posy.pdf", as_pdf=True)
    reader = PdfReader(sent.path)
    assert reader.is_encrypted and not reader.decrypt("wrong words")
    assert reader.decrypt(sent.passphrase)
    assert "Posy Quillfeather" in reader.pages[0].extract_text()
    assert len(reader.pages) >= 3  # the records, then the chronology and referral summary
    assert TransferService(sender).transfers() == []  # no receipt can come back for a PDF


def test_a_second_file_for_a_child_already_received_is_refused(
    sender: Workspace, receiver: Workspace, tmp_path: Path
) -> None:
    sent = send(sender, tmp_path)
    service = TransferService(receiver)
    service.receive(service.open(sent.path, sent.passphrase), tmp_path / "r.json")
    (child_id,) = sender.records.search_children("")
    again = TransferService(sender).export(child_id, tmp_path / "again.pack")
    before = snapshot(receiver)
    with pytest.raises(TransferRefused, match="from Larkspur Vale Primary was already received"):
        service.open(again.path, again.passphrase)
    assert snapshot(receiver) == before


def test_received_records_read_in_words_naming_the_records_they_point_to(
    sender: Workspace, receiver: Workspace, tmp_path: Path
) -> None:
    child_id = child_with_records(sender)
    (concern,) = sender.records.concerns_for_child(child_id)
    mark = BodyMark(
        child_id, concern.id or 0, BodyView.FRONT, 0.85, 0.33, "left upper arm, front",
        MarkShape.OVAL, "purple-blue", HowKnown.SEEN, "Ms Pell, teaching assistant",
        date(2025, 3, 3),
    )  # fmt: skip
    sender.structured.add(mark)
    decided = [
        Referral(child_id, datetime(2025, 2, 3, 9), CSC, "Assessment", NOT_MET, "Below threshold"),
        Referral(child_id, datetime(2025, 2, 24, 9), CSC, "Assessment", NFA, "No role for us"),
    ]
    first, second = (sender.structured.add(referral).record_id or 0 for referral in decided)
    escalation = Escalation(
        child_id, first, date(2025, 3, 4), "New disclosure", "Reconsider", also_challenges=(second,)
    )
    sender.structured.add(escalation)
    sent = TransferService(sender).export(child_id, tmp_path / "posy.pack", "Thornbury Fields")

    service = TransferService(receiver)
    taken = service.receive(service.open(sent.path, sent.passphrase), tmp_path / "receipt.json")

    records = receiver.records
    bodies = "\n".join(
        e.body for e in records.entries(records.entry_ids(taken.child_id, ChronologyFilter()))
    )
    assert "Concern: 03/03/2025: Neglect: Arrived late and hungry again." in bodies
    assert "How known: Seen by staff" in bodies and "Broken skin: No" in bodies
    assert "Also challenges: 'No further action' from children's social care" in bodies
    first_decision = "'Threshold not met' from children's social care (referral of 03/02/2025)"
    assert f"Referral: {first_decision}" in bodies  # the decision the escalation challenges
    assert "Concern id" not in bodies and "also_challenges" not in bodies

    as_pdf = TransferService(sender).export(child_id, tmp_path / "posy.pdf", as_pdf=True)
    pages = reader(as_pdf.path.read_bytes(), as_pdf.passphrase).pages
    pdf = " ".join(" ".join(page.extract_text().split()) for page in pages)
    assert "Body map mark 1 As kept at Larkspur Vale Primary" in pdf
    assert (
        f"Escalation 1 As kept at Larkspur Vale Primary (version 1): Referral: {first_decision}"
        in pdf
    )
    assert "Body mark" not in pdf and "Concern id" not in pdf
