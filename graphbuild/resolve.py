"""Merge mentions into entities across a corpus: one node per real-world thing, every surface form kept
as an alias, and every merge explained by the rule that made it (``Entity.merges``).

It works in two passes, so each decision sees the whole corpus:
1. statistics: every name (by ``names.match_key``) with its forms, documents and type votes
   (``typevote``: NER labels weighed with context cues), definitions such as "Daesh (Islamic State)";
2. rules, each a small function about the shape of names, none about particular names, in the order
   declared below, which is their priority: the corpus-wide unions of names (``CORPUS_RULES``, each
   seeing the unions before it), then, for the short forms they leave apart, the per-document rules
   (``DOCUMENT_RULES``, the first that finds a name wins), then the user's aliases file (merges, types,
   never-merge pairs), which has the last word.
"""

from __future__ import annotations

import re
import sys
from array import array
from bisect import bisect_left
from collections import Counter, defaultdict
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass, field
from functools import cache, cached_property

from .aliases import Aliases
from .gazetteer import Gazetteer, gazetteer
from .lang import alternation, vocabulary
from .model import ENTITY_TYPES, Entity, Extraction, Mention, Merge
from .names import head_noun, initials, is_acronym, match_key, normalize, split_title, without_suffix
from .read import LOST, slugify
from .typevote import CONJOINED, Votes, conjoined, mention_votes

__all__ = ["Corpus", "Resolution", "choose_label", "normalize", "resolve", "unique_key"]

_BRACKETED = re.compile(r"\s*[(\[]\s*")
_ACRONYM_AFTER = re.compile(r"^ ?\(([A-Z][A-Za-z&.]{1,9})\)")
#: A short form joins a corpus-wide holder only when the holder has this share of the co-occurrences...
DOMINANCE = 2 / 3
#: ...and co-occurs in at least this share of the short form's documents.
SUPPORT = 0.2
#: An entity's type is voted by all its mentions, those of names a rule made aliases weighing less: "Wang"
#: tagged ORG five times does not make "Wang Huning" an organization.
ALIAS_WEIGHT = 0.25


@dataclass(frozen=True)
class Resolution:
    """The entities, which entity each mention belongs to, and what was dropped."""

    entities: tuple[Entity, ...]
    keys: dict[str, dict[str, str]]  # doc_id -> match key of a mention there -> Entity.key
    dropped: tuple[str, ...] = ()  # names dropped, with the reason
    notes: tuple[str, ...] = ()  # merges the aliases file refused or could not apply

    def key_of(self, mention: Mention) -> str | None:
        """The key of the entity a mention belongs to; None where there is none (its entity was dropped)."""
        return self.keys.get(mention.doc_id, {}).get(match_key(mention.text))


@dataclass
class _Name:
    """Every mention of one name (one match key) in the corpus."""

    forms: Counter[str] = field(default_factory=Counter)
    votes: Votes = field(default_factory=Votes)
    docs: dict[str, None] = field(default_factory=dict)  # the documents that name it, in input order

    @property
    def mentions(self) -> int:
        return self.forms.total()

    @cached_property
    def type(self) -> str:  # read only after pass 1, when the votes are all in
        return self.votes.winner()

    @cached_property
    def acronym(self) -> bool:
        return sum(n for f, n in self.forms.items() if is_acronym(f)) * 2 > sum(self.forms.values())


_HEADLINE, _NESTED = 1, 2


class Occurrences:
    """The mentions of one name written one way in one document, summed into a row of compact columns:
    about 60 bytes per distinct (document, name, form), so memory does not grow with every mention of a
    long text, and a 300 MB input's rows fit where their objects would not."""

    def __init__(self) -> None:
        self.docs: list[str] = []  # references to the strings the names share: no copies
        self.keys: list[str] = []
        self.forms: list[str] = []
        self.counts = array("L")
        self.flags = array("B")  # _HEADLINE: every one in a Title Case headline; _NESTED: inside an event name
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

    @classmethod
    def new(cls, lang: str = "en") -> Corpus:
        return cls(defaultdict(_Name), [], Occurrences(), gazetteer(lang, match_key), lang)

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
        seen: list[tuple[Mention, str, Votes]] = []
        for m in extraction.mentions:
            key = sys.intern(match_key(m.text, lang))  # one string object for all its documents' rows
            title, _ = split_title(m.text, lang)
            head_noun_cue = " " in key and head_noun(key, lang) in words.ORG_HEADS
            votes = mention_votes(m, text, bool(title), head_noun_cue, key in places.places, lang)
            name = self.names[key]
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
            counts, form_votes = summed.setdefault((key, m.text), ([0, _HEADLINE | _NESTED], Votes()))
            counts[0] += 1
            counts[1] &= (_HEADLINE if m.headline else 0) | (_NESTED if m.nested else 0)
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


class UnionFind:
    """Equivalent names, why each alias joined, and pairs that must never be joined."""

    def __init__(self, never: Iterable[tuple[str, str]] = ()) -> None:
        self.parent: dict[str, str] = {}
        self.members: dict[str, set[str]] = {}
        self.why: dict[str, tuple[str, str]] = {}  # joined key -> (rule, detail)
        self.aliased: set[str] = set()  # keys a rule made an alias of another name
        self.never: dict[str, set[str]] = defaultdict(set)
        for a, b in never:
            self.never[a].add(b)
            self.never[b].add(a)
        self.refused: list[str] = []

    def find(self, x: str) -> str:
        """The name that stands for ``x``'s group."""
        while self.parent.get(x, x) != x:
            self.parent[x] = x = self.parent.get(self.parent[x], self.parent[x])
        return x

    def group(self, x: str) -> set[str]:
        """Every name joined to ``x``."""
        return self.members.get(self.find(x), {x})

    def allowed(self, a: str, b: str) -> bool:
        """False where joining a's and b's groups would join a pair the aliases file keeps apart."""
        ga, gb = self.group(a), self.group(b)
        return not any(self.never[k] & gb for k in ga if k in self.never)

    def refuse(self, alias: str, target: str, rule: str) -> None:
        """Note a union the aliases file keeps apart, once."""
        note = f"{alias} ~ {target} ({rule}): kept apart by the aliases file"
        if note not in self.refused:
            self.refused.append(note)

    def union(self, alias: str, target: str, rule: str, detail: str) -> None:
        """Join ``alias``'s group to ``target``'s, because of ``rule``, unless the aliases file keeps them apart."""
        ra, rt = self.find(alias), self.find(target)
        if ra == rt:
            return
        if not self.allowed(alias, target):
            self.refuse(alias, target, rule)
            return
        self.members[rt] = self.group(rt) | self.members.pop(ra, {ra})
        self.parent[ra] = rt
        self.aliased.add(alias)
        self.why.setdefault(alias, (rule, detail))
        self.why.setdefault(ra, (rule, detail))  # the names already joined to the alias came along with it


#: A corpus rule yields (alias key, target key, detail) for names that are one thing everywhere.
CorpusRule = Callable[[Corpus, UnionFind], Iterator[tuple[str, str, str]]]


def country_names(corpus: Corpus, same: UnionFind) -> Iterator[tuple[str, str, str]]:
    """A country's names and short forms from the gazetteer ("US", "U.S.", "United States", "America")."""
    by_code: dict[str, list[str]] = defaultdict(list)
    for key, name in corpus.names.items():
        code = corpus.places.country.get(key)
        if code and name.type != "Person":
            by_code[code].append(key)
    for code, keys in by_code.items():
        canonical = match_key(corpus.places.canonical[code])
        target = canonical if canonical in keys else max(keys, key=lambda k: corpus.names[k].mentions)
        for key in keys:
            yield key, target, f"a name of the country {code} (ISO 3166, pycountry)"


def place_variants(corpus: Corpus, same: UnionFind) -> Iterator[tuple[str, str, str]]:
    """ "Shannan City" = "Shannan"; "People's Republic of China" = "China" (where both are places)."""
    suffixed, prefixed = _place_affixes(corpus.lang)
    for key, name in corpus.names.items():
        for m in (suffixed.match(key), prefixed.match(key)):
            if m and m.group(1) in corpus.names and name.type == "Place" and corpus.names[m.group(1)].type != "Person":
                yield key, m.group(1), "place name with an administrative prefix or suffix"


@cache
def _place_affixes(lang: str) -> tuple[re.Pattern[str], re.Pattern[str]]:
    """A place name with an administrative word after or before it (lang's PLACE_SUFFIXES and
    PLACE_PREFIXES); group 1 is the name without it."""
    words = vocabulary(lang)
    return (
        re.compile(rf"^(.+?) (?:{alternation(words.PLACE_SUFFIXES)})$"),
        re.compile(rf"^(?:{alternation(words.PLACE_PREFIXES)}) (.+)$"),
    )


def middle_initials(corpus: Corpus, same: UnionFind) -> Iterator[tuple[str, str, str]]:
    """ "Donald J. Trump" = "Donald Trump", where only one initialled form of that name exists."""
    variants: dict[str, list[str]] = defaultdict(list)
    for key in corpus.names:
        words = key.split()
        if len(words) >= 3 and all(len(w) == 1 for w in words[1:-1]):
            variants[f"{words[0]} {words[-1]}"].append(key)
    for bare, keys in variants.items():
        if len(keys) == 1 and bare in corpus.names and corpus.names[bare].type == "Person":
            yield keys[0], bare, "the same name with a middle initial"


def damaged_names(corpus: Corpus, same: UnionFind) -> Iterator[tuple[str, str, str]]:
    """ "Sinn F\ufffd\ufffdin" = "Sinn Fein": a name with lost characters (U+FFFD) joins the one intact name
    it can be read as, each run of lost characters standing for one letter."""
    by_length: dict[int, list[str]] = defaultdict(list)
    for key in corpus.names:
        if LOST not in key:
            by_length[len(key)].append(key)
    for key in corpus.names:
        if LOST in key:
            parts = re.sub(f"{LOST}+", LOST, key).split(LOST)  # each run of lost characters: one letter
            pattern = re.compile(".".join(map(re.escape, parts)))
            length = sum(map(len, parts)) + len(parts) - 1
            found = [k for k in by_length.get(length, ()) if k.startswith(parts[0]) and pattern.fullmatch(k)]
            if len(found) == 1:
                yield key, found[0], "the same name with characters lost (U+FFFD) before reading"


def spelling_variants(corpus: Corpus, same: UnionFind) -> Iterator[tuple[str, str, str]]:
    """ "Sergei Lavrov" = "Sergey Lavrov", "Hilary Clinton" = "Hillary Clinton": people with the same
    surname whose first names (five letters or more) differ by one letter and who are never named in one
    document (one writer does not spell one person two ways; "Ivana" and "Ivanka Trump" meet in many)."""
    by_rest: dict[tuple[str, ...], list[str]] = defaultdict(list)
    for key, name in corpus.names.items():
        words = key.split()
        if len(words) >= 2 and name.type == "Person" and len(words[0]) >= 5:
            by_rest[tuple(words[1:])].append(key)
    for keys in by_rest.values():
        keys.sort(key=lambda k: -corpus.names[k].mentions)
        for i, rare in enumerate(keys):
            for common in keys[:i]:
                if (
                    _one_edit(rare.split()[0], common.split()[0])
                    and not corpus.names[rare].docs.keys() & corpus.names[common].docs.keys()
                ):
                    yield rare, common, "the same person's name spelt with one letter changed"
                    break


def _one_edit(a: str, b: str) -> bool:
    """Equal but for one letter added, dropped or changed (same first letter)."""
    if a[0] != b[0] or abs(len(a) - len(b)) > 1 or a == b:
        return False
    if len(a) == len(b):
        return sum(x != y for x, y in zip(a, b)) == 1
    short, long = sorted((a, b), key=len)
    return any(long[:i] + long[i + 1 :] == short for i in range(len(long)))


def initialled_words(corpus: Corpus, same: UnionFind) -> Iterator[tuple[str, str, str]]:
    """ "N Korea" = "North Korea", "S. Korea" = "South Korea": a place or organization name with one word cut
    to its initial, where exactly one name of that type has the whole word there."""
    by_pattern: dict[tuple[int, str], list[str]] = defaultdict(list)
    for key, name in corpus.names.items():
        words = key.split()
        if len(words) >= 2 and name.type != "Person":
            for i, word in enumerate(words):
                if len(word) > 1:
                    by_pattern[(i, " ".join(words[:i] + [word[0]] + words[i + 1 :]))].append(key)
    for key, name in corpus.names.items():
        words = key.split()
        if len(words) < 2 or name.type == "Person" or sum(len(w) == 1 for w in words) != 1:
            continue
        i = next(i for i, w in enumerate(words) if len(w) == 1)
        full = [k for k in by_pattern.get((i, key), ()) if corpus.names[k].type == name.type]
        if len(full) == 1:
            yield key, full[0], "a word cut to its initial in the one name that has it whole"


def qualified_names(corpus: Corpus, same: UnionFind) -> Iterator[tuple[str, str, str]]:
    """ "US Senate" = "Senate", "Samsung Group" = "Samsung", "Islamic State group" = "Islamic State": an
    organization name with a country before it or a corporate word after it (lang's ORG_SUFFIXES) is the
    organization without them, where that name is one too; a country that is part of the name ("China
    Daily", far commoner than "Daily") is kept."""
    suffixes = vocabulary(corpus.lang).ORG_SUFFIXES
    for key, name in corpus.names.items():
        words = key.split()
        if len(words) < 2 or name.type == "Person":
            continue
        for size in (1, 2, 3):
            country, rest = " ".join(words[:size]), " ".join(words[size:])
            if (
                country in corpus.places.country
                and _organization(corpus, rest)
                and corpus.names[rest].mentions >= name.mentions
            ):
                yield key, rest, "the organization with its country named before it"
                break
        else:
            if words[-1] in suffixes and _organization(corpus, " ".join(words[:-1])):
                yield key, " ".join(words[:-1]), "the organization with a corporate word after it"


def _organization(corpus: Corpus, key: str) -> bool:
    name = corpus.names.get(key)
    return name is not None and name.type == "Organization" and key not in corpus.places.places


def definitions(corpus: Corpus, same: UnionFind) -> Iterator[tuple[str, str, str]]:
    """ "Daesh (Islamic State)", "Islamic State (ISIS)": one thing, where the corpus pairs the defined name
    with one other name of the same type (or one whose initials begin the acronym) in most of its
    definitions. Two places in brackets ("Aleppo (Syria)") define nothing."""
    pairs: dict[str, Counter[str]] = defaultdict(Counter)
    for _, a, b, how in corpus.definitions:
        if a in corpus.names and b in corpus.names and _compatible(corpus, a, b, how == "alias"):
            pairs[b][a] += 1
    for b, targets in sorted(pairs.items()):
        a, n = targets.most_common(1)[0]
        if n < DOMINANCE * sum(targets.values()):
            continue
        alias, target = sorted(
            (a, b), key=lambda k: (not corpus.names[k].acronym, len(k.split()), corpus.names[k].mentions)
        )
        yield alias, target, f"defined as the same in the text ({n} times)"


def _compatible(corpus: Corpus, a: str, b: str, explicit: bool) -> bool:
    na, nb = corpus.names[a], corpus.names[b]
    if na.acronym != nb.acronym:  # "Islamic State (ISIS)": the long name's initials begin the acronym
        short, full = (b, a) if nb.acronym else (a, b)
        return short.replace(" ", "").startswith(initials(full, corpus.lang)) and " " in full
    typed = min(na.votes.total(), nb.votes.total()) >= 3  # a name seen once or twice has no reliable type
    if (
        (typed and na.type != nb.type)
        or (na.type == "Person") != (nb.type == "Person")
        or (not explicit and "Person" in (na.type, nb.type))
    ):
        return False
    both_places = a in corpus.places.places or b in corpus.places.places or na.type == "Place"
    return not both_places or na.acronym


def acronym_initials(corpus: Corpus, same: UnionFind) -> Iterator[tuple[str, str, str]]:
    """ "FBI" = "Federal Bureau of Investigation": an acronym joins the one long name with its initials
    that the corpus names beside it (the holder of most co-occurrences)."""
    long_names: dict[str, list[str]] = defaultdict(list)
    for key, name in corpus.names.items():
        if " " in key and name.type != "Person" and not name.acronym:
            for letters in {initials(key, corpus.lang), initials(key, corpus.lang, skip=False)}:
                long_names[letters].append(key)
    for key, name in corpus.names.items():
        if name.acronym and 2 <= len(key) <= 6 and key in long_names:
            holder = _holder(corpus, key, long_names[key], same, support=0.0, least=2)
            if holder:
                yield key, holder, "acronym of the name it is the initials of"


def org_short_forms(corpus: Corpus, same: UnionFind) -> Iterator[tuple[str, str, str]]:
    """ "Party" = "Communist Party of China": a lone capitalised organization head noun (lang's ORG_HEADS)
    that ends exactly one multi-word organization name."""
    heads: dict[str, list[str]] = defaultdict(list)
    for key, name in corpus.names.items():
        if name.type == "Organization" and " " in key:
            heads[head_noun(key, corpus.lang)].append(key)
    words = vocabulary(corpus.lang).ORG_HEADS
    for word, keys in heads.items():
        lone = corpus.names.get(word)
        if (
            len(keys) == 1
            and word in words
            and lone is not None
            and lone.type == "Organization"
            and not lone.acronym
            and any(f[:1].isupper() for f in lone.forms)
        ):
            yield word, keys[0], "head noun of the one organization so named"


def clipped_forms(corpus: Corpus, same: UnionFind) -> Iterator[tuple[str, str, str]]:
    """ "Fed" = "Federal Reserve": a one-word name that is the first half (or less) of the first word of
    organization names, joined to the one the corpus names beside it. A whole word with a suffix added
    is another thing ("Congress" is not the "Congressional Budget Office")."""
    by_first: dict[str, list[str]] = defaultdict(list)
    for key, name in corpus.names.items():
        if " " in key and name.type == "Organization":
            by_first[key.split()[0]].append(key)
    firsts = sorted(by_first)
    for key, name in corpus.names.items():
        if " " in key or len(key) < 3 or name.acronym or name.type == "Person" or key in corpus.places.places:
            continue
        candidates = []
        for first in firsts[bisect_left(firsts, key) :]:
            if not first.startswith(key):
                break
            if 2 * len(key) <= len(first) + 1:  # a clipping drops about half the word, not a suffix
                candidates += by_first[first]
        holder = _holder(corpus, key, candidates, same, support=0.0, least=2) if candidates else None
        if holder:
            yield key, holder, "shortened form of the one organization named beside it"


def _holder(
    corpus: Corpus, key: str, candidates: list[str], same: UnionFind, support: float = SUPPORT, least: int = 1
) -> str | None:
    """The candidate that holds a short form corpus-wide: it has most of the co-occurrences
    (``DOMINANCE``), in at least ``least`` documents and ``support`` of the short form's documents."""
    counts = corpus.cooccurrence(key, candidates, same.find)
    if not counts:
        return None
    (root, n), total = counts.most_common(1)[0], sum(counts.values())
    if n < least or n < DOMINANCE * total or n < support * len(corpus.names[key].docs):
        return None
    return max((c for c in candidates if same.find(c) == root), key=lambda c: corpus.names[c].mentions)


#: The corpus-wide rules, in the order they apply (earlier unions are seen by later rules).
CORPUS_RULES: tuple[tuple[str, CorpusRule], ...] = (
    ("country-name", country_names),
    ("place-variant", place_variants),
    ("middle-initial", middle_initials),
    ("damaged-characters", damaged_names),
    ("spelling-variant", spelling_variants),
    ("initialled-word", initialled_words),
    ("qualified-name", qualified_names),
    ("definition", definitions),
    ("acronym-initials", acronym_initials),
    ("org-short-form", org_short_forms),
    ("clipped-form", clipped_forms),
)


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
        return _holder(self.corpus, self.key, self.surnames, self.same) if self.surnames else None


def named_in_document(short: ShortForm, doc: str) -> str | None:
    """The one person the document names in full with the short form, if exactly one."""
    here = {short.same.find(c): c for c in short.surnames + short.first_names if doc in short.corpus.names[c].docs}
    return next(iter(here.values())) if len(here) == 1 else None


def holder_across_corpus(short: ShortForm, doc: str) -> str | None:
    """The surname's corpus-wide holder, whoever the document names (a first name has none: too many
    people share one)."""
    return short.holder


@dataclass(frozen=True)
class DocumentRule:
    """A rule for a short form in one document: the full name it stands for there, if any, and why."""

    name: str
    detail: str
    find: Callable[[ShortForm, str], str | None]  # (short form, doc_id) -> key of the full name


#: The per-document rules, in the order they are tried for each document of a short form: the first that
#: finds a full name wins.
DOCUMENT_RULES: tuple[DocumentRule, ...] = (
    DocumentRule(
        "short-name-in-document",
        "surname or first name of the one person so named in the document",
        named_in_document,
    ),
    DocumentRule(
        "short-name-corpus",
        "surname or first name of the person who holds it across the corpus",
        holder_across_corpus,
    ),
)
#: Where the document rules send a short form: (doc_id, short key) -> (key of the full name, rule).
Redirects = dict[tuple[str, str], tuple[str, DocumentRule]]


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


def _first_found(short: ShortForm, doc: str) -> tuple[str, DocumentRule] | None:
    """The full name a short form stands for in a document, by the first of ``DOCUMENT_RULES`` to find one,
    and that rule."""
    for rule in DOCUMENT_RULES:
        target = rule.find(short, doc)
        if target is not None:
            return target, rule
    return None


def resolve(extractions: Iterable[Extraction] | Corpus, aliases: Aliases | None = None, lang: str = "en") -> Resolution:
    """Group, merge and type the mentions of a corpus (see the module docstring for the passes and the order
    of the rules); the extractions, or the ``Corpus`` already collected from them as they were parsed."""
    aliases = aliases or Aliases()
    corpus = extractions if isinstance(extractions, Corpus) else Corpus.collect(extractions, lang)
    lang = corpus.lang
    same = UnionFind((match_key(a, lang), match_key(b, lang)) for a, b in aliases.never)
    for rule, apply in CORPUS_RULES:
        for alias, target, detail in list(apply(corpus, same)):
            same.union(alias, target, rule, detail)
    redirect = short_names(corpus, same)
    notes = aliases_merges(corpus, same, aliases)
    types = {match_key(n, lang): t for n, t in aliases.types.items()}
    return _entities(corpus, same, redirect, types, tuple(notes + same.refused))


def aliases_merges(corpus: Corpus, same: UnionFind, aliases: Aliases) -> list[str]:
    """The aliases file's merges, after every rule; returns a note for each group naming what the corpus
    does not."""
    notes = []
    for names in aliases.merge:
        keys = [match_key(n, corpus.lang) for n in names]
        missing = [n for n, k in zip(names, keys) if k not in corpus.names]
        if missing:
            notes.append(f"aliases file: {', '.join(missing)} not found in the corpus")
        present = [k for k in keys if k in corpus.names]
        for key in present[1:]:
            same.union(key, present[0], "aliases-file", "merged by the aliases file")
    return notes


def _entities(
    corpus: Corpus, same: UnionFind, redirect: Redirects, types: dict[str, str], notes: tuple[str, ...]
) -> Resolution:
    rows = corpus.occurrences
    clusters: dict[str, array[int]] = defaultdict(lambda: array("L"))  # root -> its rows of occurrences
    moved: dict[str, Votes] = defaultdict(Votes)  # votes of mentions a document rule moved
    moved_votes: dict[str, Votes] = defaultdict(Votes)  # the same, by the cluster they went to
    for row, (doc, key) in enumerate(zip(rows.docs, rows.keys)):
        moved_to = redirect.get((doc, key))
        root = same.find(moved_to[0] if moved_to is not None else key)
        clusters[root].append(row)
        if moved_to is not None:
            votes = rows.votes_of(row)
            moved[key].add(votes)
            moved_votes[root].add(votes)
    entities: list[Entity] = []
    dropped: list[str] = []
    used: set[str] = set()
    keys: dict[str, dict[str, str]] = defaultdict(dict)
    for root in sorted(clusters, key=lambda r: (min(rows.docs[i] for i in clusters[r]), r)):
        members = [_Member.of(rows, row, redirect) for row in clusters.pop(root)]
        votes = Votes()
        votes.add(moved_votes[root], ALIAS_WEIGHT)
        for key in {m.key for m in members if m.rule is None}:
            own = corpus.names[key].votes.minus(moved[key]) if key in moved else corpus.names[key].votes
            votes.add(own, ALIAS_WEIGHT if key in same.aliased else 1.0)
        override = next((types[m.key] for m in members if m.key in types), None)
        entity_type = override or votes.winner()
        label = _label(corpus, same, members)
        fragment = _fragment(entity_type, members)
        if fragment:
            dropped.append(f"{label}: {fragment}")
            continue
        key = unique_key(entity_type, label, used)
        entities.append(
            Entity(
                key=key,
                label=label,
                type=entity_type,
                aliases=tuple(sorted({m.text for m in members} - {label})),
                mentions=sum(m.count for m in members),
                documents=tuple(sorted({m.doc for m in members})),
                merges=_merges(same, members, label),
                typing=_typing(votes, override),
            )
        )
        for m in members:
            keys[m.doc][m.key] = key
    entities.sort(key=lambda e: (ENTITY_TYPES.index(e.type), e.key))
    return Resolution(tuple(entities), dict(keys), tuple(dropped), notes)


@dataclass(frozen=True, slots=True)
class _Member:
    """Some mentions of an entity: one form of one name in one document, and the rule that moved them."""

    doc: str
    key: str
    text: str
    rule: DocumentRule | None
    count: int
    headline: bool
    nested: bool

    @classmethod
    def of(cls, rows: Occurrences, row: int, redirect: Redirects) -> _Member:
        doc, key, flags = rows.docs[row], rows.keys[row], rows.flags[row]
        rule = redirect[(doc, key)][1] if (doc, key) in redirect else None
        return cls(doc, key, rows.forms[row], rule, rows.counts[row], bool(flags & _HEADLINE), bool(flags & _NESTED))


def _label(corpus: Corpus, same: UnionFind, members: list[_Member]) -> str:
    """The commonest full form of the names no rule made an alias: no title, no acronym where a full
    form exists, a country's ISO name where it is written."""
    forms: Counter[str] = Counter()
    for m in members:
        if m.rule is None and m.key not in same.aliased:
            forms[split_title(m.text)[1]] += m.count
    if not forms:
        for m in members:
            forms[split_title(m.text)[1]] += m.count
    full = Counter({f: n for f, n in forms.items() if not is_acronym(f) and LOST not in f})
    forms = full or forms
    codes = {code for f in forms if (code := corpus.places.country.get(match_key(f))) is not None}
    for code in sorted(codes):
        canonical = corpus.places.canonical[code]
        if any(match_key(f) == match_key(canonical) for f in forms):
            return max((f for f in forms if match_key(f) == match_key(canonical)), key=lambda f: forms[f])
    return choose_label(forms)


def _merges(same: UnionFind, members: list[_Member], label: str) -> tuple[Merge, ...]:
    """Why each form other than the label belongs here: the rule of its document, or of its name."""
    label_root = same.find(match_key(label))
    found = set()
    for text, key, rule in {(m.text, m.key, m.rule) for m in members}:
        if text == label:
            continue
        if rule is not None:
            found.add(Merge(text, rule.name, rule.detail))
        elif key in same.why:
            found.add(Merge(text, *same.why[key]))
        elif same.find(key) == label_root:
            found.add(Merge(text, "same-name", "the same name once case, accents, dots, hyphens and titles are folded"))
    return tuple(sorted(found, key=lambda g: (g.alias, g.rule)))


def _typing(votes: Votes, override: str | None) -> str:
    """The votes, in ``Votes.ranking`` order: the winner first."""
    if override:
        return f"type set by the aliases file: {override}"
    shown = [(t, votes[t]) for t in votes.ranking() if votes[t] > 0]
    return "type voted " + ", ".join(f"{t} {v:g}" for t, v in shown) if len(shown) > 1 else ""


def _fragment(entity_type: str, members: list[_Member]) -> str | None:
    """Why an 'organization' is only a piece of something else, if it is."""
    if entity_type != "Organization":
        return None
    if all(m.headline for m in members):
        return "organization named only in Title Case headlines"
    if all(m.nested for m in members):
        return "organization named only inside event names"
    return None


def choose_label(forms: Counter[str]) -> str:
    """The most frequent surface form; ties go to the one not in capitals, then the longest."""
    return max(sorted(forms), key=lambda f: (forms[f], f != f.upper(), len(f)))


def unique_key(entity_type: str, label: str, used: set[str]) -> str:
    """A readable key "type/slug", made unique with a counter where two labels share a slug."""
    base = f"{entity_type.lower()}/{slugify(label)}"
    key, n = base, 1
    while key in used:
        n += 1
        key = f"{base}-{n}"
    used.add(key)
    return key
