"""Key slots: a random data key opens the database; it is stored only wrapped.

Each slot wraps the data key with AES-256-GCM under a key derived from a secret with Argon2id:
one slot per person who may open the store ("person-2", named after their id; "dsl" in stores
made before people had their own slots, which is person 1), and one for the recovery code.
The header file holds slots, salts and KDF parameters: nothing secret and nothing about a
child. Changing a passphrase rewraps the key; the database is not re-encrypted.

The header may hold other top-level keys (the audit trail keeps its head there): writing the
slots reads the file first and keeps whatever it does not own.
"""

from __future__ import annotations

import base64
import json
import os
from dataclasses import asdict, dataclass
from pathlib import Path
from typing import Any

from argon2.low_level import Type, hash_secret_raw
from cryptography.exceptions import InvalidTag
from cryptography.hazmat.primitives.ciphers.aead import AESGCM

from .private_files import write_private_atomically

HEADER_FORMAT = 1
DATA_KEY_BYTES = 32
RECOVERY_SLOT = "recovery"
LEGACY_DSL_SLOT = "dsl"  # person 1's slot in a header written before people had their own
_PERSON_PREFIX = "person-"


class WrongPassphrase(Exception):
    """No slot opens with the secret given."""


class HeaderError(Exception):
    """The header file is missing, unreadable or of an unknown format."""


@dataclass(frozen=True, slots=True)
class KdfParams:
    # 64 MiB, 3 passes, 2 lanes: about 0.1-0.15 s on a school laptop, well under a second.
    salt: str
    time_cost: int = 3
    memory_cost_kib: int = 64 * 1024
    parallelism: int = 2


@dataclass(frozen=True, slots=True)
class KeySlot:
    name: str
    kdf: KdfParams
    nonce: str
    wrapped_key: str


def _b64(data: bytes) -> str:
    return base64.b64encode(data).decode("ascii")


def _unb64(text: str) -> bytes:
    return base64.b64decode(text.encode("ascii"))


def _derive(secret: str, kdf: KdfParams) -> bytes:
    return hash_secret_raw(
        secret=secret.encode("utf-8"),
        salt=_unb64(kdf.salt),
        time_cost=kdf.time_cost,
        memory_cost=kdf.memory_cost_kib,
        parallelism=kdf.parallelism,
        hash_len=32,
        type=Type.ID,
    )


def new_data_key() -> bytes:
    return os.urandom(DATA_KEY_BYTES)


def wrap(data_key: bytes, secret: str, name: str, kdf: KdfParams | None = None) -> KeySlot:
    kdf = kdf or KdfParams(salt=_b64(os.urandom(16)))
    nonce = os.urandom(12)
    sealed = AESGCM(_derive(secret, kdf)).encrypt(nonce, data_key, name.encode("utf-8"))
    return KeySlot(name=name, kdf=kdf, nonce=_b64(nonce), wrapped_key=_b64(sealed))


def unwrap(slot: KeySlot, secret: str) -> bytes:
    try:
        return AESGCM(_derive(secret, slot.kdf)).decrypt(
            _unb64(slot.nonce), _unb64(slot.wrapped_key), slot.name.encode("utf-8")
        )
    except InvalidTag as exc:
        raise WrongPassphrase from exc


def person_slot_name(person_id: int) -> str:
    return f"{_PERSON_PREFIX}{person_id}"


def person_of(slot: KeySlot) -> int | None:
    """The id of the person a slot belongs to; None for the recovery slot."""
    if slot.name == LEGACY_DSL_SLOT:
        return 1
    number = slot.name.removeprefix(_PERSON_PREFIX)
    if number == slot.name or not number.isdigit():
        return None
    return int(number)


def unlock_person(slots: list[KeySlot], secret: str) -> tuple[int, bytes]:
    """Who the secret belongs to and the data key. Only people's slots are tried, lowest id
    (the DSL) first: each costs an Argon2id derivation, and the recovery code has its own way
    in."""
    people = sorted(
        ((person, slot) for slot in slots if (person := person_of(slot)) is not None),
        key=lambda pair: pair[0],
    )
    for person, slot in people:
        try:
            return person, unwrap(slot, secret)
        except WrongPassphrase:
            continue
    raise WrongPassphrase


def recovery_slot(slots: list[KeySlot]) -> KeySlot | None:
    return next((slot for slot in slots if slot.name == RECOVERY_SLOT), None)


def unlock(slots: list[KeySlot], secret: str) -> bytes:
    """The data key from whichever slot the secret opens (checking a backup takes any)."""
    for slot in slots:
        try:
            return unwrap(slot, secret)
        except WrongPassphrase:
            continue
    raise WrongPassphrase


def save_header(path: Path, slots: list[KeySlot]) -> None:
    """Write the slots whole or not at all, keeping the header's other top-level keys."""
    body = read_body(path) if path.exists() else {}
    body.update(format=HEADER_FORMAT, slots=[asdict(slot) for slot in slots])
    write_body(path, body)


def write_body(path: Path, body: dict[str, Any]) -> None:
    """The one way the key file is written: whole, atomically, owner-only."""
    write_private_atomically(path, json.dumps(body, indent=2).encode("utf-8"))


def read_body(path: Path) -> dict[str, Any]:
    """The key file as it is, for a change to one of its keys (slots, or the audit head)."""
    try:
        body = json.loads(path.read_text(encoding="utf-8"))
    except FileNotFoundError as exc:
        raise HeaderError(f"The key file {path.name} is missing from the data folder.") from exc
    except (OSError, ValueError) as exc:
        raise HeaderError(f"The key file {path.name} cannot be read.") from exc
    if not isinstance(body, dict):
        raise HeaderError(f"The key file {path.name} is damaged.")
    if body.get("format") != HEADER_FORMAT:
        raise HeaderError(f"The key file {path.name} is of a format this version does not know.")
    return body


def load_header(path: Path) -> list[KeySlot]:
    body = read_body(path)
    try:
        return [_slot(raw) for raw in body["slots"]]
    except (KeyError, TypeError) as exc:
        raise HeaderError(f"The key file {path.name} is damaged.") from exc


def _slot(raw: dict[str, Any]) -> KeySlot:
    if not isinstance(raw["name"], str):
        raise TypeError("a slot's name is text")
    return KeySlot(
        name=raw["name"],
        kdf=KdfParams(**raw["kdf"]),
        nonce=raw["nonce"],
        wrapped_key=raw["wrapped_key"],
    )
