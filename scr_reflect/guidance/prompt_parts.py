"""Parts of reading a prompt file: where a prompt stands in it, and its source checked.

A source must say where the question comes from: a seed finding (a seed the product cites
with its publisher and year), statutory guidance or a local review with its own publisher and
year, or a practice question of the tool's own.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from pathlib import Path
from typing import Any, TypeGuard

from ..domain.prompts import PRACTICE, Source, SourceKind
from .seed_sources import SEED_DOCUMENTS
from .toml_lines import find_line

_SOURCE_FIELDS = {
    SourceKind.SEED_FINDING: (("seed", "finding"), ("figure",)),
    SourceKind.STATUTORY_GUIDANCE: (("title", "publisher", "year", "finding"), ()),
    SourceKind.LOCAL_FINDING: (("title", "publisher", "year", "finding"), ()),
    SourceKind.PRACTICE_QUESTION: ((), ()),
}
_YEAR = re.compile(r"^(19|20)\d\d$")


@dataclass(frozen=True, slots=True, order=True)
class LibraryProblem:
    file: Path
    line: int  # from 1; 0 only for a problem with a whole folder
    message: str

    def __str__(self) -> str:
        at = f":{self.line}" if self.line else ""
        return f"{self.file}{at}: {self.message}"


@dataclass
class PromptPart:
    """One prompt's part of its file, for reporting problems at the right line."""

    path: Path
    lines: list[str]
    span: tuple[int, int]  # its first and last line
    problems: list[LibraryProblem]
    id: str = "?"

    def report(self, message: str, key: str | None = None, value: str | None = None) -> None:
        line = self.span[0] if key is None else find_line(self.lines, self.span, key, value)
        self.problems.append(LibraryProblem(self.path, line, f"prompt '{self.id}': {message}"))


def source(raw: Any, seeds: Path | None, at: PromptPart) -> Source | None:
    if raw is None:
        at.report("'source' is missing: add a [prompt.source] table saying where it comes from")
        return None
    if not isinstance(raw, dict):
        at.report("'source' must be a [prompt.source] table", "source")
        return None
    kinds = {kind.value: kind for kind in SourceKind}
    kind = kinds.get(raw.get("kind", SourceKind.SEED_FINDING.value))
    if kind is None:
        at.report(f"source 'kind' must be one of: {', '.join(kinds)}", "kind")
        return None
    required, optional = _SOURCE_FIELDS[kind]
    before = len(at.problems)
    for key in raw:
        if key not in ("kind", *required, *optional):
            allowed = ", ".join(("kind", *required, *optional))
            at.report(
                f"unknown field '{key}' in a {kind.label.lower()} source; it has: {allowed}", key
            )
    for key in required:
        if not is_text(raw.get(key)):
            at.report(f"source '{key}' must be non-empty text", key if key in raw else "source")
    if len(at.problems) > before:
        return None
    if kind is SourceKind.PRACTICE_QUESTION:
        return PRACTICE
    if kind is not SourceKind.SEED_FINDING:
        if not _YEAR.match(raw["year"].strip()):
            at.report("source 'year' must be the four-digit year of the edition cited", "year")
            return None
        fields = {key: raw[key].strip() for key in required}
        return Source(kind=kind, **fields)
    return _seed_finding(raw, seeds, at)


def _seed_finding(raw: dict[str, Any], seeds: Path | None, at: PromptPart) -> Source | None:
    figure = raw.get("figure", "")
    if not isinstance(figure, str):
        at.report("source 'figure' must be text, quoted as the seed prints it", "figure")
        return None
    seed = raw["seed"].strip()
    if seed not in SEED_DOCUMENTS:
        at.report(
            f"seed '{seed}' is not in the seed documents cited with their publisher and year; "
            'a local review is cited as kind = "local_finding" with title, publisher and year',
            "seed",
        )
        return None
    if seeds is not None and not (seeds / seed).is_file():
        at.report(f"seed '{seed}' is not in {seeds}", "seed")
        return None
    if seeds is not None and figure not in (seeds / seed).read_text(encoding="utf-8"):
        at.report(f"figure '{figure}' does not appear word for word in {seed}", "figure")
        return None
    return Source(seed=seed, finding=raw["finding"].strip(), figure=figure)


def is_text(value: Any) -> TypeGuard[str]:
    return isinstance(value, str) and bool(value.strip())
