"""parse_date: ISO fast, written dates via dateparser, nonsense refused."""

from __future__ import annotations

from datetime import date, datetime

import pytest

from claimledger.ingest.dates import parse_date


@pytest.mark.parametrize(
    ("value", "expected"),
    [
        ("2020-10-02", date(2020, 10, 2)),
        ("2020-10-02T08:30:00+03:00", date(2020, 10, 2)),
        ("2 October 2020", date(2020, 10, 2)),
        ("Oct 2, 2020", date(2020, 10, 2)),
        ("02.10.2020", date(2020, 10, 2)),
        (datetime(2020, 10, 2, 23, 59), date(2020, 10, 2)),
        (date(2019, 1, 5), date(2019, 1, 5)),
        ("", None),
        (None, None),
    ],
)
def test_parse_date_accepts(value: object, expected: date | None) -> None:
    assert parse_date(value) == expected


@pytest.mark.parametrize("value", ["soon", "2020-13-45", "yesterday", "31.02.2020", "0001-01-01"])
def test_parse_date_refuses(value: str) -> None:
    with pytest.raises(ValueError):
        parse_date(value)
