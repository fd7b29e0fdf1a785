"""The taxonomy and party tables: bundled data, the user's additions, errors naming file:line."""

from __future__ import annotations

from datetime import date
from pathlib import Path

import pytest

from claimledger.reconcile.sides import load_party_table, party_of
from claimledger.reconcile.taxonomy import DataFileError, bundled_taxonomy, load_taxonomy
from claimledger.reconcile.tracks import build_tracks

from .factories import make_claim, qty


@pytest.mark.parametrize(
    ("written", "cls"),
    [
        ("Syrian militants", "fighters"),
        ("jihadists", "fighters"),
        ("mercenaries from the Middle East", "fighters"),
        ("servicemen", "soldiers"),
        ("troops", "soldiers"),
        ("armoured personnel carriers", "armoured vehicles"),
        ("fighter jets", "aircraft"),
        ("UAVs", "drones"),
        ("bodies of servicemen", "bodies"),
        ("hostages", "prisoners"),
        ("refugees", "displaced"),
        ("the number of soldiers", "soldiers"),
    ],
)
def test_taxonomy_counted_classes(written: str, cls: str) -> None:
    found = bundled_taxonomy().counted_class(written)
    assert found is not None and found.name == cls


@pytest.mark.parametrize(
    ("written", "event"),
    [
        ("shot down", "destroyed"),
        ("had been eliminated", "killed"),
        ("were sent", "deployed"),
        ("taken captive", "captured"),
        ("handed over", "returned"),
        ("went missing", "missing"),
        ("fled", "displaced"),
    ],
)
def test_taxonomy_event_classes(written: str, event: str) -> None:
    assert bundled_taxonomy().event_class(written) == event


def test_taxonomy_lost_tanks_are_destroyed_tanks() -> None:
    tax = bundled_taxonomy()
    assert tax.event_for("killed", tax.counted["tanks"]) == "destroyed"
    assert tax.event_for("killed", tax.counted["soldiers"]) == "killed"


def test_taxonomy_user_file_adds_words_and_classes(tmp_path: Path) -> None:
    extra = tmp_path / "mine.yaml"
    extra.write_text(
        "counted:\n"
        "  - name: fighters\n"
        "    words: [volunteers of the legion]\n"
        "  - name: livestock\n"
        "    family: people\n"
        "    owner: none\n"
        "    words: [sheep, cattle, donkey]\n",
        encoding="utf-8",
    )
    tax = load_taxonomy(extra=extra)
    assert tax.counted_class("16 donkeys").name == "livestock"  # type: ignore[union-attr]
    assert tax.counted_class("volunteers of the legion").name == "fighters"  # type: ignore[union-attr]
    # The bundled table is untouched by a user file given to one call.
    assert bundled_taxonomy().counted_class("donkeys") is None


def test_taxonomy_word_under_two_classes_names_file_and_line(tmp_path: Path) -> None:
    extra = tmp_path / "dup.yaml"
    extra.write_text(
        "counted:\n  - name: civilians\n    words:\n      - villagers\n      - troops\n",
        encoding="utf-8",
    )
    with pytest.raises(DataFileError) as err:
        load_taxonomy(extra=extra)
    message = str(err.value)
    assert f"{extra}:5" in message and "'troops'" in message and "'soldiers'" in message


def test_taxonomy_bad_owner_and_bad_yaml_are_reported(tmp_path: Path) -> None:
    bad = tmp_path / "bad.yaml"
    bad.write_text("counted:\n  - name: drones\n    owner: whoever\n", encoding="utf-8")
    with pytest.raises(DataFileError, match=rf"{bad}:3: owner 'whoever'"):
        load_taxonomy(extra=bad)
    broken = tmp_path / "broken.yaml"
    broken.write_text("counted: [\n", encoding="utf-8")
    with pytest.raises(DataFileError, match=rf"{broken}:\d+: not valid YAML"):
        load_taxonomy(extra=broken)
    with pytest.raises(DataFileError, match="cannot read"):
        load_taxonomy(extra=tmp_path / "absent.yaml")


def test_taxonomy_user_file_changes_tracks(tmp_path: Path) -> None:
    extra = tmp_path / "herd.yaml"
    extra.write_text("counted:\n  - name: livestock\n    words: [donkeys]\n", encoding="utf-8")
    claims = [
        make_claim(
            "herd",
            "the aid worker",
            "16 donkeys were killed in the strike on the market",
            date(2021, 3, 1),
            quantities=[qty("16", "donkeys", "killed")],
        )
    ]
    assert [t.key.counted for t in build_tracks(claims)] == ["donkey"]
    mine = build_tracks(claims, taxonomy=load_taxonomy(extra=extra))
    assert [t.key.counted for t in mine] == ["livestock"]


@pytest.mark.parametrize(
    ("claimant", "mention", "party"),
    [
        ("Arayik Harutyunyan", None, "Nagorno-Karabakh"),
        ("Nagorno-Karabakh Defence Ministry", None, "Nagorno-Karabakh"),
        ("Armenia Defence Ministry", "the Armenian defence ministry", "Armenia"),
        ("Sergei Lavrov", None, "Russia"),
        ("Syrian Observatory for Human Rights", None, "monitoring group"),
        ("Health Ministry", "the health ministry in Hamas-run Gaza", "Gaza authorities"),
        ("unknown", "a Hamas spokesman", "Hamas"),
        ("UNRWA", None, "United Nations"),
        ("unknown", "an Armenian analyst in Paris", "unknown"),
        ("Some Blogger", None, "unknown"),
    ],
)
def test_sides_party_of(claimant: str, mention: str | None, party: str) -> None:
    assert party_of(claimant, mention) == party


def test_sides_a_state_outlet_is_media() -> None:
    assert party_of("Armenpress", claimant_type="media") == "media"


def test_sides_user_file_and_duplicates(tmp_path: Path) -> None:
    extra = tmp_path / "parties.yaml"
    extra.write_text(
        "parties:\n  - name: Armenia\n    claimants: [Anna Example]\n", encoding="utf-8"
    )
    table = load_party_table(extra=extra)
    assert party_of("Anna Example", table=table) == "Armenia"
    assert table.side_of("Nagorno-Karabakh") == "Armenia"
    dup = tmp_path / "dup.yaml"
    dup.write_text(
        "parties:\n  - name: Azerbaijan\n    claimants:\n      - Arayik Harutyunyan\n",
        encoding="utf-8",
    )
    with pytest.raises(DataFileError, match=rf"{dup}:4: 'Arayik Harutyunyan'"):
        load_party_table(extra=dup)
