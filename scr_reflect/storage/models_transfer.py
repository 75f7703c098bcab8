"""The transfers table: child protection files sent to or received from other schools."""

from __future__ import annotations

from datetime import date, datetime

from sqlalchemy import Date, DateTime, ForeignKey, Index, Integer, String, UniqueConstraint
from sqlalchemy.orm import Mapped, mapped_column

from .models import Base


class TransferRow(Base):
    __tablename__ = "transfers"
    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    direction: Mapped[str] = mapped_column(String(10))  # "sent" or "received"
    pack_id: Mapped[str] = mapped_column(String(64))
    child_id: Mapped[int] = mapped_column(ForeignKey("children.id", ondelete="CASCADE"))
    # The other school: where a pack went (as the DSL named it), or where one came from.
    school: Mapped[str] = mapped_column(String(200))
    # The other school's signing key, once known: from the pack, or from its receipt.
    fingerprint: Mapped[str] = mapped_column(String(80))
    pack_sha256: Mapped[str] = mapped_column(String(64))
    # Sent only: the secret inside the pack that the receipt must prove it saw.
    receipt_key: Mapped[str] = mapped_column(String(64))
    records: Mapped[int] = mapped_column(Integer)
    at: Mapped[datetime] = mapped_column(DateTime)
    due_on: Mapped[date | None] = mapped_column(Date, nullable=True)
    acknowledged_at: Mapped[datetime | None] = mapped_column(DateTime, nullable=True)
    __table_args__ = (
        UniqueConstraint("direction", "pack_id", name="uq_transfers_pack"),
        Index("ix_transfers_child", "child_id"),
    )
