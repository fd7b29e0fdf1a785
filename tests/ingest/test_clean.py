"""clean_text: scraping junk goes, every sentence of the article stays."""

from __future__ import annotations

from hypothesis import given
from hypothesis import strategies as st

from claimledger.ingest.clean import clean_text, is_junk_line

ARTICLE = """[ad_1]
- Both delegations reported slow progress at the talks in Geneva on Tuesday.
- The health ministry said 14 people were treated for smoke inhalation.
Photo: Reuters
Image: AFP
Icon: The mirror
Share this article
Subscribe to our newsletter for the latest updates
We use cookies to give you the best experience. Accept all cookies
Read more: Talks stall as both sides trade accusations
Related: Ceasefire collapses within hours
A local reporter said the road to the airport had been closed since dawn.
© 2021 Example Wire. All rights reserved.
It is not allowed to publish, quote or reproduce the information of the agency without consent.
[ad_2]
"""


def test_clean_text_removes_junk_and_keeps_sentences() -> None:
    cleaned = clean_text(ARTICLE)
    assert cleaned.split("\n\n") == [
        "Both delegations reported slow progress at the talks in Geneva on Tuesday.",
        "The health ministry said 14 people were treated for smoke inhalation.",
        "A local reporter said the road to the airport had been closed since dawn.",
    ]


def test_clean_text_keeps_sentences_that_mention_junk_words() -> None:
    # Words that junk rules key on, used in real prose: none of these lines may go.
    prose = [
        "The agency reported that the photo was taken near the border.",
        "Related incidents were reported in two villages overnight.",
        "Read the statement in full, the spokesman told journalists.",
        "Officials said subscribers to the local paper received the leaflet first.",
        "The copyright dispute reached the high court, lawyers said.",
        "Share prices fell by 3 percent after the announcement, traders said.",
    ]
    assert clean_text("\n".join(prose)).split("\n\n") == prose


def test_clean_text_joins_hard_wrapped_lines_but_keeps_subheadings() -> None:
    text = (
        "Ministry rejects the casualty report\n\n"
        "The ministry said on Monday that it\n"
        "had counted 40 new arrivals at the\n"
        "border crossing since the weekend.\n"
        "\n\n\n"
        "Talks to resume\n"
        "Both envoys are expected in Vienna next week.\n"
    )
    assert clean_text(text).split("\n\n") == [
        "Ministry rejects the casualty report",
        "The ministry said on Monday that it had counted 40 new arrivals at the border crossing "
        "since the weekend.",
        "Talks to resume",
        "Both envoys are expected in Vienna next week.",
    ]


def test_clean_text_normalises_whitespace() -> None:
    text = (
        "  The   mayor\u00a0said\tthe bridge\u200b would reopen.  \r\n\r\n\r\n\r\nTraffic resumed."
    )
    assert clean_text(text) == "The mayor said the bridge would reopen.\n\nTraffic resumed."


def test_clean_text_strips_bullets_and_inline_ad_markers() -> None:
    assert (
        clean_text("• Rescue teams reached the village.[ad_3]")
        == "Rescue teams reached the village."
    )


def test_is_junk_line_rules() -> None:
    assert is_junk_line("Photo: Getty Images")
    assert is_junk_line("Copyright 2022 Example Media")
    assert is_junk_line("Advertisement")
    assert is_junk_line("***")
    assert not is_junk_line("Photos of the damage circulated on social media, police said.")


@given(st.text(max_size=300))
def test_clean_text_is_idempotent(text: str) -> None:
    once = clean_text(text)
    assert clean_text(once) == once
    assert "\n\n\n" not in once
    assert once == once.strip()


def test_clean_text_cuts_wire_datelines_so_they_are_not_read_as_speakers() -> None:
    lead = "Nagorno-Karabakh reported the deaths of 54 more servicemen on Friday."
    for dateline in (
        "STEPANAKERT, Oct 2 (Caucasus Wire) - ",
        "YEREVAN/BAKU, Sept 27 (Caucasus Wire) - ",
        "BARDA, Azerbaijan — ",
        "STEPANAKERT, Monday - ",
        "NEW YORK (AP) — ",
    ):
        assert clean_text(dateline + lead + "\n\nSecond paragraph.") == (
            lead + "\n\nSecond paragraph."
        )


def test_clean_text_keeps_dashes_that_are_not_datelines() -> None:
    for text in (
        "The UN - which sent observers - said little.",
        "Armenia — and later Azerbaijan — reported fighting.",
        "Second paragraph.\n\nMOSCOW - a dateline only counts at the top.",
    ):
        assert clean_text(text) == text


def test_clean_text_cuts_a_dateline_after_a_headline() -> None:
    text = "Fighting erupts over Karabakh\n\nYEREVAN, Sept 27 (Test Wire) - Armenia said..."
    assert clean_text(text) == "Fighting erupts over Karabakh\n\nArmenia said..."
