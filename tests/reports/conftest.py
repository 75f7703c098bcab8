"""The demo caseload, with a few more fictional records, loaded once for the report tests.

Zoë Łukasiewicz-Nguyễn (a demo child) gets what the demo leaves out: a reflection with a
decision, an account with a contradicted claim, and a "threshold not met" decision that the
school is escalating, still waiting for a reply. Every name and event is invented.
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass
from datetime import date, datetime, timedelta

import pytest

from scr_reflect.demo.caseload import DEMO_PROFILE, load_demo_caseload
from scr_reflect.domain.accounts import (
    Account,
    AccountSource,
    Claim,
    ClaimStatus,
    EvidenceKind,
)
from scr_reflect.domain.referrals import (
    Agency,
    Escalation,
    EscalationStep,
    Referral,
    ReferralOutcome,
)
from scr_reflect.domain.reflection import Answer, Decision
from scr_reflect.services import workspace
from scr_reflect.services.clock import FixedClock
from scr_reflect.services.reports import Report, ReportService
from scr_reflect.services.workspace import Workspace
from tests.store_access import store_of

NOW = datetime(2025, 3, 10, 9, 30)
ZOE = "Zoë Łukasiewicz-Nguyễn"
REASONS = "Three missing episodes in eight weeks, the last with an adult man far from home."
WOULD_CHANGE = "A named adult she trusts and no further episodes for a term."
CLAIM = "Zoë is always home by nine on school nights"
CONTRADICTION = "Police found her in another county at 11 pm on a Tuesday"
WHY_DISAGREE = "The decision treats each episode on its own; together they show grooming."
ASKING_FOR = "A strategy discussion within five working days."
STEP_CONTACT = "Ms Ashworth-Oyelaran, MASH team manager"


@dataclass(frozen=True)
class Demo:
    ws: Workspace
    service: ReportService
    zoe: int
    concern_id: int
    escalation_id: int


def _ids(change_record_id: int | None) -> int:
    assert change_record_id is not None
    return change_record_id


def _add_zoes_records(ws: Workspace, zoe: int) -> tuple[int, int]:
    concern = [c for c in ws.records.concerns_for_child(zoe) if c.child_words][-1]
    assert concern.id is not None
    for key, question, text in (
        ("decision.choice", "What have you decided?", Decision.REFERRAL.value),
        ("decision.reasons", "The reasons for the decision.", REASONS),
        ("decision.would_change", "What would change your decision?", WOULD_CHANGE),
    ):
        store_of(ws).reflections.save(
            Answer(concern.id, key, question, text, "test", NOW), "Reflection: decided"
        )
    account_id = _ids(
        ws.structured.add(
            Account(
                zoe, AccountSource.PARENT, "Mother", NOW - timedelta(days=20), "On Zoë's evenings."
            )
        ).record_id
    )
    ws.structured.add(
        Claim(account_id, CLAIM, ClaimStatus.CONTRADICTED, EvidenceKind.RECORD, CONTRADICTION)
    )
    referral_id = _ids(
        ws.structured.add(
            Referral(
                zoe,
                NOW - timedelta(days=12),
                Agency.CHILDRENS_SOCIAL_CARE,
                "A strategy discussion after a fourth missing episode.",
                ReferralOutcome.THRESHOLD_NOT_MET,
                "Known to the exploitation panel; no new information.",
                NOW - timedelta(days=11),
            )
        ).record_id
    )
    escalation_id = _ids(
        ws.structured.add(
            Escalation(zoe, referral_id, NOW.date() - timedelta(days=8), WHY_DISAGREE, ASKING_FOR)
        ).record_id
    )
    ws.structured.add(
        EscalationStep(
            escalation_id,
            "practitioner",
            "The MASH social worker",
            NOW.date() - timedelta(days=8),
            "Decision stands.",
            NOW.date() - timedelta(days=6),
        )
    )
    ws.structured.add(
        EscalationStep(
            escalation_id,
            "manager",
            STEP_CONTACT,
            NOW.date() - timedelta(days=5),
            "",
            date(2025, 3, 12),
        )
    )
    return concern.id, escalation_id


@pytest.fixture(scope="package")
def demo() -> Iterator[Demo]:
    ws = workspace.in_memory(DEMO_PROFILE, FixedClock(NOW))
    load_demo_caseload(ws)
    zoe = ws.records.search_children("Łukasiewicz")[0]
    concern_id, escalation_id = _add_zoes_records(ws, zoe)
    yield Demo(ws, ReportService(ws, invariant=True), zoe, concern_id, escalation_id)
    ws.close()


@pytest.fixture(scope="package")
def zoe_referral(demo: Demo) -> Report:
    return demo.service.referral(demo.zoe, demo.concern_id)


@pytest.fixture(scope="package")
def zoe_escalation(demo: Demo) -> Report:
    return demo.service.escalation(demo.zoe)


@pytest.fixture(scope="package")
def zoe_chronology(demo: Demo) -> Report:
    return demo.service.chronology(demo.zoe)


@pytest.fixture(scope="package")
def supervision(demo: Demo) -> Report:
    return demo.service.supervision()
