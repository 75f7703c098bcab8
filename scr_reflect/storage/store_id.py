"""A random id made when a store is set up, kept in its key file under "store_id".

Every backup carries the key file, so its id says which store it was taken from: restoring
one school's backup over another's store (or over a store set up anew) is then caught and
asked about, rather than quietly replacing every record. Nothing secret, nothing about a
child. A store set up before ids has none: its backups count as "unknown" and never warn.
"""

from __future__ import annotations

import secrets
from pathlib import Path

from .keyslots import HeaderError, read_body, write_body

KEY = "store_id"


def give_new_id(header: Path) -> str:
    """Add a new id to a key file just written (only that key changes)."""
    body = read_body(header)
    body[KEY] = secrets.token_hex(16)
    write_body(header, body)
    return str(body[KEY])


def read_id(header: Path) -> str | None:
    """The id a key file records; None when it has none or cannot be read."""
    try:
        found = read_body(header).get(KEY)
    except HeaderError:
        return None
    return found if isinstance(found, str) and found else None


def from_another_store(current_header: Path, backup_header: Path) -> bool:
    """True only when both ids are known and differ: an unknown one is given the benefit."""
    current, backup = read_id(current_header), read_id(backup_header)
    return current is not None and backup is not None and current != backup
