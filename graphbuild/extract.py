"""Run the spaCy pipeline over documents in batches and keep every mention with its offsets.

Paragraphs of all documents stream through ``nlp.pipe`` together; an ``Extraction`` is yielded as
soon as the last paragraph of its document is parsed, so no list of parsed Docs is ever held.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator

from spacy.language import Language
from spacy.tokens import Span

from .clean import is_headline
from .components import EVENTS_KEY
from .model import Document, Extraction, Mention, Sentence

#: spaCy labels graphbuild keeps, and the entity type each becomes. Everything else is dropped.
LABEL_TYPES = {
    "PERSON": "Person",
    "GPE": "Place",
    "LOC": "Place",
    "FAC": "Place",
    "ORG": "Organization",
    "EVENT": "Event",
}

_LEADING = {"the", "a", "an"}
_TRAILING = {"'s", "’s", "'", "’"}
_QUOTES = "\"'“”‘’()[]{}<>"


def extract(
    nlp: Language, documents: Iterable[Document], batch_size: int = 32, jobs: int = 1
) -> Iterator[Extraction]:
    """Yield one Extraction per document, in input order (``jobs`` > 1: spaCy worker processes)."""
    queue: list[Document] = []

    def paragraphs() -> Iterator[tuple[str, tuple[int, int]]]:
        for doc in documents:
            queue.append(doc)
            for index, text in enumerate(doc.paragraphs):
                yield text, (len(queue) - 1, index)

    current: _DocumentBuilder | None = None
    for parsed, (position, para_index) in nlp.pipe(
        paragraphs(), as_tuples=True, batch_size=batch_size, n_process=jobs
    ):
        if current is None or current.position != position:
            current = _DocumentBuilder(queue[position], position)
        current.add(para_index, parsed)
        if para_index == len(current.document.paragraphs) - 1:
            queue[position] = None  # type: ignore[call-overload]  # free the text as we go
            yield current.finish()


class _DocumentBuilder:
    """Collects the sentences and mentions of one document, paragraph by paragraph."""

    def __init__(self, document: Document, position: int) -> None:
        self.document = document
        self.position = position
        self.starts = document.paragraph_starts()
        self.sentences: list[Sentence] = []
        self.mentions: list[Mention] = []
        self.n_tokens = 0

    def add(self, para_index: int, parsed) -> None:
        offset = self.starts[para_index]
        doc_id = self.document.doc_id
        sentence_of_token = {}
        for sent in parsed.sents:
            index = len(self.sentences)
            self.sentences.append(
                Sentence(doc_id, index, para_index, offset + sent.start_char, offset + sent.end_char, sent.text)
            )
            sentence_of_token[sent.start] = index
        paragraph_text = parsed.text  # Doc.text joins every token: build it once, not once per entity
        headline = is_headline(paragraph_text)
        events = list(parsed.spans[EVENTS_KEY]) if EVENTS_KEY in parsed.spans else []
        for ent in entity_spans(parsed, events):
            entity_type = LABEL_TYPES.get(ent.label_)
            cleaned = clean_span(ent, paragraph_text)
            if entity_type is None or cleaned is None:
                continue
            text, start, end = cleaned
            self.mentions.append(
                Mention(doc_id, para_index, sentence_of_token[ent.sent.start], offset + start, offset + end,
                        self.n_tokens + ent.start, text, ent.label_, entity_type, headline,
                        _inside(ent, events))
            )
        self.n_tokens += len(parsed)

    def finish(self) -> Extraction:
        return Extraction(self.document, tuple(self.sentences), tuple(self.mentions), self.n_tokens)


def entity_spans(doc, events: list[Span]) -> list[Span]:
    """NER's entities plus the events the rules found; an event found both ways is kept once, longest."""
    ents = [e for e in doc.ents if not (e.label_ == "EVENT" and _inside(e, events))]
    return sorted(ents + events, key=lambda s: (s.start, -s.end))


def _inside(span: Span, events: list[Span]) -> bool:
    """Strictly inside a longer event name."""
    return any(v.start <= span.start and span.end <= v.end and len(v) > len(span) for v in events)


def clean_span(span: Span, doc_text: str | None = None) -> tuple[str, int, int] | None:
    """The name in a span without a leading article, a possessive, edge punctuation or quotes.

    Returns the cleaned text and its character offsets in the span's Doc, or None if nothing
    name-like is left.
    """
    tokens = list(span)
    opened = [i for i, t in enumerate(tokens) if t.text == "("]
    if opened and not any(t.text == ")" for t in tokens[opened[-1]:]):
        tokens = tokens[:opened[-1]]  # "World Health Organization (WHO": the acronym is its own mention
    while tokens and tokens[0].lower_ in _LEADING:
        tokens.pop(0)
    while tokens and (tokens[-1].text in _TRAILING or tokens[-1].is_punct):
        tokens.pop()
    while tokens and tokens[0].is_punct:
        tokens.pop(0)
    if not tokens:
        return None
    doc_text = span.doc.text if doc_text is None else doc_text
    start, end = tokens[0].idx, tokens[-1].idx + len(tokens[-1].text)
    while start < end and doc_text[start] in _QUOTES:
        start += 1
    while end > start and doc_text[end - 1] in _QUOTES:
        end -= 1
    text = " ".join(doc_text[start:end].split())
    if not any(c.isalpha() for c in text):
        return None
    return text, start, end
