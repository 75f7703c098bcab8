"""The data key sealed to a key slot's public key, so it can be given to someone without
knowing their passphrase: what a rekey needs when the DSL removes a deputy.

Sealing is X25519 with a fresh ephemeral key each time, HKDF-SHA256 over the shared secret,
then AES-256-GCM with the slot's name as associated data (a sealed key moved to another slot
does not open). Only the holder of the slot's private key, which is wrapped under their
passphrase, can unseal it.

cryptography is imported in the functions that use it, not here: the store's libraries load
this module ahead, and an unlock's Argon2 (64 MiB) runs before any of them is called, so its
7 MiB load once Argon2 has given its memory back.
"""

from __future__ import annotations

import os
from dataclasses import dataclass

_SEAL_INFO = b"scr-reflect sealed data key v2"
_KEY_ID_INFO = b"scr-reflect data key id"


class CannotUnseal(Exception):
    """The sealed key was not made for this private key, or was changed."""


@dataclass(frozen=True, slots=True)
class Sealed:
    """One data key sealed to one slot; key_id says which data key, without revealing it."""

    key_id: str
    ephemeral: bytes
    nonce: bytes
    sealed_key: bytes


def key_id(data_key: bytes) -> str:
    """A short name for a data key, derived one way from it: which keys a slot holds."""
    from cryptography.hazmat.primitives.hashes import SHA256
    from cryptography.hazmat.primitives.kdf.hkdf import HKDF

    return HKDF(SHA256(), 8, salt=None, info=_KEY_ID_INFO).derive(data_key).hex()


def new_key_pair() -> tuple[bytes, bytes]:
    """(private, public), 32 bytes each."""
    from cryptography.hazmat.primitives.asymmetric.x25519 import X25519PrivateKey

    private = X25519PrivateKey.generate()
    return private.private_bytes_raw(), private.public_key().public_bytes_raw()


def _sealing_key(shared: bytes, ephemeral: bytes, public: bytes) -> bytes:
    from cryptography.hazmat.primitives.hashes import SHA256
    from cryptography.hazmat.primitives.kdf.hkdf import HKDF

    return HKDF(SHA256(), 32, salt=ephemeral + public, info=_SEAL_INFO).derive(shared)


def seal(data_key: bytes, public: bytes, slot_name: str) -> Sealed:
    from cryptography.hazmat.primitives.asymmetric.x25519 import X25519PrivateKey, X25519PublicKey
    from cryptography.hazmat.primitives.ciphers.aead import AESGCM

    ephemeral = X25519PrivateKey.generate()
    ephemeral_public = ephemeral.public_key().public_bytes_raw()
    shared = ephemeral.exchange(X25519PublicKey.from_public_bytes(public))
    nonce = os.urandom(12)
    sealed = AESGCM(_sealing_key(shared, ephemeral_public, public)).encrypt(
        nonce, data_key, slot_name.encode("utf-8")
    )
    return Sealed(key_id(data_key), ephemeral_public, nonce, sealed)


def unseal(sealed: Sealed, private: bytes, slot_name: str) -> bytes:
    from cryptography.exceptions import InvalidTag
    from cryptography.hazmat.primitives.asymmetric.x25519 import X25519PrivateKey, X25519PublicKey
    from cryptography.hazmat.primitives.ciphers.aead import AESGCM

    me = X25519PrivateKey.from_private_bytes(private)
    public = me.public_key().public_bytes_raw()
    shared = me.exchange(X25519PublicKey.from_public_bytes(sealed.ephemeral))
    try:
        data_key = AESGCM(_sealing_key(shared, sealed.ephemeral, public)).decrypt(
            sealed.nonce, sealed.sealed_key, slot_name.encode("utf-8")
        )
    except InvalidTag as exc:
        raise CannotUnseal from exc
    if key_id(data_key) != sealed.key_id:
        raise CannotUnseal
    return data_key
