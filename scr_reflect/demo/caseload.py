"""Load the fictional demo caseload into an unlocked workspace.

Small: the written stories in demo_stories, every record going through RecordService or
StructuredService so it is checked as anything a DSL types. Large: the same stories plus
about 2,000 generated children in bulk, to try the tool at the size of a big school's
records. Both run as generators yielding Progress. Dates count back from the clock's today,
so the caseload is always current.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator
from datetime import date, datetime, timedelta
from enum import StrEnum

from ..domain.records import Child, ChronologyEntry, Concern, FollowUpAction, SchoolProfile
from ..services.progress import Progress
from ..services.structured import StructuredService
from ..services.workspace import Workspace
from .caseload_large import BENCHMARK_CHILD_NAME, generate_large_caseload
from .stories import STORIES
from .stories.dates import date_of_birth, fictional_upn, tutor_group, when, year_group
from .stories.records_spec import AccountSpec, MarkSpec, RecordSpec, ReferralSpec
from .stories.spec import ActionSpec, ChildSpec, ConcernSpec, EntrySpec

__all__ = [
    "BENCHMARK_CHILD_NAME",
    "DEMO_PROFILE",
    "DemoScale",
    "StoreNotEmpty",
    "demo_caseload_steps",
    "generate_large_caseload",
    "load_demo_caseload",
]

DEMO_PROFILE = SchoolProfile(school_name="Riverside Academy (demo)", dsl_name="Demo DSL")

# Staff write a concern up soon after it happens.
_WRITE_UP_DELAY = timedelta(minutes=40)


class DemoScale(StrEnum):
    SMALL = "small"
    LARGE = "large"


class StoreNotEmpty(Exception):
    """The demo goes only into an empty store, so fictional children never sit among real ones."""


def load_demo_caseload(
    ws: Workspace,
    scale: DemoScale = DemoScale.SMALL,
    progress: Callable[[Progress], None] | None = None,
) -> None:
    """Add the demo caseload now, telling progress (counted in children) after each child."""
    for step in demo_caseload_steps(ws, scale):
        if progress is not None:
            progress(step)


def demo_caseload_steps(ws: Workspace, scale: DemoScale = DemoScale.SMALL) -> Iterator[Progress]:
    """The same loading a child at a time, for the window, which stops between children if
    it is locked meanwhile. Nothing is loaded unless the steps are taken."""
    if ws.records.search_children(""):
        raise StoreNotEmpty(
            "Your records already hold children. The demo caseload goes only into a new, "
            "empty data folder."
        )
    large = scale is DemoScale.LARGE
    generated = 2_000 if large else 0
    total = len(STORIES) + generated
    today, now = ws.clock.today(), ws.clock.now()
    for done, story in enumerate(STORIES, start=1):
        _add_story(ws, story, today, now)
        yield Progress(done, total)
    if large:
        for progress in generate_large_caseload(ws, children=generated):
            yield Progress(len(STORIES) + progress.done, total)


def _add_story(ws: Workspace, story: ChildSpec, today: date, now: datetime) -> None:
    records = ws.records
    born = date_of_birth(story.age, story.birthday_in_days, today)
    year = "" if story.former_pupil else year_group(born, today)
    child = Child(
        full_name=story.full_name,
        preferred_name=story.preferred_name,
        date_of_birth=born,
        year_group=year,
        tutor_group=tutor_group(year, story.tutor_letter) if year else "",
        upn=fictional_upn(story.upn_serial) if story.upn_serial is not None else "",
        household=story.household,
        legal_status=story.legal_status,
    )
    child_id = _new_id(records.add_child(child).record_id)
    concern_id: int | None = None
    for event in story.events:
        if isinstance(event, ConcernSpec):
            concern = _concern(child_id, event, today, now)
            concern_id = _new_id(records.record_concern(concern).record_id)
        elif isinstance(event, EntrySpec):
            records.add_entry(_entry(child_id, event, today))
        elif isinstance(event, ActionSpec):
            records.add_action(_action(child_id, concern_id, event, today))
        elif isinstance(event, MarkSpec):
            ws.structured.add(event.record(child_id, _new_id(concern_id), today))
        else:
            _add_record(ws.structured, child_id, event, today)
    if story.hold_reason:
        ws.retention.place_hold(child_id, story.hold_reason)


def _add_record(
    structured: StructuredService, child_id: int, spec: RecordSpec, today: date
) -> None:
    """A structured record, with the claims, escalation and steps that hang off it."""
    if isinstance(spec, AccountSpec):
        account_id = _new_id(structured.add(spec.record(child_id, today)).record_id)
        for claim in spec.claims:
            structured.add(claim.record(account_id))
    elif isinstance(spec, ReferralSpec):
        referral_id = _new_id(structured.add(spec.record(child_id, today)).record_id)
        if spec.escalation is not None:
            escalation = spec.escalation.record(child_id, referral_id, today)
            escalation_id = _new_id(structured.add(escalation).record_id)
            for position, step in enumerate(spec.escalation.steps):
                step_record = step.record(escalation_id, today, structured.procedure, position)
                structured.add(step_record)
    else:
        structured.add(spec.record(child_id, today))


def _concern(child_id: int, spec: ConcernSpec, today: date, now: datetime) -> Concern:
    occurred = when(spec.days_ago, spec.at, today)
    return Concern(
        child_id=child_id,
        occurred_at=occurred,
        recorded_at=min(occurred + _WRITE_UP_DELAY, now),
        raised_by=spec.raised_by,
        what_happened=spec.what_happened,
        categories=spec.categories,
        child_words=spec.child_words,
        action_taken=spec.action_taken,
        status=spec.status,
        outcome=spec.outcome,
    )


def _entry(child_id: int, spec: EntrySpec, today: date) -> ChronologyEntry:
    return ChronologyEntry(
        child_id=child_id,
        kind=spec.kind,
        occurred_at=when(spec.days_ago, spec.at, today),
        title=spec.title,
        body=spec.body,
    )


def _action(child_id: int, concern_id: int | None, spec: ActionSpec, today: date) -> FollowUpAction:
    done = None if spec.done_days_ago is None else today - timedelta(days=spec.done_days_ago)
    return FollowUpAction(
        child_id=child_id,
        concern_id=concern_id,
        description=spec.description,
        owner=spec.owner,
        due_on=today + timedelta(days=spec.due_in_days),
        done_on=done,
    )


def _new_id(record_id: int | None) -> int:
    assert record_id is not None, "the store gives every new record an id"
    return record_id
