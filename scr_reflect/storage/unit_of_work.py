"""One session per call, and the one way an amendment keeps what a record said before."""

from __future__ import annotations

import json
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from datetime import datetime
from typing import Any, TypeVar

from sqlalchemy import Engine
from sqlalchemy.orm import Session, sessionmaker

from ..domain.enums import RecordType
from . import mapping
from .models import Base, VersionRow

RowT = TypeVar("RowT", bound=Base)


class RecordNotFound(LookupError):
    pass


class StaleRecord(Exception):
    """Someone amended the record since it was read: nothing was overwritten."""


Watch = Callable[["sessionmaker[Session]"], None]


class UnitOfWork:
    def __init__(self, engine: Engine, watch: Watch | None = None) -> None:
        """watch: installs session events on this repository's sessions (the audit trail's)."""
        self._sessions = sessionmaker(engine, expire_on_commit=False)
        if watch is not None:
            watch(self._sessions)

    @contextmanager
    def _unit(self) -> Iterator[Session]:
        with self._sessions() as session, session.begin():
            yield session


def get_row(session: Session, model: type[RowT], row_id: int) -> RowT:
    row = session.get(model, row_id)
    if row is None:
        raise RecordNotFound(f"No {model.__tablename__} record {row_id}.")
    return row


def replace_keeping_history(
    session: Session,
    record_type: RecordType,
    row: Any,
    expected_version: int,
    values: dict[str, Any],
    by: str,
    reason: str,
    now: datetime,
) -> int:
    """Keep the row's current fields as an earlier version, then write the new values."""
    if row.version != expected_version:
        raise StaleRecord
    before = {name: mapping.as_text(getattr(row, name)) for name in values}
    session.add(
        VersionRow(
            record_type=record_type.value,
            record_id=row.id,
            version=row.version,
            fields_json=json.dumps(before, ensure_ascii=False),
            replaced_at=now,
            replaced_by=by,
            reason=reason,
        )
    )
    for name, value in values.items():
        setattr(row, name, value)
    row.version += 1
    return int(row.version)
