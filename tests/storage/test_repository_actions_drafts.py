"""Follow-up actions, the overdue list, and autosaved drafts."""

from __future__ import annotations

from datetime import date, datetime

from scr_reflect.domain.records import Draft

TODAY = date(2025, 3, 10)


def test_overdue_actions_are_open_and_due_before_today(repo, seed) -> None:
    ada = seed.child("Ada Testperson")
    bea = seed.child("Beatrix Samplewood")
    oldest = seed.action(bea, date(2025, 2, 1), description="Chase the referral")
    yesterday = seed.action(ada, date(2025, 3, 9))
    seed.action(ada, TODAY)  # due today: not overdue yet
    seed.action(ada, date(2025, 3, 20))
    seed.action(ada, date(2025, 1, 1), done_on=date(2025, 1, 2))

    overdue = repo.overdue_actions(TODAY)

    assert [(o.action.id, o.child_name) for o in overdue] == [
        (oldest, "Beatrix Samplewood"),
        (yesterday, "Ada Testperson"),
    ]
    assert overdue[0].action.description == "Chase the referral"
    assert all(o.action.is_overdue(TODAY) for o in overdue)


def test_overdue_actions_can_be_limited_to_the_soonest_and_counted(repo, seed) -> None:
    ada = seed.child("Ada Testperson")
    due = [seed.action(ada, date(2025, 1, day)) for day in (20, 3, 11, 7)]
    seed.action(ada, date(2025, 1, 1), done_on=date(2025, 1, 2))
    seed.action(ada, TODAY)

    soonest = repo.overdue_actions(TODAY, limit=2)

    assert [o.action.id for o in soonest] == [due[1], due[3]]
    assert repo.count_overdue_actions(TODAY) == 4
    assert [o.action.id for o in repo.overdue_actions(TODAY)] == [due[1], due[3], due[2], due[0]]


def test_actions_for_a_child_open_first_then_by_due_date(repo, seed) -> None:
    ada = seed.child()
    done = seed.action(ada, date(2025, 1, 1), done_on=date(2025, 1, 2))
    later = seed.action(ada, date(2025, 4, 1))
    sooner = seed.action(ada, date(2025, 3, 1))
    assert [a.id for a in repo.actions_for_child(ada)] == [sooner, later, done]


def test_draft_save_list_discard(repo) -> None:
    repo.save_draft(
        Draft("concern:new", "New concern", {"what_happened": "Half a sentence about Zoë"}),
        datetime(2025, 3, 10, 9, 0),
    )
    repo.save_draft(Draft("note:7", "Note", {"title": "Call"}), datetime(2025, 3, 10, 9, 5))

    drafts = repo.drafts()
    assert [d.key for d in drafts] == ["concern:new", "note:7"]
    assert drafts[0].fields == {"what_happened": "Half a sentence about Zoë"}
    assert drafts[0].saved_at == datetime(2025, 3, 10, 9, 0)

    repo.discard_draft("concern:new")
    assert [d.key for d in repo.drafts()] == ["note:7"]
    repo.discard_draft("concern:new")  # discarding twice is harmless
    assert [d.key for d in repo.drafts()] == ["note:7"]


def test_saving_a_draft_again_keeps_one_copy_with_the_latest_text(repo) -> None:
    repo.save_draft(
        Draft("concern:new", "New concern", {"what_happened": "Ha"}), datetime(2025, 3, 10, 9, 0)
    )
    repo.save_draft(
        Draft("concern:new", "New concern for Ada", {"what_happened": "Half a sentence"}),
        datetime(2025, 3, 10, 9, 1),
    )
    [draft] = repo.drafts()
    assert draft.title == "New concern for Ada"
    assert draft.fields == {"what_happened": "Half a sentence"}
    assert draft.saved_at == datetime(2025, 3, 10, 9, 1)
