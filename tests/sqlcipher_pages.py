"""Read a SQLCipher file's pages as plain bytes, free pages and slack included, with its key.

Searching the encrypted bytes for a text proves little: encryption alone hides it. Decrypting
every page shows what a deletion really left behind. SQLCipher 4's defaults, as the store uses
them with a raw key: 4096-byte pages, AES-256-CBC, each page ending in a 16-byte IV and a
64-byte HMAC; the first page starts with a 16-byte salt instead of SQLite's header text.
"""

from __future__ import annotations

from pathlib import Path

from cryptography.hazmat.primitives.ciphers import Cipher, algorithms, modes

PAGE = 4096
RESERVE = 80  # IV (16) + HMAC-SHA512 (64)
SALT = 16
WAL_HEADER, FRAME_HEADER = 32, 24


def _decrypt(page: bytes, key: bytes, first: bool) -> bytes:
    iv = page[PAGE - RESERVE : PAGE - RESERVE + 16]
    decryptor = Cipher(algorithms.AES(key), modes.CBC(iv)).decryptor()
    return decryptor.update(page[SALT if first else 0 : PAGE - RESERVE]) + decryptor.finalize()


def database_plaintext(path: Path, key: bytes) -> bytes:
    data = path.read_bytes()
    return b"".join(
        _decrypt(data[n * PAGE : (n + 1) * PAGE], key, first=n == 0)
        for n in range(len(data) // PAGE)
    )


def wal_plaintext(path: Path, key: bytes) -> bytes:
    """Every frame still in a write-ahead log (none once it has been emptied)."""
    data = path.read_bytes() if path.exists() else b""
    frames = []
    offset = WAL_HEADER
    while offset + FRAME_HEADER + PAGE <= len(data):
        page_number = int.from_bytes(data[offset : offset + 4], "big")
        page = data[offset + FRAME_HEADER : offset + FRAME_HEADER + PAGE]
        frames.append(_decrypt(page, key, first=page_number == 1))
        offset += FRAME_HEADER + PAGE
    return b"".join(frames)
