"""Publication dates from metadata values: ISO strings fast, anything else via dateparser."""

from __future__ import annotations

import re
from datetime import date, datetime

_ISO = re.compile(r"(\d{4})-(\d{2})-(\d{2})(?:$|[T ])")
# Dotted dates are day-first wherever they are written ("02.10.2020" is 2 October).
_DOTTED = re.compile(r"(\d{1,2})\.(\d{1,2})\.(\d{4})$")
_YEAR = re.compile(r"\b\d{4}\b")
# Dates outside this range are typos or epoch artefacts, not publication dates.
_MIN_YEAR, _MAX_YEAR = 1800, 2100


def parse_date(value: object) -> date | None:
    """Turn a metadata date into a `date`; None when there is no value.

    Accepts date/datetime objects (PyYAML gives those), ISO strings (`2020-10-02`,
    `2020-10-02T10:00:00Z`) and written dates (`2 October 2020`, `Oct 2, 2020`).

    Raises:
        ValueError: the value is present but is not a full calendar date.
    """
    if value is None:
        return None
    if isinstance(value, datetime):
        return _checked(value.date())
    if isinstance(value, date):
        return _checked(value)
    text = str(value).strip()
    if not text:
        return None
    try:
        if match := _ISO.match(text):
            return _checked(date(*(int(g) for g in match.groups())))
        if match := _DOTTED.match(text):
            day, month, year = (int(g) for g in match.groups())
            return _checked(date(year, month, day))
    except ValueError as exc:
        raise ValueError(f"not a valid date: {text[:60]!r}") from exc
    # Relative words ("yesterday") are not publication dates: a year must be written.
    if not _YEAR.search(text):
        raise ValueError(f"not a date: {text[:60]!r}")
    return _checked(_parse_written(text))


def _parse_written(text: str) -> date:
    """Parse a written-out date with dateparser, requiring day, month and year."""
    import dateparser  # slow to import; only paid for when a non-ISO date turns up

    parsed = dateparser.parse(
        text[:100],
        settings={"STRICT_PARSING": True, "REQUIRE_PARTS": ["day", "month", "year"]},
    )
    if parsed is None:
        raise ValueError(f"not a date: {text[:60]!r}")
    result: date = parsed.date()
    return result


def _checked(value: date) -> date:
    """Reject years no article was published in."""
    if not _MIN_YEAR <= value.year <= _MAX_YEAR:
        raise ValueError(f"implausible year {value.year}")
    return value
