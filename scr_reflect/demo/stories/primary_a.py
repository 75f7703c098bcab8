"""Demo stories, primary phase (part one). Every person and event here is invented."""

from __future__ import annotations

from ...domain.accounts import AccountSource, ClaimStatus, EvidenceKind
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
    ReferralSpec,
    SharingSpec,
)
from .spec import (
    DSL,
    LUNCHTIME,
    NURSE,
    Y1_TEACHER,
    ChildSpec,
    action,
    concern,
    entry,
)

# Neglect of a five-year-old, building over two terms, with a new adult in the home.
ALFIE = ChildSpec(
    full_name="Alfred Brannock-Obi",
    preferred_name="Alfie",
    age=5,
    birthday_in_days=140,
    tutor_letter="H",
    upn_serial=101,
    household=(
        "Lives with mother (Kerry Brannock) and half-brother (18 months). Since the spring, "
        "mother's new partner has lived in the home; school knows him only as 'Lee'. Father "
        "(Daniel Obi) has had no contact for two years. Eligible for free school meals."
    ),
    events=(
        FactorSpec(
            F.PARENTAL_SEPARATION,
            730,
            "Admission form",
            notes="Father has had no contact for two years.",
        ),
        FactorSpec(F.POVERTY, 400, "Free school meals eligibility; later, the food bank referral"),
        concern(
            160,
            Y1_TEACHER,
            (C.NEGLECT,),
            "Alfie arrived at 9.20 am without a coat in heavy rain. His jumper was damp and "
            "smelt strongly of smoke. He ate two portions at breakfast club and asked a "
            "teaching assistant whether he could take toast home 'for later'.",
            action="Spare uniform and coat given. Mother spoken to at collection: she said the "
            "washing machine has broken. Breakfast club place confirmed.",
            status=S.CLOSED,
            outcome="No further concern that half term. Closed, to be read with any later concern.",
            at="09:25",
        ),
        entry(
            K.CONTACT,
            131,
            "Call to mother about lateness",
            "Alfie late on six of the last ten days. Mother said mornings are hard with the "
            "baby. Offered a place at breakfast club from 8 am; she accepted.",
        ),
        concern(
            118,
            LUNCHTIME,
            (C.NEGLECT,),
            "Head lice seen again, three weeks after the last letter home. Alfie's scalp is "
            "sore and he has scratched it until it bled behind one ear.",
            words="Mummy says she hasn't got money for the shampoo.",
            action="School nurse gave a treatment pack with mother's consent. Food bank "
            "voucher offered and accepted.",
            status=S.CLOSED,
            outcome="Treatment given; family referred to the food bank.",
        ),
        entry(
            K.NOTE,
            95,
            "New adult collecting: mother's partner",
            "Alfie collected for the first time by a man who introduced himself as 'Lee, "
            "Mum's fella'. He is not on the collection list. Mother confirmed by phone that "
            "he may collect. School has no surname or date of birth for him.",
            at="15:20",
        ),
        FactorSpec(
            F.MULTIPLE_PARTNERS,
            95,
            "Mother, by phone, when a new adult first collected Alfie",
            notes="Mother's new partner, known only as 'Lee', has lived in the home since the "
            "spring. The school has no surname or date of birth for him.",
        ),
        concern(
            74,
            Y1_TEACHER,
            (C.NEGLECT, C.EMOTIONAL),
            "Alfie was collected 55 minutes late by Lee, who staff thought smelt of alcohol. "
            "Alfie had been crying that he was hungry and would not get his coat on. When "
            "Lee arrived Alfie went quiet and held the teacher's hand.",
            words="Lee shouts when I'm hungry. I have to be quiet in my room.",
            action="DSL informed the same afternoon. Early help assessment proposed to mother, "
            "who agreed. Mother asked for Lee's full name and date of birth; she declined.",
            at="16:10",
        ),
        AccountSpec(
            73,
            AccountSource.PARENT,
            "Mother",
            "Spoke with the DSL the next morning. Lee is a friend who helps out and does not "
            "live with them. He had not been drinking; he was late because of traffic. Alfie "
            "gets plenty to eat at home and is 'just a hungry boy'.",
            (
                ClaimSpec(
                    "Lee had not been drinking when he collected Alfie",
                    ClaimStatus.CONTRADICTED,
                    EvidenceKind.OBSERVATION,
                    "Two members of staff noticed a strong smell of alcohol at collection.",
                ),
                ClaimSpec(
                    "Lee does not live at the home",
                    ClaimStatus.CONTRADICTED,
                    EvidenceKind.ACCOUNT,
                    "Alfie talks about Lee being at home at bedtime and in the mornings; the "
                    "early help worker was told by a neighbour that he moved in in the spring.",
                ),
                ClaimSpec(
                    "Alfie gets enough to eat at home",
                    ClaimStatus.CONTRADICTED,
                    EvidenceKind.RECORD,
                    "School nurse's measurements: weight has fallen from the 50th to below the "
                    "25th centile since the Reception check.",
                ),
                ClaimSpec("Lee was late because of traffic"),
            ),
            at="08:45",
        ),
        entry(
            K.MEETING,
            70,
            "Early help assessment started",
            "Family support worker from the early help hub met mother in school. Lee did not "
            "attend; mother said he 'doesn't do meetings'. Plan: breakfast club, food bank, a "
            "bedtime routine, and a second meeting in six weeks.",
        ),
        concern(
            40,
            NURSE,
            (C.NEGLECT,),
            "At the school nurse's check Alfie's weight has dropped from the 50th to below "
            "the 25th centile since his Reception check. His clothes are too small and his "
            "shoes are split. He fell asleep in class twice this week.",
            action="Discussed with the early help worker: the picture has built up over two "
            "terms rather than improved. DSL decided to refer to children's social care.",
            status=S.REFERRED,
        ),
        ReferralSpec(
            38,
            Agency.CHILDRENS_SOCIAL_CARE,
            "An assessment of neglect, through the MASH portal: five recorded concerns since "
            "the autumn, the early help plan's limited progress, falling weight, and a new "
            "adult in the home about whom the school knows nothing.",
            ReferralOutcome.ASSESSMENT,
            "MASH decision: a single assessment by the children's assessment team. Social "
            "worker to be allocated within five working days.",
            heard_back_days_ago=33,
            at="11:30",
        ),
        SharingSpec(
            38,
            True,
            "Children's social care (MASH)",
            "The school's chronology of concerns, the nurse's measurements and what the school "
            "knows of the new adult in the home",
            "The concerns are about possible significant harm. Mother was told of the referral "
            "and did not agree; waiting for her consent would have delayed help for Alfie.",
            LawfulBasis.SAFEGUARDING_CONDITION,
            at="11:20",
        ),
        action(
            -6,
            "Ask the allocated social worker whether checks have been made on mother's partner",
            DSL,
        ),
        action(5, "Weekly check-in with Alfie; note anything he says about home", Y1_TEACHER),
    ),
)

STORIES = (ALFIE,)
