"""Walk a DSL through a concern: the facts, the prompts they bring, the answers so far."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime

from ..domain.changes import ChangeSet
from ..domain.concern_facts import ConcernFacts, facts_for
from ..domain.escalation_standing import challenge_line
from ..domain.prompts import Prompt, PromptLibrary, Step, choose_prompts
from ..domain.question_order import StepQuestions, questions_for_step
from ..domain.records import Child, Concern, FollowUpAction
from ..domain.reflection import Answer, Decision, reflection_headline
from ..domain.walkthrough import DECISION_KEY
from ..storage.reflection_repository import ReflectionRepository
from .clock import Clock
from .picture_as_at import SinceThen, as_at, picture_as_at
from .records import RecordService
from .structured import ChildPicture, StructuredService

__all__ = ["DECISION_KEY", "ReflectionService", "Walkthrough"]


@dataclass(frozen=True, slots=True)
class Walkthrough:
    child: Child
    concern: Concern
    earlier_concerns: tuple[Concern, ...]
    as_at: datetime  # the facts are taken as they stood then: the end of the concern's day
    picture: ChildPicture  # as it stood then
    since_then: SinceThen  # recorded after: shown apart, never driving the prompts
    facts: ConcernFacts
    prompts: dict[Step, tuple[Prompt, ...]]  # the library's prompts chosen, in library order
    questions: dict[Step, StepQuestions]  # the fixed questions and the prompts, strongest first
    answers: dict[str, Answer]
    actions: tuple[FollowUpAction, ...]
    library_version: str
    escalation_route: tuple[str, ...]  # the local procedure's stages, in order
    # The child's escalations as they stand today, under way or concluded, a sentence each.
    challenges: tuple[str, ...] = ()


class ReflectionService:
    def __init__(
        self,
        repository: ReflectionRepository,
        records: RecordService,
        structured: StructuredService,
        library: PromptLibrary,
        clock: Clock,
    ) -> None:
        self._repo, self._records, self._structured = repository, records, structured
        self.library, self._clock = library, clock

    def walkthrough(self, concern_id: int) -> Walkthrough:
        concern = self._records.concern(concern_id)
        child = self._records.child(concern.child_id)
        concerns = self._records.concerns_for_child(concern.child_id)
        at = as_at(concern, self._clock.now())
        today = self._structured.picture(concern.child_id)
        picture, since_then = picture_as_at(today, concerns, at)
        # A decision challenged since is not prompted as unchallenged: the challenge is made.
        challenged = {c.referral.id for c in today.referrals if c.escalations}
        facts = facts_for(
            child,
            concern,
            concerns,
            list(picture.factors),
            list(picture.missing),
            list(picture.accounts),
            [(case.referral, case.referral.id in challenged) for case in picture.referrals],
            at,
        )
        chosen = choose_prompts(list(self.library.prompts), facts)
        return Walkthrough(
            child=child,
            concern=concern,
            earlier_concerns=tuple(
                c for c in concerns if c.occurred_at < concern.occurred_at and c.id != concern.id
            ),
            as_at=at,
            picture=picture,
            since_then=since_then,
            facts=facts,
            prompts={step: tuple(p for p in chosen if p.step is step) for step in Step},
            questions={step: questions_for_step(step, chosen, facts) for step in Step},
            answers={a.key: a for a in self._repo.answers(concern_id)},
            actions=tuple(
                a
                for a in self._records.actions_for_child(concern.child_id)
                if a.concern_id == concern_id
            ),
            library_version=self.library.version,
            escalation_route=tuple(
                f"{stage.title}: {stage.who} (a response within "
                f"{stage.respond_within_working_days} working days)"
                for stage in self._structured.procedure.stages
            ),
            challenges=self._challenges(today),
        )

    def _challenges(self, picture: ChildPicture) -> tuple[str, ...]:
        found = {e.escalation.id: e for c in picture.referrals for e in c.escalations}
        referrals = [c.referral for c in picture.referrals]
        return tuple(
            challenge_line(
                e.escalation, e.steps, referrals, self._structured.procedure, self._clock.today()
            )
            for e in sorted(found.values(), key=lambda e: e.escalation.started_on)
        )

    def answers(self, concern_id: int) -> list[Answer]:
        return self._repo.answers(concern_id)

    def save_answer(self, concern_id: int, key: str, question: str, text: str) -> ChangeSet:
        """Autosaved as the DSL writes; the chronology's reflection line follows."""
        answer = Answer(concern_id, key, question, text, self.library.version, self._clock.now())
        answers = {a.key: a for a in self._repo.answers(concern_id)} | {key: answer}
        decision = answers.get(DECISION_KEY)
        label = Decision(decision.text).label if decision and decision.text else ""
        self._repo.save(answer, reflection_headline(list(answers.values()), label))
        concern = self._records.concern(concern_id)
        return ChangeSet(chronology=True, child_id=concern.child_id, record_id=concern_id)
