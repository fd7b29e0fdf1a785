"""Track purity on the real-news development set, read in place from ../shared/data/realnews.

    python benchmarks/track_purity.py [--realnews ../shared/data/realnews] [--min 0.95]

The articles are ingested into a temporary ledger and reconciled; gold figures (`gold.json`,
see its README) are matched to extracted figures by the README's rule made stricter: the
claimant, the same value or bounds, a counted stem and an event stem where gold has them.
Purity is then measured both ways:

  timelines   for each gold timeline (one claimant's running total of one thing), of its
              points that were extracted, the share in the track holding most of them
              (summed over timelines: points in their timeline's main track / points found)
  separation  of the pairs of matched gold figures that share one track, the share that are
              the same thing: overlapping counted stems, overlapping event stems, and the
              same whose (the side named in the counted stems, else the claimant's side when
              it is at war; unknown is compatible with any)

Prints both with their counts; exits 1 when either is under --min (default 0.95).
"""

from __future__ import annotations

import argparse
import json
import math
import sys
import tempfile
from collections import Counter, defaultdict
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from claimledger.api import Ledger
from claimledger.ledger.records import iter_records
from claimledger.models import Claim, Quantity
from claimledger.names.aliases import alias_table
from claimledger.reconcile.sides import bundled_party_table
from claimledger.reconcile.tracks import build_tracks

DEFAULT = Path(__file__).resolve().parent.parent.parent / "shared" / "data" / "realnews"


@dataclass
class Found:
    """One extracted figure with where it landed."""

    doc: str
    claim: Claim
    q: Quantity
    track: str | None


def _interval(low: float | None, high: float | None) -> tuple[float, float]:
    return (low if low is not None else -math.inf, high if high is not None else math.inf)


def _value_match(g: dict[str, Any], q: Quantity) -> bool:
    """The same figure: equal points, or equal bounds where both state one ("at least 782"
    is not "more than 1,143", though the two ranges overlap)."""
    if q.value is not None:
        p_lo = p_hi = q.value
    else:
        p_lo, p_hi = _interval(q.low, q.high)
    g_lo, g_hi = _interval(g.get("low"), g.get("high"))
    if p_lo == p_hi and g_lo == g_hi:
        return p_lo == g_lo
    if math.isfinite(p_lo) and math.isfinite(g_lo) and p_lo != g_lo:
        return False
    if math.isfinite(p_hi) and math.isfinite(g_hi) and p_hi != g_hi:
        return False
    return p_lo <= g_hi and g_lo <= p_hi


def _claimant_match(names: list[str], claim: Claim, outlet: str | None) -> bool:
    said = f"{claim.claimant} {claim.claimant_mention or ''}".casefold()
    for name in names:
        if name == "OUTLET":
            if claim.mode == "unattributed" or (outlet and claim.claimant == outlet):
                return True
        elif name.casefold() in said:
            return True
    return False


def _stem_match(g: dict[str, Any], q: Quantity, sentence: str) -> bool:
    # Stricter than the scoring rule (one counted or event stem), so that a figure stands for
    # the gold entry it states: a counted stem in what it counts, where gold has one ("up to
    # 280 soldiers lost" is not "280 tanks lost"), and an event stem in its sentence ("782
    # civilians killed" is not "782 injured").
    counted = " ".join(x or "" for x in (q.counted, q.group, q.text)).casefold()
    if g.get("counted") and not any(s in counted for s in g["counted"]):
        return False
    said = f"{q.event or ''} {sentence}".casefold()
    return not g.get("event") or any(s in said for s in g["event"])


def _owner(g: dict[str, Any]) -> str | None:
    """Whose the gold figure counts: a side named in its counted stems, else its claimant's
    side when that side is at war (a state counts its own), else unknown (None)."""
    table = bundled_party_table()
    t = alias_table()
    for stem in g.get("counted") or []:
        for key, state in t.country_words.items():
            if len(key) == 1 and len(stem) >= 5 and key[0].startswith(stem):
                party = table.by_affiliation.get(state)
                return table.side_of(party) if party else state
        if stem in ("hamas", "palestin", "druze", "bedouin", "houthi"):
            return str(stem)
    side = table.side_of(g.get("party") or "unknown")
    return side if table.is_belligerent(side) else None


def _same_thing(a: dict[str, Any], b: dict[str, Any]) -> bool:
    counted = set(a.get("counted") or []) & set(b.get("counted") or [])
    event = set(a.get("event") or []) & set(b.get("event") or [])
    wa, wb = _owner(a), _owner(b)
    return (
        bool(counted)
        and bool(event or not (a.get("event") or b.get("event")))
        and (wa is None or wb is None or wa == wb)
    )


def measure(realnews: Path) -> dict[str, Any]:
    """Ingest, reconcile, match gold, and return the two purities with their counts."""
    gold = json.loads((realnews / "gold.json").read_text("utf-8"))
    with tempfile.TemporaryDirectory() as tmp, Ledger(Path(tmp) / "realnews.db") as ledger:
        ledger.ingest([str(realnews / "articles")])
        pairs = list(iter_records(ledger.store))
    claims = [c for c, _ in pairs]
    doc_of = {c.doc_id: Path(m.doc_path).name.split("_")[0] for c, m in pairs}
    outlet_of = {c.doc_id: m.outlet for c, m in pairs}
    track_of: dict[tuple[str, str], str] = {}
    for t in build_tracks(claims):
        for points in t.points.values():
            for p in points:
                for cid in (p.claim_id, *p.also):
                    track_of.setdefault((cid, p.text), t.track_id)
    found = [
        Found(doc_of[c.doc_id], c, q, track_of.get((c.claim_id, q.text)))
        for c in claims
        for q in c.quantities
    ]
    by_doc: dict[str, list[Found]] = defaultdict(list)
    for f in found:
        by_doc[f.doc].append(f)
    # Gold -> extracted figure, required entries first, each figure used once.
    entries = sorted(gold["numeric"], key=lambda g: bool(g.get("optional")))
    used: set[int] = set()
    matched: list[tuple[dict[str, Any], Found]] = []
    for g in entries:
        for f in by_doc.get(g["doc"], []):
            if id(f) in used or f.track is None:
                continue
            if (
                _claimant_match(g["claimant"], f.claim, outlet_of[f.claim.doc_id])
                and _value_match(g, f.q)
                and _stem_match(g, f.q, f.claim.sentence)
            ):
                used.add(id(f))
                matched.append((g, f))
                break
    per_track: dict[str, list[dict[str, Any]]] = defaultdict(list)
    seen_as: dict[int, str] = {}
    for g, f in matched:
        if not g.get("optional") and f.track is not None:
            per_track[f.track].append(g)
            words = f"{f.q.counted}/{f.q.event}/{f.q.group}"
            gold_words = f"{g.get('counted')}/{g.get('event')}/{g.get('party')}"
            seen_as[id(g)] = f"{f.q.text} [{words}] {f.claim.claimant} | gold {gold_words}"
    same = total = 0
    mixed: list[tuple[str, str]] = []
    for items in per_track.values():
        for i, a in enumerate(items):
            for b in items[i + 1 :]:
                total += 1
                if _same_thing(a, b):
                    same += 1
                elif len(mixed) < 40:
                    mixed.append((seen_as[id(a)], seen_as[id(b)]))
    in_main = found_points = 0
    timeline_tracks: list[tuple[str, str, str, str]] = []
    for tl in gold["timelines"]:
        tracks: Counter[str] = Counter()
        for day, value in tl["series"]:
            hit = next(
                (
                    f
                    for f in found
                    if f.track is not None
                    and f.claim.stated_on is not None
                    and f.claim.stated_on.isoformat() == day
                    and value in (f.q.value, f.q.low)
                    and _claimant_match(tl["claimant"], f.claim, None)
                ),
                None,
            )
            if hit is not None and hit.track is not None:
                tracks[hit.track] += 1
                timeline_tracks.append((tl["about"][:40], day, hit.track, hit.q.text))
        if tracks:
            in_main += tracks.most_common(1)[0][1]
            found_points += sum(tracks.values())
    return {
        "separation": same / total if total else 1.0,
        "pairs": total,
        "timelines": in_main / found_points if found_points else 1.0,
        "timeline_points": found_points,
        "matched": len(matched),
        "gold": len(gold["numeric"]),
        "mixed_examples": mixed,
        "timeline_tracks": timeline_tracks,
    }


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--realnews", type=Path, default=DEFAULT)
    parser.add_argument("--min", type=float, default=0.95)
    args = parser.parse_args()
    if not (args.realnews / "gold.json").is_file():
        print(f"skipped: no real-news set at {args.realnews} (../shared is absent)")
        return
    r = measure(args.realnews)
    print(f"gold figures matched to extracted ones: {r['matched']} of {r['gold']}")
    print(
        f"timeline purity:   {r['timelines']:.3f}  "
        f"({r['timeline_points']} timeline points found, share in their main track)"
    )
    print(
        f"separation purity: {r['separation']:.3f}  "
        f"({r['pairs']} pairs of gold figures sharing a track, share of the same thing)"
    )
    for about, day, track, text in r["timeline_tracks"]:
        print(f"  timeline {about!r} {day}: {text} -> track {track[:8]}")
    for a, b in r["mixed_examples"]:
        print(f"  mixed: {a!r} / {b!r}")
    if min(r["timelines"], r["separation"]) < args.min:
        sys.exit(1)


if __name__ == "__main__":
    main()
