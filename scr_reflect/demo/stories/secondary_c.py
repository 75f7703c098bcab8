"""Demo stories, secondary phase (part three). Every person and event here is invented."""

from __future__ import annotations

from ...domain.enums import Category as C
from ...domain.enums import ConcernStatus as S
from ...domain.enums import EntryKind as K
from ...domain.factors import Factor as F
from ...domain.referrals import Agency, ReferralOutcome
from .records_spec import FactorSpec, ReferralSpec
from .spec import DSL, HEAD_OF_YEAR, MENTOR, PASTORAL, TUTOR, ChildSpec, action, concern, entry

# Harmful sexual behaviour: an image shared without consent; a response beyond the police's.
MASON = ChildSpec(
    full_name="Mason Greaves-Odell",
    age=15,
    birthday_in_days=150,
    tutor_letter="N",
    upn_serial=207,
    household="Lives with mother and two younger brothers.",
    events=(
        concern(
            55,
            TUTOR,
            (C.HARMFUL_SEXUAL_BEHAVIOUR, C.ONLINE_HARM),
            "A girl in Mason's year told her form tutor that Mason shared a nude image of her, "
            "which she had sent him privately when they were going out, with a group of boys.",
            action="Followed the guidance on sharing nudes and semi-nudes: the image was not "
            "viewed or copied and devices were secured. Parents of both pupils told. Police "
            "informed because the image was shared without consent. The girl is supported "
            "under her own record.",
            status=S.MONITORING,
            at="10:05",
        ),
        ReferralSpec(
            55,
            Agency.POLICE,
            "Police told that a nude image of a pupil was shared without her consent; the "
            "devices were secured and the image not viewed.",
            ReferralOutcome.NO_FURTHER_ACTION,
            "Police will not prosecute; the youth justice team will offer Mason an "
            "intervention about consent and relationships.",
            heard_back_days_ago=40,
            at="11:30",
        ),
        entry(
            K.MEETING,
            38,
            "Risk assessment and safety plan",
            "With Mason and his mother: no shared lessons with the girl, separate trips, "
            "agreed routes at changeover. To be reviewed each half term.",
        ),
        action(12, "Half-termly review of Mason's safety plan", HEAD_OF_YEAR),
    ),
)

# A private fostering arrangement nobody had notified.
MATEUS = ChildSpec(
    full_name="Mateus Ferreira-Lund",
    preferred_name="Teo",
    age=14,
    birthday_in_days=220,
    tutor_letter="L",
    upn_serial=208,
    household=(
        "Living with a school friend's family since mother moved abroad for work. Mother keeps "
        "parental responsibility and phones weekly. No relative in this country."
    ),
    events=(
        concern(
            85,
            TUTOR,
            (C.OTHER,),
            "Teo mentioned that he has lived with his friend's family for about two months "
            "while his mother works abroad. He is not related to them, so this is a private "
            "fostering arrangement, and it has gone on for more than 28 days.",
            action="Private fostering arrangement notified to the local authority. The host "
            "family were told of their duty to notify and were glad of the advice.",
            status=S.CLOSED,
            outcome="Local authority assessed the arrangement as suitable; a "
            "social worker visits regularly. School to report any change.",
        ),
    ),
)

# Neglect in adolescence, first seen as behaviour.
KIERAN = ChildSpec(
    full_name="Kieran Mulholland",
    age=16,
    birthday_in_days=100,
    tutor_letter="K",
    upn_serial=209,
    household=(
        "Lives with father. Mother left the home last year. Kieran says his father drinks "
        "heavily. Has stayed with friends at times."
    ),
    events=(
        FactorSpec(F.PARENTAL_SEPARATION, 340, "Father, at a parents' evening"),
        concern(
            130,
            "Mr Yardley (science teacher)",
            (C.NEGLECT,),
            "Kieran has had six detentions this half term for no PE kit, no equipment and "
            "sleeping in lessons. Staff describe him as 'not bothered'.",
            action="Behaviour plan. Not seen as a safeguarding matter at the time.",
            status=S.CLOSED,
            outcome="Read again alongside the later concern about where he is living.",
        ),
        FactorSpec(
            F.CHILD_BEHAVIOUR,
            130,
            "Behaviour record: detentions for no kit and sleeping in lessons",
            notes="Seen at the time as behaviour; read again later as a sign of neglect.",
        ),
        concern(
            45,
            PASTORAL,
            (C.NEGLECT, C.EMOTIONAL),
            "Kieran has slept on a friend's sofa for two weeks. He says his father's house has "
            "had no electricity for a month, and he eats only at school.",
            words="Dad's not been right since Mum left. I just sort myself out.",
            action="DSL read his behaviour record again in this light. Referral to children's "
            "social care as a sixteen-year-old who may be homeless; breakfast and a uniform "
            "pack from school.",
            status=S.REFERRED,
        ),
        FactorSpec(F.PARENT_ALCOHOL, 45, "Kieran's account to the pastoral manager"),
        FactorSpec(F.POVERTY, 45, "Kieran's account: no electricity at home for a month"),
        ReferralSpec(
            45,
            Agency.CHILDRENS_SOCIAL_CARE,
            "An assessment of a sixteen-year-old who may be homeless: sleeping on a friend's "
            "sofa, no electricity at his father's house, eating only at school.",
            ReferralOutcome.ASSESSMENT,
            "Children's social care assessing with housing under the joint protocol. Kieran "
            "staying with his friend's family meanwhile; social worker visiting weekly.",
            heard_back_days_ago=44,
            at="14:00",
        ),
        action(-12, "Ask the social worker for the outcome of the housing assessment", DSL),
    ),
)

# A transition where the safeguarding file arrived late.
HARRISON = ChildSpec(
    full_name="Harrison Bright",
    preferred_name="Harry",
    age=11,
    birthday_in_days=40,
    tutor_letter="N",
    household="Lives with mother and grandmother. Joined from a primary school in another county.",
    events=(
        entry(
            K.NOTE,
            60,
            "Safeguarding file from previous school arrived late",
            "The file arrived seven weeks after Harry started. It shows he was on a child "
            "protection plan for neglect until last year. None of this was passed on at the "
            "transition meeting.",
        ),
        concern(
            58,
            MENTOR,
            (C.NEGLECT,),
            "Harry is often hungry at break and has worn the same shirt all week. Read with "
            "the file from his previous school, this needs a closer look.",
            action="DSL spoke with the previous school's DSL and with mother, who welcomed "
            "help. Free school meals application made.",
        ),
        action(-15, "Ask the previous local authority for the closure summary of the plan", DSL),
    ),
)

# A worry recorded for context and properly closed.
AVA = ChildSpec(
    full_name="Ava Sutherland-Kaur",
    age=13,
    birthday_in_days=320,
    tutor_letter="K",
    household="Lives with mother; father has moved out. Parents separating.",
    events=(
        concern(
            80,
            TUTOR,
            (C.EMOTIONAL,),
            "Ava was upset in form time after her parents told her they are separating.",
            words="I feel stuck in the middle of them.",
            action="Learning mentor sessions offered; parents told.",
            status=S.CLOSED,
            outcome="Ava says she feels better and the sessions have ended. No safeguarding "
            "concern identified; recorded for context.",
        ),
    ),
)

# Abuse within a teenage relationship is domestic abuse from sixteen.
LEAH = ChildSpec(
    full_name="Leah Marchbank",
    age=16,
    birthday_in_days=80,
    tutor_letter="K",
    upn_serial=210,
    household="Lives with parents and an older sister.",
    events=(
        concern(
            22,
            PASTORAL,
            (C.DOMESTIC_ABUSE, C.EMOTIONAL),
            "A friend brought Leah to the pastoral office. Her boyfriend, a sixth former at "
            "another school, checks her phone, tells her who she may see and has threatened "
            "to share pictures of her if she ends the relationship.",
            words="He says nobody else would put up with me.",
            action="Leah's account written down; parents told with her agreement; police "
            "told about the threat to share images. Referral to the young people's "
            "domestic abuse service.",
            status=S.OPEN,
        ),
        ReferralSpec(
            22,
            Agency.OTHER,
            "Support from the young people's domestic abuse service, with Leah's agreement: "
            "controlling behaviour and a threat to share images by her boyfriend.",
            at="15:30",
        ),
        action(6, "Check Leah has met the young people's domestic abuse worker", PASTORAL),
    ),
)

# Physical chastisement disclosed in the middle of a detention.
BART = ChildSpec(
    full_name="Bartłomiej Nowicki-Grant",
    preferred_name="Bart",
    age=12,
    birthday_in_days=240,
    tutor_letter="N",
    upn_serial=211,
    household="Lives with mother, stepfather and baby sister.",
    events=(
        concern(
            9,
            HEAD_OF_YEAR,
            (C.PHYSICAL,),
            "During a detention Bart became very anxious and asked that his parents not be "
            "told. When asked why, he said what happens when he gets detentions.",
            words="My stepdad hits me with his belt when I get detentions.",
            action="No marks seen. DSL phoned the MASH; parents not told by school on social "
            "care advice.",
            status=S.REFERRED,
            at="15:40",
        ),
        ReferralSpec(
            9,
            Agency.CHILDRENS_SOCIAL_CARE,
            "Phoned the MASH: Bart says his stepfather hits him with a belt when he gets "
            "detentions.",
            ReferralOutcome.STRATEGY_DISCUSSION,
            "Section 47 enquiry. Social worker and police visited the home. Stepfather has "
            "agreed to leave while the enquiry continues.",
            heard_back_days_ago=7,
            at="16:00",
            heard_back_at="11:00",
        ),
        action(2, "Agree with the head of year how detentions are handled meanwhile", DSL),
    ),
)

# A seventeen-year-old whose support must carry on past eighteen.
GRACE = ChildSpec(
    full_name="Grace Holloway-Nkemelu",
    age=17,
    birthday_in_days=35,
    tutor_letter="S",
    upn_serial=212,
    household="Lives with mother. In the sixth form. Works weekends in a café.",
    events=(
        concern(
            200,
            "Ms Adebayo (sixth form tutor)",
            (C.MENTAL_HEALTH,),
            "Grace has lost a lot of weight this term and skips lunch. Friends are worried.",
            action="Parents told; GP appointment; CAMHS eating disorder service referral.",
            status=S.CLOSED,
            outcome="CAMHS eating disorder service working with Grace.",
        ),
        FactorSpec(F.CHILD_MENTAL_HEALTH, 200, "Staff and friends' concern; CAMHS involvement"),
        entry(
            K.MEETING,
            20,
            "Transition to adult services",
            "CAMHS, Grace, mother and DSL met to plan Grace's move to adult mental health "
            "services when she turns eighteen, so there is no gap in her care.",
        ),
        action(-3, "Send the sixth form's support plan to the adult team", DSL),
    ),
)

STORIES = (MASON, MATEUS, KIERAN, HARRISON, AVA, LEAH, BART, GRACE)
