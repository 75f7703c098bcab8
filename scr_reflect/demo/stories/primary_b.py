"""Demo stories, primary phase (part two). Every person and event here is invented."""

from __future__ import annotations

from ...domain.enums import Category as C
from ...domain.enums import ConcernStatus as S
from ...domain.enums import EntryKind as K
from ...domain.factors import Factor as F
from ...domain.legal_status import LegalStatus
from ...domain.referrals import Agency, ReferralOutcome
from ...domain.sharing import LawfulBasis
from .records_spec import FactorSpec, ReferralSpec, SharingSpec
from .spec import (
    DEPUTY,
    DSL,
    LUNCHTIME,
    MENTOR,
    OFFICE,
    Y1_TEACHER,
    Y3_TEACHER,
    Y4_TEACHER,
    ChildSpec,
    action,
    concern,
    entry,
)

# A child under a special guardianship order: the order does not mean someone is watching.
MAISIE = ChildSpec(
    full_name="Maisie Thorncastle",
    age=8,
    birthday_in_days=20,
    tutor_letter="A",
    legal_status=LegalStatus.SPECIAL_GUARDIANSHIP,
    household=(
        "Lives with maternal grandmother, Mrs June Thorncastle, under a special guardianship "
        "order made when Maisie was three. Mother's contact is monthly, supervised by "
        "grandmother at a family centre. Grandmother is in her late sixties and has told "
        "school that bedtimes and Maisie's anger are hard. Previously looked after."
    ),
    events=(
        concern(
            150,
            Y3_TEACHER,
            (C.EMOTIONAL,),
            "Grandmother told the class teacher that Maisie's mother has been messaging "
            "Maisie on her tablet. She does not know how her daughter got the account name.",
            action="DSL asked grandmother whether the contact plan allows direct messages; "
            "she was unsure. DSL contacted the local authority's special guardianship "
            "support team for advice.",
            status=S.CLOSED,
            outcome="Support worker visited; tablet settings changed and "
            "contact arrangements explained again to grandmother.",
        ),
        concern(
            62,
            Y3_TEACHER,
            (C.EMOTIONAL,),
            "At 3.15 pm a woman who said she was Maisie's mother waited at the junior gate and "
            "asked to take Maisie for an ice cream. Staff did not release Maisie. When "
            "grandmother arrived there was a loud argument on the pavement and Maisie cried.",
            words="I want to go with Mummy but Nana says I can't.",
            action="Maisie kept inside with her class teacher. Collection list checked: only "
            "grandmother and a named aunt may collect. DSL asked the local authority for a "
            "copy of the contact arrangements.",
            at="15:20",
        ),
        entry(
            K.NOTE,
            60,
            "Understanding the order",
            "A special guardianship order gives grandmother parental responsibility that she "
            "can exercise to the exclusion of Maisie's mother. It does not mean children's "
            "social care are overseeing the family: support comes from the special "
            "guardianship support team when asked. School should not assume that because a "
            "court was involved, someone else is watching.",
        ),
        entry(
            K.MEETING,
            30,
            "Team around the family meeting",
            "Grandmother, support worker, class teacher and DSL. Agreed: application for "
            "therapeutic support, a short-break offer for grandmother, and a gate plan.",
        ),
        action(14, "Review the gate plan with grandmother", DEPUTY),
        action(
            -40,
            "Add mother to the staff-only collection alert",
            OFFICE,
            done_days_ago=58,
        ),
    ),
)

# Harmful sexual behaviour in a ten-year-old who is also being harmed.
JAYDEN = ChildSpec(
    full_name="Jayden Hollins-Barker",
    age=10,
    birthday_in_days=200,
    tutor_letter="P",
    upn_serial=104,
    household=(
        "Lives with mother and her partner. A cousin (17) stays most weekends. Child in need "
        "plan two years ago, now closed."
    ),
    events=(
        concern(
            90,
            LUNCHTIME,
            (C.HARMFUL_SEXUAL_BEHAVIOUR, C.ONLINE_HARM),
            "Two Year 2 pupils told a lunchtime supervisor that Jayden asked them to go into "
            "the toilets with him and show their private parts. One said Jayden showed them a "
            "video on his phone of 'grown-ups with no clothes on'.",
            action="Younger pupils' parents informed and separate records opened for them. "
            "Jayden's phone kept in the office until collection. DSL used Brook's sexual "
            "behaviours traffic light tool: behaviour judged outside what is expected at his "
            "age. Referral to children's social care the same day.",
            status=S.REFERRED,
            at="12:50",
        ),
        ReferralSpec(
            90,
            Agency.CHILDRENS_SOCIAL_CARE,
            "An assessment of Jayden's sexual behaviour, which is outside what is expected at "
            "his age, and of what he has been shown and by whom.",
            ReferralOutcome.ASSESSMENT,
            "Police will take no further action given Jayden's age. Children's social care "
            "will assess, including who Jayden has contact with and what he has been shown. "
            "No police action does not mean no response: a safety plan and a referral to the "
            "harmful sexual behaviour service are still needed.",
            heard_back_days_ago=80,
        ),
        entry(
            K.MEETING,
            78,
            "Safety plan agreed",
            "With mother: supervised toilet trips for now, seating away from the younger "
            "pupils at lunch, a named adult (Mr Penhaligon) to talk to. Social worker to "
            "refer to the harmful sexual behaviour service.",
        ),
        concern(
            20,
            Y4_TEACHER,
            (C.SEXUAL,),
            "During a check-in Jayden told his teacher that his cousin makes him watch things "
            "on his phone at weekends and touches him.",
            words="He says it's our secret and I'm not allowed to tell Mum.",
            action="Listened without asking leading questions; his words written down straight "
            "away. Immediate referral to the MASH and police. Mother not told by school on "
            "police advice until the strategy discussion.",
            status=S.REFERRED,
            at="09:50",
        ),
        ReferralSpec(
            20,
            Agency.CHILDRENS_SOCIAL_CARE,
            "An immediate referral to the MASH and police: Jayden's disclosure of sexual abuse "
            "by his cousin.",
            ReferralOutcome.STRATEGY_DISCUSSION,
            "Joint police and social care investigation. Cousin not to stay at the home while "
            "it is under way.",
            heard_back_days_ago=19,
            at="10:10",
            heard_back_at="09:30",
        ),
        action(3, "Confirm the start date for the harmful sexual behaviour service", DSL),
    ),
)

_CASTELLANOS_REID_HOUSEHOLD = (
    "Amira and Luca live with their mother; both are on roll here. Father "
    "left after a police call-out; a non-molestation order is in place and a copy is held in "
    "the office. Father must not collect either child."
)

# Domestic abuse, seen through two siblings.
AMIRA = ChildSpec(
    full_name="Amira Castellanos-Reid",
    age=11,
    birthday_in_days=330,
    tutor_letter="S",
    upn_serial=105,
    household=_CASTELLANOS_REID_HOUSEHOLD,
    events=(
        concern(
            130,
            DSL,
            (C.DOMESTIC_ABUSE,),
            "Operation Encompass notification: police attended at 11.40 pm after mother "
            "reported that father had assaulted her. Amira made the 999 call.",
            words="I took Luca under my bed and put the telly on loud so he wouldn't hear.",
            action="Class teacher told before the start of the day. Amira offered time with "
            "the learning mentor and accepted. Luca's class teacher also told.",
            at="08:10",
        ),
        FactorSpec(F.DOMESTIC_ABUSE, 130, "Operation Encompass notification from the police"),
        FactorSpec(
            F.PARENTAL_SEPARATION,
            125,
            "Mother",
            notes="Father left after the police call-out; a non-molestation order is in place.",
        ),
        entry(
            K.CONTACT,
            128,
            "Contact from mother's IDVA",
            "Mother's independent domestic violence adviser phoned: the case goes to MARAC "
            "next week. With mother's agreement school shared attendance and wellbeing "
            "information.",
        ),
        SharingSpec(
            128,
            True,
            "MARAC, through mother's independent domestic violence adviser",
            "Amira's and Luca's attendance and wellbeing since the call-out",
            "So that the risk assessment and safety plan for the family take the children "
            "into account.",
            LawfulBasis.PUBLIC_TASK,
        ),
        entry(
            K.MEETING,
            121,
            "MARAC: school information shared",
            "DSL gave written information. Safety plan: father's car registration given to "
            "the office, collection list changed, Amira's route home agreed with mother.",
        ),
        concern(
            40,
            MENTOR,
            (C.DOMESTIC_ABUSE, C.EMOTIONAL),
            "Amira said her father has messaged her phone asking where the family now live. "
            "She has not replied.",
            words="He said he just wants to see us and it's Mum's fault.",
            action="Mother and the IDVA told the same day. Police informed of a possible "
            "breach of the order.",
        ),
        SharingSpec(
            33,
            False,
            "Amira's father",
            "Amira's latest report and the secondary schools she has applied to",
            "Father emailed asking for both. A non-molestation order is in place and he has "
            "been asking Amira where the family live; the applications would show the area "
            "they now live in. A parent's usual right to see their child's school record "
            "does not outweigh this risk to Amira and her mother. Advice taken from the local "
            "authority's education safeguarding adviser; to be reviewed if the order changes.",
            LawfulBasis.OTHER,
            at="12:30",
        ),
        action(
            -10,
            "Agree with mother what Amira's secondary-phase tutor is told when she moves up",
            DSL,
        ),
    ),
)

LUCA = ChildSpec(
    full_name="Luca Castellanos-Reid",
    age=6,
    birthday_in_days=45,
    tutor_letter="H",
    upn_serial=106,
    household=_CASTELLANOS_REID_HOUSEHOLD,
    events=(
        concern(
            130,
            Y1_TEACHER,
            (C.DOMESTIC_ABUSE,),
            "The morning after the police call-out Luca was very quiet, would not take his "
            "coat off and fell asleep at story time.",
            action="Key adult check-ins; quiet space offered at playtimes.",
            at="09:30",
        ),
        FactorSpec(F.DOMESTIC_ABUSE, 130, "Operation Encompass notification from the police"),
        entry(
            K.NOTE,
            100,
            "Luca's play",
            "In the role-play corner Luca made the toy figures shout and said 'Daddy's angry, "
            "hide'. Shared with mother, who said he has nightmares; she has booked a GP "
            "appointment.",
        ),
        action(21, "Review Luca's wellbeing with mother at the next parents' meeting", Y1_TEACHER),
    ),
)

STORIES = (MAISIE, JAYDEN, AMIRA, LUCA)
