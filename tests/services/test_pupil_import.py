"""Importing pupils from a MIS file: preview first, then one transaction with one audit entry."""

from __future__ import annotations

import codecs
from dataclasses import replace
from pathlib import Path

import pytest

from scr_reflect.domain.audit import AuditAction, AuditFilter
from scr_reflect.domain.enums import RecordType
from scr_reflect.services import errors
from scr_reflect.services.mis_errors import BadRowsNotSkipped, UnreadableFile
from scr_reflect.services.workspace import Workspace
from tests.fictional_mis import (
    BILLION_LAUGHS,
    EXTERNAL_ENTITY,
    csv_text,
    ctf,
    many_pupils,
    with_wrong_letter,
)


def write(tmp_path: Path, name: str, data: bytes) -> Path:
    path = tmp_path / name
    path.write_bytes(data)
    return path


def import_entries(ws: Workspace) -> list[str]:
    seqs = ws.audit.seqs(AuditFilter(action=AuditAction.IMPORT))
    return [line.entry.detail for line in ws.audit.lines(seqs)]


def test_a_ctf_of_2000_pupils_imports_with_one_entry_of_counts(
    memory_workspace: Workspace, tmp_path: Path
) -> None:
    ws = memory_workspace
    pupils = many_pupils(2000)
    mis = ws.pupil_import.read(write(tmp_path, "roll.xml", ctf(pupils)))
    assert mis.header is not None and mis.header.school == "Larkspur Vale Academy"
    assert mis.roll is not None
    plan = ws.pupil_import.plan(mis.roll)
    assert (len(plan.new), plan.changed, plan.bad_rows) == (2000, (), ())
    seen: list[tuple[int, int]] = []
    result = ws.pupil_import.apply(plan, progress=lambda done, total: seen.append((done, total)))
    assert (result.added, result.updated) == (2000, 0)
    assert seen[-1] == (2000, 2000)
    assert len(ws.records.search_children("")) == 2000
    (detail,) = import_entries(ws)
    assert detail.startswith("pupils from a CTF: 2000 added, 0 updated")
    assert not any(p.surname in detail or p.forename in detail for p in pupils[:50])


def test_a_changed_file_shows_old_and_new_and_keeps_the_earlier_version(
    memory_workspace: Workspace, tmp_path: Path
) -> None:
    ws = memory_workspace
    pupils = many_pupils(3)
    ws.pupil_import.apply(
        ws.pupil_import.plan(ws.pupil_import.read(write(tmp_path, "a.xml", ctf(pupils))).roll)
    )  # type: ignore[arg-type]
    moved = [replace(pupils[0], year="8", group="8Q"), *pupils[1:2]]
    roll = ws.pupil_import.read(write(tmp_path, "b.xml", ctf(moved))).roll
    assert roll is not None
    plan = ws.pupil_import.plan(roll)
    (changed,) = plan.changed
    assert [(c.label, c.old, c.new) for c in changed.changes] == [
        ("Year", "Year 7", "Year 8"),
        ("Registration group", "7Q", "8Q"),
    ]
    assert plan.unchanged == 1 and len(plan.not_on_roll) == 1
    ws.pupil_import.apply(plan)
    history = ws.records.history(RecordType.CHILD, changed.child.id or 0)
    assert history.current["year_group"] == "Year 8"
    assert history.earlier[0].fields["year_group"] == "Year 7"
    assert history.earlier[0].reason == "Updated from the school's MIS"
    assert len(ws.records.search_children("")) == 3  # the one not on roll is kept


def test_bad_rows_import_nothing_until_the_dsl_skips_them(
    memory_workspace: Workspace, tmp_path: Path
) -> None:
    ws = memory_workspace
    pupils = many_pupils(3)
    pupils[1] = replace(pupils[1], upn=with_wrong_letter(pupils[1].upn))
    text = csv_text(pupils).replace(pupils[2].born.strftime("%d/%m/%Y"), "31/13/2013")
    mis = ws.pupil_import.read(write(tmp_path, "roll.csv", text.encode()))
    assert mis.table is not None
    roll = ws.pupil_import.read_csv_roll(mis.table, ws.pupil_import.guessed_mapping(mis.table))
    plan = ws.pupil_import.plan(roll)
    assert [str(b).split(":")[0] for b in plan.bad_rows] == ["Line 3", "Line 4"]
    with pytest.raises(BadRowsNotSkipped):
        ws.pupil_import.apply(plan)
    assert ws.records.search_children("") == [] and import_entries(ws) == []
    result = ws.pupil_import.apply(plan, skip_bad_rows=True)
    assert result.added == 1
    assert "2 bad rows skipped" in import_entries(ws)[0]


def test_a_windows_1252_csv_with_a_bom_and_its_mapping_remembered(
    memory_workspace: Workspace, tmp_path: Path
) -> None:
    ws = memory_workspace
    (pupil,) = many_pupils(1)
    pupil = replace(pupil, surname="Ségolène-Müller", forename="Anaïs")
    data = codecs.BOM_UTF8 + csv_text([pupil], ";").replace("Reg", "Form Class").encode("cp1252")
    mis = ws.pupil_import.read(write(tmp_path, "roll.csv", data))
    assert mis.table is not None and mis.table.encoding == "Windows-1252"
    mapping = {**ws.pupil_import.guessed_mapping(mis.table), "tutor_group": "Form Class"}
    roll = ws.pupil_import.read_csv_roll(mis.table, mapping)
    ws.pupil_import.remember_mapping(mapping)
    assert roll.pupils[0].full_name == "Anaïs Ségolène-Müller"
    assert roll.pupils[0].tutor_group == "7Q"
    assert ws.pupil_import.guessed_mapping(mis.table)["tutor_group"] == "Form Class"


def test_a_utf8_csv_keeps_every_letter_of_a_name(
    memory_workspace: Workspace, tmp_path: Path
) -> None:
    ws = memory_workspace
    (pupil,) = many_pupils(1)
    pupil = replace(pupil, surname="Łukasiewicz-Nguyễn", forename="Zoë")
    mis = ws.pupil_import.read(write(tmp_path, "roll.csv", csv_text([pupil]).encode()))
    assert mis.table is not None and mis.table.encoding == "UTF-8"
    roll = ws.pupil_import.read_csv_roll(mis.table, ws.pupil_import.guessed_mapping(mis.table))
    ws.pupil_import.apply(ws.pupil_import.plan(roll))
    (child_id,) = ws.records.search_children("Nguyễn")
    assert ws.records.child(child_id).full_name == "Zoë Łukasiewicz-Nguyễn"


@pytest.mark.parametrize(
    ("data", "said"),
    [
        (BILLION_LAUGHS, "refused unread"),
        (EXTERNAL_ENTITY, "refused unread"),
        (ctf(many_pupils(2))[:-40], "not well-formed XML (line"),
        (b"<?xml version='1.0'?><Roll/>", "not a Common Transfer File"),
        (b"\x81\x8d\xff,\x90\n", "not UTF-8, UTF-16 or Windows-1252"),
        (b"", "The file is empty"),
    ],
)
def test_a_file_that_cannot_be_read_is_refused_with_a_clear_message(
    memory_workspace: Workspace, tmp_path: Path, data: bytes, said: str
) -> None:
    with pytest.raises(UnreadableFile, match=None) as refused:
        memory_workspace.pupil_import.read(write(tmp_path, "roll", data))
    assert said in str(refused.value)


def test_someone_amending_a_child_meanwhile_stops_the_whole_import(
    memory_workspace: Workspace, tmp_path: Path
) -> None:
    ws = memory_workspace
    pupils = many_pupils(2)
    first = ws.pupil_import.read(write(tmp_path, "a.xml", ctf(pupils[:1]))).roll
    assert first is not None
    ws.pupil_import.apply(ws.pupil_import.plan(first))
    changed = [replace(pupils[0], group="7Z"), pupils[1]]
    roll = ws.pupil_import.read(write(tmp_path, "b.xml", ctf(changed))).roll
    assert roll is not None
    plan = ws.pupil_import.plan(roll)
    child = plan.changed[0].child
    ws.records.amend_child(replace(child, household="Lives with an aunt."), "Told by the aunt")
    with pytest.raises(errors.StaleRecord):
        ws.pupil_import.apply(plan)
    assert len(ws.records.search_children("")) == 1 and len(import_entries(ws)) == 1


def test_contacts_from_a_ctf_go_into_a_new_childs_household(
    memory_workspace: Workspace, tmp_path: Path
) -> None:
    ws = memory_workspace
    (pupil,) = many_pupils(1)
    pupil = replace(pupil, contacts=(("Della", "Marrowby", "PAM", True),))
    roll = ws.pupil_import.read(write(tmp_path, "a.xml", ctf([pupil]))).roll
    assert roll is not None
    ws.pupil_import.apply(ws.pupil_import.plan(roll))
    (child_id,) = ws.records.search_children("")
    assert ws.records.child(child_id).household == (
        "Contact from the MIS: Della Marrowby (mother, parental responsibility)"
    )


def test_verify_finds_every_imported_and_updated_child_as_the_trail_recorded_it(
    memory_workspace: Workspace, tmp_path: Path
) -> None:
    ws = memory_workspace
    pupils = many_pupils(30)
    for number, roll_of in enumerate((pupils, [replace(p, group="9Z") for p in pupils[:10]])):
        roll = ws.pupil_import.read(write(tmp_path, f"{number}.xml", ctf(roll_of))).roll
        assert roll is not None
        ws.pupil_import.apply(ws.pupil_import.plan(roll))
    check = ws.verification()
    list(check.steps())
    assert check.problems == []


def test_a_ctf_with_a_namespace_and_a_utf16_csv_read_the_same(
    memory_workspace: Workspace, tmp_path: Path
) -> None:
    ws = memory_workspace
    pupils = many_pupils(2)
    spaced = ctf(pupils).replace(b"<CTfile>", b'<CTfile xmlns="urn:example:ctf">')
    roll = ws.pupil_import.read(write(tmp_path, "a.xml", spaced)).roll
    assert roll is not None and [p.upn for p in roll.pupils] == [p.upn for p in pupils]
    mis = ws.pupil_import.read(write(tmp_path, "a.csv", csv_text(pupils).encode("utf-16")))
    assert mis.table is not None and mis.table.encoding == "UTF-16"
    assert len(mis.table.rows) == 2
