"""One figure, one claim: ownership, continuations and back-references on our own sentences."""

from __future__ import annotations

import pytest

from claimledger.extract.pipeline import extract_claims
from claimledger.models import Claim, Document


def claims_of(text: str) -> list[Claim]:
    return extract_claims(Document(doc_id="d", doc_path="d.txt", text=text, outlet="Harbour Times"))


def owners(text: str) -> dict[str, list[str]]:
    """Each figure as written -> the claimants holding it."""
    out: dict[str, list[str]] = {}
    for claim in claims_of(text):
        for q in claim.quantities:
            out.setdefault(q.text, []).append(claim.claimant_mention or claim.claimant)
    return out


def test_figure_in_speakers_sentence_is_stored_once() -> None:
    held = owners(
        "Shelling killed three people and wounded more than 80 in the port, the rebels said."
    )
    assert held == {"three": ["the rebels"], "more than 80": ["the rebels"]}


def test_said_in_a_statement_that_reports_the_clause() -> None:
    held = owners("The ministry said in a statement that 23 soldiers were killed overnight.")
    assert held == {"23": ["The ministry"]}


def test_counting_verb_with_a_figure_is_a_cue() -> None:
    held = owners("The doctors' union recorded 19 deaths among medical staff since April.")
    assert held == {"19": ["The doctors' union"]}
    assert not [c for c in claims_of("The band recorded a new song in Yerevan.") if c.quantities]


def test_back_reference_credits_the_sentence_before() -> None:
    held = owners(
        "Another 12 servicemen were killed, bringing the total to 140. This was announced by "
        "the regional defence minister Aram Petrosyan at a briefing on Monday."
    )
    assert held["Another 12"] == held["140"]
    assert "Aram Petrosyan" in held["140"][0]


def test_paragraph_goes_on_with_its_reporting_source() -> None:
    held = owners(
        "The monitoring group said 40 civilians had been killed since May. 31 of them died in "
        "air strikes.\n\nMeanwhile, 12 houses burned in the north."
    )
    assert held["40"] == ["The monitoring group"]
    assert held["31"] == ["The monitoring group"]
    assert held["12"] == ["Harbour Times"]


@pytest.mark.parametrize(
    "text",
    [
        "Troops shelled the village on Monday. 14 houses were destroyed.",
        "The army repelled the attack. Nine tanks were destroyed.",
    ],
)
def test_action_verbs_lend_no_source(text: str) -> None:
    figure_claims = [c for c in claims_of(text) if c.quantities]
    assert [c.mode for c in figure_claims] == ["unattributed"]


def test_role_noun_needs_its_role_before() -> None:
    text = (
        "Spokeswoman Ana Vardanyan said the talks would resume.\n\n"
        "The governor said that 12 houses burned."
    )
    burned = next(c for c in claims_of(text) if c.quantities)
    assert burned.claimant != "Ana Vardanyan"
    text = "Governor Levon Sarkis visited the site. The governor said that 12 houses burned."
    burned = next(c for c in claims_of(text) if c.quantities)
    assert burned.claimant == "Levon Sarkis"


def test_relayed_claim_keeps_the_relaying_speaker() -> None:
    claims = claims_of(
        "Petrosyan said the Red Cross reported that 230 detainees had been released."
    )
    holder = next(c for c in claims if c.quantities)
    assert holder.claimant_mention == "the Red Cross"
    assert holder.relayed_by == "Petrosyan"


def test_deputy_is_not_the_officeholder() -> None:
    from claimledger.names.claimants import canonicalize

    assert canonicalize("Armenia's deputy foreign minister", None).name != "Zohrab Mnatsakanyan"
    assert canonicalize("Armenia's foreign minister", None).name == "Zohrab Mnatsakanyan"


def test_headline_credits_its_trailing_source_and_body_restatement_is_dropped() -> None:
    text = (
        "Seven more bodies of soldiers found in the hills, emergency service says\n\n"
        "Rescuers found seven more bodies of soldiers on Tuesday, the emergency service said. "
        "Four homes were also searched.\n\n"
        "Village shelled: 30 houses lost, Kerim Aliyev says"
    )
    claims = claims_of(text)
    headline = [c for c in claims if c.start == 0]
    assert not any(c.quantities for c in headline), "the body restates the headline figure"
    body = next(c for c in claims if any(q.text == "seven more" for q in c.quantities))
    assert "emergency service" in (body.claimant_mention or "")


def test_headline_names_its_source_after_a_colon() -> None:
    claims = claims_of(
        "Country lost 2,100 soldiers in the war: Defense Ministry\n\nFull text follows."
    )
    head = next(c for c in claims if c.quantities)
    assert head.mode == "indirect" and "Defense Ministry" in (head.claimant_mention or "")


def test_outlet_statement_sharing_a_sentence_with_a_report_is_the_reports() -> None:
    held = owners(
        "The enemy has lost 9,140 troops and 310 tanks since the invasion began, the General "
        "Staff of the armed forces said"
    )
    assert held["9,140"] == held["310"] != ["Harbour Times"]
    held = owners("The toll rose to 40 in Kharkiv, where the governor said the shelling stopped.")
    assert held["40"] == ["Harbour Times"]


def test_anaphoric_paragraph_goes_on_across_the_break() -> None:
    held = owners(
        "The enemy lost 9,140 troops since February, the General Staff reported.\n\n"
        "This number includes 310 casualties over the past day."
    )
    assert held["310"] == held["9,140"]


def test_agency_quoting_a_speaker_credits_the_speaker() -> None:
    held = owners(
        "Twelve civilians were killed in the past week, the agency cited an official in the "
        "region as saying."
    )
    assert held["Twelve"] == ["an official in the region"]


def test_single_quoted_statement_keeps_its_speaker_over_sentences() -> None:
    text = (
        "Minister Arif Guliyev said: 'It is not true. Our towns were shelled again. "
        "9 civilians have been killed, and 30 were injured. And wounded more than 12.'"
    )
    held = owners(text)
    assert {h for v in held.values() for h in v} == {"Minister Arif Guliyev"}


def test_according_to_what_someone_revealed_names_them() -> None:
    held = owners(
        "A patrol walked into an ambush in which 14 soldiers were killed, according to what "
        "the Ministry of Defence revealed on Friday."
    )
    assert held["14"] == ["the Ministry of Defence"]


def test_an_act_read_as_a_cue_gives_its_figures_to_the_sentences_source() -> None:
    held = owners(
        "Rescuers found seven more bodies of soldiers on Tuesday, the emergency service said."
    )
    assert held["seven more"] == ["the emergency service"]


def test_a_date_bounding_the_counted_period_is_not_the_day_of_the_claim() -> None:
    from datetime import date

    doc = Document(
        doc_id="d",
        doc_path="d.txt",
        text="According to the ombudsman, since September 27 at least 40 civilians were killed.",
        outlet="Harbour Times",
        published=date(2020, 10, 5),
    )
    (claim,) = [c for c in extract_claims(doc) if c.quantities]
    assert claim.stated_on == date(2020, 10, 5)
    doc.text = "The ombudsman said on Saturday that at least 40 civilians were killed."
    (claim,) = [c for c in extract_claims(doc) if c.quantities]
    assert claim.stated_on == date(2020, 10, 3)


def test_this_is_stated_in_the_report_of_credits_the_paragraph_before() -> None:
    held = owners(
        "In March, at least 85 civilians were killed and 310 injured in the region.\n\n"
        "This is stated in the report of the regional monitoring mission."
    )
    assert held["at least 85"] == held["310"] == ["the regional monitoring mission"]


@pytest.mark.parametrize(
    ("sentence", "figures"),
    [
        ("At around 14:00 the brigade repelled 3 attacks, the ministry said.", ["3"]),
        ("The ministry said it destroyed four D-30 howitzers and two Su-25 jets.", ["four", "two"]),
        ("The army said two soldiers, Aram Levi, 20, and Davit Sarkis, 21, were killed.", ["two"]),
        ("Officials said a magnitude 5.1 aftershock killed 12 people at 3:00 p.m.", ["12"]),
    ],
)
def test_times_models_ages_and_readings_are_no_figures(sentence: str, figures: list[str]) -> None:
    assert [q.text for c in claims_of(sentence) for q in c.quantities] == figures


def test_article_retelling_one_source_credits_its_figure_sentences() -> None:
    text = (
        "The regional ombudsman published a report on Monday.\n\n"
        "The ombudsman said 64 civilians had been killed since the fighting began.\n\n"
        "41 of them died in shelling of residential areas.\n\n"
        "In the 1990s war, some 30,000 people were killed."
    )
    held = owners(text)
    assert held["41"] == held["64"] == ["The ombudsman"]
    assert held["some 30,000"] == ["Harbour Times"], "background stays the outlet's"


def test_article_with_two_sources_leaves_outlet_sentences_alone() -> None:
    text = (
        "The army said 12 soldiers were killed. The rebels said 40 fighters died.\n\n"
        "9 villages were evacuated."
    )
    assert owners(text)["9"] == ["Harbour Times"]


def test_irregular_reporting_verbs_still_report() -> None:
    held = owners("The ministry spoke of 4,000 fighters brought in from abroad.")
    assert held["4,000"] == ["The ministry"]


def test_source_hung_on_the_content_before_told_is_not_the_listener() -> None:
    held = owners(
        "Seven more bodies were found near the river, official of the regional rescue service "
        "Aram Sarkis told Harbour Radio."
    )
    assert held["Seven more"] == ["official of the regional rescue service Aram Sarkis"]


def test_source_with_a_parenthetical_before_said() -> None:
    held = owners(
        "More than 300 aftershocks have been recorded, the National Seismic Institute (NSI) said."
    )
    assert held["More than 300"] == ["the National Seismic Institute (NSI)"]


def test_sourceless_passive_report_goes_on_with_its_paragraph() -> None:
    held = owners(
        "The agency said 40 people had died. Twelve other deaths were reported in the north."
    )
    assert held["Twelve"] == ["The agency"]


def test_contrasting_while_clause_keeps_its_own_source() -> None:
    held = owners(
        "Baku does not publish its military losses, while the enclave had by then listed more "
        "than 700 dead servicemen."
    )
    assert held["more than 700"] == ["the enclave"]


def test_according_to_source_leaves_its_relative_clause_out() -> None:
    claims = claims_of(
        "The clashes had killed more than 150 people, according to official tallies from both "
        "sides, which cannot be checked independently."
    )
    (claim,) = [c for c in claims if c.quantities]
    assert claim.claimant_mention == "official tallies from both sides"
    assert claim.claimant == "Both sides"


def test_closing_citing_makes_the_clause_the_cited_sources() -> None:
    held = owners("Death counts have now risen to 17, citing the regional health office.")
    assert held["17"] == ["the regional health office"]


def test_a_tally_set_at_a_figure_is_a_report() -> None:
    held = owners("The Tribune report places the wounded toll at 64.")
    assert held["64"] == ["The Tribune report"]
    claim = next(
        c for c in claims_of("Officials put the death toll at 45 on Monday.") if c.quantities
    )
    assert claim.claimant_mention == "Officials" and claim.quantities[0].event == "killed"


def test_trailing_cue_with_its_subject_reports_the_clause_before() -> None:
    held = owners(
        "Examinations of the remains of 1,212 servicemen have been carried out since May, "
        "Ministry of Health of the republic informed."
    )
    assert held["1,212"] == ["Ministry of Health of the republic"]


def test_data_with_no_source_yet_speak_for_the_body_named_last() -> None:
    text = (
        "The report sums up the fact-finding work of the Regional Rights Commission.\n\n"
        "According to the data collected until May, 64 civilians were killed."
    )
    (claim,) = [c for c in claims_of(text) if c.quantities]
    assert claim.claimant == "Regional Rights Commission"


def test_reported_on_a_day_reports_the_clause_not_the_day() -> None:
    held = owners(
        "The number of soldiers killed in the fighting has surpassed 140, local authorities "
        "reported on Wednesday."
    )
    assert held["140"] == ["local authorities"]


def test_named_body_after_a_possessive_is_the_speaker() -> None:
    from claimledger.names.claimants import canonicalize

    info = canonicalize("the regional army's press centre Northern Unified Infocentre")
    assert info.name == "Northern Unified Infocentre"
    assert canonicalize("Russia's foreign minister Sergei Lavrov").name == "Sergei Lavrov"


def test_second_subject_the_parser_split_off_is_part_of_the_source() -> None:
    claims = claims_of(
        "The army's news center Northern Unified Infocentre also reports the toll: "
        "it lists 83 drones."
    )
    sources = {c.claimant_mention for c in claims}
    assert any("Northern Unified Infocentre" in (m or "") for m in sources)


def test_background_figures_stay_the_outlets() -> None:
    text = (
        "The monitor said 40 civilians were killed this week. In the 1990s war, some 30,000 "
        "people died and 600,000 fled."
    )
    held = owners(text)
    assert held["some 30,000"] == ["Harbour Times"]


def test_an_unresolved_pointer_is_no_source() -> None:
    held = owners("Turnout was 61 percent. This implies that 2,400,000 voters stayed at home.")
    assert held["2,400,000"] == ["Harbour Times"]


def test_the_outlet_naming_itself_is_the_outlet_speaking() -> None:
    text = (
        "The prosecutor's office said 14 people were hurt in the blast on Monday.\n\n"
        "Two of them were children, Harbour Times reports."
    )
    held = owners(text)
    assert held["Two"] == held["14"] == ["The prosecutor's office"]


def test_trailing_source_named_with_a_participle_holds_its_figures() -> None:
    # "the Moscow-backed separatists": a participle inside the source's noun phrase does not
    # stop the trailing source from being read, so the figures are not the previous speaker's.
    held = owners(
        "Missile strikes on the government-held river town of Kupiv killed five people and "
        "wounded more than 40, the Kyiv-backed militia said on Friday.\n"
        "Air raids on the rebel-held port of Sarn killed six people and injured more than 50, "
        "the Moscow-backed separatists said on Monday."
    )
    assert held["six"] == ["the Moscow-backed separatists"]
    assert held["more than 50"] == ["the Moscow-backed separatists"]


def test_outlets_inference_is_not_credited_to_the_source_after_it() -> None:
    text = (
        "The commission said 8,200,000 voters were on the roll and 5,100,000 of them voted. "
        "This implies that 3,100,000 voters stayed at home. Chairwoman Ama Boateng announced "
        "this at the final count in Accra."
    )
    held = owners(text)
    assert held["3,100,000"] == ["Harbour Times"]
    assert held["5,100,000"] == ["The commission"]


def test_details_published_speak_for_the_last_body() -> None:
    claims = claims_of(
        "The electoral commission said turnout reached 71 percent. Further details show that "
        "412,000 ballots were rejected."
    )
    (detail,) = [c for c in claims if any(q.text == "412,000" for q in c.quantities)]
    assert "ommission" in detail.claimant


def test_a_plan_described_by_the_outlet_is_not_the_sole_sources_tally() -> None:
    text = (
        "General Ivan Sorel said 40 observation posts had been set up along the line.\n\n"
        "A force of 2,000 soldiers and 120 trucks will deploy to the valley for a five-year "
        "mission. About 300 engineers cleared the roads last week."
    )
    held = owners(text)
    assert held["2,000"] == ["Harbour Times"]
    assert held["About 300"] == ["General Ivan Sorel"]


def test_a_sole_source_does_not_speak_for_the_narrative_far_below_it() -> None:
    filler = "\n\n".join(
        f"The valley road was closed again on day {n} as the rain went on." for n in (1, 2, 3, 4)
    )
    text = (
        "The regional health office said 14 villagers were killed in the flood.\n\n"
        f"{filler}\n\n"
        "The province rebuilt nearly 200 of its bridges during the last decade.\n\n"
        "Nine of the dead were children from the upper valley."
    )
    held = owners(text)
    assert held["14"] == ["The regional health office"]
    assert held["nearly 200"] == ["Harbour Times"]
    assert held["Nine"] == ["The regional health office"]


def test_narration_after_a_quoted_speaker_is_the_outlets() -> None:
    text = (
        '"There is nothing left of the town," Mara Ilic, a teacher, told the Wire after her '
        "family slept in a field, where about 4,000 tents have been put up."
    )
    held = owners(text)
    assert held["about 4,000"] == ["Harbour Times"]


def test_a_background_distance_stays_the_outlets_when_the_sentence_is_a_sources() -> None:
    claims = claims_of(
        "A navy spokesman said the ships were carrying about 40 tonnes of food to the island, "
        "which lies 210 miles south of the capital."
    )
    holders = {
        q.text: (c.claimant_mention or c.claimant, q.background)
        for c in claims
        for q in c.quantities
    }
    assert holders["about 40"][0] == "A navy spokesman"
    assert holders["210"] == ("Harbour Times", True)
