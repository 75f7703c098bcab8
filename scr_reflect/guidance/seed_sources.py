"""How each source is cited in the product: its title, publisher and year.

A seed document is named by its file name in the seeds folder. Where a document does not name
its publisher or give its year, the citation says so rather than guess.
"""

from __future__ import annotations

from dataclasses import dataclass

from ..domain.prompts import Source, SourceKind


@dataclass(frozen=True, slots=True)
class SeedDocument:
    title: str
    publisher: str
    year: str


SEED_DOCUMENTS = {
    "000_9e80530412b9a4c2.txt": SeedDocument(
        "SCR analysis 2020 for the education sector: introduction",
        "publisher not named, presenting the Department for Education's analysis",
        "2020",
    ),
    "001_c245019e2253aa29.txt": SeedDocument(
        "Complexity and challenge: a triennial analysis of SCRs 2014-2017, summary",
        "Department for Education",
        "2020",
    ),
    "002_7f71c45ae496ca29.txt": SeedDocument(
        "Analysis of SCRs for the education sector",
        "publisher not named, summarising the Department for Education's analysis",
        "2020",
    ),
    "003_4350a0763766385e.txt": SeedDocument(
        "Learning from serious case reviews: key findings",
        "publisher not named",
        "year not given; it cites reports to 2018",
    ),
    "004_a5f72549c5a9cee6.txt": SeedDocument(
        "Child protection system in England: serious case reviews",
        "NSPCC",
        "year not given",
    ),
}
PRACTICE_NOTE = "SCR Reflect's own, from safeguarding practice"


def citation(seed: str) -> str:
    """A seed document as "title (publisher, year)"."""
    document = SEED_DOCUMENTS.get(seed)
    if document is None:
        return seed
    return f"{document.title} ({document.publisher}, {document.year})"


def cite(source: Source) -> str:
    """Where a question comes from, in one line: "Kind: title (publisher, year)"."""
    if source.kind is SourceKind.PRACTICE_QUESTION:
        return f"{source.kind.label}: {PRACTICE_NOTE}"
    if source.kind is not SourceKind.SEED_FINDING:
        return f"{source.kind.label}: {source.title} ({source.publisher}, {source.year})"
    return f"{source.kind.label}: {citation(source.seed)}"
