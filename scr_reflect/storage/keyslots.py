"""Key slots: a random data key opens the database; it is stored only wrapped.

Each slot wraps the data key with AES-256-GCM under a key derived from a secret (a person's
passphrase) with Argon2id. The header file holds slots, salts and KDF parameters: nothing
secret and nothing about a child. Changing a passphrase rewraps the key; the database is not
re-encrypted.
"""

from __future__ import annotations

import base64
import json
import os
from dataclasses import asdict, dataclass
from pathlib import Path

from argon2.low_level import Type, hash_secret_raw
from cryptography.exceptions import InvalidTag
from cryptography.hazmat.primitives.ciphers.aead import AESGCM

from .private_files import write_private_atomically

HEADER_FORMAT = 1
DATA_KEY_BYTES = 32


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


def unlock(slots: list[KeySlot], secret: str) -> bytes:
    for slot in slots:
        try:
            return unwrap(slot, secret)
        except WrongPassphrase:
            continue
    raise WrongPassphrase


def save_header(path: Path, slots: list[KeySlot]) -> None:
    body = {"format": HEADER_FORMAT, "slots": [asdict(slot) for slot in slots]}
    write_private_atomically(path, json.dumps(body, indent=2).encode("utf-8"))


def load_header(path: Path) -> list[KeySlot]:
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
    try:
        return [
            KeySlot(
                name=raw["name"],
                kdf=KdfParams(**raw["kdf"]),
                nonce=raw["nonce"],
                wrapped_key=raw["wrapped_key"],
            )
            for raw in body["slots"]
        ]
    except (KeyError, TypeError) as exc:
        raise HeaderError(f"The key file {path.name} is damaged.") from exc
