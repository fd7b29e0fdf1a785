"""Hand-built documents and claims for the ledger and export tests (no extractor involved).

Own sentences, written for these tests. tests/export/conftest.py loads this file by path.
"""

from __future__ import annotations

from collections.abc import Sequence
from datetime import date

from claimledger.models import Claim, ClaimantType, Document, Mode, Quantity, Stance

FLOOD = (
    "Flooding closed three bridges in Ravensford on Monday. The mayor, Ana Ruiz, said 14 people "
    "were rescued from rooftops overnight. The regional water board denied that its dams had "
    "released water early. Officials estimated damage at about 2 million euros."
)
FLOOD_COPY = (
    "RAVENSFORD (Wire) - The mayor, Ana Ruiz, said 14 people were rescued from rooftops "
    "overnight. Three bridges stayed shut on Tuesday."
)
# Hard-wrapped, as plain-text feeds often are: the claim's sentence holds a line break.
STRIKE = (
    "Dock workers in Port Alder walked out for a second day. According to the union, more than\n"
    "600 members joined the strike, reportedly the largest in a decade. The port authority called "
    "on both sides to return to talks."
)


def make_doc(text: str, path: str, published: date | None = None, **kw: str) -> Document:
    """A Document with its content-based id."""
    return Document(
        doc_id=Document.make_id(text), doc_path=path, text=text, published=published, **kw
    )


def make_claim(
    doc: Document,
    sentence: str,
    content: str,
    claimant: str,
    *,
    cue: str | None = None,
    mention: str | None = None,
    claimant_type: ClaimantType = "unknown",
    mode: Mode = "indirect",
    stance: Stance = "assert",
    hedged: bool = False,
    stated_on: date | None = None,
    affiliation: str | None = None,
    quantities: Sequence[Quantity] = (),
) -> Claim:
    """A Claim whose offsets and spans point into `doc.text`, with its stable id."""
    start = doc.text.index(sentence)
    c0 = doc.text.index(content, start)
    content_spans = [(c0, c0 + len(content))]
    cue_spans = []
    if cue:
        k = doc.text.index(cue, start)
        cue_spans = [(k, k + len(cue))]
    claimant_spans = []
    if mention:
        m = doc.text.index(mention, start)
        claimant_spans = [(m, m + len(mention))]
    return Claim(
        claim_id=Claim.make_id(doc.doc_id, content_spans, cue_spans),
        doc_id=doc.doc_id,
        sentence=sentence,
        start=start,
        end=start + len(sentence),
        claimant=claimant,
        claimant_mention=mention,
        claimant_type=claimant_type,
        cue=cue,
        mode=mode,
        stance=stance,
        hedged=hedged,
        stated_on=stated_on,
        content=content,
        quantities=list(quantities),
        carriers=[doc.doc_id],
        claimant_spans=claimant_spans,
        cue_spans=cue_spans,
        content_spans=content_spans,
        affiliation=affiliation,
    )


def sample_batch() -> list[tuple[Document, list[Claim]]]:
    """Three articles: a dated one with three claims, its wire copy, an undated one."""
    flood = make_doc(
        FLOOD, "news/flood.txt", date(2024, 5, 6), outlet="Ravensford Courier", title="Bridges shut"
    )
    at = FLOOD.index("14 people")
    rescued = Quantity(
        text="14 people", value=14, counted="people", event="rescued", start=at, end=at + 9
    )
    flood_claims = [
        make_claim(
            flood,
            "The mayor, Ana Ruiz, said 14 people were rescued from rooftops overnight.",
            "14 people were rescued from rooftops overnight",
            "Ana Ruiz",
            cue="said",
            mention="Ana Ruiz",
            claimant_type="person",
            affiliation="Ravensford",
            stated_on=date(2024, 5, 5),
            quantities=[rescued],
        ),
        make_claim(
            flood,
            "The regional water board denied that its dams had released water early.",
            "its dams had released water early",
            "Regional Water Board",
            cue="denied",
            mention="The regional water board",
            claimant_type="organization",
            stance="deny",
            stated_on=date(2024, 5, 6),
        ),
        make_claim(
            flood,
            "Officials estimated damage at about 2 million euros.",
            "damage at about 2 million euros",
            "officials",
            cue="estimated",
            mention="Officials",
            claimant_type="government",
            stance="estimate",
            stated_on=date(2024, 5, 6),
            quantities=[
                Quantity(text="about 2 million euros", value=2e6, unit="EUR", approximate=True)
            ],
        ),
    ]
    copy = make_doc(FLOOD_COPY, "wire.jsonl#3", date(2024, 5, 7), url="https://wire.example/r1")
    copy_claims = [
        make_claim(
            copy,
            "The mayor, Ana Ruiz, said 14 people were rescued from rooftops overnight.",
            "14 people were rescued from rooftops overnight",
            "Ana Ruiz",
            cue="said",
            mention="The mayor",
            claimant_type="person",
            stated_on=date(2024, 5, 6),
            quantities=[Quantity(text="14 people", value=14, counted="people", event="rescued")],
        )
    ]
    strike = make_doc(STRIKE, "docs/strike.md", None, source_id="s-17")
    strike_claims = [
        make_claim(
            strike,
            "According to the union, more than\n600 members joined the strike, reportedly the "
            "largest in a decade.",
            "more than\n600 members joined the strike",
            "Dock Workers Union",
            cue="According to",
            mention="the union",
            claimant_type="group",
            mode="according_to",
            hedged=True,
            quantities=[
                Quantity(
                    text="more than\n600",
                    low=600,
                    counted="members",
                    event="joined",
                    group="dock workers",
                    kind="cumulative",
                )
            ],
        ),
        make_claim(
            strike,
            "The port authority called on both sides to return to talks.",
            "both sides to return to talks",
            "Port Alder Port Authority",
            cue="called on",
            mention="The port authority",
            claimant_type="organization",
            stance="call",
        ),
    ]
    return [(flood, flood_claims), (copy, copy_claims), (strike, strike_claims)]
