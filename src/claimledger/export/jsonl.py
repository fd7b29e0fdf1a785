"""JSON Lines: one contract record per claim, streamed (CONTRACT.md's `export --format jsonl`)."""

from __future__ import annotations

import json
from collections.abc import Iterable
from typing import TextIO

from claimledger.export.record import claim_record
from claimledger.ledger.records import DocMeta
from claimledger.models import Claim


def write_jsonl(records: Iterable[tuple[Claim, DocMeta]], out: TextIO) -> int:
    """Write one JSON object per claim to `out`; returns the number written.

    Non-ASCII text is kept as is (UTF-8), so quotes in names and places stay readable.
    """
    n = 0
    for claim, meta in records:
        out.write(json.dumps(claim_record(claim, meta), ensure_ascii=False))
        out.write("\n")
        n += 1
    return n
