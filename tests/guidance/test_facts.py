"""The national facts file: every figure as the seed prints it, and a clear error when broken."""

from __future__ import annotations

import re
import tomllib
from pathlib import Path

import pytest

from scr_reflect.domain.factors import Factor
from scr_reflect.guidance.facts import FACTS_FILE, NO_FIGURE, FactsError, load_facts
from scr_reflect.resource_files import resources_dir
from tests.seed_index import cited_text, documents

FILE = resources_dir() / FACTS_FILE


def test_every_figure_quote_and_title_is_in_the_named_seed_word_for_word():
    """Against the passages each fact cites in the stored index of the seeds."""
    raw = tomllib.loads(FILE.read_text(encoding="utf-8"))
    for seed, source in raw["sources"].items():
        assert source["title"] in documents()[seed]["title"], seed
    analysis = documents()[raw["analysis"]]
    assert raw["published"] == f"{analysis['publisher']}, {analysis['year']}"
    base = raw["base"]
    assert base["quote"] in cited_text("facts.base", base["seed"])
    assert str(base["count"]) in base["quote"]
    quoted = noted = 0
    for factor, entry in raw["factors"].items():
        if entry.get("figure") is False:
            if "note" in entry:  # our own words, resting on a stored passage of its seed
                passage = cited_text(f"facts.{factor}", entry["seed"])
                assert passage, factor
                assert not shared_run(entry["note"], passage), factor
                assert not re.search(r"\d", entry["note"]), factor  # never a figure
                noted += 1
            continue
        assert entry["quote"] in cited_text(f"facts.{factor}", entry["seed"]), factor
        if "count" in entry:
            assert f"{entry['count']} ({entry['percent']}%)" == entry["quote"], factor
        else:
            assert entry["share"].casefold() in entry["quote"].casefold(), factor
        quoted += 1
    assert quoted == 14
    assert noted == 4


def shared_run(text: str, passage: str, run: int = 6) -> bool:
    """Whether `text` shares `run` words in a row with `passage`."""

    def runs(words: str) -> set[tuple[str, ...]]:
        found = re.findall(r"[a-z']+", words.lower())
        return {tuple(found[i : i + run]) for i in range(len(found) - run + 1)}

    return bool(runs(text) & runs(passage))


def test_each_factor_has_its_figure_or_says_the_source_gives_none():
    facts = load_facts(FILE)
    assert facts.base == 278
    assert facts.context(Factor.DOMESTIC_ABUSE, 9).beside == "59% of SCRs 2014-17"
    assert facts.context(Factor.PARENT_CRIMINAL_RECORD, 9).beside == "30% of SCRs 2014-17"
    assert "164 of the 278 reviews (59%)" in facts.context(Factor.DOMESTIC_ABUSE, 9).detail
    assert "Complexity and challenge" in facts.context(Factor.POVERTY, 9).detail
    assert facts.context(Factor.CHILD_BULLYING, 12).beside == (
        "Almost three out of every 10 SCRs 2014-17"
    )
    without = {f for f in Factor if facts.context(f, 15).beside == NO_FIGURE}
    assert without == {
        Factor.CARER_UNDER_STRAIN,
        Factor.NEW_ADULT_IN_HOUSEHOLD,
        Factor.CHILD_BEHAVIOUR,
        Factor.CHILD_SUBSTANCE_MISUSE,
        Factor.CHILD_EXPLOITATION,
        Factor.CHILD_GOING_MISSING,
        Factor.CHILD_ONLINE_UNKNOWN_ADULT,
        Factor.CHILD_HAS_HARMED,
    }


def test_a_factor_with_no_figure_may_say_what_the_reviews_found_with_its_source():
    facts = load_facts(FILE)
    new_adult = facts.context(Factor.NEW_ADULT_IN_HOUSEHOLD, 5)
    assert new_adult.beside == NO_FIGURE
    assert new_adult.detail.startswith("No national figure is given for this factor. ")
    assert "left out of the picture" in new_adult.detail
    assert new_adult.detail.endswith(
        "Source: Complexity and challenge: a triennial analysis of SCRs 2014-2017 "
        "(Department for Education, 2020)."
    )
    assert "foster carers" in facts.context(Factor.CARER_UNDER_STRAIN, 5).detail
    # Without a note, only that there is no figure.
    behaviour = facts.context(Factor.CHILD_BEHAVIOUR, 9).detail
    assert behaviour.endswith("gives no national figure for this factor.")


def test_a_child_below_the_counted_age_is_told_so_and_not_given_the_figure():
    facts = load_facts(FILE)
    young = facts.context(Factor.CHILD_MENTAL_HEALTH, 4)
    assert young.beside == "National figure counted only children aged 6 and over"
    assert "half" not in young.beside + young.detail
    older = facts.context(Factor.CHILD_MENTAL_HEALTH, 6)
    assert older.beside == "Nearly half of SCRs 2014-17"
    assert "aged 6 and over" in older.detail
    # Parental factors have no age rule.
    assert facts.context(Factor.PARENT_MENTAL_HEALTH, 0).beside == "55% of SCRs 2014-17"


def broken(tmp_path: Path, old: str, new: str) -> Path:
    text = FILE.read_text(encoding="utf-8")
    assert old in text
    path = tmp_path / "facts.toml"
    path.write_text(text.replace(old, new, 1), encoding="utf-8")
    return path


@pytest.mark.parametrize(
    ("old", "new", "message"),
    [
        ("[factors.poverty]", "[factors.wealth]", "unknown factors: wealth"),
        ("[factors.child_going_missing]\nfigure = false\n", "", "no entry for child_going_missing"),
        ("percent = 59", "percent = 62", "164 of 278 is not 62%"),
        ('seed = "000_9e80530412b9a4c2.txt"', 'seed = "999.txt"', "999.txt, which is not under"),
        ("count = 278", 'count = "many"', "'count' must be a whole number"),
        ('quote = "164 (59%)"', 'quote = ""', "'quote' must be non-empty text"),
        ("short_label =", "short_label = [", "not valid TOML"),
        ("figure = false\nnote =", "figure = false\nnotes =", "cannot also give a figure"),
        ("[factors.child_behaviour]\nfigure = false\n", "[factors.child_behaviour]\n", "'quote'"),
    ],
)
def test_a_broken_file_is_refused_naming_the_file_and_the_problem(tmp_path, old, new, message):
    path = broken(tmp_path, old, new)
    with pytest.raises(FactsError) as raised:
        load_facts(path)
    assert str(path) in str(raised.value)
    assert message in str(raised.value)


def test_a_missing_file_is_named(tmp_path):
    with pytest.raises(FactsError, match="facts file is missing"):
        load_facts(tmp_path / "nowhere.toml")
