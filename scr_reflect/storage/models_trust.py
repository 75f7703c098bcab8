"""ORM models for who may open the store, the audit trail and retention holds."""

from __future__ import annotations

from datetime import datetime

from sqlalchemy import DateTime, ForeignKey, Index, Integer, String, Text
from sqlalchemy.orm import Mapped, mapped_column

from .models import Base


class PersonRow(Base):
    __tablename__ = "people"
    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    name: Mapped[str] = mapped_column(String(200))
    role: Mapped[str] = mapped_column(String(20))
    added_at: Mapped[datetime] = mapped_column(DateTime)
    added_by: Mapped[str] = mapped_column(String(200))
    removed_at: Mapped[datetime | None] = mapped_column(DateTime, nullable=True)
    removed_by: Mapped[str | None] = mapped_column(String(200), nullable=True)


class AuditRow(Base):
    """One entry of the append-only trail; `hash` covers every field and the previous hash.

    child_id has no foreign key on purpose: entries outlive a child's deletion."""

    __tablename__ = "audit_log"
    seq: Mapped[int] = mapped_column(Integer, primary_key=True, autoincrement=False)
    at: Mapped[datetime] = mapped_column(DateTime)
    actor: Mapped[str] = mapped_column(String(200))
    action: Mapped[str] = mapped_column(String(40))
    child_id: Mapped[int | None] = mapped_column(Integer, nullable=True)
    record_type: Mapped[str | None] = mapped_column(String(20), nullable=True)
    record_id: Mapped[int | None] = mapped_column(Integer, nullable=True)
    detail: Mapped[str] = mapped_column(Text, default="")
    previous_hash: Mapped[str] = mapped_column(String(64))
    hash: Mapped[str] = mapped_column(String(64))
    # A create or amend: SHA-256 of the record as it left it; None for other entries and
    # for entries made before they carried one.
    content_hash: Mapped[str | None] = mapped_column(String(64), nullable=True)
    __table_args__ = (
        Index("ix_audit_child", "child_id"),
        Index("ix_audit_at", "at"),
    )


class AuditKeyRow(Base):
    """The secret that authenticates the key file's copy of the newest entry.

    Random, made with the table, and kept only inside the encrypted database: re-encrypting
    the database under a new data key leaves it as it is."""

    __tablename__ = "audit_key"
    id: Mapped[int] = mapped_column(Integer, primary_key=True, autoincrement=False)
    key: Mapped[str] = mapped_column(String(64))


class RetentionHoldRow(Base):
    """A reason (an inquiry, a legal claim) to keep a child's records past their review date."""

    __tablename__ = "retention_holds"
    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    child_id: Mapped[int] = mapped_column(
        ForeignKey("children.id", ondelete="CASCADE"), unique=True
    )
    reason: Mapped[str] = mapped_column(Text)
    placed_at: Mapped[datetime] = mapped_column(DateTime)
    placed_by: Mapped[str] = mapped_column(String(200))
