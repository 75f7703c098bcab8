"""The local escalation procedure file: the default loads; each problem is named with its line."""

from __future__ import annotations

from pathlib import Path

import pytest

from scr_reflect.guidance.escalation_procedure import (
    DEFAULT_FILE,
    ProcedureError,
    load_procedure,
)
from scr_reflect.resource_files import resources_dir

GOOD_STAGE = """
[[stage]]
key = "{key}"
title = "Stage: {key}"
who = "Team manager"
respond_within_working_days = {days}
"""


def write(tmp_path: Path, text: str) -> Path:
    path = tmp_path / "procedure.toml"
    path.write_text(text, encoding="utf-8")
    return path


def test_the_default_procedure_loads_with_stages_in_order_and_contacts() -> None:
    procedure = load_procedure(resources_dir() / DEFAULT_FILE)
    keys = [stage.key for stage in procedure.stages]
    assert keys == ["practitioner", "manager", "service_manager", "partnership"]
    assert all(stage.respond_within_working_days >= 1 for stage in procedure.stages)
    assert procedure.next_stage("practitioner").key == "manager"
    assert procedure.next_stage("partnership") is None
    assert procedure.contacts


def test_a_stage_title_names_a_stage_since_removed_from_the_file() -> None:
    procedure = load_procedure(resources_dir() / DEFAULT_FILE)
    assert procedure.stage_title("manager") == procedure.stage("manager").title
    assert procedure.stage_title("panel") == "panel (no longer in the local procedure)"


def test_a_missing_file_is_named(tmp_path: Path) -> None:
    path = tmp_path / "nowhere.toml"
    with pytest.raises(
        ProcedureError, match=r"nowhere\.toml: the escalation procedure file is missing"
    ):
        load_procedure(path)


def test_broken_toml_gives_the_line_tomllib_found(tmp_path: Path) -> None:
    path = write(tmp_path, 'name = "Local"\n\n[[stage]]\nkey = "manager\n')
    with pytest.raises(ProcedureError) as caught:
        load_procedure(path)
    assert f"{path}, line 4: not valid TOML" in str(caught.value)


def test_a_procedure_needs_at_least_one_stage(tmp_path: Path) -> None:
    path = write(tmp_path, 'name = "Local"\n')
    with pytest.raises(ProcedureError, match=r"list at least one \[\[stage\]\]"):
        load_procedure(path)


def test_a_procedure_needs_a_name(tmp_path: Path) -> None:
    path = write(tmp_path, GOOD_STAGE.format(key="manager", days=3))
    with pytest.raises(ProcedureError, match="give the procedure a name"):
        load_procedure(path)


def test_repeated_stage_keys_are_named_with_their_lines(tmp_path: Path) -> None:
    text = 'name = "Local"\n' + GOOD_STAGE.format(key="manager", days=3) * 2
    path = write(tmp_path, text)
    with pytest.raises(ProcedureError) as caught:
        load_procedure(path)
    assert "repeated: 'manager' (lines 3, 9)" in str(caught.value)


def test_a_repeated_field_inside_a_stage_is_a_toml_error_with_its_line(tmp_path: Path) -> None:
    text = 'name = "Local"\n[[stage]]\nkey = "a"\nkey = "b"\n'
    with pytest.raises(ProcedureError, match="line 4: not valid TOML"):
        load_procedure(write(tmp_path, text))


@pytest.mark.parametrize("days", ["0", "61", "2.5", '"three"', "true"])
def test_a_timescale_must_be_a_whole_number_of_working_days(tmp_path: Path, days: str) -> None:
    text = 'name = "Local"\n' + GOOD_STAGE.format(key="practitioner", days=2)
    text += GOOD_STAGE.format(key="manager", days=days)
    with pytest.raises(ProcedureError) as caught:
        load_procedure(write(tmp_path, text))
    message = str(caught.value)
    assert "line 9: stage 2" in message
    assert "'respond_within_working_days' must be a whole number from 1 to 60" in message


def test_a_stage_without_who_to_contact_is_named(tmp_path: Path) -> None:
    text = 'name = "Local"\n[[stage]]\nkey = "manager"\ntitle = "Stage 2"\n'
    text += "respond_within_working_days = 3\n"
    with pytest.raises(ProcedureError, match="line 2: stage 1: 'who' must be non-empty text"):
        load_procedure(write(tmp_path, text))


def test_a_contact_without_a_name_is_named_with_its_line(tmp_path: Path) -> None:
    text = 'name = "Local"\n' + GOOD_STAGE.format(key="manager", days=3)
    text += '\n[[contact]]\nrole = "Front door"\n'
    with pytest.raises(ProcedureError, match="line 9: contact 1: 'name' must be non-empty text"):
        load_procedure(write(tmp_path, text))
