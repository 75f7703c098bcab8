"""Key slots: a random data key opens the database; it is stored only sealed.

Each slot belongs to a person who may open the store ("person-2", named after their id; "dsl"
in stores made before people had their own slots, which is person 1) or to the recovery code.
A slot holds an X25519 key pair: the private key wrapped with AES-256-GCM under a key derived
from the person's secret with Argon2id, the public key in the clear, and the data key sealed
to that public key (key_seal.py). So the DSL can give a new data key to everyone left when a
deputy is removed (a rekey) without knowing their passphrases, and changing a passphrase only
rewraps one slot. While a rekey is under way a slot holds the new data key and the old one,
newest first; the store opens with whichever the database takes (keyring.py).

Format 1 slots (from before) wrap the data key itself under the secret: they still open, and
become format 2 when their holder next unlocks.

The file holds slots, salts, KDF parameters and public keys: nothing secret and nothing about
a child. It may hold other top-level keys (the audit trail keeps its head there): every change
is a read-change-write under a lock (update_body), keeping whatever it does not own.
"""

from __future__ import annotations

import base64
import json
import os
from collections.abc import Callable, Sequence
from dataclasses import asdict, dataclass, replace
from pathlib import Path
from typing import Any

from argon2.low_level import Type, hash_secret_raw

from . import key_seal
from .key_file_lock import holding
from .key_seal import Sealed
from .private_files import write_private_atomically

HEADER_FORMAT = 2
KNOWN_FORMATS = (1, 2)
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
    wrapped_key: str  # the slot's private key; in a format 1 slot, the data key itself
    public_key: str | None = None  # None: a format 1 slot
    sealed: tuple[Sealed, ...] = ()  # the data key(s) sealed to public_key, newest first

    @property
    def is_legacy(self) -> bool:
        return self.public_key is None


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


def wrap(
    data_keys: bytes | Sequence[bytes], secret: str, name: str, kdf: KdfParams | None = None
) -> KeySlot:
    """A new slot: a fresh key pair, its private key wrapped under the secret, and the data
    key (or keys, newest first, while a rekey is under way) sealed to it."""
    from cryptography.hazmat.primitives.ciphers.aead import AESGCM  # see open_slot

    kdf = kdf or KdfParams(salt=_b64(os.urandom(16)))
    private, public = key_seal.new_key_pair()
    nonce = os.urandom(12)
    wrapped = AESGCM(_derive(secret, kdf)).encrypt(nonce, private, name.encode("utf-8"))
    slot = KeySlot(name, kdf, _b64(nonce), _b64(wrapped), _b64(public))
    return seal_to(slot, [data_keys] if isinstance(data_keys, bytes) else data_keys)


def seal_to(slot: KeySlot, data_keys: Sequence[bytes]) -> KeySlot:
    """The slot holding exactly these data keys, newest first. Needs no secret."""
    assert slot.public_key is not None, "a format 1 slot has no public key to seal to"
    public = _unb64(slot.public_key)
    return replace(slot, sealed=tuple(key_seal.seal(key, public, slot.name) for key in data_keys))


def keeping_only(slot: KeySlot, key_id: str) -> KeySlot:
    """The slot without any data key but this one: a finished rekey drops the old key."""
    return replace(slot, sealed=tuple(s for s in slot.sealed if s.key_id == key_id))


def open_slot(slot: KeySlot, secret: str) -> list[bytes]:
    """The data keys the slot holds, newest first; WrongPassphrase if the secret is not its."""
    key = _derive(secret, slot.kdf)
    # Imported after Argon2 has given its 64 MiB back, not with this module (see key_seal).
    from cryptography.exceptions import InvalidTag
    from cryptography.hazmat.primitives.ciphers.aead import AESGCM

    try:
        inner = AESGCM(key).decrypt(
            _unb64(slot.nonce), _unb64(slot.wrapped_key), slot.name.encode("utf-8")
        )
    except InvalidTag as exc:
        raise WrongPassphrase from exc
    if slot.is_legacy:
        return [inner]
    try:
        return [key_seal.unseal(sealed, inner, slot.name) for sealed in slot.sealed]
    except key_seal.CannotUnseal as exc:
        raise HeaderError("A key slot in the key file is damaged.") from exc


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


def unlock_person(slots: list[KeySlot], secret: str) -> tuple[KeySlot, list[bytes]]:
    """The slot the secret opens and its data keys, newest first. Only people's slots are
    tried, lowest id (the DSL) first: each costs an Argon2id derivation, and the recovery code
    has its own way in."""
    people = sorted(
        ((person, slot) for slot in slots if (person := person_of(slot)) is not None),
        key=lambda pair: pair[0],
    )
    for _person, slot in people:
        try:
            return slot, open_slot(slot, secret)
        except WrongPassphrase:
            continue
    raise WrongPassphrase


def recovery_slot(slots: list[KeySlot]) -> KeySlot | None:
    return next((slot for slot in slots if slot.name == RECOVERY_SLOT), None)


def unlock_any(slots: list[KeySlot], secret: str) -> list[bytes]:
    """The data keys of whichever slot the secret opens (checking a backup takes any)."""
    for slot in slots:
        try:
            return open_slot(slot, secret)
        except WrongPassphrase:
            continue
    raise WrongPassphrase


def unlock(slots: list[KeySlot], secret: str) -> bytes:
    """The newest data key of whichever slot the secret opens."""
    keys = unlock_any(slots, secret)
    if not keys:
        raise HeaderError("A key slot in the key file holds no key.")
    return keys[0]


def update_body(path: Path, change: Callable[[dict[str, Any]], dict[str, Any]]) -> None:
    """The one read-change-write of the key file: under its lock, so two changes at once
    (the window and a command, say) both land; written whole, atomically, owner-only. A
    missing file starts empty (a new store)."""
    with holding(path):
        body = read_body(path) if path.exists() else {}
        changed = change(dict(body))
        if changed != body or not path.exists():
            write_body(path, changed)


def save_header(path: Path, slots: list[KeySlot]) -> None:
    """Write these slots, keeping the header's other top-level keys."""
    update_body(path, lambda body: body | slots_body(slots))


def slots_body(slots: list[KeySlot]) -> dict[str, Any]:
    return {"format": HEADER_FORMAT, "slots": [_raw(slot) for slot in slots]}


def write_body(path: Path, body: dict[str, Any]) -> None:
    """Whole, atomically, owner-only; update_body is the way to change it."""
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
    if type(body.get("format")) is not int or body["format"] not in KNOWN_FORMATS:
        raise HeaderError(f"The key file {path.name} is of a format this version does not know.")
    return body


def load_header(path: Path) -> list[KeySlot]:
    return slots_in(read_body(path), path)


def slots_in(body: dict[str, Any], path: Path) -> list[KeySlot]:
    try:
        return [_slot(raw) for raw in body["slots"]]
    except (KeyError, TypeError, ValueError) as exc:
        raise HeaderError(f"The key file {path.name} is damaged.") from exc


def _raw(slot: KeySlot) -> dict[str, Any]:
    raw: dict[str, Any] = {
        "name": slot.name,
        "kdf": asdict(slot.kdf),
        "nonce": slot.nonce,
        "wrapped_key": slot.wrapped_key,
    }
    if slot.public_key is not None:
        raw["public_key"] = slot.public_key
        raw["sealed"] = [
            {
                "key_id": s.key_id,
                "ephemeral": _b64(s.ephemeral),
                "nonce": _b64(s.nonce),
                "sealed_key": _b64(s.sealed_key),
            }
            for s in slot.sealed
        ]
    return raw


def _slot(raw: dict[str, Any]) -> KeySlot:
    if not isinstance(raw["name"], str):
        raise TypeError("a slot's name is text")
    public = raw.get("public_key")
    sealed = tuple(
        Sealed(
            str(s["key_id"]), _unb64(s["ephemeral"]), _unb64(s["nonce"]), _unb64(s["sealed_key"])
        )
        for s in (raw["sealed"] if public is not None else [])
    )
    return KeySlot(
        name=raw["name"],
        kdf=KdfParams(**raw["kdf"]),
        nonce=raw["nonce"],
        wrapped_key=raw["wrapped_key"],
        public_key=public,
        sealed=sealed,
    )
