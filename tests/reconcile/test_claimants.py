"""Canonical claimants: the many ways an article names a speaker fold into one."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest

from claimledger.names.claimants import (
    ClaimantInfo,
    affiliation_of,
    canonicalize,
    outlet_claimant,
    reload_aliases,
)

LAVROV = ClaimantInfo("Sergei Lavrov", "person", "Russia")


@pytest.mark.parametrize(
    ("mention", "label"),
    [
        ("Lavrov", "PERSON"),
        ("Sergei Lavrov", "PERSON"),
        ("Sergey Lavrov", "PERSON"),
        ("Russia's foreign minister", None),
        ("Russia’s foreign minister", None),
        ("the Russian Foreign Minister", None),
        ("Russian Foreign Minister Sergey Lavrov", "PERSON"),
        ("Moscow's top diplomat", None),
    ],
)
def test_claimants_lavrov_forms_fold_to_one(mention: str, label: str | None) -> None:
    assert canonicalize(mention, label) == LAVROV


@pytest.mark.parametrize(
    ("mention", "name", "affiliation"),
    [
        ("French President Emmanuel Macron", "Emmanuel Macron", "France"),
        ("Macron", "Emmanuel Macron", "France"),
        ("the French president", "Emmanuel Macron", "France"),
        ("Aliyev", "Ilham Aliyev", "Azerbaijan"),
        ("Azerbaijani President Ilham Aliyev", "Ilham Aliyev", "Azerbaijan"),
        ("Azerbaijan's president", "Ilham Aliyev", "Azerbaijan"),
        ("Pashinian", "Nikol Pashinyan", "Armenia"),
        ("Armenian Prime Minister Nikol Pashinyan", "Nikol Pashinyan", "Armenia"),
        ("Artsakh President Arayik Harutyunyan", "Arayik Harutyunyan", "Nagorno-Karabakh"),
        ("Harutyunyan", "Arayik Harutyunyan", "Nagorno-Karabakh"),
        ("Artsakh President", "Arayik Harutyunyan", "Nagorno-Karabakh"),
        ("Jalal Harutyunyan", "Jalal Harutyunyan", "Nagorno-Karabakh"),
        ("Putin", "Vladimir Putin", "Russia"),
        ("Turkish President Recep Tayyip Erdogan", "Recep Tayyip Erdogan", "Turkey"),
        ("Erdoğan", "Recep Tayyip Erdogan", "Turkey"),
        ("European Council President Charles Michel", "Charles Michel", "European Union"),
        ("Russia's UN envoy Vassily Nebenzia", "Vassily Nebenzia", "Russia"),
    ],
)
def test_claimants_people_lose_titles(mention: str, name: str, affiliation: str) -> None:
    assert canonicalize(mention, "PERSON") == ClaimantInfo(name, "person", affiliation)


@pytest.mark.parametrize(
    ("mention", "state"),
    [
        ("Baku", "Azerbaijan"),
        ("Azerbaijan", "Azerbaijan"),
        ("the Azerbaijani government", "Azerbaijan"),
        ("official Baku", "Azerbaijan"),
        ("Yerevan", "Armenia"),
        ("Armenia", "Armenia"),
        ("Armenian officials", "Armenia"),
        ("Moscow", "Russia"),
        ("the Kremlin", "Russia"),
        ("Russia", "Russia"),
        ("Ankara", "Turkey"),
        ("the Turkish government", "Turkey"),
        ("Turkey", "Turkey"),
        ("Paris", "France"),
        ("the Elysee", "France"),
        ("the Elysee Palace", "France"),
        ("Washington", "United States"),
        ("the White House", "United States"),
        ("Stepanakert", "Nagorno-Karabakh"),
        ("the separatist authorities", "Nagorno-Karabakh"),
    ],
)
def test_claimants_capitals_speak_for_governments(mention: str, state: str) -> None:
    assert canonicalize(mention, "GPE") == ClaimantInfo(state, "government", state)


@pytest.mark.parametrize(
    ("mention", "name", "state"),
    [
        ("the Baku Defense Ministry", "Azerbaijan Defence Ministry", "Azerbaijan"),
        ("Azerbaijani Defense Ministry", "Azerbaijan Defence Ministry", "Azerbaijan"),
        ("Azerbaijan's defence ministry", "Azerbaijan Defence Ministry", "Azerbaijan"),
        ("the Armenian Defense Ministry", "Armenia Defence Ministry", "Armenia"),
        ("Armenia's Ministry of Defence", "Armenia Defence Ministry", "Armenia"),
        (
            "the Nagorno-Karabakh separatist government’s Defense Ministry",
            "Nagorno-Karabakh Defence Ministry",
            "Nagorno-Karabakh",
        ),
        ("the Karabakh defence ministry", "Nagorno-Karabakh Defence Ministry", "Nagorno-Karabakh"),
        ("Artsakh Defense Army", "Nagorno-Karabakh Defence Ministry", "Nagorno-Karabakh"),
        ("Moscow’s Foreign Ministry", "Russia Foreign Ministry", "Russia"),
        ("Russian Foreign Ministry", "Russia Foreign Ministry", "Russia"),
        ("the Foreign Ministry in Moscow", "Russia Foreign Ministry", "Russia"),
    ],
)
def test_claimants_ministries_keep_identity(mention: str, name: str, state: str) -> None:
    assert canonicalize(mention, "ORG") == ClaimantInfo(name, "government", state)


@pytest.mark.parametrize(
    "mention",
    [
        "the Syrian Observatory for Human Rights",
        "the Syrian Observatory",
        "the Observatory",
        "SOHR",
        "a rights watch group in Syria",
        "the Britain-based war monitor",
    ],
)
def test_claimants_monitoring_group(mention: str) -> None:
    expected = ClaimantInfo("Syrian Observatory for Human Rights", "group", "monitoring group")
    assert canonicalize(mention, "ORG") == expected


@pytest.mark.parametrize(
    ("mention", "name"),
    [
        ("Tass", "TASS"),
        ("the Tass agency", "TASS"),
        ("CNN", "CNN"),
        ("Al-Jazeera", "Al Jazeera"),
        ("the Kommersant newspaper", "Kommersant"),
    ],
)
def test_claimants_media(mention: str, name: str) -> None:
    info = canonicalize(mention, "ORG")
    assert (info.name, info.claimant_type) == (name, "media")


def test_claimants_unnamed_sources_stay_apart_from_the_state() -> None:
    # Unnamed sources are not the government speaking, but they are on its side.
    info = canonicalize("Armenian sources in Nagorno-Karabakh", None)
    assert info == ClaimantInfo("Armenian sources", "group", "Armenia")
    assert canonicalize("sources close to the Kremlin") == ClaimantInfo(
        "Russian sources", "group", "Russia"
    )


def test_claimants_apposition_prefers_the_named_person() -> None:
    info = canonicalize("Artsrun Hovhannisyan, a spokesman for the Armenian Defense Ministry")
    assert info == ClaimantInfo("Artsrun Hovhannisyan", "person", "Armenia")


def test_claimants_unknown_names_keep_their_words() -> None:
    assert canonicalize("Azerbaijani MP Ganira Pashayeva", "PERSON") == ClaimantInfo(
        "Ganira Pashayeva", "person", "Azerbaijan"
    )
    assert canonicalize("the Armenian Assembly of America", "ORG") == ClaimantInfo(
        "Armenian Assembly of America", "organization", "Armenia"
    )
    assert canonicalize("Zoryan Institute", "ORG").claimant_type == "organization"


@pytest.mark.parametrize(
    "mention",
    ["he", "They", "it", "the ministry", "officials", "Its officials", "the government", ""],
)
def test_claimants_pronouns_and_bare_nouns_are_unknown(mention: str) -> None:
    assert canonicalize(mention) == ClaimantInfo("unknown", "unknown", None)


def test_claimants_outlet_claimant() -> None:
    assert outlet_claimant(None) == ClaimantInfo("unknown outlet", "media", None)
    assert outlet_claimant("Al-Jazeera") == ClaimantInfo("Al Jazeera", "media", None)
    assert outlet_claimant("Caucasus Weekly") == ClaimantInfo("Caucasus Weekly", "media", None)


def test_claimants_affiliation_of() -> None:
    assert affiliation_of("Sergei Lavrov") == "Russia"
    assert affiliation_of("Azerbaijan") == "Azerbaijan"
    assert affiliation_of("Nagorno-Karabakh Defence Ministry") == "Nagorno-Karabakh"
    assert affiliation_of("Syrian Observatory for Human Rights") == "monitoring group"
    assert affiliation_of("Somebody Nobody Knows") is None


@pytest.fixture
def user_aliases(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Iterator[Path]:
    path = tmp_path / "my-aliases.yaml"
    monkeypatch.setenv("CLAIMLEDGER_ALIASES", str(path))
    yield path
    monkeypatch.delenv("CLAIMLEDGER_ALIASES")
    reload_aliases()  # leave the process-wide table as the other tests expect it


def test_claimants_user_alias_file_extends_the_table(user_aliases: Path) -> None:
    user_aliases.write_text(
        "people:\n"
        "  - name: Sergei Lavrov\n"
        "    aliases: [S. V. Lavrov]\n"
        "  - name: Olaf Example\n"
        "    aliases: [Example]\n"
        "    affiliation: Germany\n"
        "countries:\n"
        "  - name: Azerbaijan\n"
        "    seats: [Presidential Palace in Baku]\n",
        encoding="utf-8",
    )
    reload_aliases()
    assert canonicalize("S. V. Lavrov") == LAVROV
    assert canonicalize("Lavrov") == LAVROV  # bundled aliases survive the merge
    assert canonicalize("Example", "PERSON") == ClaimantInfo("Olaf Example", "person", "Germany")
    assert canonicalize("the Presidential Palace in Baku").name == "Azerbaijan"


@pytest.mark.parametrize(
    "mention",
    ["The enclave's defence ministry", "the region's defence ministry"],
)
def test_claimants_region_body_belongs_to_the_region_state(mention: str) -> None:
    info = canonicalize(mention)
    assert info == ClaimantInfo(
        "Nagorno-Karabakh Defence Ministry", "government", "Nagorno-Karabakh"
    )


@pytest.mark.parametrize(
    "mention",
    [
        "Both parties",
        "The parties to the conflict",
        "official figures from both capitals",
        "official tallies from both sides, which are incomplete",
    ],
)
def test_claimants_both_sides_are_one_claimant(mention: str) -> None:
    assert canonicalize(mention).name == "Both sides"


def test_claimants_apposition_role_gives_the_affiliation() -> None:
    info = canonicalize("Armenia's ambassador to Russia, Arman Testyan")
    assert (info.name, info.affiliation) == ("Arman Testyan", "Armenia")


def test_claimants_refined_from_mention_and_sentence() -> None:
    from datetime import date

    from claimledger.names.claimants import refine_claimants

    from .factories import make_claim

    sentence = (
        "STEPANAKERT, Oct 2 - Nagorno-Karabakh reported the deaths of 54 more servicemen on "
        "Friday, its defence ministry said."
    )
    bare = make_claim(
        "bare",
        "defence ministry",
        "54 more servicemen had been killed",
        date(2020, 10, 2),
        sentence=sentence,
        claimant_spans=[(sentence.index("its defence"), sentence.index(" said"))],
    )
    assert (bare.claimant, bare.affiliation) == ("Defence Ministry", None)
    written = bare.model_copy(
        update={"claimant_mention": "The defence ministry of Nagorno-Karabakh", "claim_id": "w"}
    )
    unknown = make_claim("u", "it", "x", None).model_copy(
        update={"claimant_mention": "official tallies from both sides"}
    )
    named = make_claim("n", "Sergey Lavrov", "y", None)
    out = refine_claimants([bare, written, unknown, named])
    assert [(c.claimant, c.affiliation) for c in out] == [
        ("Nagorno-Karabakh Defence Ministry", "Nagorno-Karabakh"),
        ("Nagorno-Karabakh Defence Ministry", "Nagorno-Karabakh"),
        ("Both sides", "Armenia and Azerbaijan"),
        ("Sergei Lavrov", "Russia"),
    ]
    assert out[3] is named  # nothing to refine: the very same claim comes back
