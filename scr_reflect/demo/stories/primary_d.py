"""Demo stories, primary phase (part four). Every person and event here is invented."""

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
    EscalationSpec,
    FactorSpec,
    MarkSpec,
    ReferralSpec,
    SharingSpec,
    StepSpec,
)
from .spec import (
    ATTENDANCE,
    DSL,
    Y4_TEACHER,
    ChildSpec,
    action,
    concern,
    entry,
)

# Cumulative risk over eighteen months, a "threshold not met" decision, and escalation.
HARVEY = ChildSpec(
    full_name="Harvey Quennell",
    age=9,
    birthday_in_days=60,
    tutor_letter="P",
    upn_serial=102,
    household=(
        "Lives with mother and two older brothers (14 and 16, at other schools). Father no "
        "longer lives at the home but visits. Mother told the class teacher last year that "
        "she has had depression since Harvey was born."
    ),
    events=(
        concern(
            540,
            ATTENDANCE,
            (C.EMOTIONAL,),
            "Harvey's attendance fell to 88% this term, mostly Mondays. He is often tired. "
            "Mother says he is 'not sleeping'.",
            action="Attendance support meeting with mother; plan agreed.",
            status=S.CLOSED,
            outcome="Attendance rose to 94% by Christmas.",
        ),
        FactorSpec(
            F.PARENT_MENTAL_HEALTH,
            480,
            "Mother, speaking to the class teacher",
            notes="Depression since Harvey was born; treated by her GP.",
        ),
        concern(
            420,
            DSL,
            (C.DOMESTIC_ABUSE,),
            "Operation Encompass notification: police attended the home at 11.40 pm after a "
            "verbal argument between mother and father. Harvey was in the house.",
            action="Class teacher told on a need-to-know basis. Quiet check-in on arrival; "
            "Harvey said he was 'fine'.",
            status=S.CLOSED,
            outcome="No further concern noted that term.",
            at="08:15",
        ),
        FactorSpec(F.DOMESTIC_ABUSE, 420, "Operation Encompass notification from the police"),
        SharingSpec(
            420,
            True,
            "Harvey's class teacher",
            "That police attended the home overnight after an argument between his parents",
            "So that Harvey is met with understanding rather than sanctions the next morning.",
            LawfulBasis.PUBLIC_TASK,
            why_not_told="Operation Encompass information is held in confidence in school; "
            "raising it with the family could increase the risk to Harvey and his mother.",
            at="08:20",
        ),
        concern(
            300,
            Y4_TEACHER,
            (C.PHYSICAL,),
            "Four small round bruises on the back of Harvey's upper left arm, seen when he "
            "changed for PE.",
            words="Jack grabbed me 'cos I took his charger.",
            action="Body map completed. Mother phoned and gave the same account. Referral to "
            "children's social care the next morning, with the earlier notification.",
            status=S.CLOSED,
            outcome="Children's social care: threshold not met. Monitored for four weeks.",
        ),
        MarkSpec(
            300,
            BodyView.BACK,
            "left upper arm, back",
            MarkShape.SEVERAL,
            "Blue, fingertip-sized",
            Y4_TEACHER,
            1.0,
            1.0,
            child_said="Jack grabbed me 'cos I took his charger.",
        ),
        AccountSpec(
            300,
            AccountSource.PARENT,
            "Mother",
            "By phone: Harvey's brother Jack grabbed his arm in an argument over a phone "
            "charger. Harvey's father has moved out and the arguments have stopped.",
            (
                ClaimSpec(
                    "The bruises came from Harvey's brother grabbing his arm",
                    ClaimStatus.CORROBORATED,
                    EvidenceKind.ACCOUNT,
                    "Harvey gave the same explanation, unprompted, when the bruises were seen.",
                ),
                ClaimSpec(
                    "The arguments at home have stopped since father moved out",
                    ClaimStatus.CONTRADICTED,
                    EvidenceKind.RECORD,
                    "Second Operation Encompass notification, three months later: father "
                    "damaged the front door and was arrested with the children present.",
                ),
            ),
        ),
        FactorSpec(
            F.PARENTAL_SEPARATION,
            300,
            "Mother, by phone",
            notes="Father no longer lives at the home but visits.",
        ),
        ReferralSpec(
            299,
            Agency.CHILDRENS_SOCIAL_CARE,
            "An assessment of Harvey's circumstances: unexplained bruising to the upper arm, a "
            "domestic abuse notification four months earlier and falling attendance.",
            ReferralOutcome.THRESHOLD_NOT_MET,
            "MASH decision: the explanation is consistent with the injury and there is no "
            "pattern; threshold for an assessment not met. School to monitor.",
            heard_back_days_ago=298,
            at="09:30",
        ),
        concern(
            210,
            DSL,
            (C.DOMESTIC_ABUSE,),
            "Second Operation Encompass notification: father came to the home, damaged the "
            "front door and was arrested. Harvey and his brothers were present.",
            action="Referral to children's social care made the same day, setting out the "
            "build-up of concerns over eighteen months.",
            status=S.CLOSED,
            outcome="Children's social care: threshold not met; early help "
            "offered. Mother declined early help.",
            at="08:20",
        ),
        AccountSpec(
            209,
            AccountSource.PARENT,
            "Mother",
            "By phone with the DSL: the children were asleep upstairs and did not see or hear "
            "anything. Father will not be coming to the house again.",
            (
                ClaimSpec(
                    "The children were asleep and did not see or hear anything",
                    ClaimStatus.CONTRADICTED,
                    EvidenceKind.RECORD,
                    "The police notification records that Harvey and his brothers were "
                    "present and awake when officers arrived.",
                ),
                ClaimSpec(
                    "Father will not be coming to the house again",
                    ClaimStatus.CONTRADICTED,
                    EvidenceKind.ACCOUNT,
                    "Harvey, months later: 'When Dad comes round I go in the wardrobe with my "
                    "headphones on.'",
                ),
            ),
            at="10:15",
        ),
        ReferralSpec(
            209,
            Agency.CHILDRENS_SOCIAL_CARE,
            "An assessment, through the MASH portal: two domestic abuse notifications, "
            "unexplained bruising, falling attendance and low parental mood, set out in date "
            "order.",
            ReferralOutcome.THRESHOLD_NOT_MET,
            "MASH decision letter: threshold for a statutory assessment not met; family "
            "signposted to early help. The letter does not mention the earlier notification "
            "or the pattern of concerns since last year.",
            heard_back_days_ago=203,
            at="11:00",
            escalation=EscalationSpec(
                200,
                "Each concern on its own has been low level; together they describe a child "
                "living with repeated domestic abuse, a parent with low mood and falling "
                "attendance. The decision letter does not mention the earlier notification.",
                "A review of the decision with the whole chronology in view.",
                (
                    StepSpec(
                        "practitioner",
                        "Mr Thackeray (MASH social worker who made the decision)",
                        200,
                        "Decision stands: no new incident since the notification.",
                    ),
                    StepSpec(
                        "manager",
                        "Mr Afolabi (MASH team manager), in a professional conversation",
                        197,
                        "Decision stands, but any further incident will go straight to a social "
                        "work team, and the school's disagreement is recorded on the file.",
                    ),
                ),
                resolved_days_ago=195,
                resolution="Not upheld. The school's disagreement is on the file, with an "
                "agreed route for any further incident.",
            ),
        ),
        entry(
            K.NOTE,
            200,
            "Reflection on the threshold decision",
            "DSL read the chronology alongside the decision. Each concern on its own has been "
            "low level; together they describe a child living with repeated domestic abuse, "
            "a parent with low mood and a dip in attendance. Decision: ask for a professional "
            "conversation with the MASH team manager under the partnership's escalation "
            "procedure.",
        ),
        concern(
            60,
            Y4_TEACHER,
            (C.EMOTIONAL, C.DOMESTIC_ABUSE),
            "During a lesson on feelings Harvey drew a picture of himself inside a wardrobe "
            "and said this is where he goes when his dad visits.",
            words="When Dad comes round I go in the wardrobe with my headphones on.",
            action="Re-referral made the same day, referring to the escalation and the "
            "manager's agreement.",
            status=S.REFERRED,
            at="11:05",
        ),
        ReferralSpec(
            60,
            Agency.CHILDRENS_SOCIAL_CARE,
            "A strategy discussion: Harvey hides in a wardrobe when his father visits, after "
            "two domestic abuse notifications. Refers to the escalation and the team "
            "manager's agreement that a further incident goes to a social work team.",
            ReferralOutcome.STRATEGY_DISCUSSION,
            "Strategy discussion held; section 47 enquiry; initial child protection "
            "conference to be convened.",
            heard_back_days_ago=59,
            at="14:30",
            heard_back_at="10:00",
        ),
        entry(
            K.MEETING,
            20,
            "Initial child protection conference",
            "DSL attended and shared the school's chronology. Harvey is subject to a child "
            "protection plan under the category of emotional abuse. Core group to meet "
            "monthly.",
        ),
        action(10, "Attend the first core group meeting with attendance and welfare notes", DSL),
        action(-3, "Send the school's written contribution to the core group", DSL),
    ),
)

STORIES = (HARVEY,)
