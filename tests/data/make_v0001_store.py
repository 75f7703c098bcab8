"""Regenerate tests/data/v0001_store: a store made at schema revision 0001, for upgrade tests.

Run from the repository root with the project's virtualenv:

    .venv/bin/python tests/data/make_v0001_store.py --force

Passphrase of the committed store: "correct horse battery staple violet" (the test passphrase,
see PASSPHRASE below). Every name and every word of the records is fictional.

The rows are written with SQLAlchemy Core against the 0001 tables, not through the Repository:
the repository follows the newest schema and may stop matching 0001 one day; this script must
not. Keep the values in step with tests/storage/test_store_migrations.py, which checks them.
Regenerating makes a new random data key, so the files change even when the records do not.
"""

from __future__ import annotations

import json
import shutil
import sys
from datetime import date, datetime
from pathlib import Path

import sqlalchemy as sa

from scr_reflect.storage import keyslots, schema, sqlcipher
from scr_reflect.storage.store import StoreFiles

PASSPHRASE = "correct horse battery staple violet"
REVISION = "0001"
TARGET = Path(__file__).with_name("v0001_store")


def _table(name: str, **columns: sa.types.TypeEngine) -> sa.TableClause:
    return sa.table(name, *(sa.column(col, type_) for col, type_ in columns.items()))


SETTINGS = _table("settings", key=sa.String(), value=sa.Text())
CHILDREN = _table(
    "children",
    id=sa.Integer(),
    full_name=sa.String(),
    preferred_name=sa.String(),
    date_of_birth=sa.Date(),
    year_group=sa.String(),
    tutor_group=sa.String(),
    upn=sa.String(),
    household=sa.Text(),
    version=sa.Integer(),
    created_at=sa.DateTime(),
)
CONCERNS = _table(
    "concerns",
    id=sa.Integer(),
    child_id=sa.Integer(),
    occurred_at=sa.DateTime(),
    recorded_at=sa.DateTime(),
    raised_by=sa.String(),
    what_happened=sa.Text(),
    child_words=sa.Text(),
    categories=sa.String(),
    action_taken=sa.Text(),
    status=sa.String(),
    outcome=sa.Text(),
    version=sa.Integer(),
)
ENTRIES = _table(
    "chronology_entries",
    id=sa.Integer(),
    child_id=sa.Integer(),
    kind=sa.String(),
    occurred_at=sa.DateTime(),
    title=sa.String(),
    body=sa.Text(),
    concern_id=sa.Integer(),
    version=sa.Integer(),
)
ACTIONS = _table(
    "actions",
    id=sa.Integer(),
    child_id=sa.Integer(),
    concern_id=sa.Integer(),
    description=sa.Text(),
    owner=sa.String(),
    due_on=sa.Date(),
    done_on=sa.Date(),
    version=sa.Integer(),
)
VERSIONS = _table(
    "record_versions",
    id=sa.Integer(),
    record_type=sa.String(),
    record_id=sa.Integer(),
    version=sa.Integer(),
    fields_json=sa.Text(),
    replaced_at=sa.DateTime(),
    replaced_by=sa.String(),
    reason=sa.Text(),
)

ROWS: list[tuple[sa.TableClause, list[dict[str, object]]]] = [
    (
        SETTINGS,
        [
            {"key": "school_name", "value": "Larkspur Vale Primary"},
            {"key": "dsl_name", "value": "Ada Testperson"},
        ],
    ),
    (
        CHILDREN,
        [
            {
                "id": 1,
                "full_name": "Zoë Łukasiewicz-Nguyễn",
                "preferred_name": "Zoë",
                "date_of_birth": date(2014, 5, 17),
                "year_group": "Year 6",
                "tutor_group": "6K",
                "upn": "A123456789012",
                "household": "Lives with her mother and two younger brothers.",
                "version": 2,
                "created_at": datetime(2024, 9, 2, 8, 30),
            },
            {
                "id": 2,
                "full_name": "Bartholomew Quillfeather",
                "preferred_name": "Barty",
                "date_of_birth": date(2016, 11, 3),
                "year_group": "Year 4",
                "tutor_group": "4M",
                "upn": "",
                "household": "",
                "version": 1,
                "created_at": datetime(2024, 9, 2, 8, 35),
            },
        ],
    ),
    (
        CONCERNS,
        [
            {
                "id": 1,
                "child_id": 1,
                "occurred_at": datetime(2024, 10, 7, 10, 15),
                "recorded_at": datetime(2024, 10, 7, 11, 0),
                "raised_by": "Mr Testington",
                "what_happened": "No coat for the third day running; said the heating is off.",
                "child_words": "It is cold at home.",
                "categories": "neglect",
                "action_taken": "Spoke with her mother at pick-up.",
                "status": "open",
                "outcome": "",
                "version": 1,
            },
            {
                "id": 2,
                "child_id": 2,
                "occurred_at": datetime(2024, 11, 12, 13, 40),
                "recorded_at": datetime(2024, 11, 12, 14, 5),
                "raised_by": "Ms Examplewood",
                "what_happened": "Upset after messages from an unknown account in a game chat.",
                "child_words": "",
                "categories": "emotional online_harm",
                "action_taken": "Told parents the same day.",
                "status": "closed",
                "outcome": "Online safety plan agreed with parents.",
                "version": 1,
            },
        ],
    ),
    (
        ENTRIES,
        [
            {
                "id": 1,
                "child_id": 1,
                "kind": "concern",
                "occurred_at": datetime(2024, 10, 7, 10, 15),
                "title": "Neglect: raised by Mr Testington",
                "body": "No coat for the third day running; said the heating is off.",
                "concern_id": 1,
                "version": 1,
            },
            {
                "id": 2,
                "child_id": 1,
                "kind": "contact",
                "occurred_at": datetime(2024, 10, 8, 9, 0),
                "title": "Phoned the Early Help team",
                "body": "Asked about help with heating costs for the family.",
                "concern_id": None,
                "version": 1,
            },
            {
                "id": 3,
                "child_id": 2,
                "kind": "concern",
                "occurred_at": datetime(2024, 11, 12, 13, 40),
                "title": "Emotional abuse, Online harm: raised by Ms Examplewood",
                "body": "Upset after messages from an unknown account in a game chat.",
                "concern_id": 2,
                "version": 1,
            },
        ],
    ),
    (
        ACTIONS,
        [
            {
                "id": 1,
                "child_id": 1,
                "concern_id": 1,
                "description": "Check in with Zoë about the heating at home",
                "owner": "Ada Testperson",
                "due_on": date(2024, 10, 14),
                "done_on": None,
                "version": 1,
            },
            {
                "id": 2,
                "child_id": 2,
                "concern_id": 2,
                "description": "Share the online safety leaflet with parents",
                "owner": "Ms Examplewood",
                "due_on": date(2024, 11, 15),
                "done_on": date(2024, 11, 14),
                "version": 1,
            },
        ],
    ),
    (
        VERSIONS,
        [
            {
                "id": 1,
                "record_type": "child",
                "record_id": 1,
                "version": 1,
                "fields_json": json.dumps(
                    {
                        "full_name": "Zoë Łukasiewicz-Nguyễn",
                        "date_of_birth": "17/05/2014",
                        "preferred_name": "Zoë",
                        "year_group": "Year 6",
                        "tutor_group": "6J",
                        "upn": "A123456789012",
                        "household": "Lives with her mother and two younger brothers.",
                    },
                    ensure_ascii=False,
                ),
                "replaced_at": datetime(2024, 9, 20, 15, 0),
                "replaced_by": "Ada Testperson",
                "reason": "Moved to a different tutor group",
            }
        ],
    ),
]


def make(root: Path) -> None:
    files = StoreFiles(root)
    root.mkdir(mode=0o700, parents=True)
    data_key = keyslots.new_data_key()
    engine = sqlcipher.file_engine(files.database, data_key)
    try:
        schema.upgrade(engine, before_migrating=lambda _rev: None, target=REVISION)
        assert schema.current_revision(engine) == REVISION
        with engine.begin() as conn:
            for table, rows in ROWS:
                conn.execute(table.insert(), rows)
        sqlcipher.checkpoint(engine)
    finally:
        engine.dispose()
    keyslots.save_header(
        files.header, [keyslots.wrap(data_key, PASSPHRASE, keyslots.LEGACY_DSL_SLOT)]
    )
    leftovers = sorted(p.name for p in root.iterdir()) != sorted(
        [files.database.name, files.header.name]
    )
    assert not leftovers, f"unexpected files in {root}: {list(root.iterdir())}"


def main(argv: list[str]) -> int:
    if TARGET.exists():
        if "--force" not in argv:
            print(f"{TARGET} exists; pass --force to replace it.", file=sys.stderr)
            return 1
        shutil.rmtree(TARGET)
    make(TARGET)
    print(f"Wrote a revision {REVISION} store to {TARGET}")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
