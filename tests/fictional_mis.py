"""Fictional MIS exports made by the tests: CTF XML and CSV files. No real pupil appears.

UPNs use local authority number 999, which is allocated to no authority, with a check
letter made by the domain's own function.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date, timedelta
from xml.sax.saxutils import escape

from scr_reflect.domain.upn import check_letter

_FORENAMES = ("Ada", "Brin", "Cato", "Della", "Emrys", "Fenna", "Gideon", "Hester", "Ivo")
_SURNAMES = ("Testperson", "Quillfeather", "Marrowby", "Thistledown", "Fernsworth", "Oakhollow")


def fictional_upn(serial: int) -> str:
    body = f"999{serial // 1000 % 10000:04d}24{serial % 1000:03d}"
    return check_letter(body) + body


def with_wrong_letter(upn: str) -> str:
    wrong = "A" if upn[0] != "A" else "B"
    return wrong + upn[1:]


@dataclass(frozen=True)
class FictionalPupil:
    upn: str
    surname: str
    forename: str
    born: date
    preferred_forename: str = ""
    year: str = "7"
    group: str = "7Q"
    # Each (forename, surname, relationship code, parental responsibility).
    contacts: tuple[tuple[str, str, str, bool], ...] = field(default=())


def many_pupils(count: int, first_serial: int = 1) -> list[FictionalPupil]:
    pupils = []
    for n in range(count):
        serial = first_serial + n
        year = 7 + n % 5
        pupils.append(
            FictionalPupil(
                upn=fictional_upn(serial),
                surname=_surname(n),
                forename=_FORENAMES[n % len(_FORENAMES)],
                born=date(2013 - (year - 7), 9, 1) + timedelta(days=n % 360),
                year=str(year),
                group=f"{year}{'QRST'[n % 4]}",
            )
        )
    return pupils


def _surname(n: int) -> str:
    first, second = _SURNAMES[n % len(_SURNAMES)], _SURNAMES[n // 7 % len(_SURNAMES)]
    return first if first == second else f"{first}-{second}"


def ctf(pupils: list[FictionalPupil], school: str = "Larkspur Vale Academy") -> bytes:
    body = "".join(_pupil_xml(p) for p in pupils)
    return (
        '<?xml version="1.0" encoding="UTF-8"?>\n<CTfile>\n<Header>\n'
        "<DocumentName>Common Transfer File</DocumentName>\n<CTFversion>23.0</CTFversion>\n"
        "<DateTime>2025-03-01T10:00:00</DateTime>\n"
        f"<SourceSchool><LEA>999</LEA><Estab>9001</Estab><SchoolName>{escape(school)}"
        "</SchoolName></SourceSchool>\n</Header>\n"
        f"<CTFpupilData>\n{body}</CTFpupilData>\n</CTfile>\n"
    ).encode()


def _pupil_xml(p: FictionalPupil) -> str:
    contacts = "".join(
        f"<Contact><Order>{i}</Order><Forename>{escape(f)}</Forename>"
        f"<Surname>{escape(s)}</Surname><Relationship>{code}</Relationship>"
        f"<Responsibility>{'true' if pr else 'false'}</Responsibility></Contact>"
        for i, (f, s, code, pr) in enumerate(p.contacts, start=1)
    )
    preferred = (
        f"<PreferredForename>{escape(p.preferred_forename)}</PreferredForename>"
        if p.preferred_forename
        else ""
    )
    return (
        f"<Pupil>\n<UPN>{p.upn}</UPN>\n<Surname>{escape(p.surname)}</Surname>\n"
        f"<Forename>{escape(p.forename)}</Forename>\n<DOB>{p.born.isoformat()}</DOB>\n"
        f"<Sex>F</Sex>\n<BasicDetails>{preferred}<NCyearActual>{p.year}</NCyearActual>"
        f"</BasicDetails>\n<RegGroup>{escape(p.group)}</RegGroup>\n"
        f"<Contacts>{contacts}</Contacts>\n</Pupil>\n"
    )


def csv_text(pupils: list[FictionalPupil], separator: str = ",") -> str:
    lines = [separator.join(("UPN", "Legal Surname", "Legal Forename", "DOB", "Year", "Reg"))]
    for p in pupils:
        cells = (p.upn, p.surname, p.forename, p.born.strftime("%d/%m/%Y"), p.year, p.group)
        lines.append(separator.join(cells))
    return "\r\n".join(lines) + "\r\n"


BILLION_LAUGHS = b"""<?xml version="1.0"?>
<!DOCTYPE lolz [
 <!ENTITY lol "lol">
 <!ENTITY lol2 "&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;">
 <!ENTITY lol3 "&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;">
 <!ENTITY lol4 "&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;">
 <!ENTITY lol9 "&lol4;&lol4;&lol4;&lol4;&lol4;&lol4;&lol4;&lol4;&lol4;&lol4;">
]>
<CTfile><CTFpupilData><Pupil><Surname>&lol9;</Surname></Pupil></CTFpupilData></CTfile>
"""

EXTERNAL_ENTITY = b"""<?xml version="1.0"?>
<!DOCTYPE CTfile [ <!ENTITY secret SYSTEM "file:///etc/passwd"> ]>
<CTfile><CTFpupilData><Pupil><Surname>&secret;</Surname></Pupil></CTFpupilData></CTfile>
"""
