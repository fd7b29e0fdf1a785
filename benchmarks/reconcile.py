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

import os
import sys

# benchmarks/ holds scripts named like standard modules (numbers.py): keep this folder off the
# import path, which Python puts first when a script is run directly.
_HERE = os.path.dirname(os.path.abspath(__file__))
sys.path[:] = [p for p in sys.path if os.path.abspath(p or os.curdir) != _HERE]

import argparse  # noqa: E402
import random  # noqa: E402
import time  # noqa: E402
from datetime import date, timedelta  # noqa: E402

from claimledger.models import Claim, Quantity  # noqa: E402
from claimledger.reconcile.claimants import canonicalize  # noqa: E402
from claimledger.reconcile.conflicts import find_conflicts  # noqa: E402
from claimledger.reconcile.copies import find_copies, merge_copies  # noqa: E402
from claimledger.reconcile.tracks import build_tracks  # noqa: E402

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
    *(f"Regional Official {name}" for name in "Abel Berin Corvan Dast Eyram Fenn Gorav".split()),
]
GROUPS = ["Armenian", "Azerbaijani", "Syrian", "Karabakh", None]
COUNTED = ["soldiers", "servicemen", "civilians", "fighters", "mercenaries", "people", "troops"]
EVENTS = ["killed", "injured", "sent", "captured", "died", "wounded"]
PLACES = "Ganja Barda Tartar Fuzuli Jabrayil Hadrut Shusha Martuni Askeran Lachin Agdam".split()
FILLER = (
    "front line artillery village road ridge convoy drone shelling position district "
    "bridge hospital school market reservoir checkpoint valley highway airport corridor "
    "ceasefire talks mediator envoy statement briefing evening morning column brigade"
).split()
JUNK = ["Share this article.", "Subscribe to our newsletter.", "[ad_1]", "Related: more news."]
START = date(2020, 9, 27)


def _sentence(rng: random.Random) -> str:
    words = rng.sample(FILLER, 9) + [rng.choice(PLACES)]
    rng.shuffle(words)
    return " ".join(words).capitalize() + "."


def generate(n_claims: int, seed: int) -> tuple[list[tuple[str, str, date | None]], list[Claim]]:
    """Synthetic documents (with copies) and the claims they carry."""
    rng = random.Random(seed)
    per_doc = 12
    n_orig = max(1, int(n_claims / per_doc * 0.75))
    docs: list[tuple[str, str, date | None]] = []
    claims: list[Claim] = []
    totals: dict[tuple[str, int, int], float] = {}
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
                series = (who.name, g, ct * 10 + ev)
                kind = rng.choice(["cumulative", "cumulative", "incremental", None])
                step = float(rng.randint(1, 40))
                if kind == "incremental":
                    value = step
                else:
                    value = totals.get(series, 0.0) + step
                    totals[series] = value
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
    del n_orig
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
    t = time.perf_counter()
    for c in claims:
        canonicalize(c.claimant_mention or "", None)
    t_canon = time.perf_counter() - t

    t = time.perf_counter()
    origin_of = find_copies(docs)
    t_find = time.perf_counter() - t
    t = time.perf_counter()
    merged = merge_copies(claims, origin_of)
    t_merge = time.perf_counter() - t

    t = time.perf_counter()
    tracks = build_tracks(merged)
    t_tracks = time.perf_counter() - t

    t = time.perf_counter()
    conflicts = find_conflicts(merged, tracks)
    t_conf = time.perf_counter() - t

    copies = sum(1 for d, o in origin_of.items() if d != o)
    figure = sum(1 for c in conflicts if c.kind == "figure")
    denial = len(conflicts) - figure
    notes = sum(len(tr.notes) for tr in tracks)
    total = t_canon + t_find + t_merge + t_tracks + t_conf
    print(f"canonicalize   {t_canon:6.2f} s  ({len(claims):,} mentions)")
    print(f"find_copies    {t_find:6.2f} s  ({copies:,} of {len(docs):,} documents are copies)")
    print(f"merge_copies   {t_merge:6.2f} s  ({len(claims):,} claims -> {len(merged):,})")
    print(f"build_tracks   {t_tracks:6.2f} s  ({len(tracks):,} tracks, {notes:,} series notes)")
    print(f"find_conflicts {t_conf:6.2f} s  ({figure:,} figure conflicts, {denial:,} denial links)")
    print(f"total          {total:6.2f} s  (target < 10 s)")


if __name__ == "__main__":
    main()
