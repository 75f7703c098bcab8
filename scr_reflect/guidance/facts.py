"""National context for the cumulative factors, loaded from resources/facts and checked.

The figures say how often each factor featured in the serious case reviews of 2014-2017.
They are context with their source, never a measure of the child in front of the DSL.
"""

from __future__ import annotations

import tomllib
from collections.abc import Mapping
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from ..domain.factors import MINIMUM_AGE_COUNTED, Factor, national_figure_applies

FACTS_FILE = "facts/scr_2014_2017.toml"
NO_FIGURE = "No national figure in the source"


class FactsError(ValueError):
    """The facts file cannot be used; the message names the file and what is wrong."""


@dataclass(frozen=True, slots=True)
class NationalFigure:
    factor: Factor
    quote: str  # as the seed prints it, checked word for word by the tests
    seed: str
    count: int | None = None
    percent: int | None = None
    share: str = ""  # a figure the seed gives only in words, read before "SCRs 2014-17"


@dataclass(frozen=True, slots=True)
class ContextNote:
    """What the reviews say about a factor they give no figure for, in our own words."""

    factor: Factor
    text: str
    seed: str


@dataclass(frozen=True, slots=True)
class FactorContext:
    beside: str  # short, beside the factor: "59% of SCRs 2014-17"
    detail: str  # a sentence or two with the source


@dataclass(frozen=True)
class NationalFacts:
    short_label: str
    analysis: str  # the seed that is the analysis itself
    published: str
    base: int
    base_quote: str
    base_seed: str
    sources: Mapping[str, str]  # seed file -> the title it carries
    figures: Mapping[Factor, NationalFigure]  # a factor with no figure is absent
    notes: Mapping[Factor, ContextNote] = field(default_factory=dict)

    @property
    def citation(self) -> str:
        return f"{self.sources[self.analysis]} ({self.published})"

    def footnote(self) -> str:
        return (
            f"National context: how often each factor featured in the {self.base} serious case "
            f"reviews in England from April 2014 to March 2017 that had a final report. "
            f"Source: {self.citation}."
        )

    def context(self, factor: Factor, age: int) -> FactorContext:
        figure = self.figures.get(factor)
        if figure is None:
            note = self.notes.get(factor)
            if note is None:
                detail = f"{self.citation} gives no national figure for this factor."
            else:
                detail = (
                    f"No national figure is given for this factor. {note.text} "
                    f"Source: {self._source_of(note.seed)}."
                )
            return FactorContext(NO_FIGURE, detail)
        minimum = MINIMUM_AGE_COUNTED.get(factor)
        if not national_figure_applies(factor, age):
            only = f"National figure counted only children aged {minimum} and over"
            return FactorContext(only, f"{only}, so it is not shown for a child of {age}.")
        if figure.count is not None:
            beside = f"{figure.percent}% of {self.short_label}"
            detail = f"Featured in {figure.count} of the {self.base} reviews ({figure.percent}%)."
        else:
            beside = f"{figure.share[0].upper()}{figure.share[1:]} {self.short_label}"
            detail = f"{beside} included it."
        if minimum is not None:
            detail += f" Counted only for children aged {minimum} and over."
        return FactorContext(beside, f"{detail} Source: {self._source_of(figure.seed)}.")

    def _source_of(self, seed: str) -> str:
        if seed == self.analysis:
            return self.citation
        return f"{self.sources[seed]}, summarising {self.citation}"


def load_facts(path: Path) -> NationalFacts:
    try:
        data = tomllib.loads(path.read_text(encoding="utf-8"))
    except FileNotFoundError as error:
        raise FactsError(f"{path}: the national facts file is missing.") from error
    except tomllib.TOMLDecodeError as error:
        raise FactsError(f"{path}: not valid TOML ({error}).") from error
    return parse_facts(data, str(path))


def parse_facts(data: dict[str, Any], where: str) -> NationalFacts:
    raw_sources = data.get("sources")
    if not isinstance(raw_sources, dict) or not raw_sources:
        raise FactsError(f'{where}: list the seed documents under [sources."<file>"].')
    sources = {
        seed: _text(raw, "title", f"{where}: source {seed}") for seed, raw in raw_sources.items()
    }
    analysis = _seed(data, "analysis", where, sources)
    base = data.get("base")
    if not isinstance(base, dict):
        raise FactsError(f"{where}: give the number of reviews under [base].")
    base_count = _whole(base, "count", f"{where}: base", 1, 10_000)
    raw_factors = data.get("factors")
    if not isinstance(raw_factors, dict):
        raise FactsError(f"{where}: give each factor under [factors.<factor>].")
    unknown = sorted(set(raw_factors) - {f.value for f in Factor})
    if unknown:
        raise FactsError(f"{where}: unknown factors: {', '.join(unknown)}.")
    missing = [f.value for f in Factor if f.value not in raw_factors]
    if missing:
        raise FactsError(
            f"{where}: no entry for {', '.join(missing)} (write figure = false if the source "
            "gives none)."
        )
    figures, notes = {}, {}
    for factor in Factor:
        raw, what = raw_factors[factor.value], f"{where}: factors.{factor}"
        figure = _figure(factor, raw, what, sources)
        if figure is not None:
            figures[factor] = _checked_share(figure, base_count, what)
        elif "note" in raw:
            notes[factor] = ContextNote(
                factor, _text(raw, "note", what), _seed(raw, "seed", what, sources)
            )
    return NationalFacts(
        short_label=_text(data, "short_label", where),
        analysis=analysis,
        published=_text(data, "published", where),
        base=base_count,
        base_quote=_text(base, "quote", f"{where}: base"),
        base_seed=_seed(base, "seed", f"{where}: base", sources),
        sources=sources,
        figures=figures,
        notes=notes,
    )


def _figure(factor: Factor, raw: Any, what: str, sources: dict[str, str]) -> NationalFigure | None:
    if not isinstance(raw, dict):
        raise FactsError(f"{what} is not a table.")
    if raw.get("figure", True) is False:
        # What the reviews say without a figure may stand beside it, with its seed
        if set(raw) - {"note", "seed"} != {"figure"} or ("note" in raw) != ("seed" in raw):
            raise FactsError(
                f"{what}: figure = false cannot also give a figure (a note needs its seed)."
            )
        return None
    quote, seed = _text(raw, "quote", what), _seed(raw, "seed", what, sources)
    if "share" in raw:
        return NationalFigure(factor, quote, seed, share=_text(raw, "share", what))
    count, percent = _whole(raw, "count", what, 0, 10_000), _whole(raw, "percent", what, 0, 100)
    return NationalFigure(factor, quote, seed, count=count, percent=percent)


def _checked_share(figure: NationalFigure, base: int, what: str) -> NationalFigure:
    if figure.count is not None and round(100 * figure.count / base) != figure.percent:
        raise FactsError(f"{what}: {figure.count} of {base} is not {figure.percent}%.")
    return figure


def _text(raw: Any, field: str, what: str) -> str:
    value = raw.get(field) if isinstance(raw, dict) else None
    if not isinstance(value, str) or not value.strip():
        raise FactsError(f"{what}: '{field}' must be non-empty text.")
    return value.strip()


def _whole(raw: dict[str, Any], field: str, what: str, low: int, high: int) -> int:
    value = raw.get(field)
    if not isinstance(value, int) or isinstance(value, bool) or not low <= value <= high:
        raise FactsError(f"{what}: '{field}' must be a whole number {low}-{high}.")
    return value


def _seed(raw: dict[str, Any], field: str, what: str, sources: dict[str, str]) -> str:
    seed = _text(raw, field, what)
    if seed not in sources:
        raise FactsError(f"{what}: '{field}' names {seed}, which is not under [sources].")
    return seed
