"""Who may open the store. Each current person has a key slot named after their id.

Adding someone also changes the key file; `before_commit` does that inside the same
transaction, so a key file that cannot be written leaves the people as they were. Removing
someone rekeys the store first (services/people.py): that needs the database to itself."""

from __future__ import annotations

from collections.abc import Callable
from datetime import datetime

from sqlalchemy import select

from ..domain.people import Person, Role
from .models_trust import PersonRow
from .unit_of_work import RecordNotFound, UnitOfWork, get_row

BeforeCommit = Callable[[Person], None]


def _person(row: PersonRow) -> Person:
    return Person(row.id, row.name, Role(row.role), row.added_at, row.removed_at)


class PeopleRepository(UnitOfWork):
    def add(
        self,
        name: str,
        role: Role,
        by: str,
        now: datetime,
        before_commit: BeforeCommit | None = None,
    ) -> Person:
        with self._unit() as s:
            row = PersonRow(name=name, role=role.value, added_at=now, added_by=by)
            s.add(row)
            s.flush()
            person = _person(row)
            if before_commit is not None:
                before_commit(person)
            return person

    def remove(self, person_id: int, by: str, now: datetime) -> Person:
        """Mark someone removed; their row stays, so who wrote what is still known."""
        with self._unit() as s:
            row = get_row(s, PersonRow, person_id)
            row.removed_at, row.removed_by = now, by
            s.flush()
            return _person(row)

    def get(self, person_id: int) -> Person:
        with self._unit() as s:
            return _person(get_row(s, PersonRow, person_id))

    def dsl(self) -> Person:
        """The current Designated Safeguarding Lead."""
        with self._unit() as s:
            row = s.scalars(
                select(PersonRow)
                .where(PersonRow.role == Role.DSL.value, PersonRow.removed_at.is_(None))
                .order_by(PersonRow.id)
            ).first()
            if row is None:
                raise RecordNotFound("No current DSL.")
            return _person(row)

    def everyone(self) -> list[Person]:
        """Current people first (the DSL, then deputies by name), then those removed."""
        with self._unit() as s:
            people = [_person(row) for row in s.scalars(select(PersonRow))]
        return sorted(people, key=lambda p: (not p.is_current, p.role is not Role.DSL, p.name))
