"""Seal and open a transfer pack, and sign and check what goes between two schools.

A pack is: a fixed start, a small header (Argon2id's settings, salt and nonce), the
ChaCha20-Poly1305 ciphertext of the signed parts, and a SHA-256 of all that at the end. The
end hash tells a file damaged on the way from a wrong passphrase, which the cipher alone
cannot; the cipher is what keeps the file secret and unchanged. Inside, a manifest names the
SHA-256 of each part and is signed with the sending school's Ed25519 key.
"""

from __future__ import annotations

import base64
import hashlib
import hmac
import json
import secrets
import struct
from dataclasses import dataclass
from typing import Any

from argon2.low_level import Type, hash_secret_raw
from cryptography.exceptions import InvalidSignature, InvalidTag
from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PrivateKey, Ed25519PublicKey
from cryptography.hazmat.primitives.ciphers.aead import ChaCha20Poly1305
from cryptography.hazmat.primitives.serialization import Encoding, PublicFormat

from ..domain.transfer_words import tidied

MAGIC = b"SCR Reflect transfer pack 1\n"
_SETTINGS = {"t": 3, "m": 64 * 1024, "p": 1}  # Argon2id: 3 passes over 64 MiB
_MOST = {"t": 10, "m": 1024 * 1024, "p": 8}  # a header asking for more is not ours
_END = 32  # the SHA-256 at the end


class PackDamaged(Exception):
    """The file is not whole: changed or cut short on the way."""


class WrongPassphrase(Exception):
    pass


class BadSignature(Exception):
    """The file opened but its signature or a part's hash does not hold."""


@dataclass(frozen=True, slots=True)
class Opened:
    manifest: dict[str, Any]
    parts: dict[str, bytes]
    fingerprint: str


def new_signing_key() -> str:
    return Ed25519PrivateKey.generate().private_bytes_raw().hex()


def public_key(private_hex: str) -> str:
    key = Ed25519PrivateKey.from_private_bytes(bytes.fromhex(private_hex))
    return key.public_key().public_bytes(Encoding.Raw, PublicFormat.Raw).hex()


def fingerprint(public_hex: str) -> str:
    """What two DSLs read to each other by phone: 8 groups of 4 letters and digits."""
    digest = hashlib.sha256(bytes.fromhex(public_hex)).hexdigest()[:32].upper()
    return " ".join(digest[i : i + 4] for i in range(0, 32, 4))


def sign(private_hex: str, data: bytes) -> str:
    return Ed25519PrivateKey.from_private_bytes(bytes.fromhex(private_hex)).sign(data).hex()


def signature_holds(public_hex: str, data: bytes, signature_hex: str) -> bool:
    try:
        Ed25519PublicKey.from_public_bytes(bytes.fromhex(public_hex)).verify(
            bytes.fromhex(signature_hex), data
        )
    except (InvalidSignature, ValueError):
        return False
    return True


def proof(key_hex: str, data: bytes) -> str:
    return hmac.new(bytes.fromhex(key_hex), data, hashlib.sha256).hexdigest()


def proof_holds(key_hex: str, data: bytes, given: str) -> bool:
    return hmac.compare_digest(proof(key_hex, data), given)


# The pack ---------------------------------------------------------------------------------


def seal(parts: dict[str, bytes], manifest: dict[str, Any], key_hex: str, passphrase: str) -> bytes:
    """The whole pack, in memory: manifest with each part's SHA-256, signed, then encrypted."""
    manifest = {**manifest, "parts": {n: hashlib.sha256(b).hexdigest() for n, b in parts.items()}}
    manifest["public_key"] = public_key(key_hex)
    signed = _canonical(manifest)
    inner = _canonical(
        {
            "manifest": signed.decode("utf-8"),
            "signature": sign(key_hex, signed),
            "parts": {n: base64.b64encode(b).decode("ascii") for n, b in parts.items()},
        }
    )
    salt, nonce = secrets.token_bytes(16), secrets.token_bytes(12)
    header = _canonical({**_SETTINGS, "salt": salt.hex(), "nonce": nonce.hex()})
    start = MAGIC + struct.pack(">I", len(header)) + header
    body = start + ChaCha20Poly1305(_key(passphrase, salt, _SETTINGS)).encrypt(nonce, inner, start)
    return body + hashlib.sha256(body).digest()


def open_pack(data: bytes, passphrase: str) -> Opened:
    """Check the file is whole, decrypt it, check the signature and every part's hash."""
    if not data.startswith(MAGIC):
        raise PackDamaged("This is not a transfer pack from SCR Reflect.")
    body, end = data[:-_END], data[-_END:]
    if len(data) < len(MAGIC) + 4 + _END or hashlib.sha256(body).digest() != end:
        raise PackDamaged("The file was changed or cut short on the way.")
    size = struct.unpack(">I", body[len(MAGIC) : len(MAGIC) + 4])[0]
    start = body[: len(MAGIC) + 4 + size]
    header = _header(start[len(MAGIC) + 4 :])
    key = _key(passphrase, bytes.fromhex(header["salt"]), header)
    try:
        inner = ChaCha20Poly1305(key).decrypt(
            bytes.fromhex(header["nonce"]), body[len(start) :], start
        )
    except InvalidTag as error:
        raise WrongPassphrase from error
    return _checked(json.loads(inner))


def _checked(inner: dict[str, Any]) -> Opened:
    signed = inner["manifest"].encode("utf-8")
    manifest = json.loads(signed)
    public = manifest["public_key"]
    if not signature_holds(public, signed, inner["signature"]):
        raise BadSignature("The file's signature does not hold: it was not made as it reads.")
    parts = {n: base64.b64decode(b) for n, b in inner["parts"].items()}
    hashes = {n: hashlib.sha256(b).hexdigest() for n, b in parts.items()}
    if hashes != manifest["parts"]:
        raise BadSignature("A part of the file does not match its signed hash.")
    return Opened(manifest, parts, fingerprint(public))


def _header(raw: bytes) -> dict[str, Any]:
    try:
        header = json.loads(raw)
        settings = {k: int(header[k]) for k in _MOST}
        bytes.fromhex(header["salt"]), bytes.fromhex(header["nonce"])
    except (ValueError, KeyError, TypeError) as error:
        raise PackDamaged("The file's header cannot be read.") from error
    if any(not 1 <= settings[k] <= _MOST[k] for k in _MOST):
        raise PackDamaged("The file's header asks for settings this tool does not use.")
    return dict(header)


def _key(passphrase: str, salt: bytes, settings: dict[str, Any]) -> bytes:
    return hash_secret_raw(
        tidied(passphrase).encode("utf-8"),
        salt,
        time_cost=int(settings["t"]),
        memory_cost=int(settings["m"]),
        parallelism=int(settings["p"]),
        hash_len=32,
        type=Type.ID,
    )


def _canonical(value: object) -> bytes:
    return json.dumps(value, ensure_ascii=False, sort_keys=True, separators=(",", ":")).encode()


def sha256_hex(data: bytes) -> str:
    return hashlib.sha256(data).hexdigest()
