"""The receipt a receiving school sends back: which pack arrived, signed by its key.

Besides the receiving school's Ed25519 signature, it carries a proof made with a secret that
was inside the pack, so only someone who opened that pack can make a receipt for it. It names
the pack and counts records, never the child. It is plain JSON: nothing in it needs hiding.
"""

from __future__ import annotations

import json
from dataclasses import dataclass
from datetime import datetime
from typing import TYPE_CHECKING, Any

from ..domain.transfer import Transfer
from . import transfer_crypto as crypto

if TYPE_CHECKING:
    from .transfer import Incoming

FORMAT = "SCR Reflect transfer receipt"


@dataclass(frozen=True, slots=True)
class Receipt:
    pack_id: str
    pack_sha256: str
    school: str
    received_at: datetime
    records: int
    fingerprint: str
    proof: str
    signed: bytes

    def problem(self, sent: Transfer) -> str:
        """What is wrong with this receipt for the pack sent, or ""."""
        if self.pack_sha256 != sent.pack_sha256:
            return "This receipt names a different file from the one sent."
        if not crypto.proof_holds(sent.receipt_key, self.signed, self.proof):
            return "This receipt was not made by whoever opened the file sent."
        return ""


def make_receipt(key_hex: str, incoming: Incoming, school: str, now: datetime) -> bytes:
    body = {
        "format": FORMAT,
        "pack_id": incoming.pack_id,
        "pack_sha256": incoming.pack_sha256,
        "school": school,
        "received_at": now.isoformat(),
        "records": incoming.content.count,
        "public_key": crypto.public_key(key_hex),
    }
    signed = json.dumps(body, ensure_ascii=False, sort_keys=True)
    data = signed.encode("utf-8")
    receipt = {
        "receipt": signed,
        "signature": crypto.sign(key_hex, data),
        "proof": crypto.proof(incoming.receipt_key, data),
    }
    return (json.dumps(receipt, ensure_ascii=False, indent=1) + "\n").encode("utf-8")


def read_receipt(data: bytes) -> Receipt | str:
    """The receipt with its signature checked, or what is wrong with it."""
    try:
        outer: dict[str, Any] = json.loads(data)
        signed = str(outer["receipt"]).encode("utf-8")
        body: dict[str, Any] = json.loads(signed)
        if body.get("format") != FORMAT:
            return "This is not a transfer receipt from SCR Reflect."
        public = str(body["public_key"])
        if not crypto.signature_holds(public, signed, str(outer["signature"])):
            return "The receipt's signature does not hold: it was changed after it was made."
        return Receipt(
            str(body["pack_id"]),
            str(body["pack_sha256"]),
            str(body["school"]),
            datetime.fromisoformat(body["received_at"]),
            int(body["records"]),
            crypto.fingerprint(public),
            str(outer["proof"]),
            signed,
        )
    except (ValueError, KeyError, TypeError, AttributeError):
        return "The receipt cannot be read: it is damaged or not a receipt."
