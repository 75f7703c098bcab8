"""Import pupils from the school's MIS, offline: read a CTF or CSV, preview, then import.

Reading and planning write nothing. The import itself is one transaction: every child added
or amended, their earlier versions, and one audit entry for the import with counts (never a
name). A file with bad rows imports nothing until the DSL chooses to skip them.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping
from dataclasses import dataclass
from datetime import date
from pathlib import Path

from ..domain.audit import AuditAction, NewEntry
from ..domain.changes import ChangeSet
from ..domain.csv_columns import FIELD_KEYS, ColumnMapping, guess_mapping, mapping_problems
from ..domain.csv_columns import read_rows as read_csv_rows
from ..domain.pupil_roll import Roll
from ..domain.roll_matching import ImportPlan, plan_import, resolve
from ..domain.validation import child_problems, require
from ..storage.pupil_import_repository import PupilImportRepository
from .chosen_file import read_chosen_file
from .clock import Clock
from .csv_file import CsvTable, read_csv
from .ctf_file import CtfHeader, read_ctf
from .mis_errors import BadRowsNotSkipped, UnreadableFile

# Far more than any school's roll exports to; a larger file is not a MIS export.
SIZE_LIMIT = 64 * 1024 * 1024
AMEND_REASON = "Updated from the school's MIS"


@dataclass(frozen=True, slots=True)
class MisFile:
    """A file as read: a CTF gives its pupils at once; a CSV waits for its column mapping."""

    path: Path
    header: CtfHeader | None = None
    roll: Roll | None = None
    table: CsvTable | None = None

    @property
    def is_csv(self) -> bool:
        return self.table is not None


@dataclass(frozen=True, slots=True)
class ImportResult:
    added: int
    updated: int
    changes: ChangeSet


def read_mis_file(path: Path, today: date) -> MisFile:
    """Read a file the DSL chose. A CTF is parsed at once; a CSV's rows are read as text."""
    data = _bytes(path)
    if data.lstrip(b"\xef\xbb\xbf \t\r\n").startswith(b"<"):
        header, roll = read_ctf(data, today)
        return MisFile(path, header=header, roll=roll)
    return MisFile(path, table=read_csv(data))


class PupilImportService:
    def __init__(self, repository: PupilImportRepository, clock: Clock, actor: str) -> None:
        self._repo, self._clock, self._actor = repository, clock, actor

    def read(self, path: Path) -> MisFile:
        return read_mis_file(path, self._clock.today())

    def guessed_mapping(self, table: CsvTable) -> ColumnMapping:
        """The columns chosen last time where this file has them, else the usual names."""
        return guess_mapping(table.headers, self._repo.csv_mapping())

    def read_csv_roll(self, table: CsvTable, columns: Mapping[str, str]) -> Roll:
        """The CSV's rows read with the DSL's mapping. Writes nothing."""
        problems = mapping_problems(columns, table.headers)
        if problems:
            raise UnreadableFile(" ".join(problems))
        return read_csv_rows(table.headers, table.rows, columns, self._clock.today())

    def remember_mapping(self, columns: Mapping[str, str]) -> None:
        """Keep the columns chosen (their names only) for this school's next CSV."""
        self._repo.save_csv_mapping({key: columns[key] for key in FIELD_KEYS if columns.get(key)})

    def plan(self, roll: Roll) -> ImportPlan:
        """What importing would do: new, changed, unsure, not on roll, bad rows. Writes nothing."""
        return plan_import(roll, self._repo.children())

    def apply(
        self,
        plan: ImportPlan,
        *,
        skip_bad_rows: bool = False,
        choices: Mapping[int, int | None] | None = None,
        progress: Callable[[int, int], None] | None = None,
    ) -> ImportResult:
        """Import the plan in one transaction. choices: for each unsure pupil's line, the id
        of the child they are, or None to add them as new; unsure pupils not answered for
        are left out."""
        if plan.bad_rows and not skip_bad_rows:
            raise BadRowsNotSkipped(plan.bad_rows)
        choices = choices or {}
        new_pupils, changed = resolve(plan, choices)
        new = [pupil.as_child() for pupil in new_pupils]
        today = self._clock.today()
        for child in [*new, *(c.updated for c in changed)]:
            require(child_problems(child, today))
        left_out = sum(1 for u in plan.unsure if u.pupil.line not in choices)
        audit = NewEntry(AuditAction.IMPORT, detail=_counts(plan, len(new), len(changed), left_out))
        self._repo.import_pupils(
            new,
            [c.updated for c in changed],
            self._actor,
            AMEND_REASON,
            self._clock.now(),
            audit,
            progress,
        )
        return ImportResult(len(new), len(changed), ChangeSet(children=True))


def _counts(plan: ImportPlan, added: int, updated: int, left_out: int) -> str:
    """The import's audit detail: numbers only, never a name."""
    return (
        f"pupils from a {plan.kind}: {added} added, {updated} updated, {plan.unchanged} "
        f"unchanged, {left_out} left out, {len(plan.bad_rows)} bad rows skipped, "
        f"{len(plan.not_on_roll)} in the records but not in the file"
    )


def _bytes(path: Path) -> bytes:
    too_large = "The file is too large to be an export of a school's pupils."
    return read_chosen_file(path, SIZE_LIMIT, too_large, UnreadableFile)
