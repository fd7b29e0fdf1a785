"""A report that names its own source gives the figures to that source, relayed by the reporter."""

from __future__ import annotations

from claimledger.extract.pipeline import extract_claims
from claimledger.models import Claim, Document


def figure_claims(text: str) -> dict[str, Claim]:
    document = Document(doc_id="c", doc_path="c.txt", text=text, outlet="Harbour Times")
    return {q.text: c for c in extract_claims(document) for q in c.quantities}


def test_report_quoting_a_named_body_is_that_bodys() -> None:
    held = figure_claims(
        "Three farmers were killed and two were wounded by a mine near Tessa on Monday, the "
        "Kavala Wire reported, quoting the district prosecutor's office."
    )
    claim = held["Three"]
    assert "prosecutor's office" in (claim.claimant_mention or "")
    assert claim.rule == "cited_source"
    assert claim.relayed_by is not None and "Kavala Wire" in claim.relayed_by


def test_with_reference_to_names_the_source_too() -> None:
    held = figure_claims(
        "Eleven people died in the flood, the agency reports with reference to the Ministry of "
        "Emergency Situations of Azerbaijan."
    )
    assert "Emergency Situations" in held["Eleven"].claimant


def test_citing_nobody_named_leaves_the_reporter() -> None:
    held = figure_claims(
        "Nine people died in the raid, the Kavala Wire reported, citing witnesses."
    )
    assert held["Nine"].rule != "cited_source"
    assert "Kavala Wire" in held["Nine"].claimant


def test_a_quotation_passing_on_a_named_bodys_statement_is_that_bodys() -> None:
    held = figure_claims(
        "About 4,000 families have come back to Tessa since Monday, the Valmora Herald newspaper "
        "wrote.\n\n"
        '"The Ministry of Health informs that since Monday, some 4,000 families have returned '
        'to Tessa. Hundreds more arrive every day," the paper said.'
    )
    inner = held["some 4,000"]
    assert "Health" in inner.claimant
    assert inner.relayed_by == "Valmora Herald"
    # the rest of the quotation is the paper's, and "the paper" is the newspaper named above
    assert held["Hundreds more"].claimant == "Valmora Herald"


def test_a_quoted_speakers_own_report_stays_the_speakers() -> None:
    held = figure_claims(
        '"We told the council that 30 houses had burned," Mayor Ana Ruiz said on Friday.'
    )
    assert "Ana Ruiz" in held["30"].claimant


def test_a_verb_first_line_names_the_source_of_the_sentence_before() -> None:
    text = (
        "A shell hit a school in the town of Tessa, killing at least four people. On Monday, "
        "May 3, reports “Kavala Wire” with reference to the press service of the Ministry of "
        "Emergency Situations of Azerbaijan.\n\nThe school was empty at the time."
    )
    document = Document(doc_id="v", doc_path="v.txt", text=text, outlet="Harbour Times")
    claims = extract_claims(document)
    (held,) = [c for c in claims if c.quantities]
    assert "Emergency Situations" in held.claimant
    assert held.relayed_by == "Kavala Wire"
    # the reporter's line is no claim of its own ("May" quoting "Kavala Wire")
    assert not [c for c in claims if "Kavala Wire" in c.content]


def test_a_sentence_closing_on_another_outlets_name_is_its_report() -> None:
    text = (
        "Apart from her, three other farmers were hurt in the same shelling, and one of them "
        'died at the scene, the "Tessapress" reports.\n\n'
        "Four houses burned in the village, Harbour Times reports."
    )
    held = figure_claims(text)
    assert held["three"].claimant == "Tessapress"
    assert held["three"].rule == "cited_source"
    # the outlet naming itself is still the outlet on its own authority
    assert held["Four"].rule != "cited_source"


def test_a_figure_said_to_be_made_public_by_a_body_is_that_bodys() -> None:
    held = figure_claims(
        "The 22 deaths, most of them conscripts, were the first losses publicly confirmed by "
        "Valmora's defence ministry since the offensive began."
    )
    assert held["22"].rule == "cited_source"
    assert "defence ministry" in (held["22"].claimant_mention or "")
    # a figure made public by nobody named stays the outlet's
    held = figure_claims("Eight houses were damaged, the outlet's own count confirmed by photos.")
    assert held["Eight"].rule != "cited_source"
