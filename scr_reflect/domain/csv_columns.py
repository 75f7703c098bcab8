"""Which column of a MIS's CSV export holds which of a pupil's details.

Every MIS names its columns its own way ("Legal Surname", "Surname", "Last name"), so the
DSL is shown a guess, made from the names below or from the mapping they chose last time,
and may change it before anything is read. A mapping holds column names only, never a value.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass
from datetime import date

from .pupil_roll import BadRow, Roll, RollPupil, read_pupil, with_duplicates_named


@dataclass(frozen=True, slots=True)
class PupilField:
    key: str
    label: str
    required: bool
    presets: tuple[str, ...]  # column names that usually hold it, compared as _plain() gives


FIELDS = (
    PupilField("upn", "UPN", True, ("upn", "uniquepupilnumber", "pupilupn", "upnnumber")),
    PupilField("surname", "Surname", True, ("surname", "legalsurname", "lastname", "familyname")),
    PupilField(
        "forename",
        "Forename",
        True,
        (
            "forename",
            "forenames",
            "legalforename",
            "legalforenames",
            "firstname",
            "legalfirstname",
            "givenname",
        ),
    ),
    PupilField(
        "preferred_surname",
        "Preferred surname",
        False,
        ("preferredsurname", "preferredlastname", "chosensurname"),
    ),
    PupilField(
        "preferred_forename",
        "Preferred forename",
        False,
        (
            "preferredforename",
            "preferredforenames",
            "preferredfirstname",
            "preferredname",
            "chosenname",
            "knownas",
        ),
    ),
    PupilField("date_of_birth", "Date of birth", True, ("dob", "dateofbirth", "birthdate")),
    PupilField("sex", "Sex", False, ("sex", "gender")),
    PupilField(
        "year_group",
        "Year",
        False,
        (
            "year",
            "yeargroup",
            "ncyear",
            "ncyearactual",
            "curriculumyear",
            "nationalcurriculumyear",
            "yr",
        ),
    ),
    PupilField(
        "tutor_group",
        "Registration group",
        False,
        (
            "reggroup",
            "registrationgroup",
            "regform",
            "regclass",
            "form",
            "formgroup",
            "tutorgroup",
            "class",
        ),
    ),
)
FIELD_KEYS = tuple(f.key for f in FIELDS)

# field key -> the column name as the file has it
ColumnMapping = dict[str, str]


def _plain(name: str) -> str:
    return re.sub(r"[^0-9a-z]", "", name.casefold())


def guess_mapping(headers: Sequence[str], remembered: Mapping[str, str] | None) -> ColumnMapping:
    """The columns the last mapping named, where this file has them; else the presets."""
    mapping: ColumnMapping = {}
    by_plain = {_plain(h): h for h in reversed(headers)}  # the first of two alike wins
    for field in FIELDS:
        chosen = (remembered or {}).get(field.key)
        if chosen is not None and chosen in headers:
            mapping[field.key] = chosen
            continue
        preset = next((by_plain[p] for p in field.presets if p in by_plain), None)
        if preset is not None:
            mapping[field.key] = preset
    return mapping


def mapping_problems(mapping: Mapping[str, str], headers: Sequence[str]) -> list[str]:
    """What stops the file being read with this mapping: a needed field with no column."""
    problems = [
        f"Choose the column that holds the {_in_a_sentence(field.label)}."
        for field in FIELDS
        if field.required and mapping.get(field.key) not in headers
    ]
    used = [column for column in mapping.values() if column]
    if len(used) != len(set(used)):
        problems.append("Each column can hold only one of the pupil's details.")
    return problems


def _in_a_sentence(label: str) -> str:
    return label if label.isupper() else label.lower()


def read_rows(
    headers: Sequence[str],
    rows: Iterable[tuple[int, Sequence[str]]],
    mapping: Mapping[str, str],
    today: date,
) -> Roll:
    """Each (line, cells) row read with the mapping; a row of the wrong width is a bad row."""
    index = {key: headers.index(column) for key, column in mapping.items() if column in headers}
    pupils: list[RollPupil] = []
    bad: list[BadRow] = []
    for line, cells in rows:
        if not any(cell.strip() for cell in cells):
            continue  # a blank line at the end of an export is not a pupil
        if len(cells) != len(headers):
            bad.append(
                BadRow(line, f"The row has {len(cells)} columns; the header has {len(headers)}.")
            )
            continue
        read = read_pupil(line, {key: cells[i] for key, i in index.items()}, today)
        if isinstance(read, BadRow):
            bad.append(read)
        else:
            pupils.append(read)
    return with_duplicates_named(Roll(tuple(pupils), tuple(bad), "CSV"))
