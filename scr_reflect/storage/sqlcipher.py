"""Everything specific to SQLite/SQLCipher lives here: URL, key, PRAGMAs, copies, checks.

The rest of storage/ speaks portable SQLAlchemy, so a shared server database can follow later
by adding a sibling of this module.
"""

from __future__ import annotations

import contextlib
import shutil
import weakref
from pathlib import Path
from typing import Any

from sqlalchemy import URL, Engine, create_engine, event, exc, text
from sqlalchemy.engine import ExceptionContext
from sqlalchemy.pool import QueuePool, StaticPool

from .private_files import create_private_file
from .storage_problems import DiskFull, DiskTrouble, FolderReadOnly, StorageProblem, StoreBusy


class WrongKey(Exception):
    """The database did not open with the key given."""


class StoreClosed(Exception):
    """The store was locked or closed: nothing more is read or written through it."""


_PRAGMAS = (
    # A wrong key would otherwise print SQLCipher's errors on stderr.
    "PRAGMA cipher_log_level = NONE",
    "PRAGMA cipher_memory_security = ON",
    "PRAGMA secure_delete = ON",
    "PRAGMA foreign_keys = ON",
    # Temp tables and sort spills stay in memory, never in a plain temp file.
    "PRAGMA temp_store = MEMORY",
)
_FILE_PRAGMAS = (
    "PRAGMA journal_mode = WAL",
    "PRAGMA synchronous = FULL",
)


# How long a write waits for another program's write lock before it gives up as StoreBusy:
# long enough that brief contention just waits, short enough that the DSL hears soon.
BUSY_TIMEOUT_SECONDS = 5.0

# SQLite's own words for a full disk, a file it may not write and a lock it could not get.
_PROBLEMS: tuple[tuple[str, type[StorageProblem]], ...] = (
    ("database or disk is full", DiskFull),
    ("attempt to write a readonly database", FolderReadOnly),
    ("unable to open database file", FolderReadOnly),  # the file exists: open_store checks
    ("database is locked", StoreBusy),
    ("database table is locked", StoreBusy),
)


# SQLite says only "disk I/O error" when a full disk stops it making its shared-memory file:
# below this much room the disk counts as full.
_NEARLY_FULL_BYTES = 1024 * 1024


def storage_problem(error: BaseException, place: Path | None) -> StorageProblem | None:
    """The plain problem behind a SQLite error (raw or wrapped by SQLAlchemy), if it is one."""
    original = error.orig if isinstance(error, exc.DBAPIError) else error
    message = str(original).lower()
    for words, kind in _PROBLEMS:
        if words in message:
            return kind(place)
    if "disk i/o error" in message:
        return DiskFull(place) if _nearly_full(place) else DiskTrouble(place)
    return None


def _nearly_full(place: Path | None) -> bool:
    try:
        return place is not None and shutil.disk_usage(place).free < _NEARLY_FULL_BYTES
    except OSError:
        return False


def _translate_problems(engine: Engine, place: Path | None) -> None:
    """Every statement, commit and connect on the engine raises these as StorageProblems."""

    @event.listens_for(engine, "handle_error")
    def _on_error(context: ExceptionContext) -> BaseException | None:
        return storage_problem(context.original_exception, place)


def _url(key: bytes, database: str) -> URL:
    # A raw key ("x'...'") makes SQLCipher skip its own PBKDF2: the key is already random.
    return URL.create("sqlite+pysqlcipher", password=_raw_key(key), database=database)


def _unicode_lower(value: Any) -> Any:
    return value.lower() if isinstance(value, str) else value


# An engine whose database was rekeyed: the key its new connections take instead of its URL's.
_REKEYED: weakref.WeakKeyDictionary[Engine, str] = weakref.WeakKeyDictionary()


def _raw_key(key: bytes) -> str:
    return f"x'{key.hex()}'"


def _install_pragmas(engine: Engine, pragmas: tuple[str, ...]) -> None:
    @event.listens_for(engine, "connect")
    def _on_connect(dbapi_connection: Any, _record: Any) -> None:
        # SQLite's own lower() folds A-Z only, so ilike() would miss "łukasz" for "Łukasz".
        dbapi_connection.create_function("lower", 1, _unicode_lower, deterministic=True)
        cursor = dbapi_connection.cursor()
        try:
            rekeyed = _REKEYED.get(engine)
            if rekeyed is not None:  # before any page is read, a second key replaces the first
                cursor.execute(f'PRAGMA key = "{rekeyed}"')
            for pragma in pragmas:
                cursor.execute(pragma)
        finally:
            cursor.close()


def _pooled_engine(url: URL, **connect_args: Any) -> Engine:
    """An engine that hands the same connection back to whichever thread asks next.

    The dialect's own pool keeps a connection per Python thread state, and the lane's Qt
    thread gets a new one for each job: every job would open a connection, set its key and
    read the schema and pages afresh. Here the connection last returned is the next one
    lent (its page cache still warm), and never to two threads at once.
    hide_parameters keeps record text out of error messages, and so out of logs."""
    return create_engine(
        url,
        hide_parameters=True,
        poolclass=QueuePool,
        pool_use_lifo=True,
        connect_args={"check_same_thread": False, **connect_args},
    )


def file_engine(path: Path, key: bytes) -> Engine:
    engine = _pooled_engine(_url(key, str(path)), timeout=BUSY_TIMEOUT_SECONDS)
    _install_pragmas(engine, _PRAGMAS + _FILE_PRAGMAS)
    _translate_problems(engine, path.parent)
    return engine


def read_only_engine(path: Path, key: bytes) -> Engine:
    """The database opened for reading only, for a disk that is full or cannot be written.

    "immutable" makes SQLite make no file beside it (a WAL database otherwise needs its
    shared-memory file, and a full disk refuses that); the caller opens it this way only when
    no write-ahead log holds changes the file lacks."""
    database = f"{path.resolve().as_uri()}?immutable=1"
    engine = _pooled_engine(_url(key, database).update_query_dict({"uri": "true"}))
    _install_pragmas(engine, _PRAGMAS)
    _translate_problems(engine, path.parent)
    return engine


def memory_engine(key: bytes) -> Engine:
    """An encrypted in-memory database for fast tests; one connection shared by all threads."""
    engine = create_engine(
        _url(key, ":memory:"),
        hide_parameters=True,
        poolclass=StaticPool,
        connect_args={"check_same_thread": False},
    )
    _install_pragmas(engine, _PRAGMAS)
    _translate_problems(engine, None)
    return engine


def check_key(engine: Engine) -> None:
    """A wrong key fails at the first read: turn that into WrongKey.

    A folder it may not write to, or a full disk, fails there too, but as a StorageProblem
    that says so: the key slot already proved the passphrase, so a disk that cannot be
    written must never send the DSL to their recovery code."""
    try:
        with engine.connect() as conn:
            conn.execute(text("SELECT count(*) FROM sqlite_master")).scalar_one()
    except exc.DatabaseError as error:
        engine.dispose()
        raise WrongKey from error
    except StorageProblem:
        engine.dispose()
        raise


def check_writable(engine: Engine) -> None:
    """Write to the database and roll it back: a store that opens but cannot be written would
    refuse the next record the DSL saves, so unlocking says so instead.

    Taking the write lock alone is not enough: in WAL mode it lives in the -shm file, so a
    read-only database file only refuses when a page is written."""
    with engine.connect() as conn:
        version = int(conn.exec_driver_sql("PRAGMA user_version").scalar_one())
        conn.exec_driver_sql("BEGIN IMMEDIATE")
        conn.exec_driver_sql(f"PRAGMA user_version = {version}")
        conn.rollback()


def backup_to(engine: Engine, target: Path, key: bytes) -> None:
    """Copy the live database, page by page, into a new file under the same key."""
    create_private_file(target)
    target_engine = file_engine(target, key)
    try:
        with engine.connect() as source, target_engine.connect() as copy:
            source_raw = source.connection.dbapi_connection
            copy_raw = copy.connection.dbapi_connection
            assert source_raw is not None and copy_raw is not None
            try:
                source_raw.backup(copy_raw)
            except Exception as error:  # the raw driver's error: SQLAlchemy never saw it
                problem = storage_problem(error, target.parent)
                if problem is None:
                    raise
                raise problem from error
    finally:
        target_engine.dispose()


def checkpoint(engine: Engine) -> None:
    """Fold the WAL back into the database file and empty it."""
    with engine.connect() as conn:
        conn.execute(text("PRAGMA wal_checkpoint(TRUNCATE)"))


def rekey(engine: Engine, new_key: bytes) -> None:
    """Re-encrypt every page under new_key; connections made from now on take it.

    The WAL is folded in first, so every page is read under one key. PRAGMA rekey then writes
    each page, under the new key, into the WAL in one transaction: a crash part way leaves the
    database whole under the old key, and a crash after its commit whole under the new (the
    WAL is folded in at the next open). It needs room for a second copy of the database while
    it runs; about a second for 40 MB."""
    with engine.connect() as conn:
        conn.exec_driver_sql("PRAGMA wal_checkpoint(TRUNCATE)")
        conn.exec_driver_sql(f'PRAGMA rekey = "{_raw_key(new_key)}"')
    _REKEYED[engine] = _raw_key(new_key)
    engine.dispose()  # pooled connections hold the old key
    # The rekey is committed: a disk that refuses the fold now must not look like a rekey
    # that failed (the caller would keep the old key); the next close or open folds it in.
    with contextlib.suppress(StorageProblem):
        checkpoint(engine)


def retire(engine: Engine) -> None:
    """Close every connection and refuse new ones.

    Repositories and late lane work still hold the engine; without this a query after a lock
    would quietly reconnect, with the key from the engine's URL."""
    engine.dispose()

    @event.listens_for(engine, "do_connect")
    def _refuse(*_args: Any) -> None:
        raise StoreClosed("The records are locked. Unlock to go on.")


def integrity_problems(engine: Engine) -> list[str]:
    rows: list[str] = []
    with engine.connect() as conn:
        # The page HMAC check reads the file; in memory it only says "database file is undefined".
        # It goes first: it names a damaged page, where integrity_check fails at the first one.
        if engine.url.database not in (None, "", ":memory:"):
            rows += [r[0] for r in conn.execute(text("PRAGMA cipher_integrity_check"))]
        try:
            rows += [r[0] for r in conn.execute(text("PRAGMA integrity_check"))]
        except exc.DatabaseError as error:
            rows.append(str(error.orig))
    return [row for row in rows if row != "ok"]


# The audit trail is append-only in the database itself: an UPDATE or DELETE on it fails.
# Someone with the key can still drop these triggers; the hash chain and the newest hash kept
# in the key file are what catch that.
AUDIT_APPEND_ONLY_TRIGGERS = (
    "CREATE TRIGGER audit_log_no_update BEFORE UPDATE ON audit_log "
    "BEGIN SELECT RAISE(ABORT, 'the audit log is append-only'); END",
    "CREATE TRIGGER audit_log_no_delete BEFORE DELETE ON audit_log "
    "BEGIN SELECT RAISE(ABORT, 'the audit log is append-only'); END",
)
AUDIT_TRIGGER_NAMES = ("audit_log_no_update", "audit_log_no_delete")


def trigger_names(engine: Engine) -> set[str]:
    with engine.connect() as conn:
        rows = conn.execute(text("SELECT name FROM sqlite_master WHERE type = 'trigger'"))
        return {name for (name,) in rows}
