"""Set up or unlock a store and hand out the services that work on it."""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path

from ..domain.escalation_procedure import EscalationProcedure
from ..domain.records import SchoolProfile
from ..guidance.escalation_procedure import DEFAULT_FILE, load_procedure
from ..guidance.facts import FACTS_FILE, NationalFacts, load_facts
from ..paths import resources_dir
from ..storage.store import OpenStore, StoreFiles, create_store, open_memory_store, open_store
from .clock import Clock, SystemClock
from .errors import WeakPassphrase
from .passphrase_policy import passphrase_problem
from .records import RecordService
from .structured import StructuredService


def default_procedure() -> EscalationProcedure:
    return load_procedure(resources_dir() / DEFAULT_FILE)


def default_facts() -> NationalFacts:
    return load_facts(resources_dir() / FACTS_FILE)


@dataclass
class Workspace:
    """Everything a DSL can do while the store is unlocked."""

    store: OpenStore
    profile: SchoolProfile
    clock: Clock = field(default_factory=SystemClock)
    procedure: EscalationProcedure = field(default_factory=default_procedure)
    facts: NationalFacts = field(default_factory=default_facts)

    def __post_init__(self) -> None:
        actor = self.profile.dsl_name
        self.records = RecordService(self.store.repository, self.clock, actor)
        self.structured = StructuredService(
            self.store.structured, self.clock, actor, self.procedure
        )

    def close(self) -> None:
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
    store = create_store(StoreFiles(root), passphrase, profile, clock.now())
    return Workspace(store, profile, clock)


def unlock(root: Path, passphrase: str, clock: Clock | None = None) -> Workspace:
    clock = clock or SystemClock()
    store = open_store(StoreFiles(root), passphrase, clock.now())
    return Workspace(store, store.repository.profile(), clock)


def in_memory(profile: SchoolProfile, clock: Clock | None = None) -> Workspace:
    """An encrypted workspace that lives in memory only: tests and benchmarks."""
    return Workspace(open_memory_store(profile), profile, clock or SystemClock())
