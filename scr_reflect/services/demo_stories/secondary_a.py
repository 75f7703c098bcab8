"""Demo stories, secondary phase (part one). Every person and event here is invented."""

from __future__ import annotations

from ...domain.enums import Category as C
from ...domain.enums import ConcernStatus as S
from ...domain.enums import EntryKind as K
from .spec import ATTENDANCE, DSL, HEAD_OF_YEAR, PASTORAL, TUTOR, ChildSpec, action, concern, entry

# A fifteen-year-old who goes missing again and again: the missing is the sign, not the problem.
ZOE = ChildSpec(
    full_name="Zoë Łukasiewicz-Nguyễn",
    age=15,
    birthday_in_days=210,
    tutor_letter="L",
    upn_serial=201,
    household=(
        "Lives with mother, stepfather and two younger half-siblings. Father lives in another "
        "city; occasional contact. Joined the school two years ago after a managed move."
    ),
    events=(
        concern(
            240,
            HEAD_OF_YEAR,
            (C.SEXUAL_EXPLOITATION,),
            "Zoë's attendance has fallen to 81% this half term, mostly Mondays. Two staff have "
            "noticed a new phone and expensive trainers. She said her boyfriend bought them and "
            "would not say how old he is.",
            action="DSL spoke with Zoë, who was guarded. Mother phoned: she thinks the "
            "boyfriend is 'about 17'. Zoë added to the weekly vulnerable pupils review.",
        ),
        entry(
            K.MISSING,
            205,
            "Missing episode: reported by mother",
            "Mother reported Zoë missing to police at 10.30 pm when she did not come home from "
            "school. Police found her at 4.10 am at a flat in another part of town. Zoë said "
            "she had been 'with friends'.",
            at="22:30",
        ),
        entry(
            K.CONTACT,
            202,
            "Return home interview",
            "Independent return home interview by the missing service. Zoë would not say whose "
            "flat it was. The worker notes a pattern of Friday nights out. Copy received.",
        ),
        concern(
            199,
            PASTORAL,
            (C.GOING_MISSING,),
            "First school day after the missing episode: Zoë arrived late, slept in form time "
            "and had a graze on her cheek she would not explain.",
            words="It's not a big deal, everyone goes there.",
            action="Daily check-in with the pastoral manager. DSL consulted the MASH, who "
            "advised continued monitoring and a referral if she goes missing again.",
        ),
        entry(
            K.MISSING,
            168,
            "Missing episode: overnight, returned on her own",
            "Missing from 6 pm on Saturday until 11 am on Sunday. Mother did not report it "
            "until Sunday morning because 'she always comes back'.",
            at="18:00",
        ),
        entry(
            K.MISSING,
            150,
            "Missing episode: two nights, found in another county",
            "Police found Zoë at a railway station in another county with a man in his "
            "twenties, who was arrested. Zoë was taken to hospital to be checked.",
            at="20:15",
        ),
        concern(
            146,
            DSL,
            (C.GOING_MISSING, C.SEXUAL_EXPLOITATION),
            "Third missing episode in eight weeks, the last with an adult man far from home. "
            "Read together, the episodes suggest Zoë is being groomed and exploited by older "
            "males rather than simply staying out.",
            words="He loves me. He's the only one who actually listens to me.",
            action="Referral to children's social care with the full chronology of missing "
            "episodes. Exploitation screening completed with the social worker.",
            status=S.REFERRED,
        ),
        entry(K.REFERRAL, 146, "Referral to children's social care (exploitation)", at="15:30"),
        entry(
            K.OUTCOME,
            140,
            "Referral outcome: strategy discussion; exploitation panel",
            "Strategy discussion held; section 47 enquiry under way. Zoë to be discussed at "
            "the multi-agency child exploitation panel. School to name a trusted adult.",
        ),
        entry(
            K.MEETING,
            120,
            "Child exploitation panel",
            "Disruption plan agreed. Police have served a child abduction warning notice on "
            "the man. School actions: Ms Lindgren as trusted adult, daily check-in, same-day "
            "call home on any absence.",
        ),
        entry(
            K.MISSING,
            75,
            "Missing episode: evening, returned by 11 pm",
            "Shorter episode. Zoë phoned Ms Lindgren the next morning to say she was sorry.",
            at="19:00",
        ),
        entry(
            K.CONTACT,
            72,
            "Return home interview",
            "Zoë engaged more than before and named two places she goes. Shared with police "
            "and the social worker the same day.",
        ),
        entry(
            K.NOTE,
            30,
            "Zoë's view",
            "In her check-in Zoë said she wants to do her exams and then hairdressing at "
            "college. She said: 'I know he's not good for me, I just don't know how to stop "
            "answering.' She agreed that Ms Lindgren can share this with her social worker.",
        ),
        action(20, "Prepare the school's report for the child protection review conference", DSL),
        action(-8, "Chase the return home interview record for the latest missing episode", DSL),
        action(-25, "Share the updated chronology with the social worker", DSL, done_days_ago=24),
    ),
)

# Criminal exploitation, a second "threshold not met", and a school that challenged it.
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
        entry(K.REFERRAL, 170, "Referral to children's social care"),
        entry(
            K.OUTCOME,
            163,
            "Referral outcome: threshold not met",
            "MASH decision: 'no evidence of significant harm; family engaging'. Passed to "
            "youth early help. The decision does not address the travel or the cash.",
        ),
        entry(
            K.NOTE,
            160,
            "Escalation to the MASH team manager",
            "DSL asked for the decision to be reviewed under the safeguarding partnership's "
            "resolution procedure, setting out the exploitation signs and the national "
            "learning that schools rarely challenge threshold decisions about adolescents.",
        ),
        entry(
            K.CONTACT,
            155,
            "Escalation: reply from team manager",
            "Decision upheld at the first stage, but Kai will be discussed at the exploitation "
            "panel. DSL recorded the school's continuing disagreement and considered the "
            "second stage.",
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
        entry(
            K.OUTCOME,
            114,
            "Referral outcome: strategy discussion; NRM referral",
            "Section 47 enquiry. Referral to the National Referral Mechanism as a possible "
            "victim of child criminal exploitation. Kai to be discussed at the contextual "
            "safeguarding meeting with the other young people seen in the car.",
        ),
        action(
            -4, "Send attendance data to the exploitation panel coordinator before the review", DSL
        ),
        action(7, "Refer Kai to the voluntary sector youth mentoring project", HEAD_OF_YEAR),
    ),
)

STORIES = (ZOE, KAI)
