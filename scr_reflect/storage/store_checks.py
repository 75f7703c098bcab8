"""The checks `verify` runs on an open database, the live store's or a backup's.

Each check is a name and a function from a Target to the problems it finds, each named
exactly. A further check (the audit chain, say) is one more entry in CHECKS. A check may
also say something that is not a problem (how much it could not check) as a Note.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator
from dataclasses import dataclass
from datetime import datetime
from pathlib import Path
from typing import NamedTuple

from sqlalchemy import Engine, exc

from ..domain.audit import AuditAction
from ..domain.audit_chain import chain_problems
from ..domain.audit_seal import CHECKPOINT_PREFIX, Checkpoint, mac_matches
from . import audit_content, audit_head, audit_log, keyslots, schema, sqlcipher
from .backup_manifest import Manifest, ManifestError, copy_private, digest_file, mismatch
from .backups import BackupFiles, regular_backups


@dataclass(frozen=True, slots=True)
class Expected:
    """A checkpoint the trail must still hold, and where it came from ("the checkpoint given").

    made: when the backup that kept it was made; a restore recorded after that explains a
    trail that no longer holds it (restoring an older backup rolls the store back)."""

    where: str
    checkpoint: Checkpoint
    made: datetime | None = None


@dataclass(frozen=True, slots=True)
class Target:
    """What a check looks at: an unlocked database and the files that came with it."""

    engine: Engine
    header: Path | None  # the key file that opened it; None for a store in memory
    manifest: Path | None = None  # a backup's manifest; None for the live store
    checkpoints: tuple[Expected, ...] = ()  # printed, or kept in the newest backup's manifest

    @property
    def is_backup(self) -> bool:
        return self.manifest is not None


class Note(str):
    """Said by a check, but not a problem: how much it could not check, say."""


class Check(NamedTuple):
    name: str
    run: Callable[[Target], list[str]]


@dataclass(frozen=True, slots=True)
class Finding:
    check: str
    problems: tuple[str, ...] = ()
    notes: tuple[str, ...] = ()

    @property
    def ok(self) -> bool:
        return not self.problems


def _database_problems(target: Target) -> list[str]:
    return sqlcipher.integrity_problems(target.engine)


def _schema_problems(target: Target) -> list[str]:
    current = schema.current_revision(target.engine)
    head = schema.head_revision()
    if current == head:
        return []
    if current is None:
        return ["It has no schema version: it was never set up by SCR Reflect."]
    if not schema.is_known(current):
        return [f"It is at schema {current}, made by a newer version of SCR Reflect."]
    if target.is_backup:
        return []  # an older backup is brought up to date when the restored store first opens
    return [
        f"It is at schema {current}, not {head}: open it with SCR Reflect to bring it up to date."
    ]


def _audit_problems(target: Target) -> list[str]:
    chain = audit_log.read_chain(target.engine)
    if chain is None:
        return []  # a backup from before the audit trail: it has none to check
    problems = []
    missing = [
        name
        for name in sqlcipher.AUDIT_TRIGGER_NAMES
        if name not in sqlcipher.trigger_names(target.engine)
    ]
    if missing:
        problems.append(
            f"The append-only triggers are missing ({', '.join(missing)}): entries could be "
            "changed or deleted without the database refusing."
        )
    # A backup's own copy of the key file is what its chain is checked against.
    signed = audit_head.read_signed(target.header) if target.header else None
    head = signed.head if signed else None
    problems += chain_problems(chain, head, head_expected=target.header is not None)
    return problems + _head_seal_problems(target, signed)


def _head_seal_problems(target: Target, signed: audit_head.SignedHead | None) -> list[str]:
    mac_key = audit_log.read_mac_key(target.engine)
    if signed is None or mac_key is None:
        return []  # no head (named above), or a database from before heads were sealed
    if signed.mac is None:
        return [
            f"The key file's record of the newest entry (entry {signed.head.seq}) carries no "
            "authentication code: it was written by hand, or by a version from before codes."
        ]
    if not mac_matches(mac_key, signed.head, signed.mac):
        return [
            f"The key file's record of the newest entry (entry {signed.head.seq}) does not "
            "carry this store's authentication code: the key file was edited outside "
            "SCR Reflect."
        ]
    return []


def _content_problems(target: Target) -> list[str]:
    report = audit_content.content_report(target.engine)
    if report is None:
        return []  # an older backup: its entries carry no content hashes
    found: list[str] = list(report.problems)
    if report.unhashed:
        found.append(
            Note(
                f"{report.unhashed:,} {'record has' if report.unhashed == 1 else 'records have'}"
                " no content hash in the trail (made before entries carried one, or loaded in "
                "bulk), so their content was not checked."
            )
        )
    return found


def _checkpoint_problems(target: Target) -> list[str]:
    if not target.checkpoints:
        return []
    wanted = {expected.checkpoint.seq for expected in target.checkpoints}
    hashes: dict[int, str] = {}
    restores: list[datetime] = []
    for entry in audit_log.read_chain(target.engine) or ():
        if entry.seq in wanted:
            hashes[entry.seq] = entry.hash
        if entry.action == AuditAction.RESTORE:
            restores.append(entry.at)
    return [
        f"The trail does not hold entry {expected.checkpoint.seq} as {expected.where} records "
        f"it ({expected.checkpoint.hash_prefix[:CHECKPOINT_PREFIX]}\u2026): the store was "
        "rolled back or rewritten since. (After restoring a backup, unlock once so the "
        "restore enters the trail.)"
        for expected in target.checkpoints
        if not expected.checkpoint.held_by(hashes.get(expected.checkpoint.seq))
        and not (expected.made and any(at >= expected.made for at in restores))
    ]


def backup_checkpoints(folder: Path) -> tuple[Expected, ...]:
    """The newest regular backup's checkpoint, if there is a backup and it kept one."""
    made = regular_backups(folder)
    if not made:
        return ()
    when, newest = made[-1]
    try:
        head = Manifest.load(newest.manifest).audit_head
    except ManifestError:
        return ()  # verifying that backup names what is wrong with its manifest
    if head is None:
        return ()
    where = f"the newest backup ({newest.database.name})"
    return (Expected(where, Checkpoint(head.seq, head.hash), when),)


CHECKS: tuple[Check, ...] = (
    Check("Pages, their authentication codes and the database structure", _database_problems),
    Check("Schema version", _schema_problems),
    Check("Audit trail: hash chain, append-only triggers, newest entry", _audit_problems),
    Check("Records: each matches the audit entry that made or amended it", _content_problems),
    Check("Audit trail: checkpoints printed or kept in backups", _checkpoint_problems),
)


def run_checks(target: Target, checks: tuple[Check, ...] = CHECKS) -> Iterator[Finding]:
    """One Finding per check, as each finishes; a check the database breaks is a problem too."""
    for check in checks:
        try:
            problems = check.run(target)
        except exc.DatabaseError as error:
            # SQLite's own message ("database disk image is malformed"), never a row's values.
            problems = [f"The check could not run: {error.orig}"]
        notes = tuple(p for p in problems if isinstance(p, Note))
        yield Finding(check.name, tuple(p for p in problems if not isinstance(p, Note)), notes)


OPENS = "Opens with the key in its key file"
MANIFEST = "Manifest"
DATABASE_FILE = "Size and SHA-256 of the database"
KEY_FILE = "Size and SHA-256 of the key file"
STORE_STEPS = 1 + len(CHECKS)
BACKUP_STEPS = 4 + len(CHECKS)


def check_store_files(
    database: Path,
    header: Path,
    passphrase: str,
    checkpoints: tuple[Expected, ...] = (),
) -> Iterator[Finding]:
    """The live store as it is, without migrating it. A wrong passphrase raises WrongPassphrase.

    checkpoints: ones printed or kept in backups, each with where it came from."""
    if not database.exists():
        yield Finding(OPENS, (f"The database file {database.name} is missing.",))
        return
    held = keyslots.unlock_any(keyslots.load_header(header), passphrase)
    yield from _open_and_check(
        database, held, lambda engine: Target(engine, header, None, checkpoints)
    )


def check_backup(backup: BackupFiles, passphrase: str, staged: BackupFiles) -> Iterator[Finding]:
    """Check a backup through a private copy (`staged`), which a restore then puts in place.

    The backup's own files are only read, so one on a read-only stick can be checked. A
    finding with a problem before the database is opened ends the checks."""
    if not backup.database.is_file():
        yield Finding(DATABASE_FILE, (f"There is no backup file {backup.database}.",))
        return
    try:
        manifest = Manifest.load(backup.manifest)
    except ManifestError as error:
        yield Finding(MANIFEST, (str(error),))
        return
    yield Finding(MANIFEST)
    for source, copy, expected, check, what in (
        (backup.database, staged.database, manifest.database, DATABASE_FILE, "The database"),
        (backup.header, staged.header, manifest.key_file, KEY_FILE, "The key file"),
    ):
        try:
            copy_private(source, copy)
        except FileNotFoundError:
            yield Finding(check, (f"{what} {source.name} is missing.",))
            return
        problems = mismatch(digest_file(copy, copy.name), expected, what)
        yield Finding(check, tuple(problems))
        if problems:
            return
    try:
        held = keyslots.unlock_any(keyslots.load_header(staged.header), passphrase)
    except keyslots.HeaderError as error:
        yield Finding(OPENS, (str(error),))
        return
    yield from _open_and_check(
        staged.database, held, lambda engine: Target(engine, staged.header, backup.manifest)
    )


STALE = (
    "The database does not open with the key in its key file: the key file is older than the "
    "database (a copy from before someone was removed or a new recovery sheet was made, say), "
    "or belongs to another store."
)


def _open_and_check(
    database: Path, held: list[bytes], target: Callable[[Engine], Target]
) -> Iterator[Finding]:
    """Checks through the first of the key file's keys the database takes (newest first)."""
    for key in held:
        engine = sqlcipher.file_engine(database, key)
        try:
            try:
                sqlcipher.check_key(engine)
            except sqlcipher.WrongKey:
                continue
            yield Finding(OPENS)
            yield from run_checks(target(engine))
            return
        finally:
            engine.dispose()
    yield Finding(OPENS, (STALE,))
