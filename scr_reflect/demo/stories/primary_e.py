"""Demo stories, primary phase (part five). Every person and event here is invented."""

from __future__ import annotations

from ...domain.accounts import AccountSource, ClaimStatus, EvidenceKind
from ...domain.body_map import BodyView, MarkShape
from ...domain.enums import Category as C
from ...domain.enums import ConcernStatus as S
from ...domain.enums import EntryKind as K
from ...domain.factors import Factor as F
from ...domain.referrals import Agency, ReferralOutcome
from ...domain.sharing import LawfulBasis
from .records_spec import (
    AccountSpec,
    ClaimSpec,
    FactorSpec,
    MarkSpec,
    ReferralSpec,
    SharingSpec,
)
from .spec import DSL, Y3_TEACHER, ChildSpec, action, concern, entry

# A parent's account that a record and another account contradict.
POPPY = ChildSpec(
    full_name="Poppy Fairweather-Mensah",
    age=7,
    birthday_in_days=300,
    tutor_letter="A",
    upn_serial=103,
    household=(
        "Lives with father and stepmother and two younger half-siblings. Mother lives "
        "locally and has Poppy every other weekend."
    ),
    events=(
        FactorSpec(
            F.PARENTAL_SEPARATION,
            600,
            "Admission form",
            notes="Lives with father and stepmother; every other weekend with mother.",
        ),
        concern(
            25,
            Y3_TEACHER,
            (C.PHYSICAL,),
            "At the start of PE Poppy was slow to change and held her left arm against her "
            "body. There is a purple bruise, about 4 cm, on the inside of her upper arm and a "
            "yellowing bruise near her elbow.",
            words="I fell off my bike.",
            action="Body map completed. DSL spoke with Poppy using open questions; she "
            "repeated that she fell off her bike and did not want to say more.",
            status=S.REFERRED,
            at="13:35",
        ),
        MarkSpec(
            25,
            BodyView.FRONT,
            "left upper arm, front",
            MarkShape.OVAL,
            "Purple",
            Y3_TEACHER,
            4.0,
            2.5,
            child_said="I fell off my bike.",
        ),
        MarkSpec(
            25,
            BodyView.BACK,
            "left forearm, outer",
            MarkShape.ROUND,
            "Yellowing",
            Y3_TEACHER,
            2.0,
            child_said="I fell off my bike.",
        ),
        AccountSpec(
            25,
            AccountSource.CHILD,
            "Poppy",
            "To the DSL, with open questions: she fell off her bike. She did not want to say more.",
            (ClaimSpec("She hurt her arm falling off her bike"),),
            at="13:50",
        ),
        AccountSpec(
            25,
            AccountSource.PARENT,
            "Stepmother",
            "By phone: Poppy fell from her bike in the park at the weekend, and she saw it happen.",
            (
                ClaimSpec(
                    "Poppy fell from her bike in the park at the weekend",
                    ClaimStatus.CONTRADICTED,
                    EvidenceKind.RECORD,
                    "Class teacher's note from September: Poppy told the class her bike had "
                    "been stolen and she does not have one now.",
                ),
                ClaimSpec("The stepmother saw the fall"),
            ),
        ),
        AccountSpec(
            24,
            AccountSource.PARENT,
            "Mother",
            "Asked only whether Poppy has a bike at either house: it was stolen in the summer "
            "and has not been replaced.",
            (
                ClaimSpec(
                    "Poppy's bike was stolen in the summer and not replaced",
                    ClaimStatus.CORROBORATED,
                    EvidenceKind.RECORD,
                    "Class teacher's note from September of what Poppy told the class.",
                ),
            ),
            at="08:45",
        ),
        entry(
            K.NOTE,
            24,
            "Accounts do not match",
            "The stepmother's explanation for the bruising cannot be checked and conflicts "
            "with the class teacher's September note and with what mother says. Bruising to "
            "the inside of the upper arm is not explained.",
            at="09:00",
        ),
        ReferralSpec(
            24,
            Agency.CHILDRENS_SOCIAL_CARE,
            "Phoned the MASH and confirmed in writing the same day: bruising to the inner "
            "upper arm of a seven-year-old, and an explanation from the family that conflicts "
            "with a record and another account.",
            ReferralOutcome.STRATEGY_DISCUSSION,
            "Strategy discussion: joint police and social care enquiry under section 47. "
            "Poppy to be seen at school by a social worker with the DSL present. Child "
            "protection medical arranged.",
            heard_back_days_ago=24,
            at="09:40",
        ),
        SharingSpec(
            24,
            True,
            "Children's social care (MASH)",
            "The bruising, the body map and the accounts that do not match",
            "An unexplained injury to a seven-year-old, with an explanation that conflicts "
            "with other information.",
            LawfulBasis.SAFEGUARDING_CONDITION,
            why_not_told="On MASH advice the family were not told before the strategy "
            "discussion, so that the enquiry was not compromised.",
            at="09:35",
        ),
        action(-2, "Ask the social worker for the outcome of the child protection medical", DSL),
    ),
)

STORIES = (POPPY,)
