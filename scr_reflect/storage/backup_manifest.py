"""A backup's manifest: the size and SHA-256 of its database and key file, and the audit
trail's newest entry as the backup's key file recorded it.

It lets a truncated or altered copy be caught by reading bytes, before SQLCipher opens it
or anything in the data folder is replaced. The entry is a checkpoint: the live trail must
still hold it, so a store rolled back behind its own newest backup is caught. It says
nothing about any child.
"""

from __future__ import annotations

import hashlib
import json
import os
import tempfile
from dataclasses import asdict, dataclass
from pathlib import Path

from ..domain.audit import AuditHead
from .storage_problems import os_problems

MANIFEST_FORMAT = 1
_CHUNK = 1 << 20


class ManifestError(Exception):
    """The manifest is missing, unreadable or not one this version knows."""


@dataclass(frozen=True, slots=True)
class Digest:
    name: str
    size: int
    sha256: str


@dataclass(frozen=True, slots=True)
class Manifest:
    database: Digest
    key_file: Digest
    format: int = MANIFEST_FORMAT
    audit_head: AuditHead | None = None  # None: the trail was empty, or an older manifest

    def encode(self) -> bytes:
        return json.dumps(asdict(self), indent=2).encode("utf-8")

    @classmethod
    def load(cls, path: Path) -> Manifest:
        try:
            body = json.loads(path.read_text(encoding="utf-8"))
        except FileNotFoundError as exc:
            raise ManifestError(
                f"There is no manifest ({path.name}) beside it: the backup is incomplete, "
                "or not an SCR Reflect backup."
            ) from exc
        except (OSError, ValueError) as exc:
            raise ManifestError(f"Its manifest ({path.name}) cannot be read.") from exc
        try:
            if body["format"] != MANIFEST_FORMAT:
                raise ManifestError(f"Its manifest ({path.name}) is of an unknown format.")
            head = body.get("audit_head")
            return cls(
                Digest(**body["database"]),
                Digest(**body["key_file"]),
                audit_head=AuditHead(int(head["seq"]), str(head["hash"])) if head else None,
            )
        except (KeyError, TypeError, ValueError) as exc:
            raise ManifestError(f"Its manifest ({path.name}) is damaged.") from exc


def digest_bytes(data: bytes, name: str) -> Digest:
    return Digest(name, len(data), hashlib.sha256(data).hexdigest())


def digest_file(path: Path, name: str) -> Digest:
    sha, size = hashlib.sha256(), 0
    with path.open("rb") as handle:
        while chunk := handle.read(_CHUNK):
            sha.update(chunk)
            size += len(chunk)
    return Digest(name, size, sha.hexdigest())


def mismatch(found: Digest, expected: Digest, what: str) -> list[str]:
    """What differs between a file and its manifest entry, in words."""
    if found.size != expected.size:
        return [
            f"{what} is {found.size:,} bytes where its manifest says {expected.size:,}, "
            "so it is truncated or incomplete."
        ]
    if found.sha256 != expected.sha256:
        return [
            f"{what} is not the file its manifest describes (its SHA-256 differs), so it "
            "was damaged or altered after it was made."
        ]
    return []


def copy_private(source: Path, target: Path) -> None:
    """Stream a file to a temp name beside the target (owner-only), fsync, then replace."""
    with os_problems(target.parent):
        fd, tmp = tempfile.mkstemp(dir=target.parent, prefix=f".{target.name}.", suffix=".tmp")
        try:
            with os.fdopen(fd, "wb") as out, source.open("rb") as src:
                while chunk := src.read(_CHUNK):
                    out.write(chunk)
                out.flush()
                os.fsync(out.fileno())
            os.replace(tmp, target)
        except BaseException:
            Path(tmp).unlink(missing_ok=True)
            raise
