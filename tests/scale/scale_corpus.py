"""Corpus for the scale tests: hand-written articles, a JSONL feed and one unreadable file."""

from __future__ import annotations

import io
import json
from pathlib import Path
from typing import Any

ARTICLES = {
    "ferry.md": """---
date: 2023-05-09
outlet: Coastline Daily
title: Ferry service cut back
---
The island ferry will run only twice a day from June, the operator said on Monday.

"We lost 1.3 million euros last year and cannot keep four crossings," Helga Brandt, the
operator's director, told a meeting in Velden. She said about 240 passengers used the
evening crossing on a typical weekday.

According to the harbour office, nearly 60 jobs depend on the route.
""",
    "clinic.md": """---
date: 2023-06-14
outlet: Valley Courier
---
Health officials in Millbrook denied on Wednesday that the new clinic would close its
emergency ward. "The ward stays open at night," said Omar Siddiqui, who runs the regional
health service.

The union said more than 35 nurses had signed a letter calling for extra staff, and
reportedly threatened a strike in July.
""",
    "harvest.txt": """Farmers in the Dunmore valley expect a smaller apple harvest this year after a
late frost.

The growers' association estimated that output would fall by 18 percent, its chairman
Pavel Novak said on Friday. He urged the regional government to release emergency funds.

"Some orchards lost almost everything," Novak said.
""",
    "stadium.html": """<!doctype html><html><head><title>Stadium plan approved</title>
<meta property="og:site_name" content="Regional Ledger Post">
<meta property="article:published_time" content="2023-02-21"></head>
<body><nav>Home | Sport | Local</nav><article><h1>Stadium plan approved</h1>
<p>The Ashfield council approved a 45 million pound stadium on Tuesday, its leader Grace
Mbeki said.</p>
<p>"This will bring 300 permanent jobs to the town," Mbeki told reporters after the vote.</p>
<p>Opponents said the plan would add 2,000 cars to local roads on match days.</p>
</article><footer>Copyright Regional Ledger Post</footer></body></html>
""",
}

FEED = [
    {
        "id": "wire-1",
        "url": "https://example.org/wire-1",
        "date": "2023-03-02",
        "outlet": "Northgate Wire",
        "text": "Police in Northgate said on Sunday that 14 people were arrested after a protest "
        "outside the town hall. The mayor, Lucia Ferrante, said the protest had been "
        "peaceful until late evening.",
    },
    {
        "id": "wire-2",
        "date": "2023-03-03",
        "outlet": "Northgate Wire",
        "text": "The transport ministry announced that 120 new buses would enter service in "
        "Carrow Bay by the end of the year, according to a statement released on Thursday.",
    },
]


def write_articles(folder: Path) -> Path:
    """Write the hand-written corpus (and one empty, unreadable file) into `folder`."""
    folder.mkdir(parents=True, exist_ok=True)
    for name, text in ARTICLES.items():
        (folder / name).write_text(text, encoding="utf-8")
    feed = "\n".join(json.dumps(r) for r in FEED) + "\n"
    (folder / "feed.jsonl").write_text(feed, encoding="utf-8")
    (folder / "empty.txt").write_text("", encoding="utf-8")
    return folder


def exported(store: Any) -> list[dict[str, Any]]:
    """Every claim of a ledger as its JSONL export record, sorted by claim_id."""
    from claimledger.export import export

    buffer = io.StringIO()
    export(store, "jsonl", buffer)
    records = [json.loads(line) for line in buffer.getvalue().splitlines() if line.strip()]
    return sorted(records, key=lambda r: r["claim_id"])
