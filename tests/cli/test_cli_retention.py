"""`scr-reflect retention`: the review list for scripts, and deleting only with --yes."""

from __future__ import annotations

import shutil
from datetime import date
from pathlib import Path

import pytest

from scr_reflect.cli import commands as cli
from scr_reflect.demo.stories.dates import date_of_birth
from scr_reflect.demo.stories.former_pupils import MARNIE, TOBIAS
from scr_reflect.demo.stories.spec import ChildSpec
from scr_reflect.domain.retention import review_date
from scr_reflect.services.workspace import unlock
from tests.fictional import PASSPHRASE


@pytest.fixture
def folder(demo_dir: Path, tmp_path: Path) -> Path:
    root = tmp_path / "data"
    shutil.copytree(demo_dir, root)
    return root


def ids_of(folder: Path) -> dict[str, int]:
    ws = unlock(folder, PASSPHRASE)
    try:
        summaries = ws.records.child_summaries(ws.records.search_children(""))
    finally:
        ws.close()
    return {s.full_name: s.id for s in summaries}


def run(capsys: pytest.CaptureFixture[str], *argv: str) -> tuple[int, str, str]:
    code = cli.main(["retention", *argv])
    out, err = capsys.readouterr()
    return code, out, err


def test_lists_the_former_pupils_past_their_date_by_id(scripted, demo_dir, capsys) -> None:
    ids = ids_of(demo_dir)

    code, out, err = run(capsys, "--data-dir", str(demo_dir))

    def review(story: ChildSpec) -> str:
        return review_date(
            date_of_birth(story.age, story.birthday_in_days, date.today())
        ).isoformat()

    assert (code, err) == (0, "")
    assert out.splitlines() == [
        f"{ids[TOBIAS.full_name]}\t{review(TOBIAS)}\tnot on hold",
        f"{ids[MARNIE.full_name]}\t{review(MARNIE)}\ton hold",
    ]
    assert TOBIAS.full_name not in out and MARNIE.full_name not in out


def test_delete_without_yes_says_what_would_go_and_deletes_nothing(
    scripted, folder, capsys
) -> None:
    tobias = ids_of(folder)[TOBIAS.full_name]

    code, out, err = run(capsys, "--delete", str(tobias), "--data-dir", str(folder))

    assert (code, out) == (cli.EXIT_BAD_INPUT, "")
    assert "would remove their details, 2 concerns, 4 chronology entries" in err
    assert "add --yes" in err and TOBIAS.full_name not in err
    assert "Copies may remain in: " in err
    assert f" in {folder / 'backups'}, until each is pruned" in err
    assert TOBIAS.full_name in ids_of(folder)


def test_delete_with_yes_removes_the_child_and_the_list_moves_on(scripted, folder, capsys):
    ids = ids_of(folder)
    tobias = ids[TOBIAS.full_name]

    code, out, err = run(capsys, "--delete", str(tobias), "--yes", "--data-dir", str(folder))

    assert (code, err) == (0, "")
    assert out.startswith(f"Deleted child {tobias}: their details, 2 concerns")
    assert "Copies may remain in: " in out and "another folder or a USB stick" in out
    assert TOBIAS.full_name not in ids_of(folder)
    _code, listed, _err = run(capsys, "--data-dir", str(folder))
    assert [line.split("\t")[0] for line in listed.splitlines()] == [str(ids[MARNIE.full_name])]


@pytest.mark.parametrize(
    ("who", "code", "said"),
    [
        (MARNIE.full_name, cli.EXIT_FAILED, "on hold"),
        ("Zoë Łukasiewicz-Nguyễn", cli.EXIT_FAILED, "has not come"),
        (None, cli.EXIT_BAD_INPUT, "There is no child with id 999"),
    ],
)
def test_delete_refuses_a_child_not_due_or_on_hold_even_with_yes(
    scripted, folder, capsys, who: str | None, code: int, said: str
) -> None:
    before = ids_of(folder)
    child_id = before[who] if who else 999

    result, out, err = run(capsys, "--delete", str(child_id), "--yes", "--data-dir", str(folder))

    assert (result, out) == (code, "")
    assert said in err and err.count("\n") == 1
    assert ids_of(folder) == before


def test_an_empty_review_says_so_on_stderr_only(scripted, tmp_path, capsys) -> None:
    root = tmp_path / "data"
    assert (
        cli.main(
            [
                "init",
                "--school",
                "Larkspur Vale",
                "--dsl",
                "Ada Testperson",
                "--data-dir",
                str(root),
            ]
        )
        == 0
    )
    capsys.readouterr()

    code, out, err = run(capsys, "--data-dir", str(root))

    assert (code, out) == (0, "")
    assert "No child's records are past their review date" in err
