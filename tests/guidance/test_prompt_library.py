"""The shipped prompt library, and how a broken prompt folder is reported: file, line, problem."""

from __future__ import annotations

import os
import re
import shutil
from pathlib import Path

import pytest

from scr_reflect.domain.enums import Category
from scr_reflect.domain.prompts import Conditions, SourceKind, Step
from scr_reflect.domain.walkthrough import FIXED_QUESTIONS
from scr_reflect.guidance.prompt_library import (
    LIBRARY_FILE,
    SHIPPED_FOLDER,
    LibraryError,
    LibraryProblem,
    check_folder,
    fingerprint,
    load_library,
    validate_folder,
)
from scr_reflect.guidance.seed_sources import SEED_DOCUMENTS, cite
from scr_reflect.resource_files import resources_dir
from tests.seed_index import documents, index_folder, passages

SHIPPED = resources_dir() / SHIPPED_FOLDER
NEGLECT_SEED = "001_c245019e2253aa29.txt"  # its lines 26-41 are the neglect cases' findings

# Each shipped version's content. Changed a shipped prompt? Raise the version in
# resources/prompts/library.toml and add its fingerprint here: answers are stored with the
# version, so two different libraries must never share one.
VERSIONS = {"2026.11.1": "9de37ecf", "2026.12.1": "8945842d", "2026.12.2": "5d5760c6"}

THEMES = {
    "Cumulative risk",
    "Going missing",
    "Thresholds and escalation",
    "Triangulating accounts",
    "Neglect and poverty",
    "Vulnerable adolescents and exploitation",
    "Children in care, guardianship and court orders",
    "Fathers, male carers and other adults",
    "Information sharing",
    "Previous social-care involvement",
    "Online harm",
    "Harmful sexual behaviour",
    "Mental health and self-harm",
    "Bullying",
    "Early signs",
    "Voice of the child",
}

# Words that would make a prompt sound like a prediction or a score, which the tool never is.
NOT_SAID = re.compile(r"\b(predict\w*|scor(e|es|ed|ing)|probabilit\w*|high[- ]risk|low[- ]risk)\b")


@pytest.fixture(scope="module")
def library():
    return load_library(SHIPPED)


@pytest.fixture(scope="module")
def seeds(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The seeds folder as the stored index gives it: titles and the passages cited."""
    return index_folder(tmp_path_factory.mktemp("index"))


def test_the_shipped_library_loads_with_its_version(library):
    assert library.version in VERSIONS
    assert not any(prompt.local for prompt in library.prompts)


def test_the_version_changes_whenever_the_shipped_prompts_do(library):
    assert VERSIONS[library.version] == fingerprint(SHIPPED), (
        "The shipped prompts changed: raise the version in library.toml and record "
        f"{fingerprint(SHIPPED)!r} for it in VERSIONS."
    )


def test_at_least_40_prompts_covering_every_theme_with_unique_ids(library):
    ids = [prompt.id for prompt in library.prompts]
    assert len(ids) >= 40
    assert len(set(ids)) == len(ids)
    assert {prompt.theme for prompt in library.prompts} == THEMES
    # One file per theme.
    themes_by_file = [path for path in SHIPPED.glob("*.toml") if path.name != LIBRARY_FILE]
    assert len(themes_by_file) == len(THEMES)


def test_ids_do_not_collide_with_the_walk_throughs_fixed_questions(library):
    assert not {p.id for p in library.prompts} & {q.key for q in FIXED_QUESTIONS}


def test_prompts_reach_several_steps_and_each_needs_a_fact_that_calls_for_it(library):
    steps = {prompt.step for prompt in library.prompts}
    assert {Step.THEMES, Step.CUMULATIVE, Step.ACCOUNTS, Step.DECISION} <= steps
    assert Step.LIVED_EXPERIENCE in steps

    def names_a_fact(when: Conditions) -> bool:
        facts = (when.any_category, when.any_factor, when.all_flags, when.any_flag)
        return any(facts) or when.min_factors is not None

    # A question for every concern is one of the walk-through's fixed questions. Only how to
    # hear a young child is called for by the child's age alone.
    by_age_alone = {
        p.id for p in library.prompts if not all(map(names_a_fact, (p.when, *p.or_when)))
    }
    assert by_age_alone == {"voice.young-child"}


def test_a_finding_about_neglect_cases_is_asked_only_where_neglect_is_a_concern(library):
    neglect_passages = {p for p in passages() if p.seed == NEGLECT_SEED and 26 <= p.line <= 41}
    citers = {citer for passage in neglect_passages for citer in passage.cited_by}
    prompts = [p for p in library.prompts if p.id in citers]
    assert len(prompts) >= 8
    for prompt in prompts:
        for when in (prompt.when, *prompt.or_when):
            assert when.any_category == {Category.NEGLECT}, prompt.id


def test_every_question_says_where_it_comes_from_with_publisher_and_year(library):
    sources = [(p.id, p.source) for p in library.prompts]
    sources += [(q.key, q.source) for q in FIXED_QUESTIONS]
    kinds = {source.kind for _key, source in sources}
    assert kinds == set(SourceKind) - {SourceKind.LOCAL_FINDING}  # for local prompts only
    for key, source in sources:
        line = cite(source)
        assert line.startswith(f"{source.kind.label}: "), key
        if source.kind is SourceKind.PRACTICE_QUESTION:
            continue
        assert source.finding, key
        if source.kind is SourceKind.SEED_FINDING:
            assert source.seed in documents(), key
            document = SEED_DOCUMENTS[source.seed]
            publisher, year = document.publisher, document.year
        else:
            publisher, year = source.publisher, source.year
            assert re.fullmatch(r"20\d\d", year), key
        assert publisher and year, key
        assert f"({publisher}, {year})" in line, key


def test_statutory_guidance_is_cited_by_publisher_and_edition(library):
    kcsie = [p for p in library.prompts if p.source.kind is SourceKind.STATUTORY_GUIDANCE]
    assert {p.id for p in kcsie} >= {"online.kcsie-steps"}
    for prompt in kcsie:
        assert cite(prompt.source) == (
            "Statutory guidance: Keeping children safe in education: statutory guidance for "
            "schools and colleges (Department for Education, 2019)"
        )


def test_the_shipped_folder_passes_validation_against_the_seeds(seeds):
    assert validate_folder(SHIPPED, seeds) == []


def test_each_prompt_reads_as_a_question_with_a_short_reason_and_no_prediction(library):
    for prompt in library.prompts:
        assert prompt.question.endswith("?"), prompt.id
        sentences = re.split(r"(?<=[.?!])\s+", prompt.why)
        assert 2 <= len(sentences) <= 3, prompt.id
        text = f"{prompt.question} {prompt.why} {prompt.source.finding}".lower()
        assert not NOT_SAID.search(text), prompt.id
        assert "behavior" not in text and "color" not in text, prompt.id  # British English


def copied_runs(library, texts: list[str], run: int = 8) -> list[tuple[str, str]]:
    """(prompt id, its text) for each prompt sentence sharing `run` words in a row with
    any of `texts`. Facts and figures may come from the seeds; the sentences are our own."""
    seen: set[tuple[str, ...]] = set()
    for text in texts:
        words = _words(text)
        seen |= {tuple(words[i : i + run]) for i in range(len(words) - run + 1)}
    found = []
    for prompt in library.prompts:
        for text in (prompt.question, prompt.why, prompt.source.finding):
            words = _words(text)
            if any(tuple(words[i : i + run]) in seen for i in range(len(words) - run + 1)):
                found.append((prompt.id, text))
    return found


def _words(text: str) -> list[str]:
    return re.findall(r"[a-z0-9%']+", text.lower().replace("\u2019", "'"))


def test_no_sentence_is_copied_from_a_passage_it_rests_on(library):
    """Here against the stored passages; test_seed_documents.py checks the whole documents."""
    assert copied_runs(library, [passage.text for passage in passages()]) == []


def test_licensed_tools_are_only_named_with_their_use_recorded(library):
    tools = ("Graded Care Profile", "traffic light tool", "DASH", "Signs of Safety")
    for prompt in library.prompts:
        named = [tool for tool in tools if tool in prompt.question]
        if named:
            assert "Record whether" in prompt.why, prompt.id


# --- a broken folder --------------------------------------------------------------------

GOOD = """\
theme = "Local learning"

[[prompt]]
id = "local.first"
step = "themes"
question = "What does the local review of 2024 ask of schools here?"
why = "Local learning matters. It is ours."
[prompt.source]
seed = "001_c245019e2253aa29.txt"
finding = "A local finding"
figure = "164 (59%)"
[prompt.when]
min_age = 4
any_flag = ["missing_recently", "first_concern"]

[[prompt]]
id = "local.second"
step = "decision"
question = "Who else should know?"
why = "Someone may. Ask."
[prompt.source]
seed = "003_4350a0763766385e.txt"
finding = "Another finding"
"""


def folder_with(tmp_path: Path, *texts: str) -> Path:
    folder = tmp_path / "prompts"
    folder.mkdir(exist_ok=True)
    for number, text in enumerate(texts, 1):
        (folder / f"{number:02}_local.toml").write_text(text, encoding="utf-8")
    return folder


def line_of(text: str, fragment: str) -> int:
    return next(n for n, line in enumerate(text.splitlines(), 1) if fragment in line)


def only_problem(folder: Path, **options) -> LibraryProblem:
    problems = validate_folder(folder, **options)
    assert len(problems) == 1, problems
    return problems[0]


def test_a_good_local_folder_has_no_problems(tmp_path, seeds):
    assert validate_folder(folder_with(tmp_path, GOOD), seeds) == []


def test_broken_toml_is_reported_at_the_line_tomllib_gives(tmp_path):
    text = GOOD.replace('step = "decision"', 'step = "decision')
    problem = only_problem(folder_with(tmp_path, text))
    assert problem.line == line_of(text, 'step = "decision')
    assert "not valid TOML" in problem.message
    assert str(problem).startswith(f"{problem.file}:{problem.line}: ")


@pytest.mark.parametrize(
    ("old", "new", "at", "message"),
    [
        (
            'question = "Who else',
            'colour = "red"\nquestion = "Who else',
            "colour",
            "prompt 'local.second': unknown field 'colour'; a prompt has: id, theme, step",
        ),
        (
            'step = "decision"',
            'step = "decide"',
            'step = "decide"',
            "step 'decide' is not one of: what_happened, lived_experience, cumulative, themes",
        ),
        (
            '"first_concern"]',
            '\n  "first_concern",\n  "went_walkabout",\n]',
            "went_walkabout",
            "'went_walkabout' in any_flag is not a flag; the flags are: first_concern,",
        ),
        ("min_age = 4", "min_age = 30", "min_age", "'min_age' must be a whole number from 0 to 25"),
        ("min_age = 4", "min_age = 4\nmax_age = 3", "min_age", "min_age 4 is above max_age 3"),
        (
            "[prompt.when]",
            '[prompt.when]\nany_category = ["bruises"]',
            "bruises",
            "'bruises' in any_category is not a category",
        ),
        (
            "[prompt.when]",
            '[prompt.when]\nany_factor = ["poverty", "wealth"]',
            "wealth",
            "'wealth' in any_factor is not a factor",
        ),
        ("[prompt.when]", "[prompt.when]\nolder_than = 3", "older_than", "unknown condition"),
        ('figure = "164 (59%)"', 'figure = "164 (60%)"', "figure", "does not appear word for"),
        (
            'seed = "003_4350a0763766385e.txt"',
            'seed = "local-review-2024.pdf"',
            "local-review-2024.pdf",
            "seed 'local-review-2024.pdf' is not in",
        ),
        ('id = "local.second"', 'id = "Local Second"', "Local Second", "an id has lower-case"),
        ('why = "Someone may. Ask."\n', "", ('id = "local.second"', -1), "'why' is missing"),
        ('question = "Who else should know?"', "question = 3", "question = 3", "non-empty text"),
        ('theme = "Local learning"', "subject = 1", "subject", "unknown field 'subject'"),
        (
            'seed = "003_4350a0763766385e.txt"',
            'kind = "hearsay"',
            "hearsay",
            "source 'kind' must be one of: seed_finding, statutory_guidance, local_finding,",
        ),
        (
            'seed = "003_4350a0763766385e.txt"\nfinding = "Another finding"',
            'kind = "statutory_guidance"\ntitle = "Local guidance"\npublisher = "A partnership"'
            '\nyear = "recent"\nfinding = "Another finding"',
            'year = "recent"',
            "source 'year' must be the four-digit year of the edition cited",
        ),
        (
            'seed = "003_4350a0763766385e.txt"\nfinding = "Another finding"',
            'kind = "statutory_guidance"\nfinding = "Another finding"',
            ('kind = "statutory_guidance"', -1),
            "source 'title' must be non-empty text",
        ),
        (
            'seed = "003_4350a0763766385e.txt"',
            'kind = "practice_question"\nseed = "003_4350a0763766385e.txt"',
            'seed = "003',
            "unknown field 'seed' in a practice question source",
        ),
        ("min_age = 4", "min_factors = 1", "min_factors", "'min_factors' must be a whole number"),
    ],
)
def test_each_schema_problem_is_reported_at_its_line(tmp_path, seeds, old, new, at, message):
    assert old in GOOD
    text = GOOD.replace(old, new, 1)
    problems = validate_folder(folder_with(tmp_path, text), seeds)
    assert any(message in p.message for p in problems), problems
    problem = next(p for p in problems if message in p.message)
    assert problem.file == tmp_path / "prompts" / "01_local.toml"
    fragment, offset = at if isinstance(at, tuple) else (at, 0)
    assert problem.line == line_of(text, fragment) + offset


def test_a_seed_the_product_cannot_cite_with_its_publisher_is_refused(tmp_path):
    text = GOOD.replace('"003_4350a0763766385e.txt"', '"local-review-2024.pdf"')
    problem = only_problem(folder_with(tmp_path, text))
    assert problem.line == line_of(text, "local-review-2024.pdf")
    assert "is not in the seed documents cited with their publisher and year" in problem.message
    assert 'kind = "local_finding"' in problem.message


def test_a_prompt_may_be_called_for_by_any_of_several_sets_of_facts(tmp_path, seeds):
    text = GOOD.replace(
        "[prompt.when]\nmin_age = 4",
        '[[prompt.when]]\nany_category = ["neglect"]\n\n'
        "[[prompt.when]]\nmin_factors = 2\nmin_age = 4",
    )
    (prompt, _second) = load_library_from(folder_with(tmp_path, text), seeds)
    assert prompt.when == Conditions(any_category=frozenset({Category.NEGLECT}))
    assert prompt.or_when[0].min_factors == 2
    practice = GOOD.replace(
        'seed = "003_4350a0763766385e.txt"\nfinding = "Another finding"',
        'kind = "practice_question"',
    )
    (tmp_path / "other").mkdir()
    (_first, second) = load_library_from(folder_with(tmp_path / "other", practice), seeds)
    assert second.source.kind is SourceKind.PRACTICE_QUESTION


def load_library_from(folder: Path, seeds: Path) -> tuple:
    checked = check_folder(folder, seeds)
    assert checked.problems == ()
    return checked.prompts


def test_a_duplicate_id_in_another_file_names_both_places(tmp_path):
    other = GOOD.replace('id = "local.first"', 'id = "local.third"')
    folder = folder_with(tmp_path, GOOD, other)
    problem = only_problem(folder)
    assert problem.file == folder / "02_local.toml"
    assert problem.line == line_of(other, 'id = "local.second"')
    first = line_of(GOOD, 'id = "local.second"')
    assert problem.message == (
        f"prompt id 'local.second' is used twice; first at {folder / '01_local.toml'}:{first}"
    )


def test_local_prompts_may_not_reuse_a_shipped_id_or_a_fixed_question(tmp_path):
    text = GOOD.replace('"local.first"', '"missing.pattern"').replace(
        '"local.second"', '"decision.reasons"'
    )
    shipped_ids = {p.id for p in load_library(SHIPPED).prompts}
    problems = validate_folder(folder_with(tmp_path, text), shipped_ids=shipped_ids)
    assert [(p.line, p.message) for p in problems] == [
        (
            line_of(text, "missing.pattern"),
            "prompt id 'missing.pattern' is a shipped prompt's id; choose another",
        ),
        (
            line_of(text, "decision.reasons"),
            "prompt id 'decision.reasons' is a fixed question of the walk-through; choose another",
        ),
    ]


def test_a_local_folder_takes_its_version_from_its_content_not_a_file(tmp_path):
    folder = folder_with(tmp_path, GOOD)
    (folder / LIBRARY_FILE).write_text('[library]\nversion = "9"\n', encoding="utf-8")
    problem = only_problem(folder, shipped_ids=set())
    assert problem.file == folder / LIBRARY_FILE
    assert "take their version from their content" in problem.message


def test_an_empty_or_missing_folder_is_a_problem_without_a_line(tmp_path):
    (tmp_path / "empty").mkdir()
    assert str(only_problem(tmp_path / "empty")).endswith(
        "empty: there are no prompt files (*.toml) here"
    )
    assert only_problem(tmp_path / "nowhere").message == "there is no such folder"


# --- loading ----------------------------------------------------------------------------


def test_local_prompts_follow_the_shipped_ones_and_change_the_version(tmp_path, library):
    folder = folder_with(tmp_path, GOOD)
    both = load_library(SHIPPED, folder)
    assert both.prompts[: len(library.prompts)] == library.prompts
    local = both.prompts[len(library.prompts) :]
    assert [(p.id, p.local, p.theme) for p in local] == [
        ("local.first", True, "Local learning"),
        ("local.second", True, "Local learning"),
    ]
    assert both.version == f"{library.version}+local.{fingerprint(folder)}"
    (folder / "01_local.toml").write_text(GOOD.replace("Local learning", "Ours"), encoding="utf-8")
    assert load_library(SHIPPED, folder).version != both.version


def test_a_missing_or_empty_local_folder_adds_nothing(tmp_path, library):
    assert load_library(SHIPPED, tmp_path / "none") == library
    assert load_library(SHIPPED, tmp_path) == library


def test_a_broken_shipped_library_fails_loudly_naming_file_and_line(tmp_path):
    copy = tmp_path / "shipped"
    shutil.copytree(SHIPPED, copy)
    target = copy / "03_going_missing.toml"
    text = target.read_text(encoding="utf-8")
    target.write_text(text.replace('step = "cumulative"', 'step = "later"', 1), encoding="utf-8")
    line = line_of(text, 'step = "cumulative"')
    with pytest.raises(LibraryError) as raised:
        load_library(copy)
    assert str(raised.value) == (
        f"{target}:{line}: prompt 'missing.pattern': "
        "step 'later' is not one of: what_happened, lived_experience, cumulative, themes, "
        "accounts, decision, next_steps"
    )


def test_the_shipped_library_needs_its_version_file(tmp_path):
    copy = tmp_path / "shipped"
    shutil.copytree(SHIPPED, copy)
    (copy / LIBRARY_FILE).unlink()
    with pytest.raises(LibraryError, match=r"library.toml:1: missing"):
        load_library(copy)
    (copy / LIBRARY_FILE).write_text('[library]\nversion = "two words"\n', encoding="utf-8")
    with pytest.raises(LibraryError, match=r"library.toml:2: give \[library\] version"):
        load_library(copy)


def test_a_broken_local_folder_is_refused_too(tmp_path):
    folder = folder_with(tmp_path, GOOD.replace('step = "themes"', 'step = "thmes"'))
    with pytest.raises(LibraryError, match=r"01_local.toml:\d+: prompt 'local.first': step"):
        load_library(SHIPPED, folder)


# --- hostile files: each is set aside, and never hangs, recurses or fills the memory ---------


def _deeply_nested(path: Path) -> None:
    path.write_text("x = " + "[" * 5000, encoding="utf-8")


def _too_large(path: Path) -> None:
    path.write_text(GOOD + "# padding\n" * 30_000, encoding="utf-8")


def _a_pipe(path: Path) -> None:
    os.mkfifo(path)


def _a_link_to_dev_zero(path: Path) -> None:
    path.symlink_to("/dev/zero")


HOSTILE = {
    "nested": (_deeply_nested, "nested too deeply"),
    "large": (_too_large, "larger than 256 KiB"),
    "fifo": (_a_pipe, "not a regular file"),
    "dev-zero": (_a_link_to_dev_zero, "is a link, not a regular file"),
}


@pytest.mark.skipif(os.name != "posix", reason="pipes and /dev/zero")
@pytest.mark.parametrize("kind", HOSTILE)
def test_a_hostile_prompt_file_is_a_problem_at_its_name(tmp_path, library, kind):
    make, said = HOSTILE[kind]
    folder = folder_with(tmp_path, GOOD)
    make(folder / "x.toml")
    [problem] = [p for p in validate_folder(folder) if p.file.name == "x.toml"]
    assert problem.line == 1 and said in problem.message
    with pytest.raises(LibraryError, match=r"x\.toml:1: set aside"):
        load_library(SHIPPED, folder)
