"""Short forms: a surname or first name ("Trump", "Mrs May", "Le Pen") sent, in each document, to the
full name the first of ``DOCUMENT_RULES`` finds for it there."""

from __future__ import annotations

import re
from collections import defaultdict
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from functools import cached_property

from ..lang import vocabulary
from ..names import without_suffix
from .corpus import Corpus
from .joins import DOMINANCE, FIRST_NAME_SUPPORT, SUPPORT, Rule, holder
from .unionfind import UnionFind

#: A one-word name with a title in this share of its mentions (twice at least) is a surname, however seldom
#: its documents name the person in full.
TITLED = 0.1


#: An acronym of two to four capitals, not a regnal number ("AI", "XL"; not "VI" of "Mohammed VI").
_ACRONYM = re.compile(r"^(?![IVXL]+$)[A-Z]{2,4}$")


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
        """The person who holds the name across the corpus (``rules.holder``): as a surname (the one person of
        that surname, where a title marks it as one: ``titled``), else as a first name, which more people
        share, so its holder must be named in ``FIRST_NAME_SUPPORT`` of its documents."""
        found = holder(self.corpus, self.key, self.surnames, self.same) if self.surnames else None
        if found is None and self.surnames and titled(self.corpus, self.key):
            found = holder(self.corpus, self.key, self.surnames, self.same, support=0.0, least=1, alone=True)
        if found is None and self.first_names:
            found = holder(self.corpus, self.key, self.first_names, self.same, support=FIRST_NAME_SUPPORT, least=2)
        return found


def named_in_document(short: ShortForm, doc: str) -> str | None:
    """The one person the document names in full with the short form, if exactly one."""
    here = {short.same.find(c): c for c in short.surnames + short.first_names if doc in short.corpus.names[c].docs}
    return next(iter(here.values())) if len(here) == 1 else None


def holder_across_corpus(short: ShortForm, doc: str) -> str | None:
    """The name's corpus-wide holder, whoever the document names: a surname's, or a first name's where one
    person has most of its co-occurrences ("Xi" = Xi Jinping, "Hillary" = Hillary Clinton)."""
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
    places, organization head nouns or acronyms), each with the full names that can own it (``_owners``)."""
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
        surnames, first_names = _owners(corpus, same, key, surnames, first_names)
        if surnames or first_names:
            yield ShortForm(corpus, same, key, surnames, first_names)


def _owners(
    corpus: Corpus, same: UnionFind, key: str, surnames: list[str], first_names: list[str]
) -> tuple[list[str], list[str]]:
    """The full names that can own a short form, as surname and as first name:
    - a surname that one person holds in most of its documents is no first name ("Trump" does not start
      "Trump Says");
    - no full name (``_personal``) that only hyphenates it to one other word ("pro-Trump", "Trump-Russia"),
      or whose other words are an organization or place the corpus names more ("Obama White House"); no
      first name of a name that goes on with a common word or an acronym ("Facebook Live", "Facebook AI");
    - none at all where the short form's documents mostly name none of them: then it is a name of its own
      ("London", "White House" and "Moscow" are not short for "Inner London", "Obama White House" or
      "Lokomotiv Moscow"), as a surname's are not (news names a person in full before it shortens), unless
      ``TITLED`` of its mentions carry a title ("President Reagan" in a wire that seldom writes "Ronald").
    """
    names = corpus.names
    if first_names and surnames and holder(corpus, key, surnames, same, support=DOMINANCE):
        first_names = []
    size = len(key.split())
    surnames = [c for c in surnames if _personal(corpus, c, c.split()[:-size])]
    first_names = [c for c in first_names if _personal(corpus, c, c.split()[1:]) and not _common(corpus, c)]
    docs = names[key].docs
    covered = {d for c in surnames + first_names for d in names[c].docs if d in docs}
    if len(covered) < SUPPORT * len(docs) and not titled(corpus, key):
        return [], []
    return surnames, first_names


def titled(corpus: Corpus, key: str) -> bool:
    """Whether a one-word name carries a title in ``TITLED`` of its mentions, twice at least: a surname."""
    name = corpus.names[key]
    return " " not in key and name.titled >= max(2, TITLED * name.mentions)


def _common(corpus: Corpus, full: str) -> bool:
    """Whether a name, as it is most often written, goes on after its first word with a common word
    (``Corpus.common_word``: "Facebook Live") or an acronym ("Facebook AI"): no person's other names."""
    words = corpus.names[full].forms.most_common(1)[0][0].split()[1:]
    return any(corpus.common_word(w.lower()) or _ACRONYM.match(w) for w in words)


def _personal(corpus: Corpus, full: str, rest: list[str]) -> bool:
    """Whether a full name's words beside its short form (``rest``) can be a person's other names: not one
    word hyphenated to it in every form, not two or more words that name something else more often."""
    if len(rest) == 1:
        return not all("-" in form and " " not in form for form in corpus.names[full].forms)
    other = corpus.names.get(" ".join(rest))
    return other is None or other.type == "Person" or other.mentions <= corpus.names[full].mentions


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
