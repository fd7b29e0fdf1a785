"""Pure text -> number parser for the figures in news claims (no spaCy; qualifiers are data).

`parse_amount("more than 200")` gives ``Amount(value=None, low=200)``; the bounds follow the
export contract: a floor ("more than", "at least", "200+") fills `low`, a ceiling ("almost",
"up to", "fewer than") fills `high`, a hedge ("about", "some", "an estimated") keeps the point
value and sets `approximate`. Words after the amount (the counted noun) are ignored, so the
parser can be fed "300 Syrian militants" as well as "300".
"""

from __future__ import annotations

import math
import re
from dataclasses import dataclass

from claimledger.lexicon import shipped_lexicon

__all__ = ["LEFT_QUALIFIERS", "RIGHT_WORDS", "Amount", "parse_amount"]


@dataclass(frozen=True, slots=True)
class Amount:
    """A parsed figure: a point value and/or bounds, an optional unit, and whether it is hedged."""

    value: float | None
    low: float | None = None
    high: float | None = None
    unit: str | None = None
    approximate: bool = False


_UNITS = {
    "zero": 0, "one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7,
    "eight": 8, "nine": 9, "ten": 10, "eleven": 11, "twelve": 12, "thirteen": 13,
    "fourteen": 14, "fifteen": 15, "sixteen": 16, "seventeen": 17, "eighteen": 18,
    "nineteen": 19,
}  # fmt: skip
_TENS = {
    "twenty": 20, "thirty": 30, "forty": 40, "fifty": 50, "sixty": 60, "seventy": 70,
    "eighty": 80, "ninety": 90,
}  # fmt: skip
_SCALES = {
    "thousand": 1e3, "million": 1e6, "billion": 1e9, "trillion": 1e12,
    "mln": 1e6, "mn": 1e6, "bn": 1e9, "bln": 1e9, "tn": 1e12,
}  # fmt: skip
# Scale abbreviations that are only read as scales after a currency ("$5m", "€3k").
_MONEY_SCALES = {"m": 1e6, "k": 1e3, "b": 1e9}

# Vague plurals: "hundreds of" means at least two hundred, and is a guess.
_VAGUE = {
    "dozens": 24.0, "scores": 40.0, "hundreds": 200.0, "thousands": 2e3,
    "millions": 2e6, "billions": 2e9,
}  # fmt: skip

# Qualifiers before the number (data/lexicon/*_qualifiers.txt, in the order they are tried):
# read once from the shipped lexicon, since the phrase finders' word lists below are built
# from them at import.
_LOW_WORDS = shipped_lexicon().entries("low_qualifiers")
_HIGH_WORDS = shipped_lexicon().entries("high_qualifiers")
_APPROX_WORDS = shipped_lexicon().entries("approx_qualifiers")
_NEUTRAL_WORDS = shipped_lexicon().entries("neutral_qualifiers")
_FILLERS = shipped_lexicon().entries("qualifier_fillers")

_CURRENCY_SYMBOLS = {
    "us$": "USD", "$": "USD", "€": "EUR", "£": "GBP", "₽": "RUB", "₼": "AZN", "֏": "AMD",
    "₺": "TRY",
}  # fmt: skip
_CURRENCY_WORDS = {
    "dollars": "USD", "dollar": "USD", "usd": "USD", "euros": "EUR", "euro": "EUR",
    "eur": "EUR", "pounds": "GBP", "gbp": "GBP", "manats": "AZN", "manat": "AZN",
    "azn": "AZN", "rubles": "RUB", "roubles": "RUB", "ruble": "RUB", "rouble": "RUB",
    "rub": "RUB", "drams": "AMD", "dram": "AMD", "amd": "AMD", "lira": "TRY", "liras": "TRY",
    "try": "TRY",
}  # fmt: skip
_FRACTIONS = {"half": 50.0, "a half": 50.0, "a third": 100 / 3, "a quarter": 25.0}

# What may stand around a number inside an amount phrase, for phrase finders over tokens:
# the qualifiers above (as word lists, longest first) and the units that follow.
LEFT_QUALIFIERS: list[list[str]] = sorted(
    (
        p.split()
        for p in (
            *_LOW_WORDS,
            *_HIGH_WORDS,
            *_APPROX_WORDS,
            *_NEUTRAL_WORDS,
            *_FILLERS,
            "between",
            "a",
        )
        if p not in {"the", "~"}
    ),
    key=len,
    reverse=True,
) + [[s] for s in _CURRENCY_SYMBOLS]
RIGHT_WORDS = {"percent", "%", "more", "+", "per", "cent", "pct", *_CURRENCY_WORDS}

_TOKEN_RE = re.compile(
    r"""
    \d+(?:[.,]\d+)*           # 1,221  1.5  1,000,000
    | [a-z]+(?:[-'][a-z]+)*   # words, hyphenated words
    | [$€£₽₼֏₺%^+~-]          # symbols that matter
    """,
    re.VERBOSE,
)
_GROUPED = re.compile(r"^\d{1,3}(?:,\d{3})+(?:\.\d+)?$")
_PLAIN = re.compile(r"^\d+(?:\.\d+)?$")
_ORDINAL_OR_DECADE = re.compile(r"^\d[\d,.]*(?:st|nd|rd|th|s|'s)\b")
_SLASHED_SHARE = re.compile(r"^(\d{1,3})/(\d{1,3})\b")
_MAX_INPUT = 200  # a figure is a short phrase; longer text is never a single amount


def parse_amount(text: str) -> Amount | None:
    """Parse a figure as written in a news sentence.

    Args:
        text: the amount phrase, e.g. "more than 200", "about 2,000", "$5 million",
            "between 200 and 300", "one hundred and five", "dozens of".

    Returns:
        The parsed `Amount`, or None when no figure leads the text. Never raises.
    """
    try:
        return _parse(text)
    except (ValueError, OverflowError, IndexError, KeyError):  # pragma: no cover - defensive
        return None


def _normalise(text: str) -> str:
    text = text.lower().replace("\u00a0", " ").replace("\u202f", " ")
    # Unicode minus and dashes: keep a leading minus, treat the rest as range dashes.
    text = text.replace("\u2212", "-").replace("\u2013", "-").replace("\u2014", "-")
    return " ".join(text.split())


def _parse(text: str) -> Amount | None:
    if not isinstance(text, str) or len(text) > _MAX_INPUT:
        return None
    norm = _normalise(text)
    if not norm:
        return None
    low_q, high_q, approx, rest = _strip_qualifiers(norm)
    negative = False
    if rest.startswith("-") and len(rest) > 1 and rest[1].isdigit():
        negative, rest = True, rest[1:]
    between = rest.startswith("between ")
    if between or rest.startswith("from "):
        rest = rest.split(" ", 1)[1]
    if _ORDINAL_OR_DECADE.match(rest):
        return None
    share = _SLASHED_SHARE.match(rest)
    if share and 0 < int(share[1]) < int(share[2]):  # "2/3 of the voters": a share
        amount = Amount(100 * int(share[1]) / int(share[2]), None, None, "percent")
        return _apply_qualifiers(amount, low_q, high_q, approx)
    tokens = _TOKEN_RE.findall(rest)
    if not tokens:
        return None
    parsed = _parse_tokens(tokens, between=between)
    if parsed is None:
        return None
    amount, _ = parsed
    if negative and amount.value is not None:
        amount = Amount(-amount.value, None, None, amount.unit, amount.approximate)
    return _apply_qualifiers(amount, low_q, high_q, approx)


def _strip_qualifiers(norm: str) -> tuple[bool, bool, bool, str]:
    """Peel leading hedges and bounds ("just over", "an estimated", "another")."""
    low = high = approx = False
    changed = True
    while changed:
        changed = False
        for words, flag in ((_HIGH_WORDS, "h"), (_LOW_WORDS, "l"), (_APPROX_WORDS, "a")):
            for w in words:
                if norm.startswith(w + " ") or (w == "~" and norm.startswith("~")):
                    norm = norm[len(w) :].lstrip()
                    low, high, approx = (
                        low or flag == "l",
                        high or flag == "h",
                        approx or flag == "a",
                    )
                    changed = True
                    break
        for w in (*_NEUTRAL_WORDS, *_FILLERS):
            if norm.startswith(w + " "):
                norm = norm[len(w) + 1 :]
                changed = True
    return low, high, approx, norm


def _apply_qualifiers(amount: Amount, low: bool, high: bool, approx: bool) -> Amount:
    value, lo, hi = amount.value, amount.low, amount.high
    if value is not None and low:
        value, lo = None, value
    elif value is not None and high:
        value, hi = None, value
    elif lo is not None and hi is None and high:
        # "up to hundreds" reads as a ceiling, not a floor.
        lo, hi = None, lo
    return Amount(value, lo, hi, amount.unit, amount.approximate or approx)


def _parse_tokens(tokens: list[str], *, between: bool = False) -> tuple[Amount, int] | None:
    """Parse one amount (possibly a range) from the start of `tokens`."""
    unit: str | None = None
    i = 0
    if tokens[0] in _CURRENCY_SYMBOLS or (tokens[0] == "us" and tokens[1:2] == ["$"]):
        unit = _CURRENCY_SYMBOLS["$" if tokens[0] == "us" else tokens[0]]
        i = 2 if tokens[0] == "us" else 1
    vague = _vague(tokens, i)
    if vague is not None:
        return vague
    frac = _fraction(tokens, i)
    if frac is not None:
        return frac
    first = _number(tokens, i, money=unit is not None)
    if first is None:
        return None
    value, i = first
    low = high = None
    # Ranges: "200-300", "200 to 300", "200 and 300" (after "between"), "200 or 300".
    joiners = {"-", "to", "or", "and"} if between else {"-", "to", "or"}
    if i < len(tokens) - 1 and tokens[i] in joiners:
        second = _number(tokens, i + 1, money=unit is not None)
        if second is None and tokens[i + 1] in _CURRENCY_SYMBOLS:
            second = _number(tokens, i + 2, money=True)
        if second is not None and second[0] >= value:
            low, high, i = value, second[0], second[1]
            scale = _scale_of(tokens, i - 1)
            # "1-2 million": the trailing scale applies to both ends.
            if scale and low < scale <= high:
                low *= scale
    elif i < len(tokens) and tokens[i] == "+":
        low, i = value, i + 1
        value_out: float | None = None
        unit, i = _unit_after(tokens, i, unit)
        return Amount(value_out, low, None, unit), i
    unit, i = _unit_after(tokens, i, unit)
    if low is not None:
        return Amount(None, low, high, unit), i
    return Amount(value, None, None, unit), i


def _scale_of(tokens: list[str], i: int) -> float:
    tok = tokens[i] if 0 <= i < len(tokens) else ""
    return _SCALES.get(tok, 0.0)


def _unit_after(tokens: list[str], i: int, unit: str | None) -> tuple[str | None, int]:
    if i < len(tokens):
        tok = tokens[i]
        two = " ".join(tokens[i : i + 2])
        if tok in {"%", "percent", "pct", "percentage"}:
            return "percent", i + 1
        if two == "per cent":
            return "percent", i + 2
        if unit is None and tok in _CURRENCY_WORDS:
            return _CURRENCY_WORDS[tok], i + 1
        if unit is None and two == "us dollars":
            return "USD", i + 2
    return unit, i


def _vague(tokens: list[str], i: int) -> tuple[Amount, int] | None:
    """ "dozens of", "tens of thousands", "a dozen", "half a dozen", "a couple of"."""
    tok = tokens[i] if i < len(tokens) else ""
    nxt = tokens[i + 1 : i + 3]
    if tok == "tens" and nxt == ["of", "thousands"]:
        return Amount(None, 2e4, None, None, True), i + 3
    if tok == "hundreds" and nxt == ["of", "thousands"]:
        return Amount(None, 2e5, None, None, True), i + 3
    if tok in _VAGUE:
        return Amount(None, _VAGUE[tok], None, None, True), i + 1
    if tok == "half" and nxt == ["a", "dozen"]:
        return Amount(6.0, None, None, None, False), i + 3
    if tok == "a" and nxt[:1] == ["couple"]:
        return Amount(2.0, None, None, None, True), i + 2
    return None


def _fraction(tokens: list[str], i: int) -> tuple[Amount, int] | None:
    """ "half" -> 50 percent, "a third" -> 33.3 percent (shares of a group)."""
    for phrase, pct in _FRACTIONS.items():
        words = phrase.split()
        if tokens[i : i + len(words)] == words:
            after = tokens[i + len(words) : i + len(words) + 1]
            if after in (["dozen"], ["million"], ["billion"], ["thousand"], ["hour"]):
                return None
            return Amount(pct, None, None, "percent"), i + len(words)
    return None


def _number(tokens: list[str], i: int, *, money: bool) -> tuple[float, int] | None:
    """One number, digits or words, with its scale: "1.5 million", "twenty-two", "10^9"."""
    if i >= len(tokens):
        return None
    tok = tokens[i]
    if tok[0].isdigit():
        base = _digits(tok)
        if base is None:
            return None
        i += 1
        if tokens[i : i + 1] == ["^"] and i + 1 < len(tokens) and tokens[i + 1].isdigit():
            exp = int(tokens[i + 1])
            if exp > 308:
                return None
            return float(base**exp), i + 2
    else:
        value, used = _spelled(tokens, i)
        if not used:
            return None
        base, i = value, i + used
    # A trailing scale word: "1.5 million", "3 bn", "$5m", "two dozen".
    while i < len(tokens):
        tok = tokens[i]
        if tok in _SCALES:
            base *= _SCALES[tok]
        elif money and tok in _MONEY_SCALES:
            base *= _MONEY_SCALES[tok]
        elif tok == "dozen":
            base *= 12
        else:
            break
        i += 1
    if not math.isfinite(base):
        return None
    return base, i


def _digits(tok: str) -> float | None:
    if _GROUPED.match(tok):
        return float(tok.replace(",", ""))
    if _PLAIN.match(tok):
        return float(tok)
    if re.fullmatch(r"\d+,\d{1,2}", tok):  # European decimal comma ("1,5 million")
        return float(tok.replace(",", "."))
    return None


def _spelled(tokens: list[str], i: int) -> tuple[float, int]:
    """Spelled number starting at tokens[i]: (value, tokens used); used == 0 if none."""
    total = 0.0
    current = 0.0
    used = 0
    seen = False
    j = i
    while j < len(tokens):
        tok = tokens[j]
        parts = tok.split("-")
        if (
            tok == "a"
            and not seen
            and j + 1 < len(tokens)
            and tokens[j + 1] in ({"hundred", "dozen"} | set(_SCALES))
        ):
            current, seen = 1.0, True
        elif len(parts) == 2 and parts[0] in _TENS and parts[1] in _UNITS and parts[1] != "zero":
            current += _TENS[parts[0]] + _UNITS[parts[1]]
            seen = True
        elif tok in _UNITS:
            current += _UNITS[tok]
            seen = True
        elif tok in _TENS:
            current += _TENS[tok]
            seen = True
        elif tok == "hundred" and seen:
            current = (current or 1.0) * 100
        elif tok == "dozen" and seen:
            current = (current or 1.0) * 12
        elif tok in {"thousand", "million", "billion", "trillion"} and seen:
            total += (current or 1.0) * _SCALES[tok]
            current = 0.0
        elif tok == "and" and seen and j + 1 < len(tokens) and _is_number_word(tokens[j + 1]):
            pass  # "one hundred and five"
        else:
            break
        j += 1
        used = j - i
    if not seen:
        return 0.0, 0
    return total + current, used


def _is_number_word(tok: str) -> bool:
    head = tok.split("-")[0]
    return head in _UNITS or head in _TENS
