"""Demo stories, primary phase (part one). Every person and event here is invented."""

from __future__ import annotations

from ...domain.enums import Category as C
from ...domain.enums import ConcernStatus as S
from ...domain.enums import EntryKind as K
from .spec import (
    ATTENDANCE,
    DSL,
    LUNCHTIME,
    NURSE,
    Y1_TEACHER,
    Y3_TEACHER,
    Y4_TEACHER,
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
        entry(
            K.REFERRAL,
            38,
            "Referral to children's social care",
            "Referral made through the MASH portal, setting out the five recorded concerns "
            "since the autumn, the early help plan's limited progress and that school knows "
            "nothing about the new adult in the home. Mother told of the referral; she did "
            "not agree. Referred without consent because the concerns are about possible "
            "significant harm.",
        ),
        entry(
            K.OUTCOME,
            33,
            "Referral outcome: single assessment",
            "MASH decision: a single assessment by the children's assessment team. Social "
            "worker to be allocated within five working days.",
        ),
        action(
            -6,
            "Ask the allocated social worker whether checks have been made on mother's partner",
            DSL,
        ),
        action(5, "Weekly check-in with Alfie; note anything he says about home", Y1_TEACHER),
    ),
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
        concern(
            300,
            Y4_TEACHER,
            (C.PHYSICAL,),
            "Four small round bruises on the back of Harvey's upper left arm, seen when he "
            "changed for PE.",
            words="Jack grabbed me 'cos I took his charger.",
            action="Body map completed. Mother phoned and gave the same account. DSL used the "
            "MASH consultation line, which advised monitoring.",
            status=S.CLOSED,
            outcome="Advice followed: monitored for four weeks.",
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
        entry(
            K.REFERRAL,
            209,
            "Referral to children's social care",
            "Referral through the MASH portal: two domestic abuse notifications, unexplained "
            "bruising, falling attendance and low parental mood, set out in date order.",
        ),
        entry(
            K.OUTCOME,
            203,
            "Referral outcome: threshold not met",
            "MASH decision letter: threshold for a statutory assessment not met; family "
            "signposted to early help. The letter does not mention the earlier notification "
            "or the pattern of concerns since last year.",
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
        entry(
            K.CONTACT,
            195,
            "Escalation: conversation with MASH team manager",
            "Manager reviewed the referral with the DSL. The decision stands, but any further "
            "incident will go straight to a social work team and the school's disagreement "
            "is recorded on the file.",
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
        entry(K.REFERRAL, 60, "Re-referral to children's social care", at="14:30"),
        entry(
            K.OUTCOME,
            52,
            "Referral outcome: strategy discussion",
            "Strategy discussion held; section 47 enquiry; initial child protection "
            "conference to be convened.",
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

# A parent's account that two other people contradict.
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
        entry(
            K.CONTACT,
            25,
            "Call to stepmother",
            "Stepmother said Poppy fell from her bike in the park on Saturday and that she saw "
            "it happen.",
            at="15:10",
        ),
        entry(
            K.NOTE,
            24,
            "Accounts do not match",
            "Poppy's class teacher recalls Poppy telling the class in September that her bike "
            "was stolen and she does not have one now. Mother, asked only whether Poppy has a "
            "bike at either house, said it was stolen in the summer and not replaced. The "
            "explanation for the bruising cannot be checked and conflicts with two other "
            "accounts.",
            at="09:00",
        ),
        entry(
            K.REFERRAL,
            24,
            "Referral to children's social care",
            "Phoned the MASH and confirmed in writing the same day: bruising to the inner upper "
            "arm of a seven-year-old, and an account from the family that conflicts with what "
            "two other people say. On MASH advice the family were not told pending a strategy "
            "discussion.",
            at="09:40",
        ),
        entry(
            K.OUTCOME,
            22,
            "Referral outcome: section 47 enquiry",
            "Strategy discussion: joint police and social care enquiry. Poppy seen at school by "
            "a social worker with the DSL present. Child protection medical arranged.",
        ),
        action(-2, "Ask the social worker for the outcome of the child protection medical", DSL),
    ),
)

STORIES = (ALFIE, HARVEY, POPPY)
