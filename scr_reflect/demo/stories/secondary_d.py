"""Demo stories, secondary phase (part four). Every person and event here is invented."""

from __future__ import annotations

from ...domain.accounts import AccountSource, ClaimStatus, EvidenceKind
from ...domain.enums import Category as C
from ...domain.enums import ConcernStatus as S
from ...domain.factors import Factor as F
from ...domain.referrals import Agency, ReferralOutcome
from .records_spec import (
    AccountSpec,
    ClaimSpec,
    EscalationSpec,
    FactorSpec,
    ReferralSpec,
    StepSpec,
)
from .spec import ATTENDANCE, DSL, HEAD_OF_YEAR, TUTOR, ChildSpec, action, concern

# Criminal exploitation, a "threshold not met", and a school that challenged it.
KAI = ChildSpec(
    full_name="Kai Marchetti-Boateng",
    age=14,
    birthday_in_days=110,
    tutor_letter="M",
    upn_serial=202,
    household=(
        "Lives with mother, who works nights, and an older brother (19) who has recently left "
        "custody. Joined the school in Year 8 from another local school."
    ),
    events=(
        concern(
            190,
            TUTOR,
            (C.CRIMINAL_EXPLOITATION,),
            "Staff have seen Kai get into a car with older teenagers after school three times. "
            "He has two phones and has been seen with a roll of cash at lunch.",
            action="DSL spoke to Kai, who said his brother's friends give him lifts. Mother "
            "told; she said she would talk to him.",
            at="15:30",
        ),
        AccountSpec(
            190,
            AccountSource.CHILD,
            "Kai",
            "The people in the car are his brother's friends, who give him lifts home. The "
            "second phone is an old one of his brother's.",
            (
                ClaimSpec("The people in the car are his brother's friends"),
                ClaimSpec(
                    "They only give him lifts home",
                    ClaimStatus.CONTRADICTED,
                    EvidenceKind.OBSERVATION,
                    "Staff saw the car drive away from the town centre, not towards Kai's home, "
                    "on two of the three occasions.",
                ),
            ),
            at="15:45",
        ),
        FactorSpec(
            F.CHILD_EXPLOITATION,
            190,
            "Staff observations: older associates, two phones, cash",
        ),
        concern(
            171,
            ATTENDANCE,
            (C.CRIMINAL_EXPLOITATION, C.GOING_MISSING),
            "Kai was absent for three days; mother said he was ill. A friend told a teacher "
            "Kai had been 'working' in a town two hours away.",
            action="Referral to children's social care setting out the signs of criminal "
            "exploitation: cash, two phones, older associates, unexplained absence and travel "
            "to another town.",
            status=S.CLOSED,
            outcome="Children's social care: threshold not met; passed to "
            "youth early help. School disagreed and escalated.",
        ),
        AccountSpec(
            171,
            AccountSource.PARENT,
            "Mother",
            "By phone: Kai was at home ill with a stomach bug for all three days.",
            (
                ClaimSpec(
                    "Kai was at home ill for all three days",
                    ClaimStatus.CONTRADICTED,
                    EvidenceKind.ACCOUNT,
                    "A pupil told a teacher Kai had spent those days 'working' in a town two "
                    "hours away. Mother works nights, so may not have seen him during the day.",
                ),
            ),
            at="09:20",
        ),
        FactorSpec(
            F.CHILD_GOING_MISSING,
            171,
            "Unexplained absence; a pupil's account of travel to another town",
        ),
        ReferralSpec(
            170,
            Agency.CHILDRENS_SOCIAL_CARE,
            "An assessment of risk of child criminal exploitation: cash, two phones, older "
            "associates, unexplained absence and travel to another town.",
            ReferralOutcome.THRESHOLD_NOT_MET,
            "MASH decision: 'no evidence of significant harm; family engaging'. Passed to "
            "youth early help. The decision does not address the travel or the cash.",
            heard_back_days_ago=163,
            escalation=EscalationSpec(
                160,
                "The decision reads each sign on its own. Together, cash, two phones, older "
                "associates, unexplained absence and travel to another town are recognised "
                "signs of criminal exploitation.",
                "A strategy discussion, or a referral to the exploitation panel.",
                (
                    StepSpec(
                        "practitioner",
                        "Ms Dunmore (MASH social worker who made the decision)",
                        160,
                        "Decision stands: the family are engaging with early help.",
                    ),
                    StepSpec(
                        "manager",
                        "Mr Afolabi (MASH team manager), in writing with the chronology",
                        158,
                        "Decision upheld, but Kai will be discussed at the exploitation panel. "
                        "The school's continuing disagreement is recorded.",
                    ),
                ),
                resolved_days_ago=119,
                resolution="Overtaken: the school's referral after Kai's injury led to a "
                "strategy discussion and a National Referral Mechanism referral.",
            ),
        ),
        concern(
            120,
            TUTOR,
            (C.CRIMINAL_EXPLOITATION, C.PHYSICAL),
            "Kai arrived with a bandaged cut across his palm and would not say how it "
            "happened. He has not brought a school bag for two weeks.",
            words="If I say anything they'll do my mum's house.",
            action="Immediate referral to the MASH. Police told with Kai's knowledge. DSL "
            "explained to Kai what would happen next and who would know.",
            status=S.REFERRED,
            at="09:05",
        ),
        ReferralSpec(
            120,
            Agency.CHILDRENS_SOCIAL_CARE,
            "An urgent strategy discussion: an unexplained injury and Kai's fear of reprisals "
            "against his family, on top of the earlier signs of criminal exploitation.",
            ReferralOutcome.STRATEGY_DISCUSSION,
            "Section 47 enquiry. Referral to the National Referral Mechanism as a possible "
            "victim of child criminal exploitation. Kai to be discussed at the contextual "
            "safeguarding meeting with the other young people seen in the car.",
            heard_back_days_ago=119,
            at="09:40",
            heard_back_at="12:00",
        ),
        action(
            -4, "Send attendance data to the exploitation panel coordinator before the review", DSL
        ),
        action(7, "Refer Kai to the voluntary sector youth mentoring project", HEAD_OF_YEAR),
    ),
)

STORIES = (KAI,)
