"""The fixed questions of the walk-through, step by step, in our own words.

Each says where it comes from: most are practice questions of the tool's own; a few rest on a
finding of the reviews or on statutory guidance. Prompts from the library join them in every
step, and the questions the facts call for most strongly come first (domain/question_order.py).
"""

from __future__ import annotations

from dataclasses import dataclass, field

from .concern_facts import Flag
from .prompts import PRACTICE, Conditions, Source, SourceKind, Step

DECISION_KEY = "decision.choice"  # answered by choosing a decision, not in words

# The edition the seeds point schools to (the education-sector summary's further reading).
KCSIE = Source(
    kind=SourceKind.STATUTORY_GUIDANCE,
    title="Keeping children safe in education: statutory guidance for schools and colleges",
    publisher="Department for Education",
    year="2019",
    finding="Concerns, discussions and decisions are to be recorded in writing with the reasons "
    "for them",
)
_TRIANGULATE = Source(
    "003_4350a0763766385e.txt",
    "The review called for parents' explanations to be confirmed independently and for "
    "professionals to compare what each of them knows",
)


@dataclass(frozen=True, slots=True)
class FixedQuestion:
    key: str
    step: Step
    question: str
    hint: str = ""
    source: Source = PRACTICE
    why: str = ""
    when: Conditions = field(default_factory=Conditions)  # left empty, asked of every concern
    pinned: bool = False  # always among the questions shown first


FIXED_QUESTIONS: tuple[FixedQuestion, ...] = (
    FixedQuestion(
        "what_happened.facts",
        Step.WHAT_HAPPENED,
        "What happened, as facts: what was seen or heard, where, when, and who was there?",
        "Keep what was observed apart from what was concluded.",
    ),
    FixedQuestion(
        "what_happened.who_saw",
        Step.WHAT_HAPPENED,
        "Who saw or heard what first hand, and what reached you second hand?",
    ),
    FixedQuestion(
        "voice.day",
        Step.LIVED_EXPERIENCE,
        "What is an ordinary day like for this child: waking, getting to school, after school, "
        "evenings, the night?",
        "Think about who is at home, who feeds them, where they sleep, who they go to.",
    ),
    FixedQuestion(
        "voice.seen_alone",
        Step.LIVED_EXPERIENCE,
        "Has the child been seen and spoken to on their own? When, by whom, and what did they say?",
    ),
    FixedQuestion(
        "voice.wishes",
        Step.LIVED_EXPERIENCE,
        "What does the child want to happen, and how have you let them know what happens next?",
    ),
    FixedQuestion(
        "voice.without-words",
        Step.LIVED_EXPERIENCE,
        "What might the child be telling you without words: through behaviour, attendance, "
        "appearance, mood, or what they will and will not talk about?",
        source=Source(
            "003_4350a0763766385e.txt",
            "Inspectors found children's experience of services varied and recommended that "
            "children and young people be actively involved in their own care",
        ),
        why="Children often show what is happening before they can say it, or when saying it "
        "feels too risky. Noticing those signs, and writing them down as what was seen, keeps "
        "the child present in a record that is otherwise about adults.",
    ),
    FixedQuestion(
        "cumulative.pattern",
        Step.CUMULATIVE,
        "Set against everything before it, what does this concern add? What pattern do you see?",
    ),
    FixedQuestion(
        "accounts.checked",
        Step.ACCOUNTS,
        "Which parts of what you have been told have been checked with someone independent, and "
        "which rest on one person's word?",
        source=_TRIANGULATE,
    ),
    FixedQuestion(
        "accounts.between-professionals",
        Step.ACCOUNTS,
        "Does the school's picture of this child match what other professionals see? Where "
        "would the health visitor, GP, police or a previous school tell a different story?",
        source=_TRIANGULATE,
        why="Each agency sees the family in a different setting and at different times. "
        "Comparing notes brings out differences that no single view shows, and guards against "
        "everyone relying on a reassurance that only one of them was given.",
    ),
    FixedQuestion(DECISION_KEY, Step.DECISION, "What have you decided?"),
    FixedQuestion(
        "decision.options", Step.DECISION, "Which other options did you consider, and why not?"
    ),
    FixedQuestion("decision.evidence_for", Step.DECISION, "What evidence supports the decision?"),
    FixedQuestion(
        "decision.evidence_against", Step.DECISION, "What evidence points the other way?"
    ),
    FixedQuestion(
        "decision.consulted", Step.DECISION, "Who did you consult, and what did they say?"
    ),
    FixedQuestion(
        "decision.reasons",
        Step.DECISION,
        "The reasons for the decision. A decision not to refer is recorded with its reasons too.",
        source=KCSIE,
        pinned=True,
    ),
    FixedQuestion(
        "decision.would_change",
        Step.DECISION,
        "What would change your decision? What will you watch for?",
    ),
    FixedQuestion(
        "decision.agree_with_outcome",
        Step.DECISION,
        "After a 'threshold not met' outcome: does the school agree? If not, what route will you "
        "take to escalate, and by when?",
        source=Source(
            "001_c245019e2253aa29.txt",
            "Schools rarely disputed threshold decisions on their referrals, and the reviews "
            "called for clearer escalation policies and ways of resolving disagreements",
        ),
        when=Conditions(all_flags=frozenset({Flag.THRESHOLD_NOT_MET})),
    ),
    FixedQuestion(
        "next.review",
        Step.NEXT_STEPS,
        "When will you review this concern, and what will you look at then?",
        pinned=True,
    ),
    FixedQuestion(
        "sharing.not-a-barrier",
        Step.NEXT_STEPS,
        "Is worry about consent, confidentiality or data protection holding you back from "
        "sharing something that would help keep this child safe? If so, what would sharing it "
        "achieve, and with whom?",
        source=Source(
            "003_4350a0763766385e.txt",
            "National guidance and the law on data protection support sharing information to "
            "safeguard children; the barriers the review found among professionals were "
            "cultural ones",
        ),
        why="Data protection law sets out how to share information safely and in proportion; "
        "it does not stop you sharing to protect a child. Record what you shared, with whom, "
        "when and why, and what you decided not to share.",
    ),
)


def fixed_questions(step: Step) -> list[FixedQuestion]:
    return [q for q in FIXED_QUESTIONS if q.step is step]


def answer_in_words(key: str) -> str:
    """Where an answer sits, for people rather than code: the question and its step."""
    for fixed in FIXED_QUESTIONS:
        if fixed.key == key:
            return f"\u201c{fixed.question}\u201d ({fixed.step.title})"
    return f"a question from the learning from reviews ({Step.THEMES.title})"
