"""Pass 1 of resolution: what the whole corpus says about each name, collected one extraction at a time.

Every name (by ``names.match_key``) with its forms, documents and type votes (``typevote``: NER labels
weighed with context cues), definitions such as "Daesh (Islamic State)", and compact rows of
occurrences that pass 2 turns into entities.
"""

from __future__ import annotations

import re
import sys
from array import array
from collections import Counter, defaultdict
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from functools import cache, cached_property

from ..lang import vocabulary
from ..names import head_noun, is_acronym, match_key, split_title
from ..records import ENTITY_TYPES, Extraction, Mention
from .gazetteer import Gazetteer, gazetteer
from .typevote import CONJOINED, Votes, conjoined, mention_votes, title_before

_BRACKETED = re.compile(r"\s*[(\[]\s*")

#: A word of letters, hyphens and apostrophes inside it ("Geun-hye"), for the counts of how each word is
#: written (``Corpus.common_word``).
_LETTERS = re.compile(r"[^\W\d_]+(?:[-'’][^\W\d_]+)*")

#: The share of a word's occurrences in lower case that makes it a common word.
COMMON = 0.85

_ACRONYM_AFTER = re.compile(r"^ ?\(([A-Z][A-Za-z&.]{1,9})\)")


@dataclass
class _Name:
    """Every mention of one name (one match key) in the corpus."""

    forms: Counter[str] = field(default_factory=Counter)
    votes: Votes = field(default_factory=Votes)
    docs: dict[str, None] = field(default_factory=dict)  # the documents that name it, in input order
    titled: int = 0  # mentions with a title in them or right before them ("Mrs May", "President Reagan")

    @property
    def mentions(self) -> int:
        return self.forms.total()

    @cached_property
    def type(self) -> str:  # read only after pass 1, when the votes are all in
        return self.votes.winner()

    @cached_property
    def acronym(self) -> bool:
        return sum(n for f, n in self.forms.items() if is_acronym(f)) * 2 > sum(self.forms.values())


#: Flags of a row of occurrences: every mention in a Title Case headline; every one inside an event name.
HEADLINE, NESTED = 1, 2


class Occurrences:
    """The mentions of one name written one way in one document, summed into a row of compact columns:
    a few dozen bytes per distinct (document, name, form), so memory does not grow with every mention of
    a long text, and a huge input's rows fit where their objects would not (benchmarks/RESULTS.md)."""

    def __init__(self) -> None:
        self.docs: list[str] = []  # references to the strings the names share: no copies
        self.keys: list[str] = []
        self.forms: list[str] = []
        self.counts = array("L")
        self.flags = array("B")  # HEADLINE: every one in a Title Case headline; NESTED: inside an event name
        self.votes = array("d")  # one column per ENTITY_TYPES entry

    def __len__(self) -> int:
        return len(self.counts)

    def add(self, doc: str, key: str, form: str, count: int, flags: int, votes: Votes) -> None:
        self.docs.append(doc)
        self.keys.append(key)
        self.forms.append(form)
        self.counts.append(count)
        self.flags.append(flags)
        self.votes.extend(votes.get(t, 0.0) for t in ENTITY_TYPES)

    def votes_of(self, row: int) -> Votes:
        width = len(ENTITY_TYPES)
        return Votes({t: v for t, v in zip(ENTITY_TYPES, self.votes[row * width : (row + 1) * width]) if v})


@dataclass
class Corpus:
    """Pass 1: what the whole corpus says about each name, collected one extraction at a time."""

    names: dict[str, _Name]
    definitions: list[tuple[str, str, str, str]]  # (doc_id, name, other name, how: "bracket" | "alias")
    occurrences: Occurrences
    places: Gazetteer
    lang: str = "en"
    words: Counter[str] = field(default_factory=Counter)  # every word of the texts, case folded
    lower: Counter[str] = field(default_factory=Counter)  # the times it is written in lower case

    @classmethod
    def new(cls, lang: str = "en") -> Corpus:
        return cls(defaultdict(_Name), [], Occurrences(), gazetteer(lang, match_key), lang)

    def common_word(self, word: str) -> bool:
        """Whether the texts write a word in lower case ``COMMON`` of the times ("live", "says"): a common
        word, no name's ("May", "Brown" and "White" are written capitalised far more often)."""
        seen = self.words[word]
        return seen >= 5 and self.lower[word] >= COMMON * seen

    @classmethod
    def collect(cls, extractions: Iterable[Extraction], lang: str = "en") -> Corpus:
        corpus = cls.new(lang)
        for extraction in extractions:
            corpus.add(extraction)
        return corpus

    def add(self, extraction: Extraction) -> None:
        """Count one document's mentions; neither it nor its mentions are kept."""
        lang, words, places = self.lang, vocabulary(self.lang), self.places
        alias_cue = _alias_cue(lang)
        text, doc = extraction.document.text, extraction.document.doc_id
        for word in _LETTERS.findall(text):
            folded = word.lower()
            self.words[folded] += 1
            if word == folded:
                self.lower[folded] += 1
        seen: list[tuple[Mention, str, Votes]] = []
        for m in extraction.mentions:
            key = sys.intern(match_key(m.text, lang))  # one string object for all its documents' rows
            title, _ = split_title(m.text, lang)
            titled = bool(title) or title_before(m, text, lang)
            head_noun_cue = " " in key and head_noun(key, lang) in words.ORG_HEADS
            votes = mention_votes(m, text, titled, head_noun_cue, key in places.places, lang)
            name = self.names[key]
            name.titled += titled
            name.forms[sys.intern(m.text)] += 1
            name.votes.add(votes)
            name.docs[doc] = None
            defined = _ACRONYM_AFTER.match(text[m.end : m.end + 14])
            if defined:  # "World Health Organization (WHO)", whether or not NER saw "WHO"
                self.definitions.append((doc, key, match_key(defined.group(1), lang), "bracket"))
            if seen and seen[-1][0].sentence == m.sentence and seen[-1][1] != key:
                self._pair(seen[-1], (m, key, votes), text, alias_cue)
            seen.append((m, key, votes))
        summed: dict[tuple[str, str], tuple[list[int], Votes]] = {}
        for m, key, votes in seen:  # summed only now: _pair adds votes to both of a pair
            counts, form_votes = summed.setdefault((key, m.text), ([0, HEADLINE | NESTED], Votes()))
            counts[0] += 1
            counts[1] &= (HEADLINE if m.headline else 0) | (NESTED if m.nested else 0)
            form_votes.add(votes)
        for (key, form), ((count, flags), form_votes) in summed.items():
            self.occurrences.add(doc, key, sys.intern(form), count, flags, form_votes)

    def _pair(
        self,
        first: tuple[Mention, str, Votes],
        second: tuple[Mention, str, Votes],
        text: str,
        alias_cue: re.Pattern[str],
    ) -> None:
        """Neighbouring names: "A and B" share type evidence; "A (B)" and "A, also known as B" define B."""
        (a, ka, va), (b, kb, vb) = first, second
        between = text[a.end : b.start]
        if conjoined(between, self.lang):
            for key, votes, other in ((ka, va, b), (kb, vb, a)):  # the mention's votes, and its name's
                votes[other.type] += CONJOINED
                self.names[key].votes[other.type] += CONJOINED
        elif _BRACKETED.fullmatch(between) and text[b.end : b.end + 1] in ")]":
            self.definitions.append((a.doc_id, ka, kb, "bracket"))
        elif alias_cue.fullmatch(between):
            self.definitions.append((a.doc_id, ka, kb, "alias"))

    def cooccurrence(self, key: str, others: Iterable[str], root: Callable[[str], str]) -> Counter[str]:
        """In how many of ``key``'s documents each root among ``others`` is named too."""
        docs = self.names[key].docs
        counts: Counter[str] = Counter()
        for other in others:
            counts[root(other)] += sum(1 for d in self.names[other].docs if d in docs)
        return counts


@cache
def _alias_cue(lang: str) -> re.Pattern[str]:
    """ "Islamic State (IS) - also known as ISIL": the words between a name and another name for it."""
    return re.compile(
        r"(?:\s*\([A-Z.]{1,8}\))?[\s,;:()\-–—]*(?:"
        + "|".join(re.escape(c) for c in vocabulary(lang).ALIAS_CUES)
        + r")\s+",
        re.IGNORECASE,
    )
