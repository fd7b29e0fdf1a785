"""A small hand-built ledger for the web tests: five articles on the 2020 Karabakh war.

Spans are found in the text by search, so each claim's parts point at the exact words. One article
carries a `<script>` tag inside a claimed sentence, to prove it is shown as text everywhere.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date

from claimledger.models import Claim, Document, Quantity, Span

SCRIPT = '<script>document.title="pwned"</script>'


@dataclass
class Fig:
    """A figure inside a claim: its words plus what it counts."""

    text: str
    value: float | None
    counted: str
    event: str
    group: str | None = None
    low: float | None = None
    high: float | None = None


@dataclass
class Spec:
    """One claim, described by the words that make it up."""

    sentence: str
    claimant: str
    mention: str
    cue: str
    content: str
    stance: str = "assert"
    claimant_type: str = "government"
    affiliation: str | None = None
    figures: list[Fig] = field(default_factory=list)
    hedged: bool = False


def _span(text: str, part: str, start: int = 0) -> Span:
    at = text.index(part, start)
    return (at, at + len(part))


def make(
    body: str, *, outlet: str, title: str, published: date, specs: list[Spec], path: str
) -> tuple[Document, list[Claim]]:
    """A document and its claims, every span located in `body`."""
    doc = Document(
        doc_id=Document.make_id(body),
        doc_path=path,
        text=body,
        outlet=outlet,
        title=title,
        published=published,
        format="txt",
    )
    out = []
    for spec in specs:
        s0, s1 = _span(body, spec.sentence)
        claimant = [_span(body, spec.mention, s0)]
        cue = [_span(body, spec.cue, s0)]
        content = [_span(body, spec.content, s0)]
        quantities = []
        for f in spec.figures:
            q0, q1 = _span(body, f.text, s0)
            quantities.append(
                Quantity(
                    text=f.text,
                    value=f.value,
                    low=f.low,
                    high=f.high,
                    counted=f.counted,
                    event=f.event,
                    group=f.group,
                    kind="cumulative",
                    start=q0,
                    end=q1,
                )
            )
        out.append(
            Claim(
                claim_id=Claim.make_id(doc.doc_id, content, cue),
                doc_id=doc.doc_id,
                sentence=spec.sentence,
                start=s0,
                end=s1,
                claimant=spec.claimant,
                claimant_mention=spec.mention,
                claimant_type=spec.claimant_type,  # type: ignore[arg-type]
                affiliation=spec.affiliation,
                cue=spec.cue,
                mode="indirect",
                stance=spec.stance,  # type: ignore[arg-type]
                hedged=spec.hedged,
                stated_on=published,
                content=spec.content,
                quantities=quantities,
                claimant_spans=claimant,
                cue_spans=cue,
                content_spans=content,
            )
        )
    return doc, out


AZ_MOD = "Azerbaijan Defence Ministry"
AM_MOD = "Armenia Defence Ministry"


def build() -> list[tuple[Document, list[Claim]]]:
    """The fixture ledger: five documents, one of them a copy of another."""
    s1 = (
        "Azerbaijan's Defence Ministry said on Monday that 2,300 Armenian soldiers had been "
        "killed since the fighting began."
    )
    s2 = "Armenia's Defence Ministry denied the figure, calling it a fabrication."
    s3 = "The Armenian ministry said 220 Armenian soldiers had been killed so far."
    body1 = (
        f"Fighting continued along the line of contact.\n\n{s1} {s2} {s3}\n\n"
        "Shelling was reported overnight."
    )
    specs1 = [
        Spec(
            s1,
            AZ_MOD,
            "Azerbaijan's Defence Ministry",
            "said",
            "2,300 Armenian soldiers had been killed since the fighting began",
            affiliation="Azerbaijan",
            figures=[Fig("2,300", 2300, "soldiers", "killed", "Armenian soldiers")],
        ),
        Spec(
            s2,
            AM_MOD,
            "Armenia's Defence Ministry",
            "denied",
            "the figure, calling it a fabrication",
            stance="deny",
            affiliation="Armenia",
        ),
        Spec(
            s3,
            AM_MOD,
            "The Armenian ministry",
            "said",
            "220 Armenian soldiers had been killed so far",
            affiliation="Armenia",
            figures=[Fig("220", 220, "soldiers", "killed", "Armenian soldiers")],
        ),
    ]
    t1 = "Baku and Yerevan trade casualty figures"
    d1 = make(
        body1,
        outlet="Caspian Wire",
        title=t1,
        published=date(2020, 10, 5),
        specs=specs1,
        path="caspian/2020-10-05.txt",
    )
    # A syndicated copy: same body under another outlet's header line.
    body1b = "From our partners.\n\n" + body1
    d1b = make(
        body1b,
        outlet="Caucasus Review",
        title=t1,
        published=date(2020, 10, 5),
        specs=specs1,
        path="review/copy.txt",
    )

    s4 = (
        "Armenia's Defence Ministry said on Sunday that the toll had risen to 532 Armenian "
        "soldiers killed."
    )
    s5 = (
        "Azerbaijan's Defence Ministry claimed that more than 4,000 Armenian soldiers had "
        "been killed."
    )
    s6 = "Armenian officials denied that Stepanakert airport had been destroyed."
    body2 = f"{s4} {s5}\n\n{s6}"
    d2 = make(
        body2,
        outlet="Yerevan Daily",
        title="Toll rises as talks stall",
        published=date(2020, 10, 12),
        path="yerevan/2020-10-12.txt",
        specs=[
            Spec(
                s4,
                AM_MOD,
                "Armenia's Defence Ministry",
                "said",
                "the toll had risen to 532 Armenian soldiers killed",
                affiliation="Armenia",
                figures=[Fig("532", 532, "soldiers", "killed", "Armenian soldiers")],
            ),
            Spec(
                s5,
                AZ_MOD,
                "Azerbaijan's Defence Ministry",
                "claimed",
                "more than 4,000 Armenian soldiers had been killed",
                affiliation="Azerbaijan",
                figures=[
                    Fig(
                        "more than 4,000", None, "soldiers", "killed", "Armenian soldiers", low=4000
                    )
                ],
            ),
            Spec(
                s6,
                "Armenia",
                "Armenian officials",
                "denied",
                "Stepanakert airport had been destroyed",
                stance="deny",
                affiliation="Armenia",
            ),
        ],
    )

    s7 = f"A ministry spokesman wrote on Facebook that {SCRIPT} 12 civilians were injured in Ganja."
    body3 = f"Reports from Ganja.\n{s7}\nThe claim could not be verified."
    d3 = make(
        body3,
        outlet="<b>Test</b> Herald",
        title=f"Ganja {SCRIPT} report",
        published=date(2020, 10, 20),
        path="herald/ganja.txt",
        specs=[
            Spec(
                s7,
                AZ_MOD,
                "A ministry spokesman",
                "wrote on Facebook",
                f"{SCRIPT} 12 civilians were injured in Ganja",
                affiliation="Azerbaijan",
                hedged=True,
                figures=[Fig("12", 12, "civilians", "injured", "civilians")],
            ),
        ],
    )

    s8 = "Russian President Vladimir Putin said almost 5,000 people had been killed on both sides."
    s9 = "Armenia's Defence Ministry said 2,317 Armenian soldiers had been killed in the war."
    body4 = f"{s8}\n\n{s9}"
    d4 = make(
        body4,
        outlet="Caspian Wire",
        title="Moscow counts the dead",
        published=date(2020, 11, 10),
        path="caspian/2020-11-10.txt",
        specs=[
            Spec(
                s8,
                "Vladimir Putin",
                "Russian President Vladimir Putin",
                "said",
                "almost 5,000 people had been killed on both sides",
                claimant_type="person",
                affiliation="Russia",
                figures=[Fig("almost 5,000", None, "people", "killed", None, high=5000)],
            ),
            Spec(
                s9,
                AM_MOD,
                "Armenia's Defence Ministry",
                "said",
                "2,317 Armenian soldiers had been killed in the war",
                affiliation="Armenia",
                figures=[Fig("2,317", 2317, "soldiers", "killed", "Armenian soldiers")],
            ),
        ],
    )
    return [d1, d1b, d2, d3, d4]
