"""How each seed document is cited in the product, by its file name in the seeds folder."""

from __future__ import annotations

SEED_CITATIONS = {
    "000_9e80530412b9a4c2.txt": "SCR analysis 2020 for the education sector: introduction",
    "001_c245019e2253aa29.txt": (
        "Complexity and challenge: a triennial analysis of SCRs 2014-2017 (DfE, 2020), summary"
    ),
    "002_7f71c45ae496ca29.txt": "Analysis of SCRs for the education sector (2020)",
    "003_4350a0763766385e.txt": "Learning from serious case reviews: key findings",
    "004_a5f72549c5a9cee6.txt": "Child protection system in England: serious case reviews",
}


def citation(seed: str) -> str:
    return SEED_CITATIONS.get(seed, seed)
