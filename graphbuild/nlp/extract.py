"""Run the spaCy pipeline over documents in batches and keep every mention with its offsets, and (with
relations) what the sentences state between them (``relations`` has the rules, this module runs them).

Paragraphs of all documents stream through ``nlp.pipe`` together; an ``Extraction`` is yielded as
soon as the last paragraph of its document is parsed, so no list of parsed Docs is ever held.
"""

from __future__ import annotations

import re
from collections import defaultdict
from collections.abc import Iterable, Iterator, Sequence
from typing import NamedTuple

from spacy.language import Language
from spacy.tokens import Doc, Span

from ..ingest.clean import is_headline
from ..lang import vocabulary
from ..records import Document, Extraction, Mention, Sentence, Statement
from .components import DATELINE_KEY, EVENTS_KEY, BatchComponent
from .relations import FoundRelation, Parsed, relations

#: spaCy labels graphbuild keeps, and the entity type each becomes. Everything else is dropped.
LABEL_TYPES = {
    "PERSON": "Person",
    "GPE": "Place",
    "LOC": "Place",
    "FAC": "Place",
    "ORG": "Organization",
    "EVENT": "Event",
}

SUMMARY_KEY = "graphbuild"


class FoundMention(NamedTuple):
    """A cleaned mention of one parsed paragraph: offsets in the paragraph, its first token, its sentence."""

    text: str
    start: int
    end: int
    token: int
    label: str
    sentence: int  # index among the paragraph's sentences
    nested: bool  # strictly inside a longer event name


class ParagraphSummary(NamedTuple):
    """What the last component keeps of a parsed paragraph (``doc.user_data[SUMMARY_KEY]``)."""

    sentences: list[tuple[int, int]]  # character offsets of each sentence in the paragraph
    mentions: list[FoundMention]
    headline: bool
    tokens: int
    relations: list[FoundRelation]  # indices into ``mentions``


def extract(nlp: Language, documents: Iterable[Document], batch_size: int) -> Iterator[Extraction]:
    """Yield one Extraction per document, in input order, parsed in this process (parallel.py: in several);
    ``batch_size`` paragraphs go to spaCy at a time (the default is ``options.DEFAULT_BATCH_SIZE``)."""
    queue: list[Document] = []

    def paragraphs() -> Iterator[tuple[str, tuple[int, int]]]:
        for doc in documents:
            queue.append(doc)
            for index, text in enumerate(doc.paragraphs):
                yield text, (len(queue) - 1, index)

    current: _DocumentBuilder | None = None
    for parsed, (position, para_index) in nlp.pipe(paragraphs(), as_tuples=True, batch_size=batch_size):
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
        self.statements: list[Statement] = []
        self.n_tokens = 0

    def add(self, para_index: int, parsed) -> None:
        """Turn one parsed paragraph's summary (made by the graphbuild_mentions component) into records."""
        offset = self.starts[para_index]
        paragraph = self.document.paragraphs[para_index]
        doc_id = self.document.doc_id
        first, first_mention = len(self.sentences), len(self.mentions)
        summary: ParagraphSummary = parsed.user_data[SUMMARY_KEY]
        for start, end in summary.sentences:
            self.sentences.append(
                Sentence(doc_id, len(self.sentences), para_index, offset + start, offset + end, paragraph[start:end])
            )
        for m in summary.mentions:
            self.mentions.append(
                Mention(
                    doc_id,
                    para_index,
                    first + m.sentence,
                    offset + m.start,
                    offset + m.end,
                    self.n_tokens + m.token,
                    m.text,
                    m.label,
                    LABEL_TYPES[m.label],
                    summary.headline,
                    m.nested,
                )
            )
        for r in summary.relations:
            subject, obj = first_mention + r.subject, first_mention + r.object if r.object >= 0 else -1
            sentence = self.mentions[subject].sentence
            self.statements.append(
                Statement(sentence, subject, obj, r.predicate, r.kind, r.rule, r.negated, r.modality, r.object_name)
            )
        self.n_tokens += summary.tokens

    def finish(self) -> Extraction:
        return Extraction(
            self.document, tuple(self.sentences), tuple(self.mentions), self.n_tokens, tuple(self.statements)
        )


@Language.factory(
    "graphbuild_mentions",
    requires=["doc.ents", "token.is_sent_start"],
    assigns=["doc.user_data"],
    default_config={"relations": False},
)
def make_mentions(nlp: Language, name: str, relations: bool) -> MentionSummariser:
    return MentionSummariser(nlp, relations)


class MentionSummariser(BatchComponent):
    """The last pipeline component: each paragraph's sentences and cleaned mentions as plain lists in
    ``doc.user_data``, so that with --jobs this work happens in the worker processes; with ``relations``,
    also the relations its sentences state (``nlp.relations``), their sentences parsed a batch at a time."""

    def __init__(self, nlp: Language, relations: bool) -> None:
        self.nlp = nlp
        self.relations = relations

    def batch(self, docs: list[Doc]) -> list[Doc]:
        summaries = [summarise_mentions(doc) for doc in docs]
        if self.relations:
            spans = [
                [MentionSpan(m.start, m.end, m.sentence, LABEL_TYPES[m.label]) for m in s.mentions] for s in summaries
            ]
            found = paragraph_relations(self.nlp, docs, spans)
            summaries = [s._replace(relations=r) for s, r in zip(summaries, found)]
        for doc, summary in zip(docs, summaries):
            doc.user_data[SUMMARY_KEY] = summary
        return docs


def summarise_mentions(doc: Doc) -> ParagraphSummary:
    """A parsed paragraph's sentences and cleaned mentions."""
    text = doc.text  # Doc.text joins every token: build it once, not once per entity
    events = list(doc.spans[EVENTS_KEY]) if EVENTS_KEY in doc.spans else []
    sentence_of_token = {sent.start: i for i, sent in enumerate(doc.sents)}
    mentions: list[FoundMention] = []
    for ent in entity_spans(doc, events):
        cleaned = clean_span(ent, text) if ent.label_ in LABEL_TYPES else None
        if cleaned is not None:
            name, start, end = cleaned
            mentions.append(
                FoundMention(
                    name, start, end, ent.start, ent.label_, sentence_of_token[ent.sent.start], _inside(ent, events)
                )
            )
    return ParagraphSummary(
        [(sent.start_char, sent.end_char) for sent in doc.sents], mentions, is_headline(text), len(doc), []
    )


def entity_spans(doc, events: list[Span]) -> list[Span]:
    """NER's entities plus the events (``EventFinder``'s, which hold NER's own events, trimmed, where it
    ran); an event found both ways is kept once, longest."""
    found = EVENTS_KEY in doc.spans
    ents = [e for e in doc.ents if not (e.label_ == "EVENT" and (found or _inside(e, events)))]
    return sorted(ents + events, key=lambda s: (s.start, -s.end))


def _inside(span: Span, events: list[Span]) -> bool:
    """Strictly inside a longer event name."""
    return any(v.start <= span.start and span.end <= v.end and len(v) > len(span) for v in events)


def clean_span(span: Span, doc_text: str) -> tuple[str, int, int] | None:
    """The name in a span without a leading article, a possessive, edge punctuation, quotes or debris.

    Returns the cleaned text and its character offsets in the span's Doc, or None if nothing
    name-like is left (or the span is a handle or a web address, which is not an entity).
    """
    tokens = list(span)
    opened = [i for i, t in enumerate(tokens) if t.text == "("]
    if opened and not any(t.text == ")" for t in tokens[opened[-1] :]):
        tokens = tokens[: opened[-1]]  # "World Health Organization (WHO": the acronym is its own mention
    words = vocabulary()
    while tokens and tokens[0].lower_ in words.ARTICLES:
        tokens.pop(0)
    while tokens and (tokens[-1].text in words.POSSESSIVE_ENDINGS or tokens[-1].is_punct):
        tokens.pop()
    while tokens and tokens[0].is_punct:
        tokens.pop(0)
    if not tokens:
        return None
    start, end = tokens[0].idx, tokens[-1].idx + len(tokens[-1].text)
    return clean_name(doc_text, start, end)


def clean_name(text: str, start: int, end: int) -> tuple[str, int, int] | None:
    """The name in ``text[start:end]`` with debris cut: nothing from a stray quote or "?" on ("ABC News"?0/20"),
    no leading or trailing punctuation ("?ABC News", "Al Jazeera.-"), no unpaired bracket ("Donald] Trump").
    Handles ("@name") and web addresses are not names: None."""
    name = text[start:end]
    if _NOT_A_NAME.search(name):
        return None
    cut = _DEBRIS.search(name, 1)
    start, end = _strip_edges(text, start, start + cut.start() if cut else end)
    if text.count('"', start, end) % 2:  # an unpaired quote: the name stops there
        start, end = _strip_edges(text, start, text.rindex('"', start, end))
    if "/" in text[start:end]:
        start, end = _credit_part(text, start, end)
    name = " ".join(_unpaired_brackets(text[start:end]).split())
    if not any(c.isupper() for c in name):  # "us", "the internet": no capital, no name
        return None
    return name, start, end


def _credit_part(text: str, start: int, end: int) -> tuple[int, int]:
    """ "ipj/rt-Reuters" -> "Reuters", "TASS/.-Kremlin" -> "Kremlin": credit lines glue agency initials and
    names with slashes; the name is the longest part with a capital ("AC/DC" stays whole)."""
    name = text[start:end]
    if all(re.fullmatch(r"[A-Z0-9][\w.&'-]*", part) for part in name.split("/")):
        return start, end
    parts, pos = [], start
    for part in name.split("/"):
        rest = _CREDIT_LEAD.sub("", part, count=1)  # "rt-Reuters" -> "Reuters"
        parts.append((pos + len(part) - len(rest), pos + len(part)))
        pos += len(part) + 1
    capitalised = [(s, e) for s, e in parts if any(c.isupper() for c in text[s:e])]
    return _strip_edges(text, *max(capitalised or parts, key=lambda se: se[1] - se[0]))


def _strip_edges(text: str, start: int, end: int) -> tuple[int, int]:
    while start < end and not text[start].isalnum():
        start += 1
    while end > start and not text[end - 1].isalnum() and not _kept_end(text[start:end]):
        end -= 1
    return start, end


#: What a part of a credit line has before its name: punctuation and agency initials ("rt-" in "rt-Reuters").
_CREDIT_LEAD = re.compile(r"^[^A-Za-z]*(?:[a-z]+-(?=[A-Z]))?")
#: A handle, a web or mail address: not an entity.
_NOT_A_NAME = re.compile(r"^@|@\w|://|\bwww\.|\.(?:com|org|net|gov|co\.uk)/")
#: Where a name stops: a question mark, a bar or backslash, a spaced dash or slash.
_DEBRIS = re.compile(r"[?|\\]|\s[-/]\s?")
_ABBREVIATION_END = re.compile(r"(?:^|\s)(?:\w\.){2,}$|\.\w\.$")


def _kept_end(name: str) -> bool:
    """A closing bracket of a pair, or the full stop of an abbreviation ("U.S.", "Jr.") ends a name."""
    if name.endswith(")"):
        return name.count("(") == name.count(")")
    if name.endswith("."):
        last = name[:-1].rsplit(" ", 1)[-1].casefold()
        return bool(_ABBREVIATION_END.search(name)) or last in vocabulary().ABBREVIATIONS
    return False


def _unpaired_brackets(name: str) -> str:
    """ "Donald] Trump" -> "Donald Trump": square and curly brackets never belong to a name unless paired."""
    for left, right in ("[]", "{}", "()"):
        if name.count(left) != name.count(right):
            name = name.replace(left, "").replace(right, "")
    return name


class MentionSpan(NamedTuple):
    """A mention as the relation rules need it: character offsets in its paragraph, sentence, entity type."""

    start: int
    end: int
    sentence: int  # index among the paragraph's sentences
    type: str


#: The components a relation's sentence is parsed with, where the pipeline did not run them on all text.
PARSE = ("tok2vec", "tagger", "parser", "attribute_ruler", "lemmatizer")


def paragraph_relations(
    nlp: Language, docs: Sequence[Doc], mentions: Sequence[list[MentionSpan]]
) -> list[list[FoundRelation]]:
    """The relations each paragraph states (indices into its ``mentions``): only the sentences that hold two
    mentions or more are parsed, all of them at once, one call per component (the parse is what costs)."""
    todo = []
    for n, (doc, spans) in enumerate(zip(docs, mentions)):
        by_sentence: dict[int, list[int]] = defaultdict(list)
        datelines = {s.start_char for s in doc.spans[DATELINE_KEY]} if DATELINE_KEY in doc.spans else set()
        for i, span in enumerate(spans):
            if span.start not in datelines:  # "MOSCOW, February 7. /TASS/.": no end of what the sentence says
                by_sentence[span.sentence].append(i)
        peoples = [e.start for e in doc.ents if e.label_ == "NORP"]  # a demonym may name the other end
        days = [e.start for e in doc.ents if e.label_ == "DATE"]  # and a date an event's
        within = lambda sent, starts: any(sent.start <= i < sent.end for i in starts)
        for s, sent in enumerate(doc.sents):
            ends = by_sentence[s]
            events = any(spans[i].type == "Event" for i in ends)
            if len(ends) > 1 or (ends and within(sent, peoples)) or (events and within(sent, days)):
                todo.append((n, sent, ends))
    parsed = parse_sentences(nlp, [sent.as_doc() for _, sent, _ in todo])
    found: list[list[FoundRelation]] = [[] for _ in docs]
    for (n, sent, indices), sub in zip(todo, parsed):
        spans = mentions[n]
        longest_last = sorted(indices, key=lambda i: spans[i].end - spans[i].start)  # a name inside an event's is its
        mention_of = {
            t.i: i for i in longest_last for t in sub if spans[i].start <= t.idx + sent.start_char < spans[i].end
        }
        found[n] += relations(Parsed(sub, mention_of, {i: mentions[n][i].type for i in indices}))
    return found


def parse_sentences(nlp: Language, docs: list[Doc]) -> list[Doc]:
    """``docs`` through each of ``PARSE`` the model has and the pipeline left out of its run."""
    for name in PARSE:
        if docs and name in nlp.component_names and name not in nlp.pipe_names:
            component = nlp.get_pipe(name)
            docs = list(component.pipe(docs, batch_size=len(docs)))  # type: ignore[attr-defined]
    return docs
