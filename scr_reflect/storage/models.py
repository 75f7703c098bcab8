"""ORM models. They never leave storage/: the repository maps them to domain records."""

from __future__ import annotations

from datetime import date, datetime

from sqlalchemy import Boolean, Date, DateTime, ForeignKey, Index, Integer, String, Text, true
from sqlalchemy.orm import DeclarativeBase, Mapped, mapped_column


class Base(DeclarativeBase):
    pass


class SettingRow(Base):
    __tablename__ = "settings"
    key: Mapped[str] = mapped_column(String(64), primary_key=True)
    value: Mapped[str] = mapped_column(Text)


class ChildRow(Base):
    __tablename__ = "children"
    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    full_name: Mapped[str] = mapped_column(String(200))
    preferred_name: Mapped[str] = mapped_column(String(200), default="")
    date_of_birth: Mapped[date] = mapped_column(Date)
    year_group: Mapped[str] = mapped_column(String(40), default="")
    tutor_group: Mapped[str] = mapped_column(String(40), default="")
    upn: Mapped[str] = mapped_column(String(13), default="")
    household: Mapped[str] = mapped_column(Text, default="")
    sex: Mapped[str] = mapped_column(String(40), default="")
    legal_status: Mapped[str] = mapped_column(String(40), default="none")
    version: Mapped[int] = mapped_column(Integer, default=1)
    created_at: Mapped[datetime] = mapped_column(DateTime)
    __table_args__ = (Index("ix_children_full_name", "full_name"),)


class ConcernRow(Base):
    __tablename__ = "concerns"
    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    child_id: Mapped[int] = mapped_column(ForeignKey("children.id", ondelete="CASCADE"))
    occurred_at: Mapped[datetime] = mapped_column(DateTime)
    recorded_at: Mapped[datetime] = mapped_column(DateTime)
    raised_by: Mapped[str] = mapped_column(String(200))
    what_happened: Mapped[str] = mapped_column(Text)
    child_words: Mapped[str] = mapped_column(Text, default="")
    # Category values, space-separated and sorted: a small fixed set read with the concern.
    categories: Mapped[str] = mapped_column(String(400))
    action_taken: Mapped[str] = mapped_column(Text, default="")
    status: Mapped[str] = mapped_column(String(20))
    outcome: Mapped[str] = mapped_column(Text, default="")
    version: Mapped[int] = mapped_column(Integer, default=1)
    __table_args__ = (Index("ix_concerns_child", "child_id", "status"),)


class EntryRow(Base):
    __tablename__ = "chronology_entries"
    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    child_id: Mapped[int] = mapped_column(ForeignKey("children.id", ondelete="CASCADE"))
    kind: Mapped[str] = mapped_column(String(20))
    occurred_at: Mapped[datetime] = mapped_column(DateTime)
    title: Mapped[str] = mapped_column(String(300))
    body: Mapped[str] = mapped_column(Text, default="")
    # The record a line stands for (a concern, a referral...): None for a line typed on its own.
    record_type: Mapped[str | None] = mapped_column(String(20), nullable=True)
    record_id: Mapped[int | None] = mapped_column(Integer, nullable=True)
    # False where only the day was recorded: occurred_at then just orders the line in its day.
    time_known: Mapped[bool] = mapped_column(Boolean, default=True, server_default=true())
    version: Mapped[int] = mapped_column(Integer, default=1)
    __table_args__ = (
        Index("ix_entries_child_time", "child_id", "occurred_at"),
        Index("ix_entries_record", "record_type", "record_id"),
    )


class ActionRow(Base):
    __tablename__ = "actions"
    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    child_id: Mapped[int] = mapped_column(ForeignKey("children.id", ondelete="CASCADE"))
    concern_id: Mapped[int | None] = mapped_column(
        ForeignKey("concerns.id", ondelete="CASCADE"), nullable=True
    )
    description: Mapped[str] = mapped_column(Text)
    owner: Mapped[str] = mapped_column(String(200))
    due_on: Mapped[date] = mapped_column(Date)
    done_on: Mapped[date | None] = mapped_column(Date, nullable=True)
    version: Mapped[int] = mapped_column(Integer, default=1)
    __table_args__ = (
        Index("ix_actions_open", "done_on", "due_on"),
        Index("ix_actions_child", "child_id"),  # a child's actions, read on opening the child
    )


class VersionRow(Base):
    """A record as it was before an amendment: fields as JSON, who replaced it and why."""

    __tablename__ = "record_versions"
    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    record_type: Mapped[str] = mapped_column(String(20))
    record_id: Mapped[int] = mapped_column(Integer)
    version: Mapped[int] = mapped_column(Integer)
    fields_json: Mapped[str] = mapped_column(Text)
    replaced_at: Mapped[datetime] = mapped_column(DateTime)
    replaced_by: Mapped[str] = mapped_column(String(200))
    reason: Mapped[str] = mapped_column(Text, default="")
    __table_args__ = (Index("ix_versions_record", "record_type", "record_id"),)


class DraftRow(Base):
    __tablename__ = "drafts"
    key: Mapped[str] = mapped_column(String(100), primary_key=True)
    title: Mapped[str] = mapped_column(String(300))
    fields_json: Mapped[str] = mapped_column(Text)
    saved_at: Mapped[datetime] = mapped_column(DateTime)
