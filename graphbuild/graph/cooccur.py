"""Count co-occurrences of entities in windows and keep the sentences that show them.

Windows:
- ``sentence`` / ``paragraph`` / ``document``: each unit is one window; a pair's weight is the number
  of units in which both entities are mentioned.
- ``tokens:N``: two mentions co-occur when their first tokens are fewer than N tokens apart (within a
  document); a pair's weight is the number of such mention pairs.

Each edge also carries how many windows hold either end and how many windows there are (for a
``tokens:N`` window: mentions), which its significance is measured against (``significance.py``).
"""

from __future__ import annotations

from collections import Counter, defaultdict
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass, field
from operator import attrgetter

from ..options import DEFAULT_MAX_EVIDENCE, DEFAULT_MIN_WEIGHT, DEFAULT_WINDOW, LISTED_DOCUMENTS, parse_window
from ..records import Edge, Extraction, Mention, Sentence
from ..resolve.entities import Resolution


@dataclass
class _Tally:
    weight: int = 0
    documents: dict[str, int] = field(default_factory=dict)  # doc id -> weight there
    evidence: dict[tuple[str, int], Sentence] = field(default_factory=dict)


def cooccur(
    extractions: Iterable[Extraction],
    resolution: Resolution,
    window: str = DEFAULT_WINDOW,
    min_weight: int = DEFAULT_MIN_WEIGHT,
    max_evidence: int = DEFAULT_MAX_EVIDENCE,
    snippets: Snippets | None = None,
) -> list[Edge]:
    """Edges between co-occurring entities, sorted, with weights, documents and evidence; ``snippets``, if
    given, collects each entity's sentences from the same resolved mentions."""
    kind, size = parse_window(window)
    tallies: dict[tuple[str, str], _Tally] = defaultdict(_Tally)
    holding: Counter[str] = Counter()  # entity -> the windows that hold it
    windows_in_all = 0
    for extraction in extractions:
        keyed = [(key, m) for m in extraction.mentions for key in resolution.keys_of(m)]
        if snippets is not None:
            snippets.add(extraction, keyed)
        if kind == "tokens":
            holding.update(key for key, _ in keyed)
            windows_in_all += len(keyed)
            pairs = _token_windows(keyed, size)
        else:
            units = _units(keyed, kind)
            for unit in units.values():
                holding.update(unit.keys())  # each entity once per unit
            windows_in_all += _unit_count(extraction, kind)
            pairs = _unit_pairs(units)
        for first, second in pairs:
            (a, ma), (b, mb) = sorted((first, second), key=lambda km: km[0])
            tally = tallies[(a, b)]
            tally.weight += 1
            tally.documents[ma.doc_id] = tally.documents.get(ma.doc_id, 0) + 1
            for mention in (ma, mb):
                if len(tally.evidence) < max_evidence:
                    sentence = extraction.sentences[mention.sentence]
                    tally.evidence.setdefault((sentence.doc_id, sentence.index), sentence)
    return [
        Edge(
            a,
            b,
            t.weight,
            tuple(sorted(t.documents)),
            tuple(t.evidence[k] for k in sorted(t.evidence)),
            tuple(sorted(t.documents.items())),
            (holding[a], holding[b], windows_in_all),
        )
        for (a, b), t in sorted(tallies.items())
        if t.weight >= min_weight
    ]


KeyedMention = tuple[str, Mention]


_UNIT_OF: dict[str, Callable[[Mention], int]] = {
    "sentence": attrgetter("sentence"),
    "paragraph": attrgetter("paragraph"),
    "document": lambda mention: 0,
}


def _units(keyed: list[KeyedMention], kind: str) -> dict[int, dict[str, Mention]]:
    """The sentences, paragraphs or the document that hold mentions: unit -> entity -> its first mention there."""
    unit_of = _UNIT_OF[kind]
    units: dict[int, dict[str, Mention]] = defaultdict(dict)
    for key, mention in keyed:
        units[unit_of(mention)].setdefault(key, mention)
    return units


def _unit_count(extraction: Extraction, kind: str) -> int:
    """How many sentences, paragraphs (or 1: the document) a document has, with or without an entity."""
    if kind == "sentence":
        return len(extraction.sentences)
    if kind == "paragraph":
        return len({s.paragraph for s in extraction.sentences})
    return 1


def _unit_pairs(units: dict[int, dict[str, Mention]]) -> Iterator[tuple[KeyedMention, KeyedMention]]:
    """Each distinct pair of entities once per unit, with their first mentions."""
    for unit in sorted(units):
        first_mentions = sorted(units[unit].items())
        for i, first in enumerate(first_mentions):
            for second in first_mentions[i + 1 :]:
                yield first, second


def _token_windows(keyed: list[KeyedMention], size: int) -> Iterator[tuple[KeyedMention, KeyedMention]]:
    """Every pair of mentions of two different entities whose first tokens are < size apart."""
    ordered = sorted(keyed, key=lambda km: km[1].token)
    for i, (key, mention) in enumerate(ordered):
        for other_key, other in ordered[i + 1 :]:
            if other.token - mention.token >= size:
                break
            if other_key != key:
                yield (key, mention), (other_key, other)


class Snippets:
    """Per entity, the first sentence that mentions it in each of its first ``keep`` documents (by id, the
    order of ``Entity.documents``): what the page shows beside each document. Filled by ``cooccur`` from
    the mentions it resolves anyway, so nothing is read or resolved twice; bounded by ``keep``."""

    def __init__(self, keep: int = LISTED_DOCUMENTS) -> None:
        self.keep = keep
        self.by_entity: dict[str, dict[str, str]] = defaultdict(dict)

    def add(self, extraction: Extraction, keyed: list[KeyedMention]) -> None:
        doc = extraction.document.doc_id
        for key, mention in keyed:
            found = self.by_entity[key]
            if doc in found:
                continue
            if len(found) >= self.keep:
                last = max(found)
                if doc > last:
                    continue
                del found[last]
            found[doc] = extraction.sentences[mention.sentence].text
