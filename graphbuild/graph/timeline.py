"""When and by whom: an entity's or an edge's weight spread over the periods and the sources of the
documents it is counted in, with the first and last date it was seen.

Periods are labelled as ISO 8601 writes them: a day "2017-02-07", a week "2017-W06", a month
"2017-02", a year "2017"; ``bounds`` gives each one's first and last day.
"""

from __future__ import annotations

import calendar
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from datetime import date, timedelta

from ..options import DEFAULT_PERIOD


def period_of(day: str, period: str = DEFAULT_PERIOD) -> str:
    """The label of the period an ISO 8601 date (or date and time) falls in ("" for no date)."""
    if len(day) < 10:
        return ""
    if period == "day":
        return day[:10]
    if period == "month":
        return day[:7]
    if period == "year":
        return day[:4]
    year, week, _ = date.fromisoformat(day[:10]).isocalendar()
    return f"{year}-W{week:02d}"


def bounds(label: str) -> tuple[str, str]:
    """The first and last day of a period label (ISO 8601 dates)."""
    if "-W" in label:
        iso_year, week = (int(part) for part in label.split("-W"))
        first = date.fromisocalendar(iso_year, week, 1)
        return first.isoformat(), date.fromisocalendar(iso_year, week, 7).isoformat()
    if len(label) == 4:
        return f"{label}-01-01", f"{label}-12-31"
    if len(label) == 7:
        last = calendar.monthrange(int(label[:4]), int(label[5:]))[1]
        return f"{label}-01", f"{label}-{last:02d}"
    return label, label


def labels_between(first: str, last: str, period: str = DEFAULT_PERIOD) -> list[str]:
    """Every period label from the one holding the day ``first`` to the one holding ``last``, empty ones
    included, in time order: the axis of a timeline that shows its gaps."""
    start, end = date.fromisoformat(first[:10]), date.fromisoformat(last[:10])
    if period == "year":
        return [f"{year:04d}" for year in range(start.year, end.year + 1)]
    if period == "month":
        months = range(start.year * 12 + start.month - 1, end.year * 12 + end.month)
        return [f"{m // 12:04d}-{m % 12 + 1:02d}" for m in months]
    step = 7 if period == "week" else 1
    day = start - timedelta(days=start.weekday() if period == "week" else 0)
    labels = []
    while day <= end:
        labels.append(period_of(day.isoformat(), period))
        day += timedelta(days=step)
    return labels


@dataclass(frozen=True)
class Spread:
    """A weight spread over time and sources; the documents without a date (or a source) count in neither."""

    first_seen: str = ""  # the earliest day of its documents (ISO 8601 date; "": none is dated)
    last_seen: str = ""
    periods: dict[str, int] = field(default_factory=dict)  # period label -> weight, in time order
    sources: dict[str, int] = field(default_factory=dict)  # source -> weight, by name


def spread(per_document: Iterable[tuple[str, int]], documents: Mapping[str, Mapping[str, str]], period: str) -> Spread:
    """How ``per_document`` (doc id, weight there) falls over the periods and sources of ``documents``."""
    periods: dict[str, int] = {}
    sources: dict[str, int] = {}
    days = []
    for doc_id, weight in per_document:
        meta = documents.get(doc_id, {})
        day, source = meta.get("date", "")[:10], meta.get("source", "")
        if day:
            days.append(day)
            label = period_of(day, period)
            periods[label] = periods.get(label, 0) + weight
        if source:
            sources[source] = sources.get(source, 0) + weight
    return Spread(
        min(days, default=""),
        max(days, default=""),
        dict(sorted(periods.items())),
        dict(sorted(sources.items())),
    )
