"""Corpus for the PostgreSQL tests: short hand-written articles in several input formats."""

from __future__ import annotations

import io
import json
from pathlib import Path
from typing import Any

ARTICLES = {
    "reservoir.md": """---
date: 2024-08-19
outlet: Valley Courier
title: Reservoir at record low
---
The Kessel reservoir is down to 31 percent of its capacity, the water board said on Monday.

"If it does not rain in September, we will ration water in 14 villages," said Anke Vos, who
chairs the board. She added that farmers had already cut irrigation by a quarter.

Environmental groups denied that the drought was the only cause and blamed leaking pipes.
""",
    "museum.txt": """The city museum will reopen in March after a three-year renovation, its
director Tomasz Kowal said on Thursday.

The works cost 22 million euros, about 4 million more than planned, according to the
culture department. Kowal said more than 9,000 objects had been moved to temporary storage.
""",
    "strike.md": """---
date: 2024-09-02
outlet: Harbour Gazette
---
Dock workers in Eastport walked out on Tuesday, and the port authority reportedly cancelled
40 sailings.

"Nobody has had a real pay rise since 2019," union leader Samir Aziz told the crowd.
The port authority called on the union to return to talks by Friday.
""",
}

FEED = [
    {
        "id": "desk-7",
        "url": "https://example.net/desk-7",
        "date": "2024-07-11",
        "outlet": "Coastline Daily",
        "text": "Rescue teams pulled 23 swimmers from the sea at Carrow Bay over the weekend, "
        "the coastguard said on Monday. A coastguard spokesman, Elin Berg, said strong "
        "currents had caught most of them.",
    },
]


def write_articles(folder: Path) -> Path:
    """Write the corpus (files plus a JSONL feed and one empty file) into `folder`."""
    folder.mkdir(parents=True, exist_ok=True)
    for name, text in ARTICLES.items():
        (folder / name).write_text(text, encoding="utf-8")
    (folder / "desk.jsonl").write_text("\n".join(json.dumps(r) for r in FEED) + "\n")
    (folder / "blank.md").write_text("", encoding="utf-8")
    return folder


def exported(store: Any) -> list[dict[str, Any]]:
    """Every claim of a ledger as its JSONL export record, sorted by claim_id."""
    from claimledger.export import export

    buffer = io.StringIO()
    export(store, "jsonl", buffer)
    return sorted(
        (json.loads(line) for line in buffer.getvalue().splitlines() if line.strip()),
        key=lambda r: r["claim_id"],
    )
