"""Record hashes, the head's authentication code and printed checkpoints."""

from __future__ import annotations

import pytest

from scr_reflect.domain.audit import AuditHead
from scr_reflect.domain.audit_seal import Checkpoint, content_hash, head_mac, mac_matches

HEAD = AuditHead(1234, "3f9a0c1d2e4b5a69" + "0" * 48)
KEY = bytes(range(32))  # a fictional audit key


def test_a_record_hash_covers_its_type_id_version_and_every_field() -> None:
    fields = {"what_happened": "Arrived without a coat.", "status": "open"}
    base = content_hash("concern", 12, 2, fields)
    assert base == content_hash("concern", 12, 2, dict(reversed(fields.items())))  # any order
    assert (
        len(
            {
                base,
                content_hash("action", 12, 2, fields),
                content_hash("concern", 13, 2, fields),
                content_hash("concern", 12, 3, fields),
                content_hash("concern", 12, 2, fields | {"status": "closed"}),
            }
        )
        == 5
    )


def test_the_heads_code_needs_the_key_and_covers_seq_and_hash() -> None:
    mac = head_mac(KEY, HEAD)
    assert mac_matches(KEY, HEAD, mac)
    assert not mac_matches(bytes(32), HEAD, mac)
    assert not mac_matches(KEY, AuditHead(1233, HEAD.hash), mac)


def test_a_checkpoint_prints_and_reads_back_as_printed() -> None:
    checkpoint = Checkpoint.of(HEAD)
    assert checkpoint.label == "Audit trail checkpoint: entry 1234, 3f9a0c1d2e4b5a69\u2026"
    assert Checkpoint.parse(checkpoint.token) == checkpoint
    assert Checkpoint.parse("entry 1234, 3F9A0C1D2E4B5A69\u2026") == checkpoint
    assert checkpoint.held_by(HEAD.hash) and not checkpoint.held_by("0" * 64)
    assert not checkpoint.held_by(None)


@pytest.mark.parametrize("text", ["", "1234", "1234:xyz", "entry one, 3f9a0c1d", "12:3f9a"])
def test_anything_else_is_not_a_checkpoint(text: str) -> None:
    with pytest.raises(ValueError, match="is not a checkpoint"):
        Checkpoint.parse(text)
