"""The named rules: each claim records its rule, a rule switched off by name does not run.

The first tests build their parse by hand (`Doc(vocab, words=, heads=, deps=, pos=)`, spaCy's
own practice), so they hold whatever the statistical parser does with the sentence next year.
"""

from __future__ import annotations

from typing import Any

import pytest
import spacy
from pydantic import ValidationError
from spacy.tokens import Doc

from claimledger.extract.attribution.cascade import RULES, find_attributions
from claimledger.extract.extractor import Extractor
from claimledger.extract.settings import ExtractorSettings
from claimledger.models import Document

# English lexical attributes (lower case, like_num) without a trained pipeline.
VOCAB = spacy.blank("en").vocab


def parsed(rows: list[tuple[str, int, str, str, str]]) -> Doc:
    """A parsed Doc from (word, head index, dependency, coarse tag, lemma) rows."""
    words, heads, deps, pos, lemmas = (list(column) for column in zip(*rows, strict=True))
    # No space before punctuation: "ministry, 12", "Lavrov:".
    spaces = [i + 1 < len(words) and words[i + 1] not in ",.:" for i in range(len(words))]
    return Doc(VOCAB, words=words, spaces=spaces, heads=heads, deps=deps, pos=pos, lemmas=lemmas)


def found(doc: Doc, **options: Any) -> list[tuple[str | None, str, str]]:
    """(rule, source, content) of each attribution."""
    text = doc.text
    return [
        (
            a.rule,
            " ".join(text[s:e] for s, e in a.source_spans),
            " ".join(text[s:e] for s, e in a.content_spans),
        )
        for a in find_attributions(doc, **options)
    ]


# "The minister said the talks failed." -- the content is the verb's clausal complement.
SAID = [
    ("The", 1, "det", "DET", "the"),
    ("minister", 2, "nsubj", "NOUN", "minister"),
    ("said", 2, "ROOT", "VERB", "say"),
    ("the", 4, "det", "DET", "the"),
    ("talks", 5, "nsubj", "NOUN", "talk"),
    ("failed", 2, "ccomp", "VERB", "fail"),
    (".", 2, "punct", "PUNCT", "."),
]
# "According to the ministry, 12 soldiers died." -- the phrase modifies the clause it sources.
ACCORDING = [
    ("According", 7, "prep", "VERB", "accord"),
    ("to", 0, "prep", "ADP", "to"),
    ("the", 3, "det", "DET", "the"),
    ("ministry", 1, "pobj", "NOUN", "ministry"),
    (",", 7, "punct", "PUNCT", ","),
    ("12", 6, "nummod", "NUM", "12"),
    ("soldiers", 7, "nsubj", "NOUN", "soldier"),
    ("died", 7, "ROOT", "VERB", "die"),
    (".", 7, "punct", "PUNCT", "."),
]
# "Lavrov: 2,000 mercenaries in Karabakh" -- a headline: a name, a colon, what it said.
HEADLINE = [
    ("Lavrov", 0, "ROOT", "PROPN", "Lavrov"),
    (":", 0, "punct", "PUNCT", ":"),
    ("2,000", 3, "nummod", "NUM", "2,000"),
    ("mercenaries", 0, "appos", "NOUN", "mercenary"),
    ("in", 3, "prep", "ADP", "in"),
    ("Karabakh", 4, "pobj", "PROPN", "Karabakh"),
]


def test_a_reporting_verb_reports_its_clausal_complement() -> None:
    assert found(parsed(SAID)) == [("reporting_verb", "The minister", "the talks failed")]


def test_switching_the_reporting_verb_rule_off_leaves_nothing_to_claim() -> None:
    assert found(parsed(SAID), disabled=["reporting_verb"]) == []


def test_according_to_sources_the_clause_it_modifies() -> None:
    assert found(parsed(ACCORDING)) == [("according_to", "the ministry", "12 soldiers died")]


def test_without_according_to_the_figure_is_the_outlets_own_statement() -> None:
    off = ["according_to", "learned_verb"]
    assert found(parsed(ACCORDING), disabled=off) == [
        ("unattributed_figure", "", "According to the ministry, 12 soldiers died.")
    ]


def test_a_colon_headline_credits_the_name_before_the_colon() -> None:
    assert found(parsed(HEADLINE)) == [
        ("colon_headline", "Lavrov", "2,000 mercenaries in Karabakh")
    ]
    assert found(parsed(HEADLINE), disabled=["colon_headline"]) == [
        ("unattributed_figure", "", "Lavrov: 2,000 mercenaries in Karabakh")
    ]


def test_an_unknown_rule_name_is_refused_with_the_names_there_are() -> None:
    with pytest.raises(ValueError, match=r"unknown rule.*'reporting_verbs'.*'reporting_verb'"):
        find_attributions(parsed(SAID), disabled=["reporting_verbs"])
    with pytest.raises(ValidationError, match="unknown rule"):
        ExtractorSettings(disabled_rules=("quotes",))


def test_every_claim_of_a_real_article_names_a_known_rule(nlp: Any) -> None:
    text = (
        "YEREVAN, March 3 - The health ministry said on Tuesday that 14 people had been "
        'injured in the blast. "We are treating everyone we can," a hospital director told '
        "reporters. According to local officials, about 200 families left the district. "
        "Police said they had arrested two men."
    )
    claims = Extractor(nlp=nlp).claims(Document(doc_id="d1", doc_path="d1.txt", text=text))
    assert [(c.rule, c.mode) for c in claims] == [
        ("reporting_verb", "indirect"),
        ("reporting_verb", "direct"),
        ("according_to", "according_to"),
        ("reporting_verb", "indirect"),
    ]
    assert all(c.rule in RULES for c in claims)


def test_an_extractor_with_a_rule_off_credits_the_outlet_instead(nlp: Any) -> None:
    document = Document(
        doc_id="d2",
        doc_path="d2.txt",
        outlet="Caucasus Wire",
        text="The defence ministry said 12 soldiers were killed overnight.",
    )
    on = Extractor(nlp=nlp).claims(document)
    off = Extractor(ExtractorSettings(disabled_rules=("reporting_verb",)), nlp=nlp)
    assert [(c.rule, c.mode) for c in on] == [("reporting_verb", "indirect")]
    assert [(c.rule, c.mode, c.claimant) for c in off.claims(document)] == [
        ("unattributed_figure", "unattributed", "Caucasus Wire")
    ]
