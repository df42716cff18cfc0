"""The records that flow between pipeline stages: small, frozen, and testable by hand.

Document -> (extract) -> Sentence, Mention, Statement -> (resolve) -> Entity -> (relate) -> Relation
-> (cooccur) -> Edge
"""

from __future__ import annotations

from dataclasses import dataclass, field

#: The four entity types graphbuild keeps, in display order (also schema.org's class names).
ENTITY_TYPES: tuple[str, ...] = ("Person", "Place", "Organization", "Event")

__all__ = [
    "ENTITY_TYPES",
    "UNPARSED",
    "Document",
    "Edge",
    "Entity",
    "Extraction",
    "Mention",
    "Merge",
    "Relation",
    "Sentence",
    "Statement",
]


@dataclass(frozen=True)
class Document:
    """One source text, already split into paragraphs (one per non-empty line).

    ``text`` is the paragraphs joined by newlines; every offset downstream points into it.
    """

    doc_id: str
    name: str
    paragraphs: tuple[str, ...]
    path: str = ""
    title: str = ""  # the first paragraph unless the cleaner found a better one
    repaired: bool = False  # mojibake (ftfy) or lost letters (ingest/letters.py) were repaired when it was read
    damaged: bool = False  # still holds U+FFFD: characters lost before it was read, not restored
    date: str = ""  # when it was published: ISO 8601, "2017-02-07" or "2016-12-30T07:11:00" ("": unknown)
    source: str = ""  # who published it (an outlet, a publisher; by default the URL's host)
    url: str = ""
    author: str = ""
    properties: tuple[tuple[str, str], ...] = ()  # every other field of its record (a CSV's other columns)

    def __post_init__(self) -> None:
        if not self.title and self.paragraphs:
            object.__setattr__(self, "title", self.paragraphs[0])

    @property
    def text(self) -> str:
        return "\n".join(self.paragraphs)

    def paragraph_starts(self) -> list[int]:
        """Character offset of each paragraph in ``text``."""
        starts, pos = [], 0
        for para in self.paragraphs:
            starts.append(pos)
            pos += len(para) + 1
        return starts


@dataclass(frozen=True)
class Sentence:
    """A sentence of a document: the unit of evidence."""

    doc_id: str
    index: int  # position of the sentence in its document
    paragraph: int
    start: int  # character offsets into Document.text
    end: int
    text: str


@dataclass(frozen=True)
class Mention:
    """One occurrence of a name in a document, as the extractor found it."""

    doc_id: str
    paragraph: int
    sentence: int  # Sentence.index
    start: int  # character offsets into Document.text
    end: int
    token: int  # index of the first token in the document (for token windows)
    text: str  # the cleaned surface form ("Wang Huning", not "the Wang Huning's")
    label: str  # the spaCy label (PERSON, GPE, ...)
    type: str  # one of ENTITY_TYPES
    headline: bool = False  # found in a Title Case headline, where capitals prove nothing
    nested: bool = False  # inside a longer event name ("Democratic Reform" in "60th anniversary of ...")


@dataclass(frozen=True)
class Statement:
    """A typed relation as one sentence states it, between two of its document's mentions (``nlp.relations``)."""

    sentence: int  # Sentence.index
    subject: int  # index of the subject's mention in Extraction.mentions
    object: int
    predicate: str  # the verb's lemma with its particle or preposition ("meet with"), or the role word
    kind: str  # role, action, event, located_in; event_date: an event's date, as written, in object_name
    rule: str  # the rule that read it off the parse
    negated: bool = False
    modality: str = ""  # the modal or governing verb where it is only possible or planned ("will", "plan")
    object_name: str = ""  # a country named by its demonym only ("Russian President ..."), or the date: object is -1


#: ``Extraction.n_tokens`` of a document that could not be parsed (on a Dask worker): kept, never cached.
UNPARSED = -1


@dataclass(frozen=True)
class Extraction:
    """What the extractor yields for one document: its sentences and mentions."""

    document: Document
    sentences: tuple[Sentence, ...]
    mentions: tuple[Mention, ...]
    n_tokens: int
    statements: tuple[Statement, ...] = ()


@dataclass(frozen=True)
class Merge:
    """Why one surface form belongs to an entity: the rule that merged it, and a readable detail."""

    alias: str
    rule: str  # a resolution rule's name ("short-name-corpus", "acronym-initials", ...)
    detail: str = ""


@dataclass(frozen=True)
class Entity:
    """One node of the graph: all the mentions resolved to the same thing."""

    key: str  # "person/wang-huning": unique, stable, used for node ids and IRIs
    label: str
    type: str
    aliases: tuple[str, ...] = ()  # every other surface form merged into this entity
    mentions: int = 0
    documents: tuple[str, ...] = ()
    merges: tuple[Merge, ...] = field(default=(), compare=False)  # why each alias was merged (audit)
    typing: str = field(default="", compare=False)  # how the type was voted, where the mentions disagreed
    per_document: tuple[tuple[str, int], ...] = field(default=(), compare=False)  # (doc id, mentions there)


@dataclass(frozen=True)
class Relation:
    """A typed, directed relation between two entities, merged over every sentence that states it."""

    subject: str  # Entity.key
    predicate: str
    object: str
    kind: str
    count: int
    documents: tuple[str, ...]
    evidence: tuple[Sentence, ...]
    rules: tuple[str, ...]
    negated: bool = False
    modality: str = ""
    first_seen: str = ""  # the first and last date of its documents, where they are dated
    last_seen: str = ""


@dataclass(frozen=True)
class StatedDate:
    """A date the text gives for an event ("the summit on May 25, 2017"), merged over every sentence that
    states it."""

    entity: str  # Entity.key of the event
    date: str  # ISO 8601 to the precision written: "2017-05-25", "2017-05", "2017"
    count: int
    documents: tuple[str, ...]
    evidence: tuple[Sentence, ...]
    rules: tuple[str, ...]


@dataclass(frozen=True)
class Edge:
    """Two entities that co-occur, with how often and where."""

    source: str  # Entity.key, source < target
    target: str
    weight: int
    documents: tuple[str, ...]
    evidence: tuple[Sentence, ...]
    per_document: tuple[tuple[str, int], ...] = field(default=(), compare=False)  # (doc id, weight there)
    #: the windows holding the source, the target, and all windows: what its significance is measured against
    occurrences: tuple[int, int, int] = field(default=(0, 0, 0), compare=False)
