"""The track a figure belongs to: whose, what is counted, what happened (from the taxonomy).

"300 Syrian militants have been sent to Baku", "4,000 Islamist militants that Turkey had
brought from northern Syria" and "around 2,000 mercenaries from the Middle East fighting"
are one track, foreign fighters deployed: the counted words fold into the taxonomy's class
`fighters`, the event words into `deployed` (a presence with no event is a deployment), and the
state of origin into "foreign". "158 of its soldiers" from Armenia and "2,783 servicemen" from
Azerbaijan are two tracks: soldiers belong to the claimant's side unless the figure says whose.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import cached_property, lru_cache

from claimledger.lexicon import shipped_lexicon
from claimledger.models import Claim, Quantity, content_hash
from claimledger.names.aliases import alias_table, key_of, word_set
from claimledger.reconcile.owners import (
    ENEMY_BEFORE,
    FOREIGN,
    owner_of,
    stated_owner,
    victims_side,
)
from claimledger.reconcile.sides import UNKNOWN, PartyTable, bundled_party_table, party_of
from claimledger.reconcile.taxonomy import Taxonomy, bundled_taxonomy, phrase_key

__all__ = [
    "FOREIGN",
    "TrackKey",
    "claimant_side",
    "incident_scope",
    "is_increment",
    "is_share",
    "topic_nouns",
    "track_key",
]

# A figure about one strike ("a missile hit Ganja, killing 13") is not the running toll: it is
# kept on a track of its own, scoped by the place that was hit. Running-total wording wins.
_INCIDENT = re.compile(
    r"\b(?:strikes?|struck|attacks?|attacked|rockets?|missiles?|shelled|shelling|bombs?|bombed|"
    r"bombing|blasts?|explosions?|hit|raids?|airstrikes?|drone strikes?)\b",
    re.IGNORECASE,
)
# Running-total wording (data/lexicon/toll_wording.txt takes in the total_words extraction
# reads for a figure's kind).
_TOTAL = shipped_lexicon().pattern("toll_wording", re.IGNORECASE)
_PLACE = re.compile(
    r"\b(?:in|on|at|near|hit|struck|of)\s+(?:the\s+)?"
    r"([A-Z][\w'’-]+(?:\s+[A-Z][\w-]+)?)"
)
_NOT_PLACES = word_set(
    "monday tuesday wednesday thursday friday saturday sunday january february march april "
    "may june july august september october november december sept oct nov dec jan feb aug "
    "the a an its their his her"
)


def _increment_pattern(words: tuple[str, ...]) -> re.Pattern[str]:
    """Any of `words` as a whole word, "more" only when no "than" follows (then it is a bound)."""
    alternatives = [rf"\b{re.escape(w)}\b" for w in words if w != "more"]
    if "more" in words:
        alternatives.append(r"\bmore\b(?!\s+th[ae]n\b)")
    return re.compile("|".join(alternatives) or "(?!)", re.IGNORECASE)


# "A new group of about 230 militants", "230 more mercenaries": an increment, not a total
# ("more than 30" is a bound, not more of them). The words are extraction's incremental_words.
_INCREMENT = _increment_pattern(shipped_lexicon().entries("incremental_words"))
# "the bodies of 2,317 Armenian soldiers", "the remains of 3,753": the figure counts bodies.
_BODIES = "bodies"
_BODIES_OF = re.compile(r"\b(?:bodies|remains|corpses)\s+of\s+(?:the\s+)?$", re.IGNORECASE)
# "225 fighters whose bodies were brought to Syria": the figure counts bodies too.
_WHOSE_BODIES = re.compile(r"\s*whose\s+(?:bodies|remains|corpses)\b", re.IGNORECASE)


@dataclass(frozen=True)
class TrackKey:
    """What a figure is about: whose (a side, a party or "foreign"), what, what happened."""

    group: str | None
    counted: str
    event: str | None
    unit: str | None = None
    # The place of a single incident ("Barda") when the figure counts one strike, not a toll.
    scope: str | None = None
    # The war (or country) of the figure's article, when whose they are does not say it.
    theatre: str | None = None

    @property
    def track_id(self) -> str:
        """Stable id: the same key gives the same id in every run."""
        parts = [self.group or "", self.counted, self.event or "", self.unit or ""]
        if self.scope:  # unscoped tracks keep the ids they always had
            parts.append(self.scope)
        if self.theatre:
            parts.append(f"theatre:{self.theatre}")
        return content_hash(*parts)

    @cached_property
    def label(self) -> str:
        """Readable name: "Azerbaijani civilians killed", "foreign fighters deployed"."""
        who = alias_table().demonym.get(self.group, self.group) if self.group else None
        parts = [
            who,
            self.counted,
            self.event,
            f"at {self.scope}" if self.scope else None,
            f"({self.unit})" if self.unit else None,
            f"({self.theatre})" if self.theatre else None,
        ]
        return " ".join(p for p in parts if p)


@lru_cache(maxsize=65536)
def _side(claimant: str, mention: str | None, claimant_type: str, table: PartyTable) -> str:
    return table.side_of(party_of(claimant, mention, table=table, claimant_type=claimant_type))


def claimant_side(claim: Claim, table: PartyTable | None = None) -> str:
    """The side a claim's claimant speaks for ("unknown" when the party table cannot tell)."""
    return _side(
        claim.claimant, claim.claimant_mention, claim.claimant_type, table or bundled_party_table()
    )


def _at(q: Quantity, claim: Claim) -> int:
    """Where the figure starts in its sentence (-1 when it cannot be found there)."""
    return _position(q.text, q.start - claim.start, claim.sentence)


@lru_cache(maxsize=8192)  # asked several times per figure, by each rule reading around it
def _position(text: str, at: int, sentence: str) -> int:
    if sentence[at : at + len(text)] == text:
        return at
    return sentence.find(text)


_NEXT_WORD = re.compile(r"\s*([^\W\d_][\w-]*)")


def _event_right_after(q: Quantity, claim: Claim, tax: Taxonomy) -> str | None:
    """An event word right after the figure ("more than 1,143 injured") says what happened to
    it, whatever a longer reading of the sentence attached to it."""
    at = _at(q, claim)
    if at < 0:
        return None
    m = _NEXT_WORD.match(claim.sentence, at + len(q.text))
    return tax.event_words.get(phrase_key(m.group(1))) if m else None


def _modifiers(q: Quantity, claim: Claim) -> tuple[str, int]:
    """The words between a figure and its counted noun ("nine U.S. citizens" -> "U.S."), which
    the extraction may leave out of the figure's group, and where the noun ends (-1: unseen)."""
    at = _at(q, claim)
    if at < 0 or not q.counted:
        return "", -1
    end = at + len(q.text)
    found = claim.sentence.find(q.counted, end, end + 40 + len(q.counted))
    if found < 0:
        return "", -1
    return claim.sentence[end:found], found + len(q.counted)


def _event_near(q: Quantity, claim: Claim, tax: Taxonomy, skip: str = "") -> str | None:
    """What happened, when the figure itself does not say: the nearest event word after it
    in its sentence ("1,245 servicemen are being treated" -> injured), else just before it."""
    at = _at(q, claim)
    if at < 0:
        return None
    end = at + len(q.text)
    after = phrase_key(claim.sentence[end : end + 70])
    # Further back in a list: "enemy losses amounted to 280 personnel, three tanks and four
    # pickup trucks" -> the trucks were lost too.
    before = phrase_key(claim.sentence[max(0, at - 90) : at])
    for words, purpose_at in ((after, -1), (tuple(reversed(before)), 1)):
        for i in range(len(words)):
            found = tax.event_words.get(words[i : i + 2]) or tax.event_words.get(words[i : i + 1])
            # "samples from bodies for identification": a purpose, not what happened.
            j = i + purpose_at
            if 0 <= j < len(words) and words[j] == "for":
                continue
            if found is not None and found != skip:
                return found
    return None


def topic_nouns(q: Quantity, claim: Claim) -> tuple[str | None, str | None]:
    """What a figure counts and whose, as topic terms need them: the class and the owner the
    figure states (no reading of the sentence), cached on the words."""
    return _topic_nouns(q.counted, q.group, claimant_side(claim))


@lru_cache(maxsize=65536)
def _topic_nouns(
    counted: str | None, group: str | None, side: str
) -> tuple[str | None, str | None]:
    table = bundled_party_table()
    cls = bundled_taxonomy().counted_class(counted)
    if cls is None:
        return _head(counted), None
    stated = stated_owner(" ".join(w for w in (group, counted) if w), side, table)
    if cls.owner == "foreign" and stated is not None and not table.is_belligerent(stated):
        stated = FOREIGN
    return cls.name, stated


def is_share(q: Quantity) -> bool:
    """A share of a counted group ("50 percent of the mercenaries"), not a count of its own."""
    return (q.unit or "").lower() in ("percent", "%", "per cent")


def is_increment(q: Quantity, claim: Claim) -> bool:
    """An increment: stated as one, or worded as one around the figure ("a new group of")."""
    if q.kind is not None:
        return q.kind == "incremental"
    sentence = claim.sentence
    at = _at(q, claim)
    if at < 0:
        return False
    # Matched on the whole sentence, kept only near the figure: "more" must see its "than".
    lo, hi = at - 16, at + len(q.text) + 25
    return any(lo <= m.start() < hi for m in _INCREMENT.finditer(sentence))


def _head(words: str | None) -> str | None:
    key = phrase_key(words or "")
    return key[-1] if key else None


def track_key(
    q: Quantity,
    claim: Claim,
    *,
    scoped: bool = True,
    taxonomy: Taxonomy | None = None,
    parties: PartyTable | None = None,
    theatre: str | None = None,
) -> TrackKey | None:
    """The track a figure belongs to, or None when it says nothing countable.

    `scoped=False` leaves out the incident scope (what is counted is all a topic needs);
    `theatre` is the war of the claim's article (`theatres.doc_theatres`), kept on the key
    when whose they are does not already say it (no owner, foreign, a state not at war).
    """
    tax = taxonomy or bundled_taxonomy()
    table = parties or bundled_party_table()
    cls = tax.counted_class(q.counted)
    unit = None if is_share(q) else q.unit
    # "The number of wounded reached 60", "the missing": people, and what happened to them.
    as_event = tax.event_class(_head(q.counted)) if cls is None or cls.name == "people" else None
    if as_event is not None and "people" in tax.counted:
        cls, q = tax.counted["people"], q.model_copy(update={"event": as_event})
    if cls is None:
        head = _head(q.counted)
        if head is None:
            return None
        event = tax.event_class(q.event) or _head(q.event) or _event_near(q, claim, tax)
        return TrackKey(None, head, event, unit, theatre=theatre)
    at = max(0, _at(q, claim))
    between, noun_end = _modifiers(q, claim)
    if cls.name != _BODIES and (
        _BODIES_OF.search(claim.sentence[max(0, at - 30) : at])
        or (noun_end >= 0 and _WHOSE_BODIES.match(claim.sentence, noun_end))
    ):
        cls = tax.counted.get(_BODIES, cls)  # "the bodies of 2,317 soldiers killed": bodies
    named = _event_right_after(q, claim, tax) or tax.event_class(q.event) or _head(q.event)
    named = named or _event_near(q, claim, tax)
    if cls.name == _BODIES and named in (None, "killed"):
        # Bodies are of the dead: what happened to them is what was done with them.
        named = _event_near(q, claim, tax, skip="killed") or "recovered"
    if cls.name == _BODIES and named == "deployed":
        named = "returned"  # bodies brought or transferred home are returned, not deployed
    event = tax.event_for(named, cls)
    side = claimant_side(claim, table)
    words = " ".join(w for w in (q.group, between, q.counted) if w)
    stated = stated_owner(words, side, table)
    if stated is None and ENEMY_BEFORE.search(claim.sentence[:at]):
        stated = stated_owner("enemy", side, table)  # "the total enemy losses ... 3 tanks"
    scope = None if q.kind == "cumulative" else incident_scope(claim.sentence)
    # The toll of one strike belongs to the place hit, not to whoever reports it: Armenia
    # reporting the dead of a strike on Barda does not make them Armenian.
    owner_side = side if scope is None else UNKNOWN
    if stated is None and cls.family == "people":
        # Whose the dead are follows from who killed them, whoever reports it: a monitor, an
        # official the text does not place, or one placed on the wrong side by a bare title.
        owner_side = victims_side(claim.sentence, table) or owner_side
    owner = owner_of(cls, event, stated, owner_side, claim, table)
    at_war = owner is not None and table.is_belligerent(owner)
    return TrackKey(
        owner, cls.name, event, unit, scope if scoped else None, None if at_war else theatre
    )


@lru_cache(maxsize=65536)
def incident_scope(sentence: str) -> str | None:
    """The place of the one incident a sentence counts the toll of, or None for a running toll.

    "A missile hit a residential street in Ganja before dawn on Saturday, killing 13 people"
    -> "Ganja"; "the strike raised the number of civilians killed since Sept. 27 to 90" -> None
    (a running total); sentences naming no strike, or no place, -> None.
    """
    if not _INCIDENT.search(sentence) or _TOTAL.search(sentence):
        return None
    t = alias_table()
    for m in _PLACE.finditer(sentence):
        words = m.group(1).split()
        # "in Azerbaijan's Tartar district": a state is not the place that was hit.
        while words and (
            key_of(words[0]) in t.country_words
            or key_of(words[0]) in t.entities
            or words[0].lower() in _NOT_PLACES
        ):
            words.pop(0)
        if words and key_of(" ".join(words)) not in t.entities:
            place = words[0].rstrip("'’s") if words[0].endswith(("'s", "’s")) else words[0]
            if key_of(place) not in t.country_words and place.lower() not in _NOT_PLACES:
                return place
    return None
