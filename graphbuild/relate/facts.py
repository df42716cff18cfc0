"""Relations as corpus facts: each sentence's statements put on the resolved entities and merged across
documents, with their count, documents, evidence and dates; and the dates the text gives for events.

A relation is keyed by subject, predicate, object, kind, polarity and modality: "did not meet" and
"will meet" are never counted as "met". A statement whose ends resolve to one entity, or whose ends have
types the kind cannot hold (a role held by a place), or a place in one that cannot contain it, is left out
and counted (``Facts.refused``), as is an event's date that names no day, month or year (``ingest.dates.date_written``):
a container is a country, a known subdivision (``gazetteer``) or a name
headed by an administrative noun ("Nang County"); a country is in none, nor a subdivision in another
country ("New York, Hong Kong" is a list).
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator, Mapping
from dataclasses import dataclass, field

from ..ingest.dates import date_written
from ..lang import vocabulary
from ..names import match_key
from ..options import DEFAULT_MAX_EVIDENCE
from ..records import Extraction, Relation, Sentence, StatedDate, Statement
from ..resolve.entities import Resolution
from ..resolve.gazetteer import gazetteer, subdivisions

#: The entity types each kind of relation joins: (subject types, object types).
KIND_TYPES: dict[str, tuple[frozenset[str], frozenset[str]]] = {
    "role": (frozenset({"Person"}), frozenset({"Organization", "Place"})),
    "located_in": (frozenset({"Place"}), frozenset({"Place"})),
    "event": (frozenset({"Person", "Place", "Organization", "Event"}),) * 2,
    "action": (frozenset({"Person", "Place", "Organization", "Event"}),) * 2,
}

RelationKey = tuple[str, str, str, str, bool, str]  # subject, predicate, object, kind, negated, modality


@dataclass
class _Tally:
    count: int = 0
    documents: set[str] = field(default_factory=set)
    evidence: dict[tuple[str, int], Sentence] = field(default_factory=dict)
    rules: set[str] = field(default_factory=set)

    def merged(self) -> tuple[int, tuple[str, ...], tuple[Sentence, ...], tuple[str, ...]]:
        """Count, documents, evidence (in reading order) and rules, as the records hold them."""
        evidence = tuple(self.evidence[k] for k in sorted(self.evidence))
        return self.count, tuple(sorted(self.documents)), evidence, tuple(sorted(self.rules))


class Facts:
    """Collects the statements of the extractions it watches (``watch``), resolved by ``resolution``."""

    def __init__(self, resolution: Resolution, max_evidence: int = DEFAULT_MAX_EVIDENCE, lang: str = "en") -> None:
        self.types = {e.key: e.type for e in resolution.entities}
        self.places = gazetteer(lang, match_key)
        self.subdivision_of = subdivisions(match_key)
        self.administrative = vocabulary(lang).ADMINISTRATIVE_NOUNS
        self.names = {e.key: (e.label, *e.aliases) for e in resolution.entities}
        self.countries: dict[str, str] = {}  # ISO 3166 code -> the most mentioned place entity naming it
        for e in sorted(resolution.entities, key=lambda e: e.mentions):
            codes = {self.places.country.get(match_key(n)) for n in self.names[e.key]} - {None}
            if e.type == "Place" and len(codes) == 1:
                self.countries[codes.pop()] = e.key  # type: ignore[index]
        self.resolution = resolution
        self.max_evidence = max_evidence
        self.tallies: dict[RelationKey, _Tally] = {}
        self.dates: dict[tuple[str, str], _Tally] = {}  # (event, ISO date) -> the sentences stating it
        self.refused = 0

    def watch(self, extractions: Iterable[Extraction]) -> Iterator[Extraction]:
        """Each extraction, passed on after its statements are counted: one pass feeds co-occurrence too."""
        for extraction in extractions:
            for statement in extraction.statements:
                self.add(extraction, statement)
            yield extraction

    def add(self, extraction: Extraction, statement: Statement) -> None:
        if statement.kind == "event_date":
            dated = self.date_of(extraction, statement)
            tally = self.dates.setdefault(dated, _Tally()) if dated else None
        else:
            key = self.key_of(extraction, statement)
            tally = self.tallies.setdefault(key, _Tally()) if key else None
        if tally is None:
            self.refused += 1
            return
        tally.count += 1
        tally.documents.add(extraction.document.doc_id)
        tally.rules.add(statement.rule)
        sentence = extraction.sentences[statement.sentence]
        if len(tally.evidence) < self.max_evidence:
            tally.evidence.setdefault((sentence.doc_id, sentence.index), sentence)

    def key_of(self, extraction: Extraction, statement: Statement) -> RelationKey | None:
        """The statement on the resolved entities, or None where its ends are one entity, or untyped for it."""
        subject = self.resolution.key_of(extraction.mentions[statement.subject])
        if statement.object_name:  # a country its demonym named: the corpus's entity of that country, if any
            obj = self.countries.get(self.places.country.get(match_key(statement.object_name), ""))
        else:
            obj = self.resolution.key_of(extraction.mentions[statement.object])
        if subject is None or obj is None or subject == obj:
            return None
        kind = statement.kind
        if kind in ("action", "event"):  # an action with an event is an event's: "addressed the conference"
            kind = "event" if "Event" in (self.types[subject], self.types[obj]) else "action"
        subjects, objects = KIND_TYPES[kind]
        if self.types[subject] not in subjects or self.types[obj] not in objects:
            return None
        if kind == "located_in" and not self.may_contain(obj, subject, written=statement.rule == "place-in"):
            return None
        return subject, statement.predicate, obj, kind, statement.negated, statement.modality

    def date_of(self, extraction: Extraction, statement: Statement) -> tuple[str, str] | None:
        """(event, ISO date) of an event's date as written, read against its document's date; None where the
        event resolves to no Event or the date to no day, month or year."""
        event = self.resolution.key_of(extraction.mentions[statement.subject])
        date = date_written(statement.object_name, extraction.document.date)
        return (event, date) if event is not None and self.types[event] == "Event" and date else None

    def may_contain(self, outer: str, inner: str, written: bool = False) -> bool:
        """Whether place ``outer`` can contain place ``inner``, by what the gazetteer knows of both
        (``written``: the text says "A in B", so any place but a country may be B)."""
        known = self.places
        outs, intos = ({match_key(n) for n in self.names[key]} for key in (outer, inner))
        if intos & known.country.keys():
            return False
        countries = {known.country[n] for n in outs if n in known.country}
        if countries:
            return all(self.subdivision_of.get(n, c) == c for n in intos for c in countries)
        if self.area(outer):
            return True
        return written and not self.area(inner)  # "for Xizang in Lhasa": a region is in no town

    def area(self, key: str) -> bool:
        """A known subdivision, or a place named with an administrative noun ("Nang County")."""
        names = self.names[key]
        heads = {n.lower().split()[-1] for n in names if n.split()}
        return bool({match_key(n) for n in names} & self.subdivision_of.keys() or heads & self.administrative)

    def relations(self, dates: Mapping[str, str] | None = None) -> list[Relation]:
        """Every relation, sorted by key, with the first and last of its documents' dates (``dates``: doc id
        -> ISO date, where known)."""
        dates = dates or {}
        found = []
        for (subject, predicate, obj, kind, negated, modality), t in sorted(self.tallies.items()):
            dated = sorted(dates[d][:10] for d in t.documents if dates.get(d))  # the day, as edges have it
            seen = (dated[0], dated[-1]) if dated else ("", "")
            found.append(Relation(subject, predicate, obj, kind, *t.merged(), negated, modality, *seen))
        return found

    def event_dates(self) -> list[StatedDate]:
        """Every event's stated dates, sorted by event and date."""
        return [StatedDate(event, date, *t.merged()) for (event, date), t in sorted(self.dates.items())]
