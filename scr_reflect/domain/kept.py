"""The kinds of row deleting a child counts and removes.

Apart from domain/retention.py so the record kinds (domain/record_kinds.py) can name theirs
while retention reads its words from them.
"""

from __future__ import annotations

from enum import StrEnum


class Kept(StrEnum):
    """Each kind of record kept about a child besides their details, as deletion counts them.

    The order is the order a deletion's summary lists them in."""

    CONCERN = "concern"
    ENTRY = "entry"
    ACTION = "action"
    FACTOR = "factor"
    MISSING = "missing"
    EDUCATION = "education_absence"
    ACCOUNT = "account"
    CLAIM = "claim"
    REFERRAL = "referral"
    ESCALATION = "escalation"
    ESCALATION_STEP = "escalation_step"
    SHARING = "sharing"
    BODY_MARK = "body_mark"
    ANSWER = "answer"
    VERSION = "version"
    DRAFT = "draft"
    HOLD = "hold"
