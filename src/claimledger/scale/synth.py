"""Generated news articles for throughput, memory and restart runs (benchmarks and tests).

Each article is a short municipal or regional news story assembled from sentence templates with
varied people, places, dates and figures, so every article is a distinct document with a handful
of attributed claims and numbers. Seeded: the same `seed` and `n` give the same files.

    >>> write_corpus(Path("corpus"), 400)  # doctest: +SKIP
"""

from __future__ import annotations

import random
from datetime import date, timedelta
from pathlib import Path

_PEOPLE = [
    ("Marta Velasco", "she", "the harbour commissioner"),
    ("Tobias Lindqvist", "he", "the regional treasurer"),
    ("Amara Okafor", "she", "the health director"),
    ("Pieter de Groot", "he", "the transport minister"),
    ("Leila Haddad", "she", "the school board chair"),
    ("Rafael Moreno", "he", "the fire chief"),
    ("Ingrid Solberg", "she", "the county mayor"),
    ("Kenji Watanabe", "he", "the water authority head"),
]
_PLACES = ["Eastport", "Millbrook", "Dunmore", "Carrow Bay", "Ashfield", "Northgate", "Velden"]
_BODIES = ["the finance ministry", "the city council", "the port authority", "the hospital trust"]
_OUTLETS = ["Harbour Gazette", "Valley Courier", "Coastline Daily", "Regional Ledger Post"]
_TOPICS = ["bridge repairs", "flood defences", "a new clinic", "school buses", "tram lines"]

# Templates: {p} person, {r} role, {pr} pronoun, {b}/{B} body, {c} place, {t} topic, {n*} and
# {pct} figures.
_SENTENCES = [
    "{p}, {r}, said on Monday that {t} in {c} would cost {n1} million euros.",
    '"We will finish {t} before the winter," {p} told reporters in {c}.',
    "According to {b}, at least {n2} households in {c} were affected last month.",
    "{B} denied that more than {n3} workers had been laid off in {c}.",
    "{p} called on residents of {c} to report damage to {b} by Friday.",
    "Officials estimated that about {pct} percent of the budget for {t} had been spent.",
    '"Nearly {n2} families are still waiting," {pr} said, adding that help was on its way.',
    "{p} wrote on social media that {n5} volunteers had joined the effort in {c}.",
    "A spokesperson for {b} said the figures for {t} would be published in {month}.",
    "Residents said {n3} shops in central {c} had closed since the spring.",
    "{p} said {n6} more inspectors would be hired, bringing the total to {n7}.",
    "The report, seen by this newspaper, said {n8} people were injured in {c} in {year}.",
    "{B} said on Thursday that it had received {n9} complaints about {t}.",
    "In a statement, {p} warned that costs could rise by {pct} percent next year.",
]
_FILLER = [
    "The meeting ran late into the evening.",
    "Several councillors left before the vote.",
    "Work on the site is expected to resume next week.",
    "The plans were first presented two years ago.",
    "Local businesses have followed the debate closely.",
]
_MONTHS = ["January", "March", "May", "July", "September", "November"]


def article(i: int, seed: int = 7) -> tuple[str, date]:
    """The text and date of generated article number `i`."""
    rng = random.Random(seed * 1_000_003 + i)
    person, pronoun, role = rng.choice(_PEOPLE)
    slots = {
        "p": person,
        "pr": pronoun,
        "r": role,
        "b": rng.choice(_BODIES),
        "c": rng.choice(_PLACES),
        "t": rng.choice(_TOPICS),
        "month": rng.choice(_MONTHS),
        "year": str(rng.randint(2015, 2023)),
        "pct": str(rng.randint(3, 60)),
        **{f"n{k}": str(rng.randint(2, 40) * (k * 7 + 3) + i) for k in range(1, 10)},
    }
    slots["B"] = slots["b"][:1].upper() + slots["b"][1:]
    slots["n7"] = str(int(slots["n6"]) + int(slots["n7"]))  # a total above the increment
    chosen = rng.sample(_SENTENCES, k=rng.randint(5, 8))
    chosen.insert(rng.randint(1, len(chosen)), rng.choice(_FILLER))
    sentences = [s.format(**slots) for s in chosen]
    half = len(sentences) // 2
    lead = f"Report {i} from {slots['c']}."
    text = "\n\n".join([lead, " ".join(sentences[:half]), " ".join(sentences[half:])])
    published = date(2022, 1, 1) + timedelta(days=rng.randint(0, 700))
    return text, published


def write_corpus(folder: Path, n: int, seed: int = 7) -> list[Path]:
    """Write `n` generated articles as Markdown files with front matter; return their paths."""
    folder.mkdir(parents=True, exist_ok=True)
    paths = []
    for i in range(n):
        text, published = article(i, seed)
        rng = random.Random(seed + i)
        path = folder / f"article-{i:06d}.md"
        path.write_text(
            f"---\ndate: {published.isoformat()}\noutlet: {rng.choice(_OUTLETS)}\n---\n{text}\n",
            encoding="utf-8",
        )
        paths.append(path)
    return paths
