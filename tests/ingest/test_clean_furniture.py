"""Page furniture (counters, timestamps, bylines, captions) never reaches extraction."""

from __future__ import annotations

import pytest

from claimledger.ingest.clean import clean_text, is_junk_line


@pytest.mark.parametrize(
    "line",
    [
        "17",
        "4 min read",
        "Views: 1,204",
        "Regional News 12 march — 09:41",
        "Ruben Grigoryan 5 minutes ago Tue 03rd November 2020 | 10:05 AM",
        "By Reuters Published: Mon 13 Nov 2023, 6:12 PM",
        "by The Harbour Times news desk March 3, 2024",
        "By Marta Hovhannisyan",
        "Updated - March 2, 2024 11:40 pm IST - ODESA",
        "2024-03-02 | 11:40",
        "12 March 2022, 21:15",
        "14 June 2022    Read: 968",
        "03.11.2020 | 2,310 views",
        "PHOTO: Rescuers search the rubble of a school in the east of the city.",
        "A burnt car by the hospital. Kherson, March 2022. Photo by Ivan Petrenko for the Wire",
    ],
)
def test_furniture_line_is_dropped(line: str) -> None:
    assert is_junk_line(line)


@pytest.mark.parametrize(
    "line",
    [
        "By Friday, 300 soldiers had been killed.",
        "Shelling resumed at 14:00",
        "23 soldiers killed in overnight shelling",
        "Kyiv Loses Up to 40 Drones in Past 24 Hours - Ministry",
        "By the numbers: 300 fighters and 12 tanks",
        "General Staff: Russia has lost 9,000 troops",
        "Read 12 reports from June",
    ],
)
def test_statement_line_is_kept(line: str) -> None:
    assert not is_junk_line(line)


def test_article_keeps_its_sentences_around_furniture() -> None:
    raw = (
        "Toll rises to 40\n\n12 March 2022, 21:15\n\n9\n\n"
        "At least 40 people were killed, officials said."
    )
    assert clean_text(raw) == "Toll rises to 40\n\nAt least 40 people were killed, officials said."
