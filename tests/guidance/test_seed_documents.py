"""The stored index of the seeds against the seed documents themselves, where they are present.

The documents are not part of the repository. Where a copy is at hand, name its folder in
SCR_REFLECT_SEED_DOCUMENTS to run these; without it they are skipped, saying so, and every
figure is still checked against the stored index (tests/data/seed_index.toml)."""

from __future__ import annotations

import os
from pathlib import Path

import pytest

from scr_reflect.guidance.prompt_library import SHIPPED_FOLDER, load_library, validate_folder
from scr_reflect.resource_files import resources_dir
from tests.guidance.test_prompt_library import copied_runs
from tests.seed_index import documents, passages

SHIPPED = resources_dir() / SHIPPED_FOLDER
SEEDS = Path(os.environ.get("SCR_REFLECT_SEED_DOCUMENTS", "")).expanduser()

pytestmark = pytest.mark.skipif(
    not os.environ.get("SCR_REFLECT_SEED_DOCUMENTS") or not SEEDS.is_dir(),
    reason="no folder of the source documents is named in SCR_REFLECT_SEED_DOCUMENTS: "
    "figures were compared against the stored index only",
)


def lines_of(seed: str) -> list[str]:
    return (SEEDS / seed).read_text(encoding="utf-8").splitlines()


def test_the_index_names_every_document_by_the_title_it_prints():
    assert set(documents()) == {path.name for path in SEEDS.glob("*.txt")}
    for seed, document in documents().items():
        assert document["title"] in lines_of(seed), seed


def test_every_stored_passage_is_on_its_line_word_for_word():
    for passage in passages():
        lines = lines_of(passage.seed)
        assert passage.text in lines[passage.line - 1], (passage.seed, passage.line)


def test_the_shipped_folder_passes_validation_against_the_documents():
    assert validate_folder(SHIPPED, SEEDS) == []


def test_no_prompt_sentence_is_copied_from_a_document():
    texts = [path.read_text(encoding="utf-8") for path in sorted(SEEDS.glob("*.txt"))]
    assert copied_runs(load_library(SHIPPED), texts) == []
