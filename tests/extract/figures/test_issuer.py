"""Press releases and bulletins reposted as articles: their figures are the issuer's."""

from __future__ import annotations

from claimledger.extract.figures.issuer import _issuer_name
from claimledger.extract.pipeline import extract_claims
from claimledger.models import Claim, Document


def claims_of(text: str, title: str | None = None) -> list[Claim]:
    document = Document(
        doc_id="d", doc_path="d.txt", text=text, outlet="Harbour Times", title=title
    )
    return extract_claims(document)


def holders(claims: list[Claim]) -> dict[str, tuple[str, str | None]]:
    """Each figure as written -> (claimant mention, rule)."""
    return {
        q.text: (c.claimant_mention or c.claimant, c.rule) for c in claims for q in c.quantities
    }


RELEASE = (
    "Harbour Times\n"
    "Statement by the Relief Coordination Office Spokesperson Mara Ellison on Flooding in Tessa\n"
    "Press Release: Relief Coordination Office\n\n"
    "We are alarmed by the floods that swept through the valley on Tuesday. At least 40 people "
    "drowned and about 300 homes were washed away.\n\n"
    "We call on donors to fund the emergency appeal.\n"
)


def test_press_release_figures_belong_to_the_issuer_named_above_the_body() -> None:
    held = holders(claims_of(RELEASE))
    assert held["At least 40"][1] == "issued_statement"
    assert "Relief Coordination Office" in held["At least 40"][0]
    assert held["about 300"][1] == "issued_statement"


def test_the_same_text_without_a_header_stays_the_outlets() -> None:
    body = RELEASE.split("\n\n", 1)[1]
    held = holders(claims_of(body))
    assert held["At least 40"][1] == "unattributed_figure"


def test_a_title_naming_the_issuer_is_a_header() -> None:
    body = RELEASE.split("\n\n", 1)[1]
    title = "Comment by the Relief Coordination Office on the Tessa floods"
    held = holders(claims_of(body, title=title))
    assert held["At least 40"] == ("Relief Coordination Office", "issued_statement")


def test_a_bulletin_declaring_in_the_present_tense_is_its_bodys() -> None:
    text = (
        "On 3 May the northern brigade repelled two assaults near the river. As of 4 May, "
        "about 210 attackers were killed and 14 armoured vehicles destroyed. The Republic of "
        "Valmora reiterates that there is no military solution to the conflict.\n\n"
        "Other news\n\n"
        "The mayor of Tessa said 12 families had been moved to the school."
    )
    held = holders(claims_of(text))
    assert held["about 210"][1] == "issued_statement"
    assert held["14"][1] == "issued_statement"
    # past the next named source, the outlet's own reporting is not the bulletin any more
    assert held["12"][1] != "issued_statement"


def test_a_reported_declaration_does_not_make_a_bulletin() -> None:
    text = (
        "About 210 attackers were killed near the river, local officials counted. The Republic "
        "of Valmora reiterated that there was no military solution to the conflict."
    )
    assert all(rule != "issued_statement" for _, rule in holders(claims_of(text)).values())


def test_header_lines_that_name_no_issuer() -> None:
    assert _issuer_name("Press Release: Relief Coordination Office") == (
        "Relief Coordination Office"
    )
    assert _issuer_name("Comment by UN Refugee Agency chief Ana Ruiz on Tessa") == (
        "UN Refugee Agency chief Ana Ruiz"
    )
    assert _issuer_name("Statement on the floods") is None  # nobody named
    assert _issuer_name("Comment: why the floods were foreseeable") is None  # an opinion label
    assert _issuer_name("Statements by the hundred flood the minister's office") is None


def test_a_press_release_label_is_no_colon_headline_claim() -> None:
    claims = claims_of(RELEASE)
    assert not [c for c in claims if c.rule == "colon_headline"]
