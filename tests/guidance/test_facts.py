"""The national facts file: every figure as the seed prints it, and a clear error when broken."""

from __future__ import annotations

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
    quoted = 0
    for factor, entry in raw["factors"].items():
        if entry == {"figure": False}:
            continue
        assert entry["quote"] in cited_text(f"facts.{factor}", entry["seed"]), factor
        if "count" in entry:
            assert f"{entry['count']} ({entry['percent']}%)" == entry["quote"], factor
        else:
            assert entry["share"].casefold() in entry["quote"].casefold(), factor
        quoted += 1
    assert quoted == 14


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
        Factor.CHILD_BEHAVIOUR,
        Factor.CHILD_SUBSTANCE_MISUSE,
        Factor.CHILD_EXPLOITATION,
        Factor.CHILD_GOING_MISSING,
    }


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
