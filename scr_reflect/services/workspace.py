"""Set up or unlock a store and hand out the services that work on it."""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path

from ..domain.escalation_procedure import EscalationProcedure
from ..domain.prompts import PromptLibrary
from ..domain.records import SchoolProfile
from ..guidance.escalation_procedure import DEFAULT_FILE, load_procedure
from ..guidance.facts import FACTS_FILE, NationalFacts, load_facts
from ..guidance.prompt_library import LOCAL_FOLDER, SHIPPED_FOLDER, LibraryError, load_library
from ..paths import resources_dir
from ..storage.store import OpenStore, StoreFiles, create_store, open_memory_store, open_store
from .audit import AuditService
from .backups import back_up_if_due
from .clock import Clock, SystemClock
from .errors import WeakPassphrase
from .passphrase_policy import passphrase_problem
from .records import RecordService
from .reflection import ReflectionService
from .structured import StructuredService


@dataclass(frozen=True, slots=True)
class Guidance:
    """The data files the services work from: procedure, national facts, prompt library."""

    procedure: EscalationProcedure
    facts: NationalFacts
    library: PromptLibrary
    warnings: tuple[str, ...] = ()


def load_guidance(data_root: Path | None) -> Guidance:
    """Load before the store opens, so a broken shipped file leaves nothing open.

    A school's own prompts that do not load are set aside with a warning: the DSL can
    still reach the records."""
    shipped = resources_dir()
    procedure = load_procedure(shipped / DEFAULT_FILE)
    facts = load_facts(shipped / FACTS_FILE)
    library, warnings = load_library(shipped / SHIPPED_FOLDER), ()
    if data_root is not None and (data_root / LOCAL_FOLDER).is_dir():
        try:
            library = load_library(shipped / SHIPPED_FOLDER, data_root / LOCAL_FOLDER)
        except LibraryError as error:
            warnings = (f"Your local prompts were not loaded: {error}",)
    return Guidance(procedure, facts, library, warnings)


@dataclass
class Workspace:
    """Everything a DSL can do while the store is unlocked."""

    store: OpenStore
    profile: SchoolProfile
    guidance: Guidance
    clock: Clock = field(default_factory=SystemClock)

    def __post_init__(self) -> None:
        # Until each slot names its person, whoever unlocks is the DSL, person 1.
        self.person = self.store.people.get(1)
        actor = self.person.name
        self.store.audit.act_as(actor, self.clock.now_to_the_second)
        self.audit = AuditService(self.store.audit, self.store.repository)
        self.procedure, self.facts = self.guidance.procedure, self.guidance.facts
        self.records = RecordService(self.store.repository, self.clock, actor)
        self.structured = StructuredService(
            self.store.structured, self.clock, actor, self.procedure
        )
        self.reflection = ReflectionService(
            self.store.reflections, self.records, self.structured, self.guidance.library, self.clock
        )

    def close(self) -> None:
        try:
            back_up_if_due(self.store, self.clock.now())
        finally:
            self.store.close()


def data_folder_is_set_up(root: Path) -> bool:
    return StoreFiles(root).is_initialised()


def set_up(
    root: Path,
    passphrase: str,
    repeated: str,
    profile: SchoolProfile,
    clock: Clock | None = None,
) -> Workspace:
    """First run: check the passphrase, make the encrypted store, save the school's details."""
    clock = clock or SystemClock()
    problem = passphrase_problem(passphrase, repeated, [profile.school_name, profile.dsl_name])
    if problem:
        raise WeakPassphrase(problem)
    if not profile.school_name.strip() or not profile.dsl_name.strip():
        raise ValueError("Enter the school's name and the DSL's name.")
    guidance = load_guidance(root)
    store = create_store(StoreFiles(root), passphrase, profile, clock.now())
    return Workspace(store, profile, guidance, clock)


def unlock(root: Path, passphrase: str, clock: Clock | None = None) -> Workspace:
    clock = clock or SystemClock()
    guidance = load_guidance(root)
    store = open_store(StoreFiles(root), passphrase, clock.now_to_the_second())
    try:
        ws = Workspace(store, store.repository.profile(), guidance, clock)
        ws.audit.unlocked()
    except Exception:
        store.close()  # an unlock that cannot be logged leaves nothing open
        raise
    return ws


def in_memory(profile: SchoolProfile, clock: Clock | None = None) -> Workspace:
    """An encrypted workspace that lives in memory only: tests and benchmarks."""
    return Workspace(
        open_memory_store(profile), profile, load_guidance(None), clock or SystemClock()
    )
