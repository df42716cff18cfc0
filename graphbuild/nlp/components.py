"""spaCy pipeline components that fix what the statistical NER gets wrong on news text.

Each is small, named, registered with spaCy and testable alone on a hand-made sentence:

- ``graphbuild_credits`` (before ``ner``): a photo credit "(Agency/Photographer Name)" is an
  organization and a person, not one organization.
- ``graphbuild_datelines`` (after ``ner``): the place in a capitalised dateline ("LHASA, Aug. 29 --",
  "NAIROBI 2017-02-07", "PARIS (Reuters) -") is a place, whatever label NER gave it.
- ``graphbuild_groups`` (after ``ner``): names listed before "people", "ethnic groups", ... are
  peoples (NORP), not persons or places.
- ``graphbuild_events`` (after ``ner``): named events NER misses, found by their head noun (conference,
  anniversary, summit, ...) and grown along the dependency parse of their sentence to cover the whole
  name. They go to ``doc.spans["graphbuild_events"]``, so the names inside them stay entities too.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Iterator
from functools import lru_cache

import numpy
from spacy.attrs import LOWER
from spacy.language import Language
from spacy.matcher import Matcher
from spacy.pipeline import Pipe
from spacy.strings import get_string_id
from spacy.tokens import Doc, Span
from spacy.util import filter_spans, minibatch

from ..lang import alternation, vocabulary

EVENTS_KEY = "graphbuild_events"
#: Where ``graphbuild_datelines`` keeps the dateline it found: a place that is no part of the sentence.
DATELINE_KEY = "graphbuild_dateline"

#: Dependents that name the event on the left ("fourth work conference", "Cairo summit").
_LEFT = {"amod", "compound", "nummod", "nmod", "npadvmod", "quantmod"}
#: Dependents never part of a name: other conjuncts, clauses, appositions, punctuation.
_NOT_NAME = {"conj", "cc", "appos", "relcl", "acl", "advcl", "punct", "preconj"}
#: Punctuation between the names of a list ("Monpa, Lhopa & Sherpa").
_LIST_PUNCT = frozenset({",", "&"})
#: Punctuation that ends a clause: a name's words are on one side of it.
_CLAUSE_PUNCT = frozenset({",", ";", ":", "(", ")", "--", "—", ".", "?", "!"})
_YEAR = re.compile(r"^(1[89]|20)\d\d$")
#: A month, as a dateline writes it ("Aug.", "August", "SEPT").
_MONTH = re.compile(rf"^(?:{alternation(vocabulary().MONTHS)})[a-z]*\.?$", re.IGNORECASE)


@Language.factory("graphbuild_credits", assigns=["doc.ents"])
def make_credits(nlp: Language, name: str) -> CreditSplitter:
    return CreditSplitter(nlp)


class CreditSplitter:
    """(Agency/Name Surname) at the end of a caption -> Agency: ORG, Name Surname: PERSON."""

    def __init__(self, nlp: Language) -> None:
        self.matcher = Matcher(nlp.vocab)
        title = {"IS_TITLE": True, "IS_ALPHA": True}
        self.matcher.add(
            "CREDIT",
            [[{"ORTH": "("}, {**title, "OP": "{1,4}"}, {"ORTH": "/"}, {**title, "OP": "{1,3}"}, {"ORTH": ")"}]],
        )

    def __call__(self, doc: Doc) -> Doc:
        found = []
        for _, start, end in self.matcher(doc):
            slash = next(i for i in range(start, end) if doc[i].text == "/")
            found += [Span(doc, start + 1, slash, label="ORG"), Span(doc, slash + 1, end - 1, label="PERSON")]
        if found:
            keep = [e for e in doc.ents if not any(e.start < f.end and f.start < e.end for f in found)]
            doc.set_ents(filter_spans(keep + found))
        return doc


@Language.component("graphbuild_datelines", requires=["doc.ents"], assigns=["doc.ents", "doc.spans"])
def fix_datelines(doc: Doc) -> Doc:
    """A capitalised dateline's place: "LHASA, Aug. 29, 2024 --", "NAIROBI 2017-02-07", "PARIS (Reuters) -":
    the capitalised words at the start, before a comma and a date, before a date, or before an agency in
    brackets."""
    end = next((t.i for t in doc[:6] if not (t.is_upper and t.is_alpha)), None)
    if not end or end + 1 >= len(doc):
        return doc
    mark, after = doc[end], doc[end + 1]
    dated = mark.text == "," and (
        _MONTH.match(after.text) or after.like_num or after.text.lower() in vocabulary().WEEKDAYS
    )
    agency = mark.text == "(" and after.is_title and any(t.text == ")" for t in doc[end + 2 : end + 6])
    if dated or agency or _YEAR.match(mark.text[:4]):
        place = Span(doc, 0, end, label="GPE")
        keep = [e for e in doc.ents if e.start >= end]
        doc.set_ents([place, *keep])
        doc.spans[DATELINE_KEY] = [place]
    return doc


@Language.component("graphbuild_groups", requires=["doc.ents"], assigns=["doc.ents"])
def fix_groups(doc: Doc) -> Doc:
    """ "Monpa, Lhopa, Sherpa, and Deng people": the listed names are peoples (NORP)."""
    words = vocabulary()
    drop = set()
    for index in _positions(doc, words.GROUP_NOUNS):
        i = index - 1
        while i >= 0 and (_capitalised(doc[i]) or doc[i].text in _LIST_PUNCT or doc[i].text in words.CONJUNCTIONS):
            drop.add(i)
            i -= 1
    if drop:
        doc.set_ents([e for e in doc.ents if not all(t.i in drop or t.is_punct for t in e)])
    return doc


class BatchComponent:
    """A component that works on a batch of Docs at once (``batch``): what it parses costs per call."""

    def __call__(self, doc: Doc) -> Doc:
        return self.batch([doc])[0]

    def pipe(self, docs: Iterable[Doc], batch_size: int = 128) -> Iterator[Doc]:
        for batch in minibatch(docs, batch_size):
            yield from self.batch(batch)

    def batch(self, docs: list[Doc]) -> list[Doc]:
        raise NotImplementedError


@Language.factory("graphbuild_events", requires=["doc.ents", "token.is_sent_start"], assigns=["doc.spans"])
def make_events(nlp: Language, name: str) -> EventFinder:
    return EventFinder(nlp)


class EventFinder(BatchComponent):
    """Named events by head noun; the span grows over the name's modifiers and "of/on/for" objects.

    With the parser on (``--model`` pipelines without a ``senter``), every sentence's parse is read. In
    the lean pipeline (``nlp.lean``: ``senter`` + ``ner``), only the sentences where a head noun may start
    a name (``_may_be_named``) are parsed, by the model's
    own ``tok2vec`` and ``parser``, loaded but left out of the pipeline, all of a batch's sentences in one
    call: the parse is what costs most, and most of its cost on a few short sentences is per call.
    """

    def __init__(self, nlp: Language) -> None:
        self.nlp = nlp

    def batch(self, docs: list[Doc]) -> list[Doc]:
        found: list[list[Span]] = [
            [Span(doc, e.start, _trimmed(doc, e.start, e.end), "EVENT") for e in doc.ents if e.label_ == "EVENT"]
            for doc in docs
        ]  # NER's events too end before a preposition ("the Games in Sochi": "the Games")
        if "parser" in self.nlp.pipe_names:  # every sentence is parsed already
            for doc, spans in zip(docs, found):
                spans += self._events(doc, None, doc) if doc.has_annotation("DEP") else []
        else:
            sentences = [(n, s) for n, doc in enumerate(docs) for s in _candidate_sentences(doc)]
            parsed = [s.as_doc() for _, s in sentences]
            for name in ("tok2vec", "parser"):
                component = self.nlp.get_pipe(name) if parsed and name in self.nlp.component_names else None
                if isinstance(component, Pipe):
                    parsed = list(component.pipe(parsed, batch_size=max(1, len(parsed))))
            for (n, sentence), sub in zip(sentences, parsed):
                found[n] += self._events(sub, sentence, docs[n])
        for doc, spans in zip(docs, found):
            doc.spans[EVENTS_KEY] = filter_spans(spans)
        return docs

    @staticmethod
    def _events(parsed: Doc, sentence: Span | None, doc: Doc) -> list[Span]:
        """The events of a parsed ``doc``, or of a parsed copy (``parsed``) of one ``sentence`` of it."""
        offset = sentence.start if sentence is not None else 0
        heads = vocabulary().EVENT_HEADS
        found = []
        for token in parsed:
            if token.lower_ in heads and token.dep_ not in {"compound", "amod"} and token.ent_type_ != "ORG":
                i = offset + token.i
                if not _may_be_named(doc, i, sentence if sentence is not None else doc[i].sent):
                    continue  # both pipelines: the parse may stretch a span over words that name nothing
                span = _event_span(token)
                if span is not None:
                    found.append(Span(doc, offset + span.start, offset + span.end, label="EVENT"))
        return found


def _candidate_sentences(doc: Doc) -> list[Span]:
    """The sentences holding a head noun that may be part of a name (the whole doc if it has no sentences)."""
    heads = _positions(doc, vocabulary().EVENT_HEADS)
    if not heads:
        return []
    if not doc.has_annotation("SENT_START"):
        whole = doc[:]
        return [whole] if any(_may_be_named(doc, i, whole) for i in heads) else []
    sentences: dict[int, Span] = {}
    for i in heads:
        sentence = doc[i].sent
        if sentence.start not in sentences and _may_be_named(doc, i, sentence):
            sentences[sentence.start] = sentence
    return list(sentences.values())


def _may_be_named(doc: Doc, i: int, sentence: Span) -> bool:
    """Whether the head noun at ``i`` can be in a named event at all, read off the words around it: a name
    needs a capitalised word or a year (``_event_span``), and its words are the head, its modifiers (which
    stand between it and the nearest determiner, possessive or clause punctuation on its left) and an
    "of/on/for" object (up to the next clause punctuation). A cheap superset of what the parse can name."""
    if _named_word(doc[i]) and i != sentence.start:
        return True
    words = vocabulary()
    j = i - 1
    while j >= sentence.start and doc[j].lower_ not in words.EVENT_LEFT_STOPS and doc[j].text not in _CLAUSE_PUNCT:
        if _named_word(doc[j]):
            return True
        j -= 1
    if i + 1 < sentence.end and doc[i + 1].lower_ in words.EVENT_NAME_PREPOSITIONS:
        for k in range(i + 2, sentence.end):
            if doc[k].text in _CLAUSE_PUNCT:
                break
            if _named_word(doc[k]):
                return True
    return False


def _named_word(token) -> bool:
    return _capitalised(token) or bool(_YEAR.match(token.text))


def _event_span(head) -> Span | None:
    words = vocabulary()
    tokens = {head.i}
    for child in head.lefts:
        if child.dep_ in _LEFT:
            tokens.update(t.i for t in child.subtree)
    for child in head.rights:
        if child.dep_ == "prep" and child.lower_ in words.EVENT_NAME_PREPOSITIONS:
            tokens.update(_name_subtree(child))
    start, end = min(tokens), max(tokens) + 1
    doc = head.doc
    end = _trimmed(doc, start, end)
    named = any(
        (_capitalised(t) and (t.i != t.sent.start or t.ent_type_) and t.i != head.i) or _YEAR.match(t.text)
        for t in doc[start:end]
    ) or (_capitalised(head) and head.i != head.sent.start)
    if end - start < 2 or not named:
        return None
    return Span(doc, start, end, label="EVENT")


def _name_subtree(token) -> list[int]:
    """A token and its dependents that belong to a name: no conjuncts or clauses, and "in/at X" only
    inside a named thing ("Democratic Reform in Xizang"), not as a place after a common noun or place."""
    words = vocabulary()
    kept = [token.i]
    for child in token.children:
        if child.dep_ in _NOT_NAME:
            continue
        if (
            child.dep_ == "prep"
            and child.lower_ not in words.EVENT_NAME_PREPOSITIONS
            and (
                child.lower_ not in words.NAMED_PLACE_PREPOSITIONS
                or not _capitalised(token)
                or token.ent_type_ in {"GPE", "LOC", "FAC"}
            )
        ):
            continue
        kept += _name_subtree(child)
    return kept


def _positions(doc: Doc, words: frozenset[str]) -> list[int]:
    """Where the tokens whose lower case is one of ``words`` are, found on the token array: looking at
    each Token object costs a tenth of the time of parsing."""
    return numpy.flatnonzero(numpy.isin(doc.to_array(LOWER), _ids(words))).tolist()


@lru_cache(maxsize=8)
def _ids(words: frozenset[str]) -> numpy.ndarray:
    """The string ids spaCy stores for ``words`` (hashes, the same in every vocabulary), once per list."""
    return numpy.array([get_string_id(w) for w in words], dtype=numpy.uint64)


def _capitalised(token) -> bool:
    """Starts with a capital ("Xinhua", "TurkStream", "CPC"): the shape of a name."""
    return token.text[:1].isupper() and token.text[:1].isalpha()


def _trimmed(doc: Doc, start: int, end: int) -> int:
    """The end of an event's name without the punctuation and words no name ends with (``EVENT_TRIM``)."""
    trim = vocabulary().EVENT_TRIM
    while end > start + 1 and (doc[end - 1].is_punct or doc[end - 1].lower_ in trim):
        end -= 1
    return end
