"""No audit entry holds a child's name or anything a DSL typed: the whole demo caseload goes
through creates, amendments (with reasons that name the child), views and documents, then
every field of every entry is searched for every name and every piece of typed text."""

from __future__ import annotations

from dataclasses import replace
from pathlib import Path

from sqlalchemy import text

from scr_reflect.demo.caseload import DEMO_PROFILE, load_demo_caseload
from scr_reflect.domain.audit import AuditAction
from scr_reflect.domain.chronology_filter import ChronologyFilter
from scr_reflect.services import workspace
from scr_reflect.services.clock import FixedClock
from scr_reflect.services.reports import ReportService
from scr_reflect.services.workspace import Workspace
from tests.core_fixtures import NOW, PASSPHRASE, unlocked_engine


def put_through_everything(ws: Workspace, out: Path) -> list[str]:
    """Amend every child and concern, open each child, save a chronology of each; returns
    every name and every piece of typed text the trail must not hold."""
    records, reports = ws.records, ReportService(ws)
    secrets: list[str] = []
    for child_id in records.search_children(""):
        child = records.child(child_id)
        names = {child.full_name, child.preferred_name, *child.full_name.split()}
        secrets += [name for name in names if len(name) >= 4]
        records.amend_child(
            replace(child, household=f"{child.display_name} lives with an aunt"),
            f"{child.full_name} told us about the move",
        )
        for concern in records.concerns_for_child(child_id):
            secrets += [concern.what_happened, concern.child_words, concern.action_taken]
            records.amend_concern(
                replace(concern, outcome=f"Discussed with {child.full_name}'s mother"),
                f"Outcome for {child.display_name} recorded",
            )
        entries = records.entries(records.entry_ids(child_id, ChronologyFilter()))
        secrets += [e.title for e in entries] + [e.body for e in entries]
        ws.audit.record(
            AuditAction.VIEW, child_id=child_id, record_type="child", record_id=child_id
        )
        reports.save(reports.chronology(child_id), out / f"{child_id}.pdf")
    return sorted({s for s in secrets if len(s.strip()) >= 4})


def test_no_audit_entry_names_a_child_or_holds_typed_text(tmp_path: Path) -> None:
    root = tmp_path / "data"
    ws = workspace.set_up(root, PASSPHRASE, PASSPHRASE, DEMO_PROFILE, FixedClock(NOW))
    try:
        load_demo_caseload(ws)
        secrets = put_through_everything(ws, tmp_path)
    finally:
        ws.close()

    engine = unlocked_engine(root / "scr-reflect.db", root / "keys.json")
    try:
        with engine.connect() as conn:
            rows = conn.execute(text("SELECT * FROM audit_log ORDER BY seq")).all()
    finally:
        engine.dispose()
    assert len(rows) > 300  # creates, amendments, views, exports: there was plenty to search
    kinds = {row.action for row in rows}
    assert {"create", "amend", "view", "export"} <= kinds
    trail = "\n".join("\t".join(str(value) for value in row) for row in rows)
    for beside in (root / "keys.json", root / "audit-pending.jsonl"):
        trail += beside.read_text(encoding="utf-8") if beside.exists() else ""
    assert [s for s in secrets if s in trail] == []
