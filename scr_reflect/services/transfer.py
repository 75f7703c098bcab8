"""Send a child's child protection file to another school, receive one, and close the loop.

Sending builds one file in memory (the child's records with their versions, the chronology
and referral summary PDFs, a manifest signed with the school's key) and encrypts it under a
one-time passphrase shown once; nothing plain about the child touches the disk. Receiving
checks the file, matches or adds the child, and adds every record marked as received, in one
transaction, then writes a signed receipt. The receipt, brought back, marks the file arrived.
Audit entries carry counts, never a name.
"""

from __future__ import annotations

import json
import secrets
from contextlib import suppress
from dataclasses import dataclass, replace
from io import BytesIO
from pathlib import Path

from pypdf import PdfReader, PdfWriter

from ..domain.audit import AuditAction, NewEntry
from ..domain.changes import ChangeSet
from ..domain.enums import EntryKind
from ..domain.records import Child, ChronologyEntry
from ..domain.transfer import SCHOOL_DAYS_TO_ARRIVE, Direction, Transfer, school_days_after
from ..domain.transfer_content import (
    FileContent,
    UnreadableContent,
    from_json,
    plural,
    received_concerns,
    received_lines,
    received_note,
    to_json,
)
from ..domain.transfer_words import new_passphrase
from ..reports.report_data import Produced
from ..reports.transfer_record import build_transfer_record
from ..storage.private_files import save_document
from ..storage.transfer_repository import AlreadyRecorded, Received
from . import transfer_crypto as crypto
from .chosen_file import read_chosen_file
from .documents import NothingToReport
from .reports import ReportService, protect
from .transfer_pack import gather
from .transfer_receipt import make_receipt, read_receipt
from .workspace import Workspace

CONTENT = "records.json"
SIZE_LIMIT = 256 * 1024 * 1024  # far more than any one child's file


class TransferRefused(Exception):
    """One clear reason the file or receipt was not taken; nothing was changed."""


@dataclass(frozen=True, slots=True)
class Sent:
    path: Path
    passphrase: str  # shown once to the sender, never kept
    fingerprint: str
    records: int
    due_on: str


@dataclass(frozen=True, slots=True)
class Incoming:
    """A pack opened and checked, not yet added: what it holds, and who it will join."""

    content: FileContent
    fingerprint: str
    pack_id: str
    pack_sha256: str
    receipt_key: str
    match: Child | None


@dataclass(frozen=True, slots=True)
class Taken:
    child_id: int
    new_child: bool
    records: int
    receipt: Path
    changes: ChangeSet


class TransferService:
    def __init__(self, ws: Workspace) -> None:
        self._ws, self._repo = ws, ws.transfer_rows()

    # The school's key ---------------------------------------------------------------------

    def _key(self) -> str:
        """Made on first use and kept in the encrypted store, never anywhere in plain text."""
        return self._repo.signing_key() or self._repo.keep_signing_key(crypto.new_signing_key())

    def fingerprint(self) -> str:
        return crypto.fingerprint(crypto.public_key(self._key()))

    # Sending ------------------------------------------------------------------------------

    def export(
        self,
        child_id: int,
        path: Path,
        to_school: str = "",
        *,
        force: bool = False,
        as_pdf: bool = False,
    ) -> Sent:
        """Write the file and return its one-time passphrase, to show once.

        as_pdf: one PDF under the passphrase, for a school without SCR Reflect; it carries
        no signature and no receipt comes back, so it is not on the transfers clock."""
        self._ws.require_writable()
        ws, now = self._ws, self._ws.clock.now()
        content = gather(
            ws.records, ws.structured, child_id, ws.profile.school_name, ws.person.name, now
        )
        passphrase, documents = new_passphrase(), self._documents(child_id)
        due = school_days_after(now.date(), SCHOOL_DAYS_TO_ARRIVE)
        if as_pdf:
            produced = Produced(ws.profile.school_name, ws.person.name, now)
            first = build_transfer_record(content, produced).pdf
            save_document(
                path, protect(joined([first, *documents.values()]), passphrase), replace=force
            )
            self._ws.audit.record(
                AuditAction.EXPORT,
                child_id=child_id,
                detail=f"child protection file as one PDF: {content.count} records, "
                "password-protected (AES-256)",
            )
            ws.records.record_document(
                child_id,
                "Produced: child protection file for transfer (PDF)",
                f"{content.count} records, password-protected (AES-256). Produced by "
                f"{ws.person.name}.",
            )
            return Sent(path, passphrase, "", content.count, f"{due:%d/%m/%Y}")
        pack_id, receipt_key = secrets.token_hex(16), secrets.token_hex(32)
        parts = {CONTENT: _json_bytes(to_json(content)), **documents}
        manifest = {
            "format": "SCR Reflect transfer pack",
            "pack_id": pack_id,
            "school": ws.profile.school_name,
            "created_at": now.isoformat(),
            "receipt_key": receipt_key,
        }
        pack = crypto.seal(parts, manifest, self._key(), passphrase)
        save_document(path, pack, replace=force)
        transfer = Transfer(
            Direction.SENT,
            pack_id,
            child_id,
            to_school.strip()[:200],
            "",
            crypto.sha256_hex(pack),
            receipt_key,
            content.count,
            now,
            due_on=due,
        )
        line = ChronologyEntry(
            child_id,
            EntryKind.DOCUMENT,
            now,
            "Produced: child protection file transfer (encrypted)",
            f"{content.count} records and {len(documents)} documents, signed and encrypted, "
            f"receipt due by {due:%d/%m/%Y}. Produced by {ws.person.name}.",
        )
        detail = f"child protection file transfer pack: {content.count} records, encrypted"
        audit = NewEntry(AuditAction.EXPORT, child_id, None, None, detail)
        self._repo.record_sent(transfer, line, audit)
        return Sent(path, passphrase, self.fingerprint(), content.count, f"{due:%d/%m/%Y}")

    def _documents(self, child_id: int) -> dict[str, bytes]:
        reports = ReportService(self._ws)
        parts = {"chronology.pdf": reports.chronology(child_id).pdf}
        with suppress(NothingToReport):  # no concern to start a referral summary from
            parts["referral-summary.pdf"] = reports.referral(child_id).pdf
        return parts

    # Receiving ----------------------------------------------------------------------------

    def open(self, path: Path, passphrase: str) -> Incoming:
        """Check the file and read it. Writes nothing."""
        data = _read(path)
        try:
            opened = crypto.open_pack(data, passphrase)
            content = from_json(json.loads(opened.parts[CONTENT]))
            manifest = opened.manifest
            pack_id, receipt_key = str(manifest["pack_id"]), str(manifest["receipt_key"])
        except crypto.WrongPassphrase as error:
            raise TransferRefused(
                "The passphrase is not the one this file was sealed with. Check it with the "
                "school that sent it (the words, in order). Nothing was changed."
            ) from error
        except (crypto.PackDamaged, crypto.BadSignature) as error:
            raise TransferRefused(
                f"{error} Ask the sending school to send it again. Nothing was changed."
            ) from error
        except (UnreadableContent, KeyError, ValueError) as error:
            raise TransferRefused(
                f"The file cannot be read: {error} Nothing was changed."
            ) from error
        match = self._match(content.child)
        for earlier in self._repo.transfers(Direction.RECEIVED):
            same_child = match is not None and earlier.child_id == match.id
            if earlier.pack_id == pack_id or (
                same_child and earlier.fingerprint == opened.fingerprint
            ):
                raise TransferRefused(_already_received(earlier))
        return Incoming(
            content,
            opened.fingerprint,
            pack_id,
            crypto.sha256_hex(data),
            receipt_key,
            match,
        )

    def _match(self, child: Child) -> Child | None:
        """The UPN first; else the same name and date of birth, if only one child has them."""
        children = [self._ws.records.child(i) for i in self._ws.records.search_children("")]
        if child.upn:
            by_upn = [c for c in children if c.upn == child.upn]
            if by_upn:
                return by_upn[0]
        name = " ".join(child.full_name.casefold().split())
        same = [
            c
            for c in children
            if " ".join(c.full_name.casefold().split()) == name
            and c.date_of_birth == child.date_of_birth
        ]
        return same[0] if len(same) == 1 else None

    def receive(self, incoming: Incoming, receipt: Path, *, force: bool = False) -> Taken:
        """Add the child (unless matched) and every record, then write the signed receipt."""
        self._ws.require_writable()
        content, now = incoming.content, self._ws.clock.now()
        note = received_note(content, incoming.fingerprint, now)
        lines = [*received_lines(content), note]
        who: Child | int = (
            incoming.match.id
            if incoming.match and incoming.match.id
            else replace(content.child, id=None, version=1)
        )
        transfer = Transfer(
            Direction.RECEIVED,
            incoming.pack_id,
            0,
            content.school[:200],
            incoming.fingerprint,
            incoming.pack_sha256,
            "",
            content.count,
            now,
        )
        detail = (
            f"child protection file received: {plural(content.count, 'record')}, "
            f"{plural(len(content.concerns), 'concern')} among them, "
            f"{'to a child already here' if incoming.match else 'as a new child'}"
        )
        try:
            child_id = self._repo.receive(
                transfer,
                Received(who, received_concerns(content), lines),
                NewEntry(AuditAction.IMPORT, None, None, None, detail),
                now,
            )
        except AlreadyRecorded as error:
            raise TransferRefused(_already_received(error.transfer)) from error
        signed = make_receipt(self._key(), incoming, self._ws.profile.school_name, now)
        save_document(receipt, signed, replace=force)
        return Taken(
            child_id,
            incoming.match is None,
            content.count,
            receipt,
            ChangeSet(children=True, chronology=True, child_id=child_id),
        )

    # The receipt, back at the sending school ----------------------------------------------

    def record_receipt(self, path: Path) -> Transfer:
        """Check the receipt against the pack sent and mark it arrived, once."""
        got = read_receipt(_read(path))
        if isinstance(got, str):
            raise TransferRefused(f"{got} Nothing was changed.")
        sent = self._repo.sent(got.pack_id)
        if sent is None:
            raise TransferRefused(
                "This receipt is for a file not sent from these records. Nothing was changed."
            )
        problem = got.problem(sent)
        if problem:
            raise TransferRefused(f"{problem} Nothing was changed.")
        if sent.acknowledged_at is not None:
            raise TransferRefused(_already_acknowledged(sent))
        now = self._ws.clock.now()
        detail = f"child protection file transfer acknowledged: {got.records} records received"
        audit = NewEntry(AuditAction.ACKNOWLEDGED, sent.child_id, None, None, detail)
        try:
            self._repo.acknowledge(sent.pack_id, got.fingerprint, now, audit)
        except AlreadyRecorded as error:
            raise TransferRefused(_already_acknowledged(error.transfer)) from error
        return replace(sent, acknowledged_at=now, fingerprint=got.fingerprint)

    def transfers(self) -> list[Transfer]:
        return self._repo.transfers()


def _already_received(earlier: Transfer) -> str:
    return (
        f"A child protection file for this child from {earlier.school} was already received "
        f"on {earlier.at:%d/%m/%Y} (child {earlier.child_id}): adding it again would copy "
        "every record twice. Nothing was changed."
    )


def _already_acknowledged(sent: Transfer) -> str:
    at = sent.acknowledged_at
    when = f" on {at:%d/%m/%Y}" if at else ""
    return f"This receipt was already recorded{when}. Nothing was changed."


def joined(pdfs: list[bytes]) -> bytes:
    """One PDF of several, in order."""
    writer = PdfWriter()
    for pdf in pdfs:
        writer.append(PdfReader(BytesIO(pdf)))
    out = BytesIO()
    writer.write(out)
    return out.getvalue()


def _json_bytes(value: object) -> bytes:
    return json.dumps(value, ensure_ascii=False, sort_keys=True).encode("utf-8")


def _read(path: Path) -> bytes:
    too_large = "The file is too large to be a transfer from SCR Reflect."
    return read_chosen_file(path, SIZE_LIMIT, too_large, TransferRefused)
