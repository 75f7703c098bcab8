"""The whole demo caseload, loaded into a real data folder, cannot be read from its files."""

from __future__ import annotations

from pathlib import Path

from scr_reflect.demo.caseload import DEMO_PROFILE, load_demo_caseload
from scr_reflect.domain.chronology_filter import ChronologyFilter
from scr_reflect.services import workspace
from tests.fictional import PASSPHRASE

# Long enough to be distinctive, short enough that a page boundary rarely splits one.
SNIPPET = 24


def words_to_look_for(ws: workspace.Workspace) -> set[str]:
    records = ws.records
    found: set[str] = set()
    for child_id in records.search_children(""):
        child = records.child(child_id)
        found |= {child.full_name, child.household[:SNIPPET]}
        for entry in records.entries(records.entry_ids(child_id, ChronologyFilter())):
            found |= {entry.title[:SNIPPET], entry.body[:SNIPPET]}
        for concern in records.concerns_for_child(child_id):
            found |= {concern.child_words[:SNIPPET], concern.raised_by}
    return {text for text in found if len(text) >= 8}


def readable(folder: Path, texts: set[str]) -> set[str]:
    blobs = [p.read_bytes() for p in folder.rglob("*") if p.is_file()]
    return {
        text
        for text in texts
        for codec in ("utf-8", "utf-16-le")
        if any(text.encode(codec) in blob for blob in blobs)
    }


def test_no_demo_name_or_note_is_readable_in_the_database_wal_or_shm(tmp_path) -> None:
    root = tmp_path / "data"
    ws = workspace.set_up(root, PASSPHRASE, PASSPHRASE, DEMO_PROFILE)
    load_demo_caseload(ws)
    texts = words_to_look_for(ws)
    assert len(texts) > 200  # the check below has something to find
    assert "Zoë Łukasiewicz-Nguyễn" in texts

    wal = root / "scr-reflect.db-wal"
    assert wal.exists() and wal.stat().st_size > 0  # still open: the WAL holds recent pages
    assert readable(root, texts) == set()

    ws.close()
    assert readable(root, texts) == set()
