"""When claims were made: the expression resolver, metadata dates, and cue attachment."""

from __future__ import annotations

from datetime import date, timedelta
from pathlib import Path
from typing import Any

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from claimledger.extract.when import (
    VAGUE,
    WEEKDAYS,
    body_datelines,
    dateline_at,
    resolve_expression,
    resolve_stated_on,
)
from claimledger.ingest.dates import parse_date

FRIDAY = date(2020, 10, 2)
TUESDAY = date(2020, 11, 3)

# --- resolve_expression (pure) ------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "anchor", "expected"),
    [
        ("on Friday", FRIDAY, FRIDAY),
        ("Tuesday", TUESDAY, TUESDAY),
        ("on Sunday", FRIDAY, date(2020, 9, 27)),
        ("on Wednesday night", FRIDAY, date(2020, 9, 30)),
        ("last Friday", FRIDAY, date(2020, 9, 25)),
        ("Friday’s sixth day", FRIDAY, FRIDAY),
        ("yesterday", FRIDAY, date(2020, 10, 1)),
        ("today", FRIDAY, FRIDAY),
        ("earlier in the day", FRIDAY, FRIDAY),
        ("on October 27", TUESDAY, date(2020, 10, 27)),
        ("Oct. 27", TUESDAY, date(2020, 10, 27)),
        ("27 October", TUESDAY, date(2020, 10, 27)),
        ("September 28 to 30", TUESDAY, date(2020, 9, 28)),
        ("December 30", TUESDAY, date(2019, 12, 30)),
        ("October 27, 2019", None, date(2019, 10, 27)),
        # A past of days has no day of its own: the dateline stands for it; months do not.
        ("last week", FRIDAY, FRIDAY),
        ("earlier this week", FRIDAY, FRIDAY),
        ("in recent days", FRIDAY, FRIDAY),
        ("earlier", FRIDAY, FRIDAY),
        ("last week", None, VAGUE),
        ("last month", TUESDAY, VAGUE),
        ("earlier this month", TUESDAY, VAGUE),
        ("previously", TUESDAY, VAGUE),
        ("for decades", FRIDAY, None),
        ("the early 1990s", FRIDAY, None),
        ("on Friday", None, None),
    ],
)
def test_resolve_expression_forms(text: str, anchor: date | None, expected: object) -> None:
    assert resolve_expression(text, anchor) == expected


@given(
    st.dates(min_value=date(1950, 1, 1), max_value=date(2100, 12, 31)),
    st.sampled_from(sorted(WEEKDAYS)),
    st.sampled_from(["", "on ", "last ", "On "]),
    st.sampled_from(["", " night", " morning", "'s talks"]),
)
def test_resolve_weekday_is_within_the_week_up_to_the_dateline(
    anchor: date, name: str, prefix: str, suffix: str
) -> None:
    resolved = resolve_expression(f"{prefix}{name.title()}{suffix}", anchor)
    assert isinstance(resolved, date)
    assert anchor - timedelta(days=7) <= resolved <= anchor
    assert resolved.weekday() == WEEKDAYS[name]


@settings(max_examples=150, deadline=None)
# --- resolve_stated_on with the real model ------------------------------------------------


def _stated_on(nlp: Any, text: str, cue: str, published: date | None) -> date | None:
    doc = nlp(text)
    at = text.index(cue)
    return resolve_stated_on(doc, (0, len(text)), [(at, at + len(cue))], published)


@pytest.mark.parametrize(
    ("text", "cue", "published", "expected"),
    [
        # A date on the cue verb wins.
        (
            "Armenia's defence ministry said on Sunday that Azerbaijani forces had shelled"
            " Stepanakert.",
            "said",
            FRIDAY,
            date(2020, 9, 27),
        ),
        ("Azerbaijan reported Tuesday that two villages had been retaken.", "reported", TUESDAY,
         TUESDAY),
        ("The ministry said yesterday that the town was calm.", "said", FRIDAY, date(2020, 10, 1)),
        ("Moscow said on Wednesday night that both sides had agreed to a truce.", "said", FRIDAY,
         date(2020, 9, 30)),
        ("Lavrov told Kommersant on Oct. 27 that 2,000 mercenaries were in the zone.", "told",
         TUESDAY, date(2020, 10, 27)),
        ("The Kremlin said on December 30 that the talks would continue.", "said",
         date(2021, 1, 5), date(2020, 12, 30)),
        # A frame around the cue dates it.
        ("In a televised address on October 4, Aliyev said the army had taken Jabrayil.", "said",
         date(2020, 10, 9), date(2020, 10, 4)),
        ("As fighting continued on Thursday, the ministry said 40 more soldiers had died.",
         "said", FRIDAY, date(2020, 10, 1)),
        # Dates inside the content describe the claim, not the claiming: the dateline holds.
        ("The fighting that broke out on Sunday has killed dozens, the ministry said.", "said",
         FRIDAY, FRIDAY),
        ("Officials said the village was shelled on Saturday.", "said", FRIDAY, FRIDAY),
        ("Officials said the village was shelled.", "said", FRIDAY, FRIDAY),
        # A past of days takes the dateline; a vaguer past has no day; a relative date has
        # no anchor without a dateline.
        ("Pashinyan said last week that talks were impossible.", "said", FRIDAY, FRIDAY),
        ("Earlier, the border service reported that 12 guards had been hurt.", "reported",
         FRIDAY, FRIDAY),
        ("The rebels previously claimed that they held 90 prisoners.", "claimed", FRIDAY,
         None),
        ("Pashinyan said last month that talks were impossible.", "said", FRIDAY, None),
        ("The envoy said in an interview last month that the border would reopen.",
         "said in an interview", FRIDAY, None),
        # "that day", "the same day": the last day the text gave before.
        ("The governor announced on Sunday that the dam had held. The water agency denied it"
         " that day, saying the spillway had failed.", "denied", FRIDAY, date(2020, 9, 27)),
        ("The governor announced on Tuesday that the dam had held. The water agency said the"
         " same day that the spillway had failed.", "said", FRIDAY, date(2020, 9, 29)),
        ("Officials said on Friday that the village was shelled.", "said", None, None),
        ("On October 27, 2020, the ministry announced new casualties.", "announced", None,
         date(2020, 10, 27)),
        # "Earlier" framing a day keeps the day.
        ("Earlier on Wednesday, the governor said four houses had burned.", "said", FRIDAY,
         date(2020, 9, 30)),
        # A date on a clause describing a word of the cue dates the cue.
        ("The prime minister said in a statement issued late Monday night that four hostages"
         " had been freed.", "said in a statement", FRIDAY, date(2020, 9, 28)),
        ("Twelve soldiers died, according to what the army disclosed on Sunday morning.",
         "according to", FRIDAY, date(2020, 9, 27)),
        # "According to X" hangs on the claim itself: the claim's dates are the event's.
        ("The convoy was on Monday the target of an ambush near the pass, according to a"
         " police statement.", "according to", FRIDAY, FRIDAY),
        # A participle shares its clause's day; a relayed report takes the relaying day.
        ("Earlier on Tuesday, the brigade seized a depot in the north, claiming to have killed"
         " 20 fighters.", "claiming", FRIDAY, date(2020, 9, 29)),
        ("The Russian president said Wednesday that his intelligence services indicated the"
         " toll was near 3,000.", "indicated", FRIDAY, date(2020, 9, 30)),
        # ... but another speaker's aside has its own time,
        ("Nine soldiers were killed on Sunday, the army announced on Monday, with local sources"
         " telling reporters that the toll was higher.", "telling", FRIDAY, FRIDAY),
        # and a clause with its own conjunction does not: "after" places the shelling.
        ("Shelling resumed on Monday after the ministry said that the truce held.", "said",
         FRIDAY, FRIDAY),
    ],
)  # fmt: skip
def test_resolve_stated_on_attaches_dates_to_the_cue(
    nlp: Any, text: str, cue: str, published: date | None, expected: date | None
) -> None:
    assert _stated_on(nlp, text, cue, published) == expected


def test_resolve_stated_on_without_a_cue_is_the_dateline(nlp: Any) -> None:
    text = "Clashes erupted on Sunday along the line of contact."
    assert resolve_stated_on(nlp(text), (0, len(text)), [], FRIDAY) == FRIDAY


@pytest.fixture(scope="module")
def dated_seeds(nlp: Any, seeds_dir: Path) -> list[tuple[Any, date]]:
    """Seed articles whose first line carries a ` date YYYY-MM-DD ` dateline."""
    docs = []
    for path in sorted(seeds_dir.glob("*.txt")):
        text = path.read_text(encoding="utf-8")
        if text.startswith(" date "):
            published = parse_date(text.split()[1])
            assert published is not None
            docs.append((nlp(text), published))
    assert len(docs) >= 2
    return docs


@pytest.mark.parametrize(
    ("anchor", "cue", "expected"),
    [
        ("Emmanuel Macron said at the EU summit on Friday", "said", date(2020, 10, 2)),
        ("CNN reported about Syrian militants", "reported", date(2020, 10, 2)),
        ("said Russia’s Foreign Minister Sergei Lavrov Tuesday", "said", date(2020, 11, 3)),
        ("rights watch group in Syria reported Tuesday", "reported", date(2020, 11, 3)),
        ("October 27 telephone conversation", "added", date(2020, 11, 3)),
        ("newspaper that reported last month", "reported", None),
    ],
)
def test_resolve_stated_on_seed_cues(
    dated_seeds: list[tuple[Any, date]], anchor: str, cue: str, expected: date | None
) -> None:
    for doc, published in dated_seeds:
        at = doc.text.find(anchor)
        if at < 0:
            continue
        first = doc.char_span(at, at + len(anchor), alignment_mode="expand")[0].sent
        cue_at = doc.text.index(cue, at if cue in anchor else first.start_char)
        last = doc.char_span(cue_at, cue_at + len(cue), alignment_mode="expand")[0].sent
        span = (first.start_char, last.end_char)
        assert resolve_stated_on(doc, span, [(cue_at, cue_at + len(cue))], published) == expected
        return
    pytest.fail(f"{anchor!r} not found in the dated seeds")


# --- datelines in the body ---------------------------------------------------------------


def test_body_datelines_date_the_copy_below_them() -> None:
    text = (
        "Monday, 7 October 2024, 8:11 pm\n"
        "Press Release: Office of the Ombudsman\n\n"
        "Tbilisi, 4 October 2024\n\n"
        "We are alarmed by the flooding, which has killed 12 people.\n"
        "KYIV, Nov. 3, 2024\n"  # after the page's own date: not this copy's
        "October 28, 2020 - 22:30 AMT\n"  # years before: an archive link
        "Tbilisi, 2 October 2024 was a quiet day.\n"  # a sentence, not a dateline
    )
    published = date(2024, 10, 7)
    lines = body_datelines(text, published)
    assert [day for _, day in lines] == [date(2024, 10, 7), date(2024, 10, 4)]
    alarmed = text.index("We are alarmed")
    assert dateline_at(lines, alarmed, published) == date(2024, 10, 4)
    assert dateline_at(lines, 0, published) == published
    assert body_datelines(text, None) == []
