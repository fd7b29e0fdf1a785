"""Syndicated copies: one story reprinted ten times is one source, its claims one claim each."""

from __future__ import annotations

import itertools
from datetime import date, timedelta

from claimledger.models import Claim
from claimledger.reconcile.copies import (
    NUM_PERM,
    _shingles,
    _sketch,
    claim_carriers,
    copy_of,
    corroboration,
    find_copies,
    merge_copies,
)
from claimledger.reconcile.lsh import candidates, lsh_bands

from .factories import make_claim, qty

STORY = (
    "Fighting around the town of Hadrut continued for a fifth day on Thursday as both armies "
    "traded artillery fire along the line of contact. The Azerbaijani defence ministry said "
    "its forces had taken control of several more villages south of the town and that the "
    "Armenian side had lost dozens of armoured vehicles. In Stepanakert, residents spent a "
    "second night in basements after air raid sirens sounded shortly before midnight. "
    "Armenian officials said the regional capital had been shelled repeatedly and that "
    "water and power supplies were cut in several districts. Russia, France and the United "
    "States, which chair the Minsk Group, urged both governments to return to talks without "
    "preconditions. A spokesman for the Armenian defence ministry said that seven more "
    "soldiers had been killed overnight, bringing the number of servicemen killed to 480."
)
CLAIM_SENTENCE = (
    "A spokesman for the Armenian defence ministry said that seven more soldiers had been "
    "killed overnight, bringing the number of servicemen killed to 480."
)
OTHER_STORY = (
    "The International Committee of the Red Cross said on Friday that it had delivered medical "
    "supplies to hospitals on both sides of the front and appealed for safe passage for "
    "ambulances. Its regional director told reporters that several clinics had run short of "
    "surgical kits and that volunteers were helping families locate missing relatives. Aid "
    "workers described long queues at a distribution point in Barda, where food parcels and "
    "blankets were handed out to people who had fled villages near the front line. "
    "A spokesman for the Armenian defence ministry said that seven more soldiers had been "
    "killed overnight, bringing the number of servicemen killed to 480."
)

_JUNK = [
    ("Home | World | Caucasus\n", "\nShare this article: Facebook Twitter Email"),
    ("[ad_1]\n", "\n[ad_2]"),
    ("", "\nSubscribe to our newsletter for the latest updates."),
    ("Breaking news\n\n", ""),
    ("", "\nRead more: Ceasefire talks planned in Moscow\nRead more: Markets close lower"),
    ("We use cookies to improve your experience. Accept\n", ""),
    ("", "\n(Reporting by staff; editing by the news desk)"),
    ("Updated 14:05 GMT\n", "\nComments are closed."),
    ("", "\nCopyright 2020. All rights reserved."),
]
# One copy wrapped in a whole page of unrelated material: Jaccard is low, containment is not.
_WRAPPER = (
    "Top stories today. Weather: sunny spells with scattered showers in the afternoon. "
    "Sports: the home side won the derby two goals to one after extra time. Business: "
    "the central bank held interest rates steady and said inflation would ease next year. "
    "Culture: a new exhibition of medieval manuscripts opens at the national gallery. "
    "Travel: airlines added winter routes to the coast as demand recovered. "
)
FIRST_DAY = date(2020, 10, 15)


def _copies() -> list[tuple[str, str, date | None]]:
    """Ten documents carrying STORY: nine with small junk, one wrapped in a page of junk."""
    docs: list[tuple[str, str, date | None]] = []
    for i, (head, tail) in enumerate(_JUNK):
        # The origin was published first; reprints follow over the next days (one undated).
        published = None if i == 4 else FIRST_DAY + timedelta(days=1 + i % 3)
        docs.append((f"copy-{i}", head + STORY.replace("Thursday", "Thursday ") + tail, published))
    docs.append(("wrapped", _WRAPPER + "\n" + STORY + "\n" + _WRAPPER, FIRST_DAY))
    # Shuffle the order seen so that the origin is not simply the first one read.
    return docs[3:] + docs[:3]


def _claims(docs: list[tuple[str, str, date | None]]) -> list[Claim]:
    return [
        make_claim(
            f"claim-{doc_id}",
            "A spokesman for the Armenian defence ministry",
            "seven more soldiers had been killed overnight, bringing the number of servicemen "
            "killed to 480",
            FIRST_DAY,
            doc_id=doc_id,
            sentence=CLAIM_SENTENCE,
            start=text.index("A spokesman"),
            quantities=[
                qty("seven more", "soldiers", "killed", value=7, kind="incremental"),
                qty("480", "servicemen", "killed", kind="cumulative"),
            ],
        )
        for doc_id, text, _ in docs
    ]


def test_copies_ten_copies_share_one_origin() -> None:
    docs = [*_copies(), ("other", OTHER_STORY, FIRST_DAY)]
    origin_of = find_copies(docs)
    copies = [d for d, _, _ in _copies()]
    assert len(copies) == 10
    # The earliest published copy is the origin of all ten.
    assert {origin_of[d] for d in copies} == {"wrapped"}
    # A different story quoting the same sentence is not a copy.
    assert origin_of["other"] == "other"


def test_copies_ten_copies_count_as_one_claim_with_ten_carriers() -> None:
    docs = _copies()
    origin_of = find_copies(docs)
    claims = _claims(docs)
    merged = merge_copies(claims, origin_of)
    assert len(merged) == 1
    assert merged[0].claim_id == "claim-wrapped"
    assert merged[0].carriers[0] == "wrapped"
    assert sorted(merged[0].carriers) == sorted(d for d, _, _ in docs)
    assert claim_carriers(claims, origin_of) == {"claim-wrapped": merged[0].carriers}
    assert set(copy_of(claims, origin_of).values()) == {"claim-wrapped"}
    # The input claims are left as they were.
    assert all(c.carriers == [c.doc_id] for c in claims)


def test_copies_corroboration_counts_origins_not_copies() -> None:
    docs = [*_copies(), ("other", OTHER_STORY, FIRST_DAY)]
    origin_of = find_copies(docs)
    claims = _claims(docs)
    support = corroboration(claims, origin_of)
    # Eleven documents carry the statement, but only two were written independently.
    assert support["claim-wrapped"].carriers == 11
    assert support["claim-wrapped"].origins == 2
    assert set(support["claim-other"].origin_ids) == {"wrapped", "other"}


def test_copies_without_origin_info_every_document_stands_alone() -> None:
    docs = _copies()[:3]
    claims = _claims(docs)
    support = corroboration(claims, {})
    assert support[claims[0].claim_id].origins == 3
    assert len(merge_copies(claims, {})) == 3


def test_copies_short_unrelated_texts_are_not_merged() -> None:
    docs = [
        ("a", "Shelling was reported in Ganja overnight.", FIRST_DAY),
        ("b", "Shelling was reported in Tartar overnight.", FIRST_DAY),
        ("c", "", FIRST_DAY),
    ]
    assert find_copies(docs) == {"a": "a", "b": "b", "c": "c"}


def test_copies_re_edited_syndication_is_still_a_copy() -> None:
    # A syndicator changes a word here and there, the headline and the credit line (Jaccard 0.69,
    # containment 0.85 here; 0.72 and 0.89 between two outlets' versions of Macron's 300).
    edited = (
        "Hadrut fighting enters fifth day\n"
        + STORY.replace("continued", "went on")
        .replace("urged both", "called on both")
        .replace("residents spent", "people spent")
        .replace("several districts", "several areas")
        + "\n(Syndicated content)"
    )
    origin = find_copies([("wire", STORY, FIRST_DAY), ("site", edited, FIRST_DAY)])
    assert origin == {"wire": "wire", "site": "wire"}
    # The same event in other words is not a copy.
    assert find_copies([("wire", STORY, FIRST_DAY), ("other", OTHER_STORY, FIRST_DAY)]) == {
        "wire": "wire",
        "other": "other",
    }


def test_copies_near_identical_claims_in_copies_are_one_claim() -> None:
    origin_of = {"wire": "wire", "site": "wire"}
    row = "that 300 jihadist fighters had passed through Turkey, sharpening a row with Ankara"
    dispute = row.replace("row", "dispute")
    wire = make_claim("c-wire", "Macron", row, FIRST_DAY, doc_id="wire")
    site = make_claim("c-site", "Macron", dispute, FIRST_DAY, doc_id="site")
    # Another figure in nearly the same words is another claim.
    other = make_claim("c-other", "Macron", row.replace("300", "400"), FIRST_DAY, doc_id="site")
    for c, n in ((wire, 300), (site, 300), (other, 400)):
        c.quantities.append(qty(str(n), "fighters", "passed"))
    merged = merge_copies([wire, site, other], origin_of)
    assert [(c.claim_id, c.carriers) for c in merged] == [
        ("c-wire", ["wire", "site"]),
        ("c-other", ["site"]),
    ]


def test_copies_lsh_bands_are_the_ones_datasketch_chooses() -> None:
    # The banding replaced datasketch's MinHashLSH (whose import pulls in scipy); the band
    # count and width must be the ones it picks, or the candidate pairs would change.
    from datasketch import MinHashLSH

    for threshold in (0.3, 0.5, 0.6, 0.8):
        for num_perm in (32, 64):
            index = MinHashLSH(threshold=threshold, num_perm=num_perm)
            assert lsh_bands(threshold, num_perm) == (index.b, index.r)


def test_copies_candidate_pairs_match_datasketch_lsh() -> None:
    from datasketch import MinHash, MinHashLSH

    # Each story, a lightly and a heavily edited reprint, and a cut-down one: some pairs share
    # a band, some do not, so the comparison is not all-or-nothing.
    texts: dict[str, str] = {}
    for name, story in (("story", STORY), ("other", OTHER_STORY)):
        words = story.split()
        texts[name] = story
        texts[name + "-light"] = " ".join(w if i % 17 else "indeed" for i, w in enumerate(words))
        texts[name + "-heavy"] = " ".join(w if i % 3 else "reportedly" for i, w in enumerate(words))
        texts[name + "-half"] = " ".join(words[: len(words) // 2])
    vocab: dict[str, int] = {}
    fresh = itertools.count()
    sketches = {d: _sketch(_shingles(t, vocab, fresh)) for d, t in texts.items()}
    index = MinHashLSH(threshold=0.5, num_perm=NUM_PERM)
    seed = MinHash(num_perm=NUM_PERM, scheme="affine32")
    minhashes = {}
    for d, values in sketches.items():
        minhashes[d] = MinHash(num_perm=NUM_PERM, permutations=seed.permutations, scheme="affine32")
        minhashes[d].hashvalues = values
        index.insert(d, minhashes[d])
    found = candidates(sketches, 0.5, NUM_PERM)
    assert found == {d: set(index.query(m)) for d, m in minhashes.items()}
    assert found["story"] >= {"story", "story-light"}
    assert "other" not in found["story"]
    assert "story-heavy" not in found["story-half"]
