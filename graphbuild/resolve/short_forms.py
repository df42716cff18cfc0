"""Short forms: a surname or first name ("Trump", "Mrs May", "Le Pen") sent, in each document, to the
full name the first of ``DOCUMENT_RULES`` finds for it there."""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from functools import cached_property

from ..lang import vocabulary
from ..names import without_suffix
from .corpus import Corpus
from .rules import Rule, holder
from .unionfind import UnionFind


@dataclass
class ShortForm:
    """A surname or first name ("Trump", "Mrs May", "Le Pen") and the people whose full names it may stand for."""

    corpus: Corpus
    same: UnionFind
    key: str
    surnames: list[str]  # people whose names end with it, not already joined to it
    first_names: list[str]  # people whose names start with it (one-word short forms only)

    @cached_property
    def holder(self) -> str | None:
        """The person who holds the surname across the corpus (see ``_holder``), if any."""
        return holder(self.corpus, self.key, self.surnames, self.same) if self.surnames else None


def named_in_document(short: ShortForm, doc: str) -> str | None:
    """The one person the document names in full with the short form, if exactly one."""
    here = {short.same.find(c): c for c in short.surnames + short.first_names if doc in short.corpus.names[c].docs}
    return next(iter(here.values())) if len(here) == 1 else None


def holder_across_corpus(short: ShortForm, doc: str) -> str | None:
    """The surname's corpus-wide holder, whoever the document names (a first name has none: too many
    people share one)."""
    return short.holder


#: A document rule's function: (short form, doc_id) -> key of the full name it stands for there, if any.
DocumentRule = Callable[[ShortForm, str], str | None]

#: The per-document rules, in the order they are tried for each document of a short form: the first that
#: finds a full name wins.
DOCUMENT_RULES: tuple[Rule[DocumentRule], ...] = (
    Rule(
        "short-name-in-document",
        "surname or first name of the one person so named in the document",
        named_in_document,
    ),
    Rule(
        "short-name-corpus",
        "surname or first name of the person who holds it across the corpus",
        holder_across_corpus,
    ),
)

#: Where the document rules send a short form: (doc_id, short key) -> (key of the full name, rule).
Redirects = dict[tuple[str, str], tuple[str, Rule[DocumentRule]]]


def short_forms(corpus: Corpus, same: UnionFind) -> Iterator[ShortForm]:
    """The one- and two-word names that end or start the full name of at least one person (not events,
    places, organization head nouns or acronyms)."""
    words = vocabulary(corpus.lang)
    ends: dict[tuple[str, ...], list[str]] = defaultdict(list)
    starts: dict[str, list[str]] = defaultdict(list)
    for key, name in corpus.names.items():
        parts = without_suffix(key.split(), corpus.lang)
        if (
            len(parts) >= 2
            and name.type == "Person"
            and key not in corpus.places.places
            and not words.FUNCTION_WORDS.intersection(parts)
        ):
            for size in (1, 2):
                if len(parts) > size:
                    ends[tuple(parts[-size:])].append(key)
            starts[parts[0]].append(key)
    for key, name in corpus.names.items():
        parts = key.split()
        if (
            not 1 <= len(parts) <= 2
            or name.type == "Event"
            or key in corpus.places.places
            or parts[-1] in words.ORG_HEADS
            or name.acronym
        ):
            continue
        surnames = [c for c in ends.get(tuple(parts), ()) if same.find(c) != same.find(key)]
        first_names = starts.get(key, []) if len(parts) == 1 else []
        if surnames or first_names:
            yield ShortForm(corpus, same, key, surnames, first_names)


def short_names(corpus: Corpus, same: UnionFind) -> Redirects:
    """Each short form, in each of its documents, sent to the full name the first of ``DOCUMENT_RULES``
    finds, where the aliases file allows it (a refusal is noted in ``same``)."""
    redirect: Redirects = {}
    for short in short_forms(corpus, same):
        for doc in corpus.names[short.key].docs:
            found = _first_found(short, doc)
            if found is None:
                continue
            target, rule = found
            if same.allowed(short.key, target):
                redirect[(doc, short.key)] = (target, rule)
            else:
                same.refuse(short.key, target, rule.name)
    return redirect


def _first_found(short: ShortForm, doc: str) -> tuple[str, Rule[DocumentRule]] | None:
    """The full name a short form stands for in a document, by the first of ``DOCUMENT_RULES`` to find one,
    and that rule."""
    for rule in DOCUMENT_RULES:
        target = rule.function(short, doc)
        if target is not None:
            return target, rule
    return None
