"""`scr-reflect show CHILD_ID`: a child's records as plain text, for scripts and terminals."""

from __future__ import annotations

from pathlib import Path

import pytest

from scr_reflect.cli import commands as cli

NAME_WITH_ACCENTS = "Zoë Łukasiewicz-Nguyễn"

SECTIONS = (
    "CONCERNS",
    "CUMULATIVE FACTORS",
    "MISSING EPISODES",
    "MISSING EDUCATION AND PART-DAY ABSENCES",
    "ACCOUNTS",
    "REFERRALS",
    "INFORMATION SHARING DECISIONS",
    "CHRONOLOGY",
)


def _id_of(name: str, demo_dir: Path, capsys: pytest.CaptureFixture[str]) -> str:
    assert cli.main(["children", "--data-dir", str(demo_dir)]) == 0
    rows = [line.split("\t") for line in capsys.readouterr().out.splitlines()]
    return next(row[0] for row in rows if row[1] == name)


def _show(name: str, demo_dir: Path, capsys: pytest.CaptureFixture[str]) -> list[str]:
    child_id = _id_of(name, demo_dir, capsys)
    assert cli.main(["show", child_id, "--data-dir", str(demo_dir)]) == 0
    out, err = capsys.readouterr()
    assert err == ""
    return out.splitlines()


def test_show_prints_the_child_then_every_section_in_order(
    scripted: None, demo_dir: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    lines = _show(NAME_WITH_ACCENTS, demo_dir, capsys)

    assert lines[0].startswith(NAME_WITH_ACCENTS)
    headings = [line.split(" (")[0] for line in lines if line.split(" (")[0] in SECTIONS]
    assert headings == list(SECTIONS)
    text = "\n".join(lines)
    assert "Last 90 days: 3" in text and "going missing more often" in text
    assert "MISSED: not held within 72 hours" in text
    assert "Source: Complexity and challenge" in text  # national context, with its source
    assert "Not a score." in text


def test_show_marks_contradicted_claims_and_an_escalation_awaiting_a_reply(
    scripted: None, demo_dir: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    harvey = "\n".join(_show("Harvey Quennell", demo_dir, capsys))
    noah = "\n".join(_show("Noah Featherstone", demo_dir, capsys))
    amira = "\n".join(_show("Amira Castellanos-Reid", demo_dir, capsys))

    assert "✗ contradicted: The children were asleep" in harvey
    assert harvey.count("Children's social care: Threshold not met") == 2
    assert "in progress" in noah and "Response: OVERDUE" in noah
    assert "Decided NOT to share with Amira's father" in amira


def test_show_prints_the_chronology_oldest_first(
    scripted: None, demo_dir: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    lines = _show("Poppy Fairweather-Mensah", demo_dir, capsys)

    chronology = lines[lines.index(next(x for x in lines if x.startswith("CHRONOLOGY"))) + 1 :]
    stamps = [line[:16] for line in chronology if not line.startswith(" ")]
    # A line known only by its day (a body map mark, a factor) comes first on that day.
    times = [s[11:16] if s[11].isdigit() else "" for s in stamps]
    as_sortable = [
        f"{s[6:10]}{s[3:5]}{s[0:2]}{time}" for s, time in zip(stamps, times, strict=True)
    ]
    assert len(stamps) > 5 and as_sortable == sorted(as_sortable)


def test_show_an_unknown_child_is_one_line_on_stderr(
    scripted: None, demo_dir: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    assert cli.main(["show", "99999", "--data-dir", str(demo_dir)]) == 1

    out, err = capsys.readouterr()
    assert out == "" and err.count("\n") == 1 and "no child with id 99999" in err
