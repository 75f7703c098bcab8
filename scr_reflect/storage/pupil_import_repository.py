"""Pupils imported from the school's MIS: written all in one transaction, or not at all.

Each child added or amended goes through the same rows, versions and audit events as one
typed in by hand (so verify checks each one's content), and the import's own entry, with
counts only, commits with them. The CSV column mapping the DSL chose is kept in the
encrypted settings table: column names only.
"""

from __future__ import annotations

import json
from collections.abc import Callable, Sequence
from datetime import datetime

from sqlalchemy import func, select

from ..domain.audit import NewEntry
from ..domain.enums import RecordType
from ..domain.records import Child
from . import mapping
from .audit_log import note
from .models import ChildRow, SettingRow
from .unit_of_work import RecordNotFound, UnitOfWork, replace_keeping_history

_MAPPING_KEY = "pupil_import.csv_columns"
_CHUNK = 500  # ids per IN (...) clause: well inside SQLite's limit on parameters
_FLUSH_EVERY = 250

Progress = Callable[[int, int], None]


class PupilImportRepository(UnitOfWork):
    def children(self) -> list[Child]:
        """Every child in the records, to match the file's pupils against."""
        with self._unit() as s:
            return [mapping.child_from_row(r) for r in s.scalars(select(ChildRow))]

    def import_pupils(
        self,
        new: Sequence[Child],
        amended: Sequence[Child],
        by: str,
        reason: str,
        now: datetime,
        audit: NewEntry,
        progress: Progress | None = None,
    ) -> list[int]:
        """Add and amend the children in one transaction; returns the new children's ids.

        A child amended by someone else since the plan was made stops the whole import
        (StaleRecord), as does one deleted meanwhile (RecordNotFound)."""
        total, done = len(new) + len(amended), 0
        with self._unit() as s:
            note(s, audit)
            # The ids SQLite would give (the table has no AUTOINCREMENT), given here so the
            # rows go in batches: asking for each new id back would cost a statement a row.
            next_id = (s.scalar(select(func.max(ChildRow.id))) or 0) + 1
            rows: list[ChildRow] = []
            for child in new:
                row = ChildRow(
                    **mapping.record_columns(child),
                    id=next_id + len(rows),
                    version=1,
                    created_at=now,
                )
                s.add(row)
                rows.append(row)
                done += 1
                if done % _FLUSH_EVERY == 0 or done == len(new):
                    s.flush()
                    _tell(progress, done, total)
            for start in range(0, len(amended), _CHUNK):
                chunk = amended[start : start + _CHUNK]
                ids = [c.id for c in chunk]
                found = {r.id: r for r in s.scalars(select(ChildRow).where(ChildRow.id.in_(ids)))}
                for child in chunk:
                    stored = found.get(child.id) if child.id is not None else None
                    if stored is None:
                        raise RecordNotFound(f"No children record {child.id}.")
                    values = mapping.record_columns(child)
                    replace_keeping_history(
                        s, RecordType.CHILD, stored, child.version, values, by, reason, now
                    )
                done += len(chunk)
                s.flush()
                _tell(progress, done, total)
            return [row.id for row in rows]

    def csv_mapping(self) -> dict[str, str] | None:
        with self._unit() as s:
            row = s.get(SettingRow, _MAPPING_KEY)
            return None if row is None else dict(json.loads(row.value))

    def save_csv_mapping(self, columns: dict[str, str]) -> None:
        with self._unit() as s:
            s.merge(SettingRow(key=_MAPPING_KEY, value=json.dumps(columns, ensure_ascii=False)))


def _tell(progress: Progress | None, done: int, total: int) -> None:
    if progress is not None:
        progress(done, total)
