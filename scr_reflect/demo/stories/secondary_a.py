"""Demo stories, secondary phase (part one). Every person and event here is invented."""

from __future__ import annotations

from ...domain.education import AbsenceKind, WhereaboutsCheck
from ...domain.enums import Category as C
from ...domain.enums import ConcernStatus as S
from ...domain.enums import EntryKind as K
from ...domain.factors import Factor as F
from ...domain.referrals import Agency, ReferralOutcome
from ...domain.sharing import LawfulBasis
from .records_spec import EducationSpec, FactorSpec, MissingSpec, ReferralSpec, SharingSpec
from .spec import DSL, HEAD_OF_YEAR, PASTORAL, ChildSpec, action, concern, entry

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
        FactorSpec(
            F.PARENTAL_SEPARATION,
            700,
            "Admission form and the managed move meeting",
            notes="Father lives in another city; contact is occasional.",
        ),
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
        MissingSpec(
            205,
            "15:30",
            12.7,
            found_where="A flat on the other side of town",
            found_by="Police",
            reported_by="Mother, at 10.30 pm",
            police_reference="DEMO-MP-0412",
            interview_offered_after=1,
            interview_held_after=2,
            child_said="I was with friends. It doesn't matter whose flat it was.",
            pull_factors="Older friends; gifts",
        ),
        FactorSpec(F.CHILD_GOING_MISSING, 205, "Police notification and mother's phone call"),
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
        MissingSpec(
            168,
            "18:00",
            17,
            found_where="Home address",
            found_by="No one: she came back on her own",
            reported_by="Mother, the next morning: 'she always comes back'",
            police_reference="DEMO-MP-0537",
            interview_offered_after=1,
            interview_held_after=3,
            child_said="I was at a party and my phone died. I always come back.",
            push_factors="Arguments with her stepfather about what time she comes in",
            pull_factors="Parties with older friends",
        ),
        MissingSpec(
            150,
            "20:15",
            40,
            found_where="A railway station in another county, with a man in his twenties",
            found_by="British Transport Police; the man was arrested",
            reported_by="Mother",
            police_reference="DEMO-MP-0601",
            interview_offered_after=1,
            interview_held_after=2,
            child_said="He's my boyfriend. I went because I wanted to.",
            push_factors="Feels nobody at home listens to her",
            pull_factors="An adult man who gives her attention, gifts and travel",
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
        FactorSpec(
            F.CHILD_EXPLOITATION,
            146,
            "Exploitation screening completed with the social worker",
        ),
        ReferralSpec(
            146,
            Agency.CHILDRENS_SOCIAL_CARE,
            "A strategy discussion about risk of child sexual exploitation: three missing "
            "episodes in eight weeks, the last with an adult man in another county.",
            ReferralOutcome.STRATEGY_DISCUSSION,
            "Strategy discussion held; section 47 enquiry under way. Zoë to be discussed at "
            "the multi-agency child exploitation panel. School to name a trusted adult.",
            heard_back_days_ago=145,
            at="15:30",
            heard_back_at="11:00",
        ),
        entry(
            K.MEETING,
            120,
            "Child exploitation panel",
            "Disruption plan agreed. Police have served a child abduction warning notice on "
            "the man. School actions: Ms Lindgren as trusted adult, daily check-in, same-day "
            "call home on any absence.",
        ),
        MissingSpec(
            75,
            "19:00",
            4,
            found_where="Home address",
            found_by="No one: she came back by taxi",
            reported_by="Mother, at 9 pm",
            police_reference="DEMO-MP-0788",
            interview_offered_after=1,
            interview_held_after=3,
            child_said="I'm sorry. I just needed to get out for a bit.",
        ),
        entry(
            K.CONTACT,
            72,
            "Return home interview",
            "Zoë engaged more than before and named two places she goes. Shared with police "
            "and the social worker the same day.",
        ),
        SharingSpec(
            72,
            True,
            "Police missing persons coordinator and Zoë's social worker",
            "The two places Zoë named in her return home interview",
            "Either may be where she is being exploited; police can act on them and the "
            "social worker can add them to the disruption plan.",
            LawfulBasis.SAFEGUARDING_CONDITION,
            at="15:00",
        ),
        MissingSpec(
            44,
            "20:30",
            5.75,
            found_where="A car park behind a takeaway in the town centre, with two older teenagers",
            found_by="Police",
            reported_by="Mother, at 10 pm",
            police_reference="DEMO-MP-0863",
            interview_offered_after=1,
            interview_held_after=2,
            child_said="I went to meet a friend and lost track of time.",
            push_factors="Grounded after the last episode; feels watched at home",
            pull_factors="Older teenagers who give her cannabis and lifts",
        ),
        EducationSpec(
            58,
            AbsenceKind.LEFT_SITE,
            "10:50",
            "15:20",
            said_to_be="At home, unwell",
            said_by="Zoë, in a text to her form tutor",
            checked=WhereaboutsCheck.NOT_CONFIRMED,
            check_notes="Ms Lindgren called her mother at 11.30: Zoë was not at home",
            others_told="Her social worker, the same afternoon",
            notes="Left after break through the gate by the sports hall. Seen getting into a "
            "grey car on the main road, according to a Year 9 pupil.",
        ),
        EducationSpec(
            31,
            AbsenceKind.MISSED_LESSONS,
            "",
            "",
            said_to_be="In the library",
            said_by="Two friends in her maths set",
            checked=WhereaboutsCheck.NOT_CONFIRMED,
            check_notes="The librarian had not seen her; she was marked present at registration",
            notes="Missed periods 4 and 5. The third afternoon this half term.",
        ),
        FactorSpec(
            F.CHILD_SUBSTANCE_MISUSE,
            44,
            "Police, when she was found: Zoë smelt of cannabis",
        ),
        MissingSpec(
            17,
            "12:30",
            46,
            found_where="An address in a neighbouring city",
            found_by="Police, after a check on her phone's location",
            reported_by="School, when she did not return after lunch",
            police_reference="DEMO-MP-0915",
            interview_offered_after=1,
            interview_held_after=None,
            child_said="I was safe. I don't want to talk about it.",
            push_factors="Arguments at home about her curfew",
            pull_factors="The man she calls her boyfriend; promises of money and a place to stay",
        ),
        entry(
            K.NOTE,
            12,
            "Return home interview not held",
            "The missing service offered an interview, but Zoë did not attend two "
            "appointments and the worker could not reach her by phone. The 72 hours have "
            "passed. Asked the social worker to raise it at the strategy meeting.",
        ),
        entry(
            K.NOTE,
            10,
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

STORIES = (ZOE,)
