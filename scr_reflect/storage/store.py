"""Create, unlock and close the encrypted store in a data folder."""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass
from datetime import datetime
from pathlib import Path

from sqlalchemy import Engine

from ..domain.audit import AuditAction
from ..domain.people import Person, Role
from ..domain.records import SchoolProfile
from . import audit_pending, backups, keyslots, schema, sqlcipher
from .audit_log import AuditLog
from .people_repository import PeopleRepository
from .private_files import create_private_file, ensure_private_dir
from .reflection_repository import ReflectionRepository
from .repository import Repository
from .store_checks import Finding, Target, run_checks
from .structured_repository import StructuredRepository

DSL_SLOT = "dsl"


class StoreExists(Exception):
    pass


class NotInitialised(Exception):
    pass


@dataclass(frozen=True, slots=True)
class StoreFiles:
    root: Path

    @property
    def database(self) -> Path:
        return self.root / "scr-reflect.db"

    @property
    def header(self) -> Path:
        return self.root / "keys.json"

    @property
    def backups(self) -> Path:
        return self.root / "backups"

    @property
    def audit_pending(self) -> Path:
        """Failed unlocks and restores waiting to enter the audit trail at the next unlock."""
        return self.root / audit_pending.FILE_NAME

    def is_initialised(self) -> bool:
        return self.header.exists()


class OpenStore:
    """An unlocked store. Closing disposes the engine and drops the key with it."""

    def __init__(self, engine: Engine, files: StoreFiles | None, data_key: bytes) -> None:
        self._engine: Engine | None = engine
        self._data_key: bytes | None = data_key
        self.files = files
        self.audit = AuditLog(
            engine,
            files.header if files else None,
            files.audit_pending if files else None,
        )
        # Every record these write is logged in the same transaction (see audit_log.py).
        self.repository = Repository(engine, self.audit.watch)
        self.structured = StructuredRepository(engine, self.audit.watch)
        self.reflections = ReflectionRepository(engine, self.audit.watch)
        self.people = PeopleRepository(engine)

    def close(self) -> None:
        if self._engine is None:
            return
        if self.files is not None:
            sqlcipher.checkpoint(self._engine)
        self._engine.dispose()
        self._engine, self._data_key = None, None

    @property
    def is_open(self) -> bool:
        return self._engine is not None

    def integrity_problems(self) -> list[str]:
        assert self._engine is not None, "the store is closed"
        return sqlcipher.integrity_problems(self._engine)

    def verify(self) -> Iterator[Finding]:
        assert self._engine is not None, "the store is closed"
        return run_checks(Target(self._engine, self.files.header if self.files else None))

    def back_up(self, target: backups.BackupFiles) -> Iterator[str]:
        """Copy the database into a new backup under the same key, stage by stage."""
        assert self._engine is not None and self._data_key is not None, "the store is closed"
        assert self.files is not None, "a store in memory has no key file to back up with it"
        return backups.write(self._engine, self._data_key, self.files.header, target)


def create_store(
    files: StoreFiles, passphrase: str, profile: SchoolProfile, now: datetime
) -> OpenStore:
    if files.is_initialised():
        raise StoreExists(f"{files.root} already holds an SCR Reflect store.")
    # A database with no key file is what an interrupted setup leaves, or a key file lost:
    # nothing opens it now, so it is set aside (not deleted, should the key file turn up).
    _set_aside_database_without_header(files, now)
    ensure_private_dir(files.root)
    data_key = keyslots.new_data_key()
    create_private_file(files.database)
    engine = sqlcipher.file_engine(files.database, data_key)
    schema.upgrade(engine, before_migrating=lambda _rev: None)
    store = OpenStore(engine, files, data_key)
    _save_first_profile(store, profile, now)
    # The header goes last: until it exists the folder counts as not set up.
    keyslots.save_header(files.header, [keyslots.wrap(data_key, passphrase, DSL_SLOT)])
    return store


def open_store(files: StoreFiles, passphrase: str, now: datetime) -> OpenStore:
    """Unlock with a passphrase. A wrong one raises WrongPassphrase and touches no file but
    the note of the failed attempt, which enters the audit trail at the next unlock."""
    if not files.is_initialised():
        raise NotInitialised(f"No SCR Reflect store in {files.root}. Run setup first.")
    if not files.database.exists():
        # Opening would quietly make a new, empty database: every record would seem gone.
        raise NotInitialised(
            f"The database file {files.database.name} is missing from {files.root}. "
            "Restore it from a backup; nothing has been changed."
        )
    slots = keyslots.load_header(files.header)
    try:
        data_key = keyslots.unlock(slots, passphrase)
    except keyslots.WrongPassphrase:
        audit_pending.note_quietly(files.audit_pending, AuditAction.FAILED_UNLOCK, now)
        raise
    engine = sqlcipher.file_engine(files.database, data_key)
    try:
        sqlcipher.check_key(engine)
        schema.upgrade(
            engine,
            before_migrating=lambda rev: _backup_before_migrating(
                engine, files, data_key, rev, now
            ),
        )
    except Exception:
        engine.dispose()
        raise
    return OpenStore(engine, files, data_key)


def open_memory_store(profile: SchoolProfile) -> OpenStore:
    """A throwaway encrypted store in memory, for tests and benchmarks."""
    data_key = keyslots.new_data_key()
    engine = sqlcipher.memory_engine(data_key)
    schema.upgrade(engine, before_migrating=lambda _rev: None)
    store = OpenStore(engine, None, data_key)
    _save_first_profile(store, profile, datetime.now().replace(microsecond=0))
    return store


def _save_first_profile(store: OpenStore, profile: SchoolProfile, now: datetime) -> Person:
    """The school's details and its DSL, who is person 1 and holds the first key slot."""
    store.repository.save_profile(profile)
    return store.people.add(profile.dsl_name, Role.DSL, profile.dsl_name, now)


def _backup_before_migrating(
    engine: Engine, files: StoreFiles, data_key: bytes, revision: str, now: datetime
) -> None:
    [target] = backups.new_backup([files.backups], now, f"before-migration-from-{revision}")
    for _stage in backups.write(engine, data_key, files.header, target):
        pass


def _set_aside_database_without_header(files: StoreFiles, now: datetime) -> None:
    for suffix in ("", "-wal", "-shm"):
        found = Path(f"{files.database}{suffix}")
        if found.exists():
            found.rename(found.with_name(f"{found.name}.no-key-file-{now:%Y%m%d-%H%M%S}"))
