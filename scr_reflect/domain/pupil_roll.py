"""Pupils as the school's MIS exports them (a CTF or a CSV), read into plain records.

Both kinds of file come down to the same fields as text, each row with the line it came
from; read_pupil turns one row into a pupil or names what is wrong with it, so a DSL can
find the line in the file and put it right in the MIS.
"""

from __future__ import annotations

import re
from collections.abc import Mapping
from dataclasses import dataclass
from datetime import date, datetime

from .records import Child
from .upn import tidy_upn, upn_problem
from .validation import child_problems

NAME_LIMIT, GROUP_LIMIT = 200, 40  # as the children table holds them
_DATE_FORMATS = ("%Y-%m-%d", "%d/%m/%Y", "%d-%m-%Y", "%d.%m.%Y")
_TIME_AFTER = re.compile(r"[ T]\d{1,2}:\d{2}(:\d{2}(\.\d+)?)?$")  # "2012-09-01T00:00:00"
_YEAR_NUMBER = re.compile(r"^(?:y|yr|year|nc|ncy)?\s*0*(\d{1,2})$", re.IGNORECASE)


@dataclass(frozen=True, slots=True)
class Contact:
    """Someone the MIS lists for the pupil: read from a CTF, kept only as a line of text."""

    name: str
    relationship: str = ""
    parental_responsibility: bool | None = None
    priority: int | None = None

    def line(self) -> str:
        said = [self.relationship] if self.relationship else []
        if self.parental_responsibility:
            said.append("parental responsibility")
        return f"{self.name} ({', '.join(said)})" if said else self.name


@dataclass(frozen=True, slots=True)
class RollPupil:
    """One pupil as the file gives them, with the line (or the CTF pupil's line) read from."""

    line: int
    upn: str
    surname: str
    forename: str
    date_of_birth: date
    preferred_surname: str = ""
    preferred_forename: str = ""
    sex: str = ""
    year_group: str = ""
    tutor_group: str = ""
    contacts: tuple[Contact, ...] = ()

    @property
    def full_name(self) -> str:
        return f"{self.forename} {self.surname}"

    @property
    def preferred_name(self) -> str:
        """The name the pupil goes by, if the MIS holds one that differs from the legal name."""
        forename = self.preferred_forename or self.forename
        surname = self.preferred_surname or self.surname
        preferred = f"{forename} {surname}"
        if preferred.casefold() == self.full_name.casefold():
            return ""
        return forename if surname == self.surname else preferred

    def contact_lines(self) -> tuple[str, ...]:
        """The contacts as lines of the household note, in the MIS's priority order."""
        return tuple(
            f"Contact from the MIS: {c.line()}"
            for c in sorted(self.contacts, key=lambda c: c.priority or 99)
        )

    def as_child(self) -> Child:
        """A new child from this pupil; contacts, if any, become the household's first lines."""
        household = "\n".join(self.contact_lines())
        return Child(
            full_name=self.full_name,
            date_of_birth=self.date_of_birth,
            preferred_name=self.preferred_name,
            year_group=self.year_group,
            tutor_group=self.tutor_group,
            upn=self.upn,
            sex=self.sex,
            household=household,
        )


@dataclass(frozen=True, slots=True)
class BadRow:
    line: int
    problem: str

    def __str__(self) -> str:
        return f"Line {self.line}: {self.problem}"


@dataclass(frozen=True, slots=True)
class Roll:
    """What one file said: the pupils read from it and the rows that could not be read."""

    pupils: tuple[RollPupil, ...]
    bad_rows: tuple[BadRow, ...]
    kind: str  # "CTF" or "CSV", for what the DSL is shown


def read_pupil(
    line: int,
    fields: Mapping[str, str],
    today: date,
    contacts: tuple[Contact, ...] = (),
) -> RollPupil | BadRow:
    """One row's fields (keyed as FIELDS in csv_columns) as a pupil, or its first problem."""

    def text(key: str) -> str:
        return " ".join(fields.get(key, "").split())

    upn = tidy_upn(fields.get("upn", ""))
    problem = upn_problem(upn)
    if problem:
        return BadRow(line, problem)
    surname, forename = text("surname"), text("forename")
    if not surname or not forename:
        return BadRow(line, f"The {'surname' if not surname else 'forename'} is missing.")
    born = parse_date(text("date_of_birth"))
    if isinstance(born, str):
        return BadRow(line, born)
    pupil = RollPupil(
        line=line,
        upn=upn,
        surname=surname,
        forename=forename,
        date_of_birth=born,
        preferred_surname=text("preferred_surname"),
        preferred_forename=text("preferred_forename"),
        sex=sex_in_words(text("sex")),
        year_group=year_group(text("year_group")),
        tutor_group=text("tutor_group"),
        contacts=contacts,
    )
    if len(pupil.full_name) > NAME_LIMIT or len(pupil.preferred_name) > NAME_LIMIT:
        return BadRow(line, f"The name is longer than {NAME_LIMIT} characters.")
    if len(pupil.tutor_group) > GROUP_LIMIT or len(pupil.year_group) > GROUP_LIMIT:
        return BadRow(line, f"The year or tutor group is longer than {GROUP_LIMIT} characters.")
    # The same rules as a child typed in by hand (a date of birth in the future, over 25).
    problems = child_problems(pupil.as_child(), today)
    return BadRow(line, problems[0].message) if problems else pupil


def parse_date(text: str) -> date | str:
    """A date of birth as MIS exports write it; a problem in words if it is not a date."""
    if not text:
        return "The date of birth is missing."
    bare = _TIME_AFTER.sub("", text)
    for form in _DATE_FORMATS:
        try:
            return datetime.strptime(bare, form).date()
        except ValueError:
            continue
    return f"The date of birth '{text[:20]}' is not a date (use 2014-09-01 or 01/09/2014)."


# The CTF's one-letter codes, and the words CSV exports use for them.
_SEX_WORDS = {"f": "Female", "female": "Female", "m": "Male", "male": "Male"}


def sex_in_words(text: str) -> str:
    """The pupil's sex as the DSL reads it: the MIS's codes in words, anything else as given."""
    return _SEX_WORDS.get(text.casefold(), text[:GROUP_LIMIT])


def year_group(text: str) -> str:
    """The National Curriculum year as the window shows it: "Year 7", "Reception", "Nursery".

    A CTF's NCyearActual is "N1", "N2", "R", "1" to "14" or "X" (not following the NC)."""
    found = _YEAR_NUMBER.match(text)
    if found:
        number = int(found[1])
        return "Reception" if number == 0 else f"Year {number}"
    folded = text.casefold()
    if folded in {"r", "yr", "rec", "reception"}:
        return "Reception"
    if folded in {"n", "n1", "n2", "nursery"}:
        return "Nursery"
    return "" if folded == "x" else text


def with_duplicates_named(roll: Roll) -> Roll:
    """A UPN that appears twice is a bad row at each later line: which is right is for the MIS."""
    first_line: dict[str, int] = {}
    kept: list[RollPupil] = []
    bad = list(roll.bad_rows)
    for pupil in roll.pupils:
        earlier = first_line.setdefault(pupil.upn, pupil.line)
        if earlier == pupil.line:
            kept.append(pupil)
        else:
            bad.append(BadRow(pupil.line, f"The UPN is also on line {earlier}."))
    bad.sort(key=lambda row: row.line)
    return Roll(tuple(kept), tuple(bad), roll.kind)
