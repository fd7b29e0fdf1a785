"""Speed of reconciliation over a large synthetic ledger.

    python benchmarks/reconcile.py [--claims 100000] [--seed 7]

Generates N synthetic claims (own templates, no real text) spread over documents of which a
quarter are syndicated copies of others with junk around them, then times:
  canonicalize  folding every claim's mention (cached, as at extraction),
  copies        find_copies over the documents, then merge_copies over the claims,
  tracks        build_tracks over the merged claims,
  conflicts     find_conflicts over the merged claims and tracks,
and prints each figure with the total (target < 10 s for 100,000 claims on 2 cores).
"""

from __future__ import annotations

import argparse
import random
import time
from collections import defaultdict
from collections.abc import Iterator
from contextlib import contextmanager
from datetime import date, timedelta

from claimledger.models import Claim, Quantity
from claimledger.names.claimants import canonicalize
from claimledger.reconcile.conflicts import find_conflicts
from claimledger.reconcile.copies import find_copies, merge_copies
from claimledger.reconcile.tracks import build_tracks

MENTIONS = [
    "the Armenian Defense Ministry",
    "Azerbaijan's defence ministry",
    "the Karabakh defence ministry",
    "French President Emmanuel Macron",
    "Russian Foreign Minister Sergey Lavrov",
    "Azerbaijani President Ilham Aliyev",
    "Armenian Prime Minister Nikol Pashinian",
    "the Syrian Observatory",
    "Ankara",
    "the Kremlin",
    "Yerevan",
    "Baku",
    "Stepanakert",
    "Tass",
    "Artsakh President Arayik Harutyunyan",
    *(
        f"Regional Official {name}"
        for name in ["Abel", "Berin", "Corvan", "Dast", "Eyram", "Fenn", "Gorav"]
    ),
]
GROUPS = ["Armenian", "Azerbaijani", "Syrian", "Karabakh", None]
COUNTED = ["soldiers", "servicemen", "civilians", "fighters", "mercenaries", "people", "troops"]
EVENTS = ["killed", "injured", "sent", "captured", "died", "wounded"]
PLACES = [
    "Ganja",
    "Barda",
    "Tartar",
    "Fuzuli",
    "Jabrayil",
    "Hadrut",
    "Shusha",
    "Martuni",
    "Askeran",
    "Lachin",
    "Agdam",
]
FILLER = [
    "front",
    "line",
    "artillery",
    "village",
    "road",
    "ridge",
    "convoy",
    "drone",
    "shelling",
    "position",
    "district",
    "bridge",
    "hospital",
    "school",
    "market",
    "reservoir",
    "checkpoint",
    "valley",
    "highway",
    "airport",
    "corridor",
    "ceasefire",
    "talks",
    "mediator",
    "envoy",
    "statement",
    "briefing",
    "evening",
    "morning",
    "column",
    "brigade",
]
JUNK = ["Share this article.", "Subscribe to our newsletter.", "[ad_1]", "Related: more news."]
START = date(2020, 9, 27)
# Each claimant's habit: most report the true count, two inflate it and one plays it down.
BIAS: dict[str, float] = defaultdict(lambda: 1.0)


# A news-sized vocabulary of made-up words: with only a few dozen words every text would
# share shingles with every other, which real articles do not.
_SYLLABLES = ["ka", "ro", "mi", "tu", "sel", "dan", "vor", "ish", "pel", "gar", "lin", "zo"]
VOCAB = sorted({a + b + c for a in _SYLLABLES for b in _SYLLABLES for c in _SYLLABLES})


def _sentence(rng: random.Random) -> str:
    words = [*rng.sample(FILLER, 3), *rng.sample(VOCAB, 8), rng.choice(PLACES)]
    rng.shuffle(words)
    return " ".join(words).capitalize() + "."


def generate(n_claims: int, seed: int) -> tuple[list[tuple[str, str, date | None]], list[Claim]]:
    """Synthetic documents (with copies) and the claims they carry."""
    rng = random.Random(seed)
    names = sorted({canonicalize(m, None).name for m in MENTIONS})
    for name, bias in zip(rng.sample(names, 3), (3.0, 2.5, 0.4), strict=True):
        BIAS[name] = bias
    per_doc = 12
    docs: list[tuple[str, str, date | None]] = []
    claims: list[Claim] = []
    rates: dict[tuple[int, int, int], float] = {}
    originals: list[tuple[str, list[Claim], str, date]] = []
    while len(claims) < n_claims:
        if originals and rng.random() < 0.25:
            # A syndicated copy: the same text with junk, published a little later.
            doc_id, src_claims, text, day = rng.choice(originals)
            copy_id = f"{doc_id}-copy{len(docs)}"
            junk = f"{rng.choice(JUNK)} {text} {rng.choice(JUNK)}"
            docs.append((copy_id, junk, day + timedelta(days=rng.randint(0, 2))))
            for c in src_claims:
                claims.append(
                    c.model_copy(update={"claim_id": f"{c.claim_id}@{copy_id}", "doc_id": copy_id})
                )
            continue
        doc_id = f"doc{len(docs)}"
        day = START + timedelta(days=rng.randint(0, 60))
        sentences = [_sentence(rng) for _ in range(20)]
        doc_claims: list[Claim] = []
        for k in range(per_doc):
            mention = rng.choice(MENTIONS)
            who = canonicalize(mention, None)
            quantities: list[Quantity] = []
            stance = "deny" if rng.random() < 0.03 else "assert"
            g, ct, ev = rng.randrange(len(GROUPS)), rng.randrange(len(COUNTED)), 0
            ev = rng.randrange(len(EVENTS))
            if rng.random() < 0.6:
                # Totals follow one true count per track; some claimants over- or under-state
                # it (those give the figure conflicts), the others agree with each other.
                rate = rates.setdefault((g, ct, ev), rng.uniform(2, 40))
                kind = rng.choice(["cumulative", "cumulative", "incremental", None])
                if kind == "incremental":
                    value = float(rng.randint(1, 40))
                else:
                    value = float(round(rate * ((day - START).days + 1) * BIAS[who.name]))
                group = f"{GROUPS[g]} {COUNTED[ct]}" if GROUPS[g] else None
                quantities.append(
                    Quantity(
                        text=f"{value:.0f}",
                        value=value,
                        counted=COUNTED[ct],
                        event=EVENTS[ev],
                        group=group,
                        kind=kind,
                    )
                )
            content = (
                f"{quantities[0].text + ' ' if quantities else ''}{COUNTED[ct]} "
                f"{EVENTS[ev]} near {rng.choice(PLACES)} {' '.join(rng.sample(FILLER, 4))}"
            )
            sentence = f"{mention} said {content}."
            start = k * 200
            doc_claims.append(
                Claim(
                    claim_id=f"{doc_id}-c{k}",
                    doc_id=doc_id,
                    sentence=sentence,
                    start=start,
                    end=start + len(sentence),
                    claimant=who.name,
                    claimant_mention=mention,
                    claimant_type=who.claimant_type,
                    affiliation=who.affiliation,
                    mode="indirect",
                    cue="said",
                    stance=stance,  # type: ignore[arg-type]
                    stated_on=day,
                    content=content,
                    quantities=quantities,
                    carriers=[doc_id],
                )
            )
            sentences.insert(rng.randrange(len(sentences)), sentence)
        text = " ".join(sentences)
        docs.append((doc_id, text, day))
        originals.append((doc_id, doc_claims, text, day))
        claims.extend(doc_claims)
    return docs, claims[:n_claims]


def main() -> None:
    """Generate, time each stage, print the figures."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--claims", type=int, default=100_000)
    parser.add_argument("--seed", type=int, default=7)
    args = parser.parse_args()

    t0 = time.perf_counter()
    docs, claims = generate(args.claims, args.seed)
    t_gen = time.perf_counter() - t0
    print(f"generated {len(claims):,} claims in {len(docs):,} documents in {t_gen:.2f} s")

    canonicalize.cache_clear()
    timer = _Timer()
    with timer("canonicalize"):
        for c in claims:
            canonicalize(c.claimant_mention or "", None)
    with timer("find_copies"):
        origin_of = find_copies(docs)
    with timer("merge_copies"):
        merged = merge_copies(claims, origin_of)
    with timer("build_tracks"):
        tracks = build_tracks(merged)
    with timer("find_conflicts"):
        conflicts = find_conflicts(merged, tracks)

    copies = sum(1 for d, o in origin_of.items() if d != o)
    figure = sum(1 for c in conflicts if c.kind == "figure")
    notes = sum(len(tr.notes) for tr in tracks)
    detail = {
        "canonicalize": f"{len(claims):,} mentions",
        "find_copies": f"{copies:,} of {len(docs):,} documents are copies",
        "merge_copies": f"{len(claims):,} claims -> {len(merged):,}",
        "build_tracks": f"{len(tracks):,} tracks, {notes:,} series notes",
        "find_conflicts": f"{figure:,} figure conflicts, {len(conflicts) - figure:,} denial links",
    }
    print(f"{'stage':15} {'wall':>7} {'cpu':>7}")
    for name, (wall, cpu) in timer.laps.items():
        print(f"{name:15} {wall:6.2f}s {cpu:6.2f}s  {detail[name]}")
    wall = sum(w for w, _ in timer.laps.values())
    cpu = sum(c for _, c in timer.laps.values())
    # CPU time is printed too: on a shared machine wall time also measures the neighbours.
    print(f"{'total':15} {wall:6.2f}s {cpu:6.2f}s  (target < 10 s)")


class _Timer:
    """Wall and CPU seconds per named stage."""

    def __init__(self) -> None:
        self.laps: dict[str, tuple[float, float]] = {}

    @contextmanager
    def __call__(self, name: str) -> Iterator[None]:
        wall, cpu = time.perf_counter(), time.process_time()
        yield
        self.laps[name] = (time.perf_counter() - wall, time.process_time() - cpu)


if __name__ == "__main__":
    main()
