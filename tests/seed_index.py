"""The stored index of the seed documents (tests/data/seed_index.toml).

The documents are not in the repository, so every check of a quoted figure runs against the
passages stored here; tests/guidance/test_seed_documents.py checks the index against the
documents themselves wherever they are present.
"""

from __future__ import annotations

import tomllib
from dataclasses import dataclass
from functools import cache
from pathlib import Path

INDEX_FILE = Path(__file__).parent / "data" / "seed_index.toml"


@dataclass(frozen=True)
class Passage:
    seed: str
    line: int
    text: str
    cited_by: tuple[str, ...]


@cache
def _raw() -> dict:
    return tomllib.loads(INDEX_FILE.read_text(encoding="utf-8"))


def documents() -> dict[str, dict[str, str]]:
    """Seed file name -> its title, publisher and year."""
    return _raw()["documents"]


@cache
def passages() -> tuple[Passage, ...]:
    return tuple(
        Passage(p["seed"], p["line"], p["text"], tuple(p["cited_by"])) for p in _raw()["passage"]
    )


def cited_text(citer: str, seed: str) -> str:
    """The passages of `seed` that `citer` (a prompt id, or "facts.<factor>") cites, a line each."""
    return "\n".join(p.text for p in passages() if p.seed == seed and citer in p.cited_by)


def index_folder(root: Path) -> Path:
    """A seeds folder rebuilt from the index: each document as its title and stored passages.

    Enough for the prompt library's own checks (the seed exists; its figure is in it)."""
    folder = root / "seeds"
    folder.mkdir()
    for seed, document in documents().items():
        lines = [document["title"]] + [p.text for p in passages() if p.seed == seed]
        (folder / seed).write_text("\n".join(lines) + "\n", encoding="utf-8")
    return folder
