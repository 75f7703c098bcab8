"""Set up or unlock a store and hand out the services that work on it."""

from __future__ import annotations

from contextlib import suppress
from dataclasses import dataclass, field
from functools import cache
from pathlib import Path

from ..domain import recovery_code
from ..domain.audit import AuditAction
from ..domain.chronology_filter import ChronologyFilter
from ..domain.escalation_procedure import EscalationProcedure
from ..domain.prompts import PromptLibrary
from ..domain.records import SchoolProfile
from ..guidance.escalation_procedure import DEFAULT_FILE, load_procedure
from ..guidance.facts import FACTS_FILE, NationalFacts, load_facts
from ..guidance.prompt_library import LOCAL_FOLDER, SHIPPED_FOLDER, LibraryError, load_library
from ..resource_files import resources_dir
from ..storage import first_use
from ..storage.demo_bulk import DemoBulkRows
from ..storage.store import (
    OpenStore,
    StoreFiles,
    create_store,
    open_memory_store,
    open_store,
    recover_store,
)
from ..storage.transfer_repository import TransferRepository
from ..storage.unit_of_work import RecordNotFound
from .audit import AuditService
from .backups import Backup, Verification, back_up_if_due
from .children_overview import ChildrenOverview
from .clock import Clock, SystemClock
from .errors import NotARecoveryCode, WeakPassphrase
from .passphrase_policy import passphrase_problem
from .people import PeopleService, check_not_taken
from .pupil_import import PupilImportService
from .records import RecordService
from .reflection import ReflectionService
from .retention import RetentionService
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
    procedure, facts, library = _shipped_guidance(shipped)
    warnings: tuple[str, ...] = ()
    if data_root is not None and (data_root / LOCAL_FOLDER).is_dir():
        try:
            library = load_library(shipped / SHIPPED_FOLDER, data_root / LOCAL_FOLDER)
        except LibraryError as error:
            warnings = (f"Your local prompts were not loaded: {error}",)
    return Guidance(procedure, facts, library, warnings)


def prepare_to_open() -> None:
    """The work every first unlock of a run would otherwise do itself, done ahead of it: the
    shipped guidance files read, the record mappings set up, the database driver loaded.
    Opens no store and reads nothing of a child."""
    load_guidance(None)
    first_use.load_ahead()


@cache
def _shipped_guidance(shipped: Path) -> tuple[EscalationProcedure, NationalFacts, PromptLibrary]:
    """Read once a run: the shipped files do not change while the app runs, and reading
    the prompt library would otherwise take a good part of every unlock."""
    return (
        load_procedure(shipped / DEFAULT_FILE),
        load_facts(shipped / FACTS_FILE),
        load_library(shipped / SHIPPED_FOLDER),
    )


@dataclass
class Workspace:
    """Everything the person who unlocked the store can do while it is open."""

    _store: OpenStore
    profile: SchoolProfile
    guidance: Guidance
    clock: Clock = field(default_factory=SystemClock)
    # Set only by set_up, and handed out once (take_new_recovery_code).
    _new_recovery_code: str | None = field(default=None, repr=False)

    def __post_init__(self) -> None:
        # Whoever unlocked: their name goes on every record and amendment they make.
        self.person = self._store.people.get(self._store.person_id)
        actor = self.person.name
        self._store.audit.act_as(actor, self.clock.now_to_the_second)
        self.audit = AuditService(self._store.audit, self._store.repository)
        self.people = PeopleService(self._store, self.clock, self.person, self.profile.school_name)
        self.procedure, self.facts = self.guidance.procedure, self.guidance.facts
        self.records = RecordService(self._store.repository, self.clock, actor)
        self.structured = StructuredService(
            self._store.structured, self.clock, actor, self.procedure
        )
        self.children_overview = ChildrenOverview(self.records, self.structured, self.clock)
        self.reflection = ReflectionService(
            self._store.reflections,
            self.records,
            self.structured,
            self.guidance.library,
            self.clock,
        )
        self.retention = RetentionService(
            self._store.retention, self.clock, actor, self._store.files
        )
        self.pupil_import = PupilImportService(self._store.pupil_import, self.clock, actor)

    def compile_opening_ahead(self) -> None:
        """Run each statement opening a child runs once, for no child (ids start at 1), so
        they are compiled while the DSL looks at the list rather than at the first child
        opened. Reads nothing of any child, and leaves no audit entry: nothing is shown."""
        nobody = 0
        with suppress(RecordNotFound):
            self.records.child(nobody)
        self.records.actions_for_child(nobody)
        self.structured.picture(nobody)
        self.records.entries(self.records.entry_ids(nobody, ChronologyFilter()) or [nobody])

    def require_writable(self) -> None:
        """Refuse, saying why, what would need the records written (a document saved or
        printed must enter the audit trail) while they could only be opened to read."""
        if self._store.read_only is not None:
            raise self._store.read_only

    def backup(self, also_to: Path | None = None) -> Backup:
        """A new backup of these records, with a copy in a second folder if given."""
        return Backup(self._store, self.clock.now(), also_to)

    def verification(self) -> Verification:
        """The checks of these records, to run step by step."""
        return Verification.of_open_store(self._store)

    def transfer_rows(self) -> TransferRepository:
        """Child protection files sent and received: for services/transfer.py."""
        return self._store.transfers

    def demo_bulk_rows(self) -> DemoBulkRows:
        """Plain rows straight into the tables: for loading the large demo caseload only."""
        return self._store.demo_bulk

    @property
    def notices(self) -> tuple[str, ...]:
        """What the DSL should know on opening: prompts not loaded, a store open read-only."""
        if self._store.read_only is None:
            return self.guidance.warnings
        return (*self.guidance.warnings, read_only_notice(self._store.read_only))

    def take_new_recovery_code(self) -> str | None:
        """The recovery code made at setup, once: to show and print, never to keep."""
        code, self._new_recovery_code = self._new_recovery_code, None
        return code

    def close(self) -> None:
        try:
            back_up_if_due(self._store, self.clock.now())
        finally:
            self._store.close()


def read_only_notice(problem: Exception) -> str:
    return (
        "The records are open for reading only: nothing can be added or changed until the "
        f"disk has room again or the folder can be written. {problem}"
    )


def data_folder_is_set_up(root: Path) -> bool:
    return StoreFiles(root).is_initialised()


def set_up(
    root: Path,
    passphrase: str,
    repeated: str,
    profile: SchoolProfile,
    clock: Clock | None = None,
) -> Workspace:
    """First run: check the passphrase, make the encrypted store, save the school's details.

    The store also opens with a new recovery code: take_new_recovery_code() gives it, once."""
    clock = clock or SystemClock()
    problem = passphrase_problem(passphrase, repeated, [profile.school_name, profile.dsl_name])
    if problem:
        raise WeakPassphrase(problem)
    if not profile.school_name.strip() or not profile.dsl_name.strip():
        raise ValueError("Enter the school's name and the DSL's name.")
    guidance = load_guidance(root)
    code = recovery_code.new_code()
    store = create_store(
        StoreFiles(root), passphrase, profile, clock.now(), recovery_code.stored_form(code)
    )
    return Workspace(store, profile, guidance, clock, code)


def unlock(
    root: Path, passphrase: str, clock: Clock | None = None, reading_only_if_need_be: bool = False
) -> Workspace:
    """Open the store as the person whose passphrase this is.

    On a full disk or a folder that cannot be written, a command that is to change something
    fails at once, saying why; with reading_only_if_need_be (the window, commands that only
    read) the store opens for reading only instead, and notices says so."""
    clock = clock or SystemClock()
    guidance = load_guidance(root)
    store = open_store(
        StoreFiles(root), passphrase, clock.now_to_the_second(), reading_only_if_need_be
    )
    try:
        ws = Workspace(store, store.repository.profile(), guidance, clock)
        ws.audit.unlocked()
    except Exception:
        store.close()  # an unlock that cannot be logged leaves nothing open
        raise
    return ws


def recover_with_code(
    root: Path, code: str, passphrase: str, repeated: str, clock: Clock | None = None
) -> Workspace:
    """A forgotten passphrase: the recovery code opens the store as the DSL, who sets a new
    passphrase. The data key is the same, so nothing is lost."""
    clock = clock or SystemClock()
    stored = recovery_code.normalised(code)
    if stored is None:
        raise NotARecoveryCode(
            f"A recovery code is {recovery_code.HOW_IT_LOOKS}, as on the recovery sheet."
        )
    # Checked before and after opening: the names it must not contain are inside the store.
    problem = passphrase_problem(passphrase, repeated, [])
    if problem:
        raise WeakPassphrase(problem)
    guidance = load_guidance(root)
    store = recover_store(StoreFiles(root), stored, clock.now())
    try:
        profile = store.repository.profile()
        dsl = store.people.get(store.person_id)
        problem = passphrase_problem(passphrase, repeated, [profile.school_name, dsl.name])
        if problem:
            raise WeakPassphrase(problem)
        check_not_taken(store.keys, passphrase, owner=dsl.id)
        store.keys.set_passphrase(dsl.id, passphrase)
        ws = Workspace(store, profile, guidance, clock)
        ws.audit.unlocked()
        ws.audit.record(
            AuditAction.RECOVERY,
            record_type="person",
            record_id=dsl.id,
            detail="a new passphrase was set with the recovery code",
        )
    except BaseException:
        store.close()
        raise
    return ws


def in_memory(profile: SchoolProfile, clock: Clock | None = None) -> Workspace:
    """An encrypted workspace that lives in memory only: tests and benchmarks."""
    return Workspace(
        open_memory_store(profile), profile, load_guidance(None), clock or SystemClock()
    )
