"""Which day a claimant's later, undated statements in one article carry.

"Macron said on Thursday that ... '...,' Macron said": the second statement was made that
Thursday too. `claims_from_parsed` remembers each speaker's dated statements in text order
(`SpeakerDays`) and gives the last day to the speaker's next undated ones, except where the
dated cue only places something in time (`dates_later_claims`) or the later cue is in the
present perfect (`takes_a_carried_day`: "The monitor has said that ..." is no dated statement).
Split from `when.py`, which dates a single cue.
"""

from __future__ import annotations

import re
from datetime import date

from spacy.tokens import Doc, Token

from claimledger.extract.when import cue_tokens
from claimledger.lexicon import words


def _verbs(doc: Doc, cue_spans: list[tuple[int, int]]) -> list[Token]:
    return [t for t in cue_tokens(doc, cue_spans) if t.pos_ in {"VERB", "AUX"}]


def takes_a_carried_day(doc: Doc, cue_spans: list[tuple[int, int]]) -> bool:
    """False for a cue in the present perfect ("has said", "have reported"): a stance held up
    to now, not a statement on the day the speaker last spoke."""
    return not any(
        c.dep_ == "aux" and c.lemma_ == "have" and c.tag_ in {"VBZ", "VBP"}
        for v in _verbs(doc, cue_spans)
        for c in v.children
    )


def dates_later_claims(doc: Doc, cue_spans: list[tuple[int, int]]) -> bool:
    """Whether the day of this cue is the day of the same speaker's next, undated claims: it is
    unless every cue verb heads a clause of time ("when X announced on Wednesday")."""
    verbs = _verbs(doc, cue_spans)
    return not verbs or not all(
        v.dep_ == "advcl"
        and any(
            c.dep_ in {"mark", "advmod"} and c.lower_ in words("time_clause_marks")
            for c in v.children
        )
        for v in verbs
    )


class SpeakerDays:
    """The day each claimant was last said to speak in one article: "Macron said on Thursday
    that ... '...,' Macron said" -- the second statement was made that Thursday too.

    A later claim finds its speaker by the same canonical name, or by a name of two words or
    more, or an acronym, that the earlier claimant or mention holds ("the Defence Ministry"
    after "Burkina Faso Defence Ministry", "UNRWA" after "the United Nations agency for
    Palestinian refugees (UNRWA)"). A single ordinary word ("Israel") would also find every
    ministry of that country, so it must match exactly. A speaker without a name ("unknown")
    is the same one when its mention names the same kind of speaker ("aid workers told AFP on
    Tuesday" ... "the aid worker said"), never "a local resident" after "security sources".
    """

    def __init__(self) -> None:
        self._said: list[tuple[str, str, date | None]] = []  # (claimant, mention, day)

    def remember(self, claimant: str, mention: str | None, day: date | None) -> None:
        key = _speaker_key(claimant, mention)
        if key:
            self._said.append((key, mention or "", day))

    def recall(self, claimant: str, mention: str | None) -> tuple[bool, date | None]:
        """(found, day): the day of this speaker's latest dated claim, if there was one."""
        key = _speaker_key(claimant, mention)
        if not key:
            return False, None
        for name, _, day in reversed(self._said):
            if name == key:
                return True, day
        if claimant == "unknown":
            return False, None
        if len(claimant.split()) < 2 and not (claimant.isupper() and len(claimant) > 1):
            return False, None
        named = re.compile(rf"(?<!\w){re.escape(claimant)}(?!\w)", re.IGNORECASE)
        for name, earlier_mention, day in reversed(self._said):
            if named.search(name) or named.search(earlier_mention):
                return True, day
        return False, None


def _speaker_key(claimant: str, mention: str | None) -> str:
    """The claimant's name; for a speaker without a name, the noun its mention ends on
    ("the aid workers" -> "unknown:aid worker"), "" when there is none."""
    if claimant != "unknown":
        return claimant
    kind = " ".join((mention or "").lower().split()[-2:])
    kind = re.sub(r"^(?:the|a|an|one|two|three|several|some|many|local|other)\s+", "", kind)
    return f"unknown:{kind.removesuffix('s')}" if kind else ""
