"""The lexicon loader: word lists as data, one loader, duplicates refused with file and line."""

from __future__ import annotations

from pathlib import Path

import pytest

from claimledger.lexicon import LexiconError, load_lexicon, shipped_lexicon, using_lexicon, words


def write(folder: Path, name: str, text: str) -> Path:
    path = folder / f"{name}.txt"
    path.write_text(text, encoding="utf-8")
    return path


def test_lists_includes_and_mappings_load_in_file_order(tmp_path: Path) -> None:
    write(tmp_path, "saying", "# verbs of saying\nsay\ntell\n")
    write(tmp_path, "judging", "criticize\nsay\n")
    write(tmp_path, "speech", "@saying\n@judging\nwhisper\n")
    write(tmp_path, "preps", "warn: of about\nspeak: of\n")
    lexicon = load_lexicon(tmp_path)
    # Lists taken in may overlap ("say" in both): the union keeps it once.
    assert lexicon.entries("speech") == ("say", "tell", "criticize", "whisper")
    assert lexicon.mapping("preps") == {"warn": ("of", "about"), "speak": ("of",)}
    assert lexicon.pattern("speech").search("they whispered") is None
    assert lexicon.pattern("speech").search("Did she tell you?") is not None


@pytest.mark.parametrize(
    ("files", "message"),
    [
        ({"verbs": "say\nannounce\ntell\nannounce\n"}, r"verbs\.txt:4: 'announce' is listed twice"),
        ({"base": "say\n", "more": "@base\nsay\n"}, r"more\.txt:2: 'say' is listed twice"),
        ({"preps": "warn: of\nwarn: about\n"}, r"preps\.txt:2: key 'warn' given twice"),
        ({"preps": "warn: of about of\n"}, r"preps\.txt:1: a word listed twice under 'warn'"),
        ({"mixed": "warn: of\nsay\n"}, r"mixed\.txt:2: a list line in a file of `key: words`"),
        ({"loop": "@loop\n"}, r"loop\.txt:1: no list 'loop'"),
        ({"typo": "@sayings\n"}, r"typo\.txt:1: no list 'sayings'"),
    ],
)
def test_the_loader_refuses_duplicates_naming_file_and_line(
    tmp_path: Path, files: dict[str, str], message: str
) -> None:
    for name, text in files.items():
        write(tmp_path, name, text)
    with pytest.raises(LexiconError, match=message):
        load_lexicon(tmp_path)


def test_the_shipped_lexicon_loads_and_unites_the_verb_lists() -> None:
    lexicon = shipped_lexicon()
    speech = lexicon.words("speech_verbs")
    for part in ("saying_verbs", "evaluation_verbs", "raising_verbs", "prep_verbs", "tuned_verbs"):
        assert lexicon.words(part) <= speech
    assert lexicon.entries("saying_verbs").count("announce") == 1
    assert "killed" in lexicon.mapping("figure_events")


def test_a_lexicon_passed_in_holds_for_its_extraction_only() -> None:
    tuned = shipped_lexicon().with_words("speech_verbs", ["grumble", "say"])
    assert tuned.entries("speech_verbs").count("say") == 1
    assert "grumble" not in words("speech_verbs")
    with using_lexicon(tuned):
        assert "grumble" in words("speech_verbs")
    assert "grumble" not in words("speech_verbs")
    assert "grumble" not in shipped_lexicon().words("speech_verbs")


def test_each_vocabulary_is_written_once() -> None:
    # One list per vocabulary: a list that another takes in by `@` is shared, never copied.
    lexicon = shipped_lexicon()
    seen: dict[frozenset[str], str] = {}
    for name in lexicon.lists:
        entries = lexicon.words(name)
        assert entries not in seen, f"{name!r} repeats {seen[entries]!r}: take it in with @"
        seen[entries] = name
    # The tally nouns are one list, read by cue objects and by the figures' counted nouns.
    assert lexicon.words("tally_nouns") < lexicon.words("counted_tallies")
    assert lexicon.words("counted_tallies") - lexicon.words("tally_nouns") == {"list"}


def test_extraction_and_reconciliation_read_one_totals_vocabulary() -> None:
    from claimledger.reconcile.track_keys import incident_scope

    lexicon = shipped_lexicon()
    shared = lexicon.words("total_words")
    assert shared <= lexicon.words("running_total_phrases")
    assert shared <= lexicon.words("toll_wording")
    # A strike sentence worded as a running toll has no incident scope; without it, it has one.
    strike = "A missile hit a market in Ganja on Saturday, killing 13 people"
    assert incident_scope(strike) == "Ganja"
    assert incident_scope(strike + ", the toll since the start of the fighting") is None


def test_every_figure_event_extraction_writes_has_a_taxonomy_class() -> None:
    from claimledger.reconcile.taxonomy import bundled_taxonomy

    taxonomy = bundled_taxonomy()
    events = shipped_lexicon().mapping("figure_events")
    classes = {event: taxonomy.event_class(event) for event in events}
    # Extraction names events by what the text says; the taxonomy folds some into a wider class.
    assert classes["sent"] == "deployed"
    assert classes["lost"] == "killed"
    assert classes["arrested"] == "captured"
    assert classes["evacuated"] == "displaced"
    assert classes["escaped"] == "escaped"
    # Every event extraction writes has its class: one vocabulary, read by both.
    assert all(c in taxonomy.events for c in classes.values())
