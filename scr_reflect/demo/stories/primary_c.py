"""Demo stories, primary phase (part three). Every person and event here is invented."""

from __future__ import annotations

from ...domain.accounts import AccountSource, ClaimStatus, EvidenceKind
from ...domain.enums import Category as C
from ...domain.enums import ConcernStatus as S
from ...domain.enums import EntryKind as K
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
from .spec import DSL, MENTOR, Y1_TEACHER, Y3_TEACHER, Y4_TEACHER, ChildSpec, action, concern, entry

# A disclosure of sexual abuse, handled by the book.
RUBY = ChildSpec(
    full_name="Ruby Sandhurst",
    age=8,
    birthday_in_days=95,
    tutor_letter="A",
    upn_serial=107,
    household=(
        "Lives with mother and, since last year, mother's brother, who moved in after losing "
        "his flat. Father lives abroad and phones at weekends."
    ),
    events=(
        concern(
            12,
            Y3_TEACHER,
            (C.SEXUAL,),
            "After a PSHE lesson about safe and unsafe touch Ruby stayed behind and told her "
            "teacher that someone at home comes into her room at night.",
            words="He says it's a tickle game but I don't like it and he says don't tell.",
            action="Listened, did not ask leading questions, wrote down her words straight "
            "afterwards and told the DSL within ten minutes. MASH phoned; police and a social "
            "worker came to school that afternoon. Mother not contacted by school, on police "
            "advice.",
            status=S.REFERRED,
            at="14:45",
        ),
        ReferralSpec(
            12,
            Agency.CHILDRENS_SOCIAL_CARE,
            "Phoned the MASH at once: Ruby's disclosure that someone at home comes into her "
            "room at night, in her own words.",
            ReferralOutcome.STRATEGY_DISCUSSION,
            "Strategy discussion held; section 47 enquiry. Ruby and her mother are staying "
            "with maternal grandmother while police investigate. Uncle not to have contact.",
            heard_back_days_ago=11,
            at="14:55",
            heard_back_at="09:00",
        ),
        action(4, "Send the school's report for the initial child protection conference", DSL),
    ),
)

# Emotional harm that shows in small remarks over a year.
NOAH = ChildSpec(
    full_name="Noah Featherstone",
    age=10,
    birthday_in_days=250,
    tutor_letter="P",
    household="Lives with father and stepmother. Mother died three years ago.",
    events=(
        concern(
            200,
            Y4_TEACHER,
            (C.EMOTIONAL,),
            "At collection Noah's father shouted at him in front of other parents for losing a "
            "reading book, calling him 'thick' and 'a waste of space'. Noah cried.",
            action="Class teacher checked in with Noah the next morning.",
            status=S.CLOSED,
            outcome="Father apologised when the DSL spoke to him.",
            at="15:25",
        ),
        concern(
            110,
            MENTOR,
            (C.EMOTIONAL,),
            "Noah will not attempt new work and screws up his page if he makes a mistake.",
            words="Dad says I'm useless so there's no point trying.",
            action="Self-esteem sessions with the learning mentor. DSL spoke to father, who "
            "said he is 'just firm'.",
        ),
        AccountSpec(
            109,
            AccountSource.PARENT,
            "Father",
            "In a meeting with the DSL: he is 'just firm' with Noah, has never called him "
            "names, and Noah's stepmother agrees with how he is brought up.",
            (
                ClaimSpec(
                    "He has never called Noah names",
                    ClaimStatus.CONTRADICTED,
                    EvidenceKind.OBSERVATION,
                    "Staff heard him call Noah 'thick' and 'a waste of space' at collection "
                    "earlier in the year.",
                ),
                ClaimSpec("Noah's stepmother agrees with how Noah is disciplined"),
            ),
        ),
        concern(
            35,
            Y4_TEACHER,
            (C.EMOTIONAL,),
            "Noah refused to take his maths book home and became distressed when told he must.",
            words="If Dad sees a red mark he'll go mad.",
            action="Early help assessment offered to father and stepmother; father declined. "
            "DSL referred to children's social care.",
            status=S.REFERRED,
        ),
        ReferralSpec(
            33,
            Agency.CHILDRENS_SOCIAL_CARE,
            "An assessment of emotional harm over a year: belittling that staff have heard "
            "and Noah has described, and his fear of his father's reaction to schoolwork. "
            "Father has declined early help.",
            ReferralOutcome.NO_FURTHER_ACTION,
            "MASH decision: no further action by children's social care. The concerns are "
            "for early help, which the school should offer again.",
            heard_back_days_ago=31,
            at="11:15",
            escalation=EscalationSpec(
                24,
                "The decision relies on early help, which father has already declined. It "
                "does not weigh what staff have seen and heard over a year, or Noah's fear of "
                "his father.",
                "An assessment by children's social care, or a multi-agency meeting to agree "
                "a plan the family will take part in.",
                (
                    StepSpec(
                        "practitioner",
                        "Ms Varga (MASH social worker who made the decision)",
                        24,
                        "Decision stands; suggested the school ask the team manager to review.",
                    ),
                    StepSpec(
                        "manager",
                        "Mr Afolabi (MASH team manager), by email with the school's chronology",
                        10,
                    ),
                ),
            ),
        ),
        action(-1, "Offer father the early help assessment again, as the MASH advised", DSL),
    ),
)

# Risk of female genital mutilation: a planned trip, a sister, a mother's history.
SAFIYA = ChildSpec(
    full_name="Safiya Darwish-Holt",
    age=9,
    birthday_in_days=170,
    tutor_letter="A",
    upn_serial=108,
    household=(
        "Lives with parents and three siblings. Mother told the school nurse last year that "
        "she was cut as a child. An older sister left the school last year."
    ),
    events=(
        concern(
            28,
            Y3_TEACHER,
            (C.FGM,),
            "Safiya told her class she is going abroad in the next holiday for a special "
            "celebration. Her older sister was absent for five weeks in a summer term two "
            "years ago, with an extended holiday request on file.",
            words="I'm going to become a woman, like my big sister did. There's a party.",
            action="DSL did not question Safiya further and sought advice from the MASH. This "
            "is a concern about risk, so the route is a referral to children's social care; "
            "the mandatory duty to report to police applies where a teacher learns FGM has "
            "already been carried out.",
            status=S.REFERRED,
        ),
        ReferralSpec(
            28,
            Agency.CHILDRENS_SOCIAL_CARE,
            "An assessment of the risk of female genital mutilation: a planned trip abroad for "
            "a 'special celebration', an older sister's long absence two years ago, and "
            "mother's own history.",
            ReferralOutcome.ASSESSMENT,
            "Social worker and a specialist FGM worker met the parents, who said the trip is "
            "for a family wedding. The family agreed to postpone travel while the assessment "
            "continues; an FGM protection order has been discussed.",
            heard_back_days_ago=21,
            at="15:40",
        ),
        action(
            40,
            "Check with the social worker that the assessment is complete before the next holiday",
            DSL,
        ),
    ),
)

# Parental alcohol misuse, early help, and a case properly closed.
DAISY = ChildSpec(
    full_name="Daisy Whitcombe",
    age=6,
    birthday_in_days=15,
    tutor_letter="H",
    household="Lives with mother and younger brother (2). Maternal aunt lives nearby.",
    events=(
        concern(
            300,
            Y1_TEACHER,
            (C.NEGLECT,),
            "Mother arrived to collect Daisy at 3.20 pm smelling strongly of alcohol and "
            "unsteady on her feet, with Daisy's brother in a buggy.",
            action="Staff asked whether someone else could collect; mother phoned her sister, "
            "who collected both children. DSL phoned mother the next morning; she agreed to "
            "an early help assessment.",
            status=S.CLOSED,
            outcome="Early help plan completed: mother engaged with the "
            "community alcohol service and no further incidents in two terms.",
            at="15:25",
        ),
        FactorSpec(
            F.PARENT_ALCOHOL,
            300,
            "Staff observation at collection; mother's account to the DSL",
            ended_days_ago=120,
            notes="Mother worked with the community alcohol service during early help.",
        ),
        entry(
            K.MEETING,
            290,
            "Early help plan agreed",
            "Mother, family support worker and DSL. Aunt named as back-up for collection.",
        ),
        entry(
            K.NOTE,
            120,
            "Early help closed",
            "Closed by early help with a step-down plan. Mother knows she can come to the DSL "
            "if things become difficult again.",
        ),
    ),
)

# Online harm at primary age, resolved with the family.
SOPHIE = ChildSpec(
    full_name="Sophie Tranter-Ilori",
    age=9,
    birthday_in_days=280,
    tutor_letter="P",
    household="Lives with both parents and an older brother (15).",
    events=(
        concern(
            50,
            Y4_TEACHER,
            (C.ONLINE_HARM,),
            "Sophie said she was added to a group chat by an older girl she does not know and "
            "sent a video of a fight between teenagers. She said it gave her bad dreams.",
            action="Parents told and shown how to report and block. Online safety session for "
            "the class.",
            status=S.CLOSED,
            outcome="Parents removed the app from Sophie's tablet; no further concerns.",
        ),
    ),
)

# A young carer whose tiredness was read as disorganisation.
ISLA = ChildSpec(
    full_name="Isla Drummond-Patel",
    age=11,
    birthday_in_days=75,
    tutor_letter="S",
    upn_serial=109,
    household=(
        "Lives with mother, who has multiple sclerosis, and brother Rory (7). Father works away "
        "during the week."
    ),
    events=(
        concern(
            65,
            MENTOR,
            (C.OTHER,),
            "Isla has been late eleven times this half term and often has no homework. In a "
            "mentoring session she explained what her mornings are like.",
            words="I have to do Mum's tablets and get Rory dressed, then I can come.",
            action="Young carer's assessment requested from the local authority with "
            "mother's agreement. Place offered at the young carers' group.",
        ),
        entry(
            K.CONTACT,
            30,
            "Young carers' service",
            "Young carers' worker visited; Isla to start at the group next month. Lateness "
            "to be recorded but not sanctioned.",
        ),
    ),
)

STORIES = (RUBY, NOAH, SAFIYA, DAISY, SOPHIE, ISLA)
