"""Dates and sources of documents: a date in any common written form to ISO 8601, the date a plain text
states at its top (a timestamp line, a dateline), and the outlet a URL names.

Parsing is dateparser's (absolute dates only: "yesterday" is no publication date); ISO 8601 is taken
first, without it.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from datetime import datetime
from functools import lru_cache
from urllib.parse import urlsplit

from ..lang import alternation, vocabulary

#: What dateparser is asked: absolute dates with a day, month and year, in English.
_SETTINGS = {
    "PARSERS": ["timestamp", "custom-formats", "absolute-time"],
    "REQUIRE_PARTS": ["day", "month", "year"],
    "PREFER_DAY_OF_MONTH": "first",
}
_TIME = re.compile(r"\d{1,2}:\d{2}")
#: How many of a plain text's first lines may state its date.
HEAD_LINES = 12
_WORDS = vocabulary()
#: A timestamp line, perhaps with a source glued to it: "2024-08-29 10:04:43Source: Xinhua".
_TIMESTAMP_LINE = re.compile(
    r"^(?P<date>\d{4}-\d{2}-\d{2}(?:[ T]\d{1,2}:\d{2}(?::\d{2})?)?)\s*"
    rf"(?:(?:{alternation(_WORDS.SOURCE_LABELS)})\s*:\s*(?P<source>[^|]{{1,80}}))?$",
    re.IGNORECASE,
)
#: A news dateline: "LHASA, Aug. 29, 2024 --", "WASHINGTON (Reuters), March 3, 2017 -".
_DATELINE = re.compile(
    r"^[A-Z][A-Za-z .'-]{1,40}(?:\([^)]{1,40}\))?,\s*(?P<date>[A-Z][a-z]{2,8}\.? \d{1,2}, \d{4})\s*(?:--|-|—|–)"
)


@lru_cache(maxsize=4096)
def parse_date(text: str) -> str:
    """``text`` as ISO 8601: "2017-02-07" for a date, "2016-12-30T07:11:00" (with its offset, if it has
    one) for a date with a time; "" if it holds no absolute date with day, month and year."""
    text = " ".join(text.split())
    if not text or len(text) > 100:
        return ""
    found: datetime | None
    try:
        found = datetime.fromisoformat(text)
    except ValueError:
        import dateparser  # a second to import: only when some date is not ISO

        found = dateparser.parse(text, languages=["en"], settings=_SETTINGS)
        if found is None:
            return ""
    if not _TIME.search(text):
        return found.date().isoformat()
    return found.isoformat(timespec="seconds")


_YEAR = re.compile(r"\b\d{4}\b")
_PRECISION = {"day": 10, "month": 7, "year": 4}


@lru_cache(maxsize=4096)
def date_written(text: str, published: str = "") -> str:
    """A date as a sentence writes it, in ISO 8601 to the precision written: "February 17, 2017" ->
    "2017-02-17", "July 2017" -> "2017-07", "2016" -> "2016"; a day and month with no year ("17 January")
    take the year of ``published`` (the document's date) and none without it; "" for a weekday, a relative
    date, a bare number or a range ("Tuesday", "last week", "February 17-18")."""
    if not any(c.isdigit() for c in text) or re.search(r"\d\s*(?:-|–|to|and)\s*\d", text):
        return ""
    written = _YEAR.search(text)
    base = datetime.fromisoformat(published[:10]) if published[:10] and parse_date(published[:10]) else None
    year = int(written.group()) if written else base.year if base else None
    if year is None or (not written and not any(c.isalpha() for c in text)):
        return ""  # no year to take; "5": no month named
    from dateparser.date import DateDataParser

    settings = {"PARSERS": ["custom-formats", "absolute-time"], "PREFER_DAY_OF_MONTH": "first"}
    found = DateDataParser(languages=["en"], settings=settings | ({"RELATIVE_BASE": base} if base else {}))
    data = found.get_date_data(" ".join(text.split()))
    if data.date_obj is None or data.period not in _PRECISION or data.date_obj.year != year:
        return ""
    if not written and data.period != "day":
        return ""  # "March" alone: which one?
    return data.date_obj.date().isoformat()[: _PRECISION[data.period]]


def stated_date(paragraphs: Sequence[str]) -> tuple[str, str]:
    """(date, source) that a plain text states in its first ``HEAD_LINES`` lines: a timestamp line (with
    the source glued to it, if any), else a dateline; ("", "") where it states none."""
    for line in paragraphs[:HEAD_LINES]:
        stamp = _TIMESTAMP_LINE.match(line.strip())
        if stamp and (date := parse_date(stamp["date"])):
            return date, (stamp["source"] or "").strip()
    for line in paragraphs[:HEAD_LINES]:
        dateline = _DATELINE.match(line.strip())
        if dateline and (date := parse_date(dateline["date"])):
            return date, ""
    return "", ""


def host_of(url: str) -> str:
    """The host a URL names, without ``www.`` ("" if it names none): the source of a document that has no other."""
    try:
        host = urlsplit(url.strip()).hostname or ""
    except ValueError:
        return ""
    return host.removeprefix("www.")
