"""Who may open the store, and how: deputies added and removed by the DSL, each person's own
passphrase changed, and a new recovery code. Each is one method here."""

from __future__ import annotations

from ..domain import recovery_code
from ..domain.audit import AuditAction, NewEntry
from ..domain.people import Person, Role
from ..storage.keyring import KeyRing
from ..storage.store import OpenStore
from .clock import Clock
from .errors import NotAllowed, WeakPassphrase, WrongCurrentPassphrase
from .passphrase_policy import passphrase_problem

ONLY_THE_DSL = "Only the Designated Safeguarding Lead can add or remove people."
TAKEN = "Choose another passphrase: each person needs one of their own."
REKEYED = (
    "The records were re-encrypted under a new key: an older copy of the key file no longer "
    "opens them. Backups made before now still open as they did: keep them safe, or delete them."
)
UNFINISHED = (
    "The records could not be re-encrypted just now: that finishes when they are next "
    "unlocked. Until then an older copy of the key file still opens them."
)
LEFT_OUT = (
    "{name} (id {id}) has not unlocked since SCR Reflect was updated, so the new key could "
    "not be given to them: remove them and add them again with a new passphrase."
)
CODE_DROPPED = (
    "The recovery code was made before SCR Reflect was updated and could not be given the "
    "new key: make a new recovery sheet."
)


class PeopleService:
    def __init__(self, store: OpenStore, clock: Clock, me: Person, school_name: str) -> None:
        self._store, self._clock, self.me, self._school = store, clock, me, school_name
        self._left_out: list[int] = []
        self.recovery_code_dropped = False

    @property
    def is_dsl(self) -> bool:
        return self.me.role is Role.DSL

    @property
    def has_recovery_code(self) -> bool:
        return self._store.keys.has_recovery_code

    def everyone(self) -> list[Person]:
        return self._store.people.everyone()

    def add_deputy(self, name: str, passphrase: str, repeated: str) -> Person:
        """A deputy DSL with their own passphrase (typed by them) and their own key slot."""
        self._only_the_dsl()
        name = name.strip()
        if not name:
            raise ValueError("Enter the deputy's name.")
        self._check_strength(passphrase, repeated, name)
        check_not_taken(self._store.keys, passphrase, owner=None)
        added = self._store.people.add(
            name,
            Role.DEPUTY,
            self.me.name,
            self._clock.now(),
            before_commit=lambda added: self._store.keys.set_passphrase(added.id, passphrase),
        )
        self._audit(AuditAction.PERSON_ADDED, added, f"{added.name}, {added.role.label}")
        return added

    def remove(self, person_id: int) -> Person:
        """Take a deputy's key slot away and re-encrypt the store under a new key, so no old
        copy of the key file opens it with their passphrase; their name stays on what they
        wrote. Backups made before still open with it: they carry the old key file."""
        self._only_the_dsl()
        person = self._store.people.get(person_id)
        if person.role is Role.DSL:
            raise NotAllowed("The Designated Safeguarding Lead cannot be removed.")
        if not person.is_current:
            raise NotAllowed(f"{person.name} was already removed.")
        # The rekey first: it needs the database to itself, and if the removal's commit then
        # failed, the deputy would be locked out still listed, and removing again finishes it.
        had_code = self.has_recovery_code
        self._left_out = self._store.keys.remove(person_id)
        # A recovery slot from before slots held key pairs cannot take the new key either.
        self.recovery_code_dropped = had_code and not self.has_recovery_code
        removed = self._store.people.remove(person_id, self.me.name, self._clock.now())
        self._audit(AuditAction.PERSON_REMOVED, removed, f"{removed.name}, {removed.role.label}")
        return removed

    @property
    def rekey_unfinished(self) -> bool:
        """The re-encryption could not finish (a full disk, say): the next unlock finishes it,
        and till then an older copy of the key file still opens the records."""
        return self._store.keys.rekey_under_way

    def left_without_access(self) -> list[Person]:
        """People still listed whose key slot the last rekey had to drop: their slot was made
        before slots held key pairs, and they had not unlocked since. The DSL removes and adds
        them again, with a new passphrase."""
        return [p for p in self.everyone() if p.id in self._left_out and p.is_current]

    def after_rekey(self) -> list[str]:
        """What the DSL needs to hear after a removal or a new recovery code, one sentence each:
        the same words in the window and on the command line."""
        notes = [UNFINISHED if self.rekey_unfinished else REKEYED]
        notes += [LEFT_OUT.format(name=p.name, id=p.id) for p in self.left_without_access()]
        if self.recovery_code_dropped:
            notes.append(CODE_DROPPED)
        return notes

    def change_passphrase(self, current: str, new: str, repeated: str) -> None:
        """Rewrap the data key under the new passphrase; the old one stops working."""
        self._check_strength(new, repeated, self.me.name)
        if not self._store.keys.opens(self.me.id, current):
            raise WrongCurrentPassphrase
        check_not_taken(self._store.keys, new, owner=self.me.id)
        self._store.keys.set_passphrase(self.me.id, new)
        self._audit(AuditAction.PASSPHRASE_CHANGED, self.me)

    def new_recovery_code(self) -> str:
        """A fresh code, shown once. The store is re-encrypted under a new key, so the code on
        any earlier sheet stops working, even with an old copy of the key file."""
        if not self.is_dsl:
            raise NotAllowed("Only the Designated Safeguarding Lead can make a recovery sheet.")
        code = recovery_code.new_code()
        self._left_out = self._store.keys.set_recovery_code(recovery_code.stored_form(code))
        self.recovery_code_dropped = False
        self._audit(AuditAction.RECOVERY, self.me, "a new recovery code replaced the old one")
        return code

    def _audit(self, action: AuditAction, person: Person, detail: str = "") -> None:
        # After the key file changed: the trail names staff, which is no child's detail.
        self._store.audit.append(NewEntry(action, None, "person", person.id, detail))

    def _only_the_dsl(self) -> None:
        if not self.is_dsl:
            raise NotAllowed(ONLY_THE_DSL)

    def _check_strength(self, passphrase: str, repeated: str, name: str) -> None:
        problem = passphrase_problem(passphrase, repeated, [self._school, name])
        if problem:
            raise WeakPassphrase(problem)


def check_not_taken(keys: KeyRing, passphrase: str, owner: int | None) -> None:
    """Refuse a passphrase that already opens the store for someone other than its owner."""
    # Unlock takes the first slot a passphrase opens: two people sharing one would both be
    # taken for the one tried first.
    if keys.whose(passphrase) not in (None, owner):
        raise WeakPassphrase(TAKEN)
