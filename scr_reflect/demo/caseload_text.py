"""Fixed words for the generated (large) demo caseload. Names are common first names and
surnames put together at random, so no generated child is a real person; the sentences are
our own and deliberately plain."""

from __future__ import annotations

from ..domain.enums import Category, EntryKind


def _words(text: str) -> tuple[str, ...]:
    return tuple(text.split())


FIRST_NAMES = _words(
    """
    Aaliyah Aaron Abdullah Adam Aisha Alexander Alfie Amara Amelia Archie Arlo Aria Arthur Ava
    Ayesha Benjamin Bethany Caleb Charlie Chloé Daniel Darcy Dominik Eden Elif Eliza Ellie Elsie
    Emily Erin Esmé Ethan Evie Ezra Faith Felix Finley Florence Freddie Gabriel George Grace
    Hamza Hannah Harper Hugo Ibrahim Imogen Isaac Isabella Ivy Jack Jacob Jakub Jasmine Joshua
    Jude Kacper Kayla Leo Lily Logan Lucas Maja Malik Maryam Matilda Max Mia Mohammed Muhammad
    Nancy Nathan Niamh Noah Nuala Oscar Olivia Omar Oskar Phoebe Priya Reuben Riley Rosie Rory
    Sami Samuel Siobhán Sofia Summer Theo Thomas Tobias Willow Yusuf Zainab Zara Zofia
    """
)

SURNAMES = _words(
    """
    Abbott Adeyemi Ahmed Akhtar Ali Allen Appleby Bailey Begum Bennett Bishop Booth Bradley
    Brennan Brooks Campbell Chambers Chaudhry Clarke Coleman Cooper Dawson Doherty Duffy Edwards
    Ellis Evans Farrell Fletcher Foster Gallagher Gordon Green Hale Hamilton Harrison Hayes
    Hughes Hussain Iqbal Jackson James Jankowski Jones Kaur Kelly Khan Kowalski Lambert Lewis
    Lloyd Mahmood Marsh Mason McCarthy Mensah Mitchell Moore Murphy Nash Nowak O'Brien Okafor
    Owen Palmer Parker Patel Pearson Phillips Price Quinn Rahman Reid Reynolds Richards Robinson
    Rowe Saunders Shah Sharp Singh Stevens Sullivan Taylor Thompson Turner Walker Walsh Ward
    Watson Webb Wells Wiśniewski Wood Wright Yilmaz Young
    """
)

# First names some children go by in school.
SHORT_NAMES = {
    "Alexander": "Alex",
    "Benjamin": "Ben",
    "Daniel": "Danny",
    "Gabriel": "Gabe",
    "Isabella": "Bella",
    "Jacob": "Jake",
    "Joshua": "Josh",
    "Matilda": "Tilly",
    "Nathan": "Nate",
    "Samuel": "Sam",
    "Thomas": "Tom",
    "Tobias": "Toby",
}

HOUSEHOLDS = (
    "Lives with mother and two siblings.",
    "Lives with both parents and a younger brother.",
    "Lives with father; mother has contact at weekends.",
    "Lives with mother and her partner; father's contact is irregular.",
    "Lives with grandparents under a child arrangements order.",
    "Lives with foster carers; looked after by the local authority.",
    "Lives with mother, stepfather and three half-siblings.",
    "Lives with parents and grandmother; English is an additional language at home.",
    "Lives with mother in temporary accommodation after a move from another area.",
    "Lives with aunt under a special guardianship order.",
)

RAISED_BY = (
    "Form tutor",
    "Class teacher",
    "Head of year",
    "Pastoral manager",
    "Teaching assistant",
    "Lunchtime supervisor",
    "School nurse",
    "Attendance officer",
    "SENCO",
    "PE teacher",
    "Learning mentor",
    "Receptionist",
)

ACTION_OWNERS = ("DSL", "Deputy DSL", "Head of year", "Pastoral manager", "Form tutor")

# What happened, by category; {name} is the name the child is known by.
CONCERN_TEXT: dict[Category, tuple[str, ...]] = {
    Category.PHYSICAL: (
        "{name} had a bruise on the side of the face and said a door swung into it.",
        "Staff noticed marks on {name}'s forearm while washing hands; no explanation given.",
    ),
    Category.EMOTIONAL: (
        "{name} was tearful in form time and said home is 'all shouting'.",
        "{name} flinched when a parent arrived at the gate and did not want to leave.",
    ),
    Category.SEXUAL: (
        "{name} said something in a lesson that suggested knowledge beyond their age.",
        "{name} told a trusted adult about an older relative who makes them uncomfortable.",
    ),
    Category.NEGLECT: (
        "{name} arrived hungry again and wore the same uniform all week.",
        "{name} has untreated toothache and the dental letters have not been answered.",
    ),
    Category.GOING_MISSING: (
        "{name} was reported missing overnight and returned to school the next day.",
        "{name} left the site at lunchtime without permission and could not be reached.",
    ),
    Category.CRIMINAL_EXPLOITATION: (
        "{name} has been seen with cash and a second phone and is collected by older youths.",
        "{name} was stopped by police in another town during school hours.",
    ),
    Category.SEXUAL_EXPLOITATION: (
        "{name} has gifts from an older 'boyfriend' whose name they will not give.",
        "{name} was seen getting into a car with an adult man near the school.",
    ),
    Category.ONLINE_HARM: (
        "{name} was added to a group chat where violent videos are shared.",
        "{name} has been contacted online by an adult asking for pictures.",
    ),
    Category.HARMFUL_SEXUAL_BEHAVIOUR: (
        "Two pupils said {name} touched them inappropriately in the corridor.",
        "{name} shared a sexual image of another pupil with a group.",
    ),
    Category.DOMESTIC_ABUSE: (
        "Operation Encompass notification: police attended {name}'s home overnight.",
        "{name} said they heard their parents fighting and hid in their room.",
    ),
    Category.MENTAL_HEALTH: (
        "{name} disclosed self-harm to a friend, who told a member of staff.",
        "{name} has become withdrawn and says they cannot see the point of anything.",
    ),
    Category.RADICALISATION: (
        "{name} repeated extremist slogans in a lesson and shared related material online.",
    ),
    Category.FGM: ("{name} spoke about a trip abroad for a ceremony to 'become a woman'.",),
    Category.OTHER: (
        "{name} is living with a family friend while a parent works abroad.",
        "{name} is caring for a parent with a long-term illness most mornings.",
    ),
}

CHILD_WORDS = (
    "I don't want to go home tonight.",
    "It's fine, it always happens.",
    "Please don't tell my mum I told you.",
    "I'm just tired, that's all.",
    "Nobody listens to me at home.",
    "I didn't have any breakfast.",
)

ACTIONS_TAKEN = (
    "Parent informed; monitoring agreed with the form tutor.",
    "DSL spoke with the child; body map completed.",
    "Advice sought from the MASH consultation line.",
    "Referral to children's social care the same day.",
    "Early help assessment offered to the family.",
    "Safety plan agreed with the child and parent.",
)

OUTCOMES = (
    "No further concerns after a period of monitoring.",
    "Early help plan completed and closed.",
    "Children's social care assessment completed; no further action.",
    "Family engaged with support; closed by agreement.",
)

# Free-text chronology lines by kind: (title, body). A referral's body is what was asked.
ENTRY_TEXT: dict[EntryKind, tuple[tuple[str, str], ...]] = {
    EntryKind.NOTE: (
        ("Welfare check-in", "{name} seen by a trusted adult; no new worries raised."),
        ("Attendance reviewed", "{name}'s attendance checked against the plan."),
        ("Information from health", "School nurse shared an update about {name}."),
    ),
    EntryKind.CONTACT: (
        ("Call to parent", "Spoke with a parent about {name}'s week."),
        ("Call from social worker", "Social worker asked for an update on {name}."),
        ("Email from previous school", "Further information about {name} received."),
    ),
    EntryKind.MEETING: (
        ("Core group meeting", "School's update on {name} shared; plan reviewed."),
        ("Team around the family", "Agencies met with the family about {name}."),
    ),
    EntryKind.REFERRAL: (
        ("Referral to children's social care", "An assessment of {name}'s needs, via the MASH."),
        ("Referral to CAMHS", "A mental health assessment for {name}, with parental consent."),
    ),
}

ACTION_TEXT = (
    "Follow up with the social worker about {name}",
    "Review {name}'s safety plan",
    "Check {name}'s attendance at the end of the week",
    "Send {name}'s chronology to the core group",
)
