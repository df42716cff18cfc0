"""The graph's shape, in one place: every node, edge and graph attribute with its type (over records.ENTITY_TYPES).

The builders (``graph.build_graph``, ``rdf.from_rdf``) make their records with ``node``, ``edge`` and
``graph_data``; exporters read the names declared here; ``problems`` checks a graph against them, and
tests/test_shape.py checks every exporter. Adding an attribute starts here, and that test names each
exporter that neither writes it nor says why not (``formats.LEAVES_OUT``).
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from typing import TYPE_CHECKING, Any, NotRequired, TypedDict, get_origin, get_type_hints

from ..options import DEFAULT_PERIOD
from ..records import ENTITY_TYPES
from .significance import Significance
from .timeline import Spread

if TYPE_CHECKING:
    import networkx as nx


class Evidence(TypedDict):
    """A sentence behind an edge: its document, its index there, its offsets into the text, and its text."""

    doc: str
    sentence: int
    start: int
    end: int
    text: str


class MergeRecord(TypedDict):
    """Why a surface form belongs to an entity (``model.Merge``): the audit trail behind --explain and gb:merge."""

    alias: str
    rule: str
    detail: str


class NodeData(TypedDict):
    """An entity."""

    label: str
    type: str  # one of ENTITY_TYPES
    aliases: list[str]  # every other surface form merged into it
    mentions: int
    documents: list[str]  # doc ids, sorted
    merges: list[MergeRecord]
    typing: str  # how the type was voted, where the mentions disagreed ("" where they agreed)
    snippets: dict[str, str]  # doc id -> the first sentence naming it, for its first LISTED_DOCUMENTS documents
    first_seen: str  # the earliest date of its documents (ISO 8601 day; "": none is dated)
    last_seen: str
    periods: dict[str, int]  # period ("2017-02") -> mentions then (graph "period": day, week, month or year)
    sources: dict[str, int]  # source -> mentions in its documents
    dates: NotRequired[list[DateData]]  # an event's dates as the text gives them (--relations), earliest first


class RelationData(TypedDict):
    """A typed relation one edge's sentences state, with its direction: merged over the corpus (relate/)."""

    subject: str  # node id
    predicate: str  # the verb's lemma with its particle or preposition, or the role word
    object: str
    kind: str  # role, action, event, located_in
    negated: bool
    modality: str  # "will", "could", "plan", ...: only possible or planned ("": stated as fact)
    count: int  # sentences that state it
    documents: list[str]
    evidence: list[Evidence]
    rules: list[str]  # the rules that read it off the parse
    first_seen: str
    last_seen: str


class DateData(TypedDict):
    """A date the text gives for an event, merged over the corpus (relate/)."""

    date: str  # ISO 8601 to the precision written: "2017-05-25", "2017-05", "2017"
    count: int  # sentences that state it
    documents: list[str]
    evidence: list[Evidence]
    rules: list[str]


class EdgeData(TypedDict):
    """Two entities that co-occur."""

    weight: int
    documents: list[str]
    evidence: list[Evidence]  # at most max_evidence sentences
    first_seen: str  # the earliest date of its documents (ISO 8601 day; "": none is dated)
    last_seen: str
    periods: dict[str, int]  # period -> weight then
    sources: dict[str, int]  # source -> weight in its documents
    association: float  # observed / expected co-occurrences (1: chance); significance.py has all three
    npmi: float  # normalised pointwise mutual information, -1 to 1
    log_likelihood: float  # Dunning's G2, negative below chance: what "top links" rank by
    relations: NotRequired[list[RelationData]]  # built with --relations: what its sentences say links the two


class DocumentData(TypedDict):
    """A source document (its text is not kept)."""

    name: str
    title: str
    path: str
    date: str  # ISO 8601 ("": unknown)
    source: str  # who published it ("": unknown)
    url: str
    author: str
    properties: dict[str, str]  # its record's other fields


def document(
    name: str,
    title: str,
    path: str = "",
    date: str = "",
    source: str = "",
    url: str = "",
    author: str = "",
    properties: Mapping[str, str] | None = None,
) -> DocumentData:
    """A document's attributes, every one of them set."""
    return DocumentData(
        name=name,
        title=title,
        path=path,
        date=date,
        source=source,
        url=url,
        author=author,
        properties=dict(properties or {}),
    )


class GraphData(TypedDict, total=False):
    """The graph's own attributes (``graph.graph``)."""

    documents: dict[str, DocumentData]  # doc id -> document
    window: str  # the co-occurrence window
    period: str  # what "periods" counts by: day, week, month or year
    dropped: list[str]  # names dropped, and why
    notes: list[str]  # what the resolver or the aliases file had to say
    repaired: int  # documents whose mojibake or lost letters were repaired
    damaged: int  # documents still holding U+FFFD
    parsed: int  # documents parsed in this run (RUN_ONLY)
    processes: int  # parse processes of this run (RUN_ONLY)
    base_iri: str  # the base of the RDF outputs' IRIs (RUN_ONLY: the files carry it in every IRI)


NODE_ATTRIBUTES: tuple[str, ...] = tuple(NodeData.__annotations__)
EDGE_ATTRIBUTES: tuple[str, ...] = tuple(EdgeData.__annotations__)
#: Attributes only some graphs have (NotRequired above), built with --relations: an edge's relations, a dated event's dates.
OPTIONAL: frozenset[str] = frozenset({"relations", "dates"})
GRAPH_ATTRIBUTES: tuple[str, ...] = tuple(GraphData.__annotations__)
#: An edge's measures of significance (graph/significance.py), in the order the files write them.
STRENGTH: tuple[str, ...] = ("association", "npmi", "log_likelihood")
#: Graph attributes about one run or about how the files are written, not about the graph: files that
#: hold graph attributes leave them out, so a cached rebuild writes the same bytes.
RUN_ONLY: tuple[str, ...] = ("parsed", "processes", "base_iri")


def _value_types(record: type) -> dict[str, type]:
    """Attribute -> the Python type of its value (``list`` for ``list[str]``), from a TypedDict's hints."""
    return {name: get_origin(hint) or hint for name, hint in get_type_hints(record).items()}


_TYPES = {**_value_types(NodeData), **_value_types(EdgeData)}


def node(
    label: str,
    type: str,
    aliases: Iterable[str] = (),
    mentions: int = 0,
    documents: Iterable[str] = (),
    merges: Iterable[MergeRecord] = (),
    typing: str = "",
    snippets: Mapping[str, str] | None = None,
    seen: Spread | None = None,
) -> NodeData:
    """An entity's attributes, every one of them set (``seen``: its mentions over time and sources)."""
    seen = seen or Spread()
    return NodeData(
        label=label,
        type=type,
        aliases=list(aliases),
        mentions=mentions,
        documents=list(documents),
        merges=list(merges),
        typing=typing,
        snippets=dict(sorted((snippets or {}).items())),
        first_seen=seen.first_seen,
        last_seen=seen.last_seen,
        periods=dict(seen.periods),
        sources=dict(seen.sources),
    )


def edge(
    weight: int,
    documents: Iterable[str],
    evidence: Iterable[Evidence],
    seen: Spread | None = None,
    strength: Significance | None = None,
) -> EdgeData:
    """A co-occurrence's attributes (``seen``: its weight over time and sources; ``strength``: beyond chance)."""
    seen = seen or Spread()
    strength = strength or Significance()
    return EdgeData(
        weight=weight,
        documents=list(documents),
        evidence=list(evidence),
        first_seen=seen.first_seen,
        last_seen=seen.last_seen,
        periods=dict(seen.periods),
        sources=dict(seen.sources),
        association=strength.association,
        npmi=strength.npmi,
        log_likelihood=strength.log_likelihood,
    )


def graph_data(
    documents: Mapping[str, DocumentData],
    window: str,
    dropped: Iterable[str] = (),
    notes: Iterable[str] = (),
    repaired: int = 0,
    damaged: int = 0,
    period: str = DEFAULT_PERIOD,
) -> GraphData:
    """The graph's own attributes, in the order the files write them."""
    return GraphData(
        window=window,
        period=period,
        dropped=list(dropped),
        notes=list(notes),
        repaired=repaired,
        damaged=damaged,
        documents=dict(documents),
    )


def problems(graph: nx.Graph) -> list[str]:
    """What in ``graph`` departs from the shape: a missing, unknown or wrongly typed attribute (empty: none)."""
    found = []
    for key, data in graph.nodes(data=True):
        found += _record_problems(f"node {key!r}", data, NODE_ATTRIBUTES)
        if data.get("type") not in ENTITY_TYPES:
            found.append(f"node {key!r}: type {data.get('type')!r} is not one of {', '.join(ENTITY_TYPES)}")
    for a, b, data in graph.edges(data=True):
        found += _record_problems(f"edge {a!r}-{b!r}", data, EDGE_ATTRIBUTES)
        found += [
            f"edge {a!r}-{b!r}: evidence {e!r} has not the keys {', '.join(Evidence.__annotations__)}"
            for e in data.get("evidence", [])
            if set(e) != set(Evidence.__annotations__)
        ]
    unknown = set(graph.graph) - set(GRAPH_ATTRIBUTES)
    found += [f"graph attribute {name!r} is not declared" for name in sorted(unknown)]
    return found


def _record_problems(what: str, data: Mapping[str, Any], names: tuple[str, ...]) -> list[str]:
    found = [f"{what}: no {name!r}" for name in names if name not in data and name not in OPTIONAL]
    found += [f"{what}: {name!r} is not declared" for name in data if name not in names]
    found += [
        f"{what}: {name!r} is a {type(value).__name__}, not a {_TYPES[name].__name__}"
        for name, value in data.items()
        if name in _TYPES and not isinstance(value, _TYPES[name])
    ]
    return found
