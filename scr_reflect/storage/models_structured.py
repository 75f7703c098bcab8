"""ORM models for the records SCR learning hinges on: factors, missing episodes, absences
from education, accounts and claims, referrals and escalations, information-sharing decisions,
body map marks."""

from __future__ import annotations

from datetime import date, datetime, time

from sqlalchemy import (
    Boolean,
    Date,
    DateTime,
    Float,
    ForeignKey,
    Index,
    Integer,
    String,
    Text,
    Time,
)
from sqlalchemy.orm import Mapped, mapped_column

from .models import Base


def _child_key() -> Mapped[int]:
    return mapped_column(ForeignKey("children.id", ondelete="CASCADE"), index=True)


class FactorRow(Base):
    __tablename__ = "factors"
    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    child_id: Mapped[int] = _child_key()
    factor: Mapped[str] = mapped_column(String(40))
    first_known: Mapped[date] = mapped_column(Date)
    source: Mapped[str] = mapped_column(Text)
    still_applies: Mapped[bool] = mapped_column(Boolean)
    ended_on: Mapped[date | None] = mapped_column(Date, nullable=True)
    notes: Mapped[str] = mapped_column(Text)
    version: Mapped[int] = mapped_column(Integer, default=1)


class MissingRow(Base):
    __tablename__ = "missing_episodes"
    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    child_id: Mapped[int] = _child_key()
    started_at: Mapped[datetime] = mapped_column(DateTime)
    ended_at: Mapped[datetime | None] = mapped_column(DateTime, nullable=True)
    found_where: Mapped[str] = mapped_column(Text)
    found_by: Mapped[str] = mapped_column(Text)
    reported_by: Mapped[str] = mapped_column(Text)
    police_reference: Mapped[str] = mapped_column(String(60))
    interview_offer: Mapped[str] = mapped_column(
        String(20), default="not_known", server_default="not_known"
    )
    interview_offered_on: Mapped[date | None] = mapped_column(Date, nullable=True)
    interview_outcome: Mapped[str] = mapped_column(
        String(20), default="not_yet", server_default="not_yet"
    )
    interview_held_on: Mapped[date | None] = mapped_column(Date, nullable=True)
    interview_declined_on: Mapped[date | None] = mapped_column(Date, nullable=True)
    child_said: Mapped[str] = mapped_column(Text)
    push_factors: Mapped[str] = mapped_column(Text)
    pull_factors: Mapped[str] = mapped_column(Text)
    version: Mapped[int] = mapped_column(Integer, default=1)


class EducationRow(Base):
    __tablename__ = "education_absences"
    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    child_id: Mapped[int] = _child_key()
    kind: Mapped[str] = mapped_column(String(40))
    started_at: Mapped[datetime] = mapped_column(DateTime)
    start_time_known: Mapped[bool] = mapped_column(Boolean)
    ended_at: Mapped[datetime | None] = mapped_column(DateTime, nullable=True)
    end_time_known: Mapped[bool] = mapped_column(Boolean)
    said_to_be: Mapped[str] = mapped_column(Text)
    said_by: Mapped[str] = mapped_column(Text)
    checked: Mapped[str] = mapped_column(String(40))
    check_notes: Mapped[str] = mapped_column(Text)
    la_told_on: Mapped[date | None] = mapped_column(Date, nullable=True)
    parent_told: Mapped[bool] = mapped_column(Boolean)
    others_told: Mapped[str] = mapped_column(Text)
    notes: Mapped[str] = mapped_column(Text)
    version: Mapped[int] = mapped_column(Integer, default=1)


class AccountRow(Base):
    __tablename__ = "accounts"
    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    child_id: Mapped[int] = _child_key()
    source: Mapped[str] = mapped_column(String(20))
    given_by: Mapped[str] = mapped_column(String(200))
    given_at: Mapped[datetime] = mapped_column(DateTime)
    summary: Mapped[str] = mapped_column(Text)
    version: Mapped[int] = mapped_column(Integer, default=1)


class ClaimRow(Base):
    __tablename__ = "claims"
    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    account_id: Mapped[int] = mapped_column(
        ForeignKey("accounts.id", ondelete="CASCADE"), index=True
    )
    text: Mapped[str] = mapped_column(Text)
    status: Mapped[str] = mapped_column(String(20))
    evidence_kind: Mapped[str | None] = mapped_column(String(20), nullable=True)
    evidence: Mapped[str] = mapped_column(Text)
    checked_against: Mapped[str] = mapped_column(Text, default="")
    checked_on: Mapped[date | None] = mapped_column(Date, nullable=True)
    checked_by: Mapped[str] = mapped_column(String(200), default="")
    version: Mapped[int] = mapped_column(Integer, default=1)


class ReferralRow(Base):
    __tablename__ = "referrals"
    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    child_id: Mapped[int] = _child_key()
    made_at: Mapped[datetime] = mapped_column(DateTime)
    agency: Mapped[str] = mapped_column(String(40))
    asked_for: Mapped[str] = mapped_column(Text)
    outcome: Mapped[str] = mapped_column(String(40))
    outcome_reasons: Mapped[str] = mapped_column(Text)
    heard_back_at: Mapped[datetime | None] = mapped_column(DateTime, nullable=True)
    version: Mapped[int] = mapped_column(Integer, default=1)
    # The overdue banner's referrals not heard back about, oldest first, read at each unlock.
    __table_args__ = (Index("ix_referrals_awaiting", "heard_back_at", "made_at"),)


class EscalationRow(Base):
    __tablename__ = "escalations"
    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    child_id: Mapped[int] = _child_key()
    referral_id: Mapped[int] = mapped_column(
        ForeignKey("referrals.id", ondelete="CASCADE"), index=True
    )
    started_on: Mapped[date] = mapped_column(Date)
    why_we_disagree: Mapped[str] = mapped_column(Text)
    asking_for: Mapped[str] = mapped_column(Text)
    resolved_on: Mapped[date | None] = mapped_column(Date, nullable=True)
    resolution: Mapped[str] = mapped_column(Text)
    # The ids of further referrals challenged, as "12,15" (see storage/structured_rows.py).
    also_challenges: Mapped[str] = mapped_column(Text, default="", server_default="")
    version: Mapped[int] = mapped_column(Integer, default=1)


class EscalationStepRow(Base):
    __tablename__ = "escalation_steps"
    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    escalation_id: Mapped[int] = mapped_column(
        ForeignKey("escalations.id", ondelete="CASCADE"), index=True
    )
    stage: Mapped[str] = mapped_column(String(60))
    contacted: Mapped[str] = mapped_column(Text)
    contacted_on: Mapped[date] = mapped_column(Date)
    response: Mapped[str] = mapped_column(Text)
    next_deadline: Mapped[date | None] = mapped_column(Date, nullable=True)
    version: Mapped[int] = mapped_column(Integer, default=1)
    __table_args__ = (Index("ix_steps_deadline", "next_deadline"),)


class SharingRow(Base):
    __tablename__ = "sharing_decisions"
    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    child_id: Mapped[int] = _child_key()
    decided_at: Mapped[datetime] = mapped_column(DateTime)
    shared: Mapped[bool] = mapped_column(Boolean)
    with_whom: Mapped[str] = mapped_column(Text)
    what: Mapped[str] = mapped_column(Text)
    why: Mapped[str] = mapped_column(Text)
    lawful_basis: Mapped[str] = mapped_column(String(40))
    family_told: Mapped[bool] = mapped_column(Boolean)
    why_not_told: Mapped[str] = mapped_column(Text)
    version: Mapped[int] = mapped_column(Integer, default=1)


class BodyMarkRow(Base):
    __tablename__ = "body_marks"
    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    child_id: Mapped[int] = _child_key()
    concern_id: Mapped[int] = mapped_column(
        ForeignKey("concerns.id", ondelete="CASCADE"), index=True
    )
    view: Mapped[str] = mapped_column(String(20))
    x: Mapped[float] = mapped_column(Float)
    y: Mapped[float] = mapped_column(Float)
    region: Mapped[str] = mapped_column(String(80))
    shape: Mapped[str] = mapped_column(String(20))
    colour: Mapped[str] = mapped_column(Text)
    how_known: Mapped[str] = mapped_column(String(20))
    seen_by: Mapped[str] = mapped_column(Text)
    seen_on: Mapped[date] = mapped_column(Date)
    seen_time: Mapped[time | None] = mapped_column(Time, nullable=True)
    length_cm: Mapped[float | None] = mapped_column(Float, nullable=True)
    width_cm: Mapped[float | None] = mapped_column(Float, nullable=True)
    broken_skin: Mapped[bool] = mapped_column(Boolean)
    swelling: Mapped[bool] = mapped_column(Boolean)
    bleeding: Mapped[bool] = mapped_column(Boolean)
    child_said: Mapped[str] = mapped_column(Text)
    version: Mapped[int] = mapped_column(Integer, default=1)
