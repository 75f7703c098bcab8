"""Every figure a prompt quotes is in its seed word for word, read from the TOML itself.

Checked against the passages each prompt cites in the stored index of the seeds
(tests/data/seed_index.toml); test_seed_documents.py checks those against the documents."""

from __future__ import annotations

import re
import tomllib

from scr_reflect.domain.walkthrough import FIXED_QUESTIONS
from scr_reflect.guidance.prompt_library import LIBRARY_FILE, SHIPPED_FOLDER
from scr_reflect.guidance.seed_sources import SEED_DOCUMENTS
from scr_reflect.resource_files import resources_dir
from tests.seed_index import cited_text, documents, passages

SHIPPED = resources_dir() / SHIPPED_FOLDER


def sources() -> list[tuple[str, dict[str, str]]]:
    """(question key, its seed-finding source) for every shipped prompt, straight from the
    files, and every fixed question of the walk-through that rests on a seed finding."""
    found = []
    for path in sorted(SHIPPED.glob("*.toml")):
        if path.name != LIBRARY_FILE:
            data = tomllib.loads(path.read_text(encoding="utf-8"))
            found += [
                (prompt["id"], prompt["source"])
                for prompt in data["prompt"]
                if prompt["source"].get("kind", "seed_finding") == "seed_finding"
            ]
    for fixed in FIXED_QUESTIONS:
        if fixed.source.seed:
            source = {"seed": fixed.source.seed, "finding": fixed.source.finding}
            found.append((fixed.key, source | {"figure": fixed.source.figure}))
    return found


def test_every_prompt_cites_a_stored_passage_of_its_seed():
    cited = {citer for passage in passages() for citer in passage.cited_by}
    for prompt_id, source in sources():
        assert source["seed"] in documents(), prompt_id
        assert cited_text(prompt_id, source["seed"]), prompt_id
    # Nothing in the index is cited by a prompt that is gone.
    prompt_ids = {prompt_id for prompt_id, _ in sources()}
    assert {c for c in cited if not c.startswith("facts.")} <= prompt_ids


def test_every_quoted_figure_appears_word_for_word_in_its_seed():
    quoted = {}
    for prompt_id, source in sources():
        figure = source.get("figure", "")
        if figure:
            passage = cited_text(prompt_id, source["seed"])
            assert figure in passage, (prompt_id, figure, source["seed"])
            quoted[prompt_id] = figure
    assert len(quoted) >= 12
    # The headline figures of the analysis are among them.
    assert {"164 (59%)", "74.8%", "31%", "12%", "16%", "86%", "81%"} <= set(quoted.values())


def test_a_figure_is_a_figure_not_a_sentence():
    for prompt_id, source in sources():
        figure = source.get("figure", "")
        assert re.fullmatch(r"(\d+ \()?\d+(\.\d+)?%\)?", figure) or not figure, prompt_id


def test_every_number_in_a_finding_comes_from_its_seed():
    """A finding is in our own words, but any number in it ("aged 11 or over", "three out of
    every 10", "2016") must be one the seed gives."""
    for prompt_id, source in sources():
        text = cited_text(prompt_id, source["seed"])
        for number in re.findall(r"\d+(?:\.\d+)?", source["finding"]):
            assert re.search(rf"(?<![\d.]){re.escape(number)}(?![\d])", text), (prompt_id, number)


def test_a_figure_given_in_words_is_quoted_as_the_seed_gives_it():
    phrases = ("almost two thirds", "nearly half", "almost three out of every 10")
    for prompt_id, source in sources():
        finding = source["finding"].casefold()
        for phrase in phrases:
            if phrase in finding:
                passage = cited_text(prompt_id, source["seed"]).casefold()
                assert phrase in passage, (prompt_id, phrase)


# A finding may put its figure in words; the words must fit the figure beside them.
SHARES = {
    "about three quarters": (70.0, 80.0),
    "over half": (50.1, 60.0),
    "over a third": (33.4, 40.0),
    "nearly a third": (28.0, 33.3),
    "more than a quarter": (25.1, 30.0),
    "nearly a quarter": (20.0, 24.9),
    "about one review in six": (15.0, 18.0),
}


def test_a_share_in_words_fits_the_figure_quoted_with_it():
    checked = 0
    for prompt_id, source in sources():
        for phrase, (low, high) in SHARES.items():
            if phrase in source["finding"]:
                percent = float(re.findall(r"(\d+(?:\.\d+)?)%", source["figure"])[-1])
                assert low <= percent <= high, (prompt_id, phrase, source["figure"])
                checked += 1
    assert checked >= 6


def test_the_product_cites_every_indexed_document_and_no_other():
    assert set(SEED_DOCUMENTS) == set(documents())
