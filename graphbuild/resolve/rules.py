"""The corpus-wide resolution rules: each a small function about the shape of names, none about
particular names, declared in ``CORPUS_RULES`` in the order they apply (each sees the unions before it).

Every rule, corpus-wide or per document (``short_forms``), is one ``Rule`` record: its name (shown by
``--explain`` and kept in the RDF), what it means, and the function that applies it.
"""

from __future__ import annotations

import re
from bisect import bisect_left
from collections import Counter, defaultdict
from collections.abc import Iterator
from functools import cache

from ..lang import alternation, vocabulary
from ..names import LOST, head_noun, initials, match_key
from .corpus import Corpus
from .joins import CorpusRule, Join, Rule
from .people import dropped_given_names, nicknames, spelling_variants
from .unionfind import UnionFind

#: A short form joins a corpus-wide holder only when the holder has this share of the co-occurrences...
DOMINANCE = 2 / 3

#: ...and co-occurs in at least this share of the short form's documents.
SUPPORT = 0.2

#: ...or, for a first name, which more people share, in at least this share of its documents.
FIRST_NAME_SUPPORT = 1 / 3


def country_names(corpus: Corpus, same: UnionFind) -> Iterator[Join]:
    """A country's names and short forms from the gazetteer ("US", "U.S.", "United States", "America"), and
    its alternate names where the corpus types them as places ("Holland")."""
    by_code: dict[str, list[str]] = defaultdict(list)
    for key, name in corpus.names.items():
        code = corpus.places.country.get(key) or (corpus.places.alternates.get(key) if name.type == "Place" else None)
        if code and name.type != "Person":
            by_code[code].append(key)
    for code, keys in by_code.items():
        canonical = match_key(corpus.places.canonical[code])
        target = canonical if canonical in keys else max(keys, key=lambda k: corpus.names[k].mentions)
        for key in keys:
            source = "pycountry" if key in corpus.places.country else "an alternate name, countryinfo"
            yield Join(key, target, f"a name of the country {code} (ISO 3166, {source})")


def place_variants(corpus: Corpus, same: UnionFind) -> Iterator[Join]:
    """ "Shannan City" = "Shannan"; "People's Republic of China" = "China" (where both are places)."""
    suffixed, prefixed = _place_affixes(corpus.lang)
    for key, name in corpus.names.items():
        for m in (suffixed.match(key), prefixed.match(key)):
            if m and m.group(1) in corpus.names and name.type == "Place" and corpus.names[m.group(1)].type != "Person":
                yield Join(key, m.group(1))


@cache
def _place_affixes(lang: str) -> tuple[re.Pattern[str], re.Pattern[str]]:
    """A place name with an administrative word after or before it (lang's PLACE_SUFFIXES and
    PLACE_PREFIXES); group 1 is the name without it."""
    words = vocabulary(lang)
    return (
        re.compile(rf"^(.+?) (?:{alternation(words.PLACE_SUFFIXES)})$"),
        re.compile(rf"^(?:{alternation(words.PLACE_PREFIXES)}) (.+)$"),
    )


def middle_initials(corpus: Corpus, same: UnionFind) -> Iterator[Join]:
    """ "Donald J. Trump" = "Donald Trump", where only one initialled form of that name exists."""
    variants: dict[str, list[str]] = defaultdict(list)
    for key in corpus.names:
        words = key.split()
        if len(words) >= 3 and all(len(w) == 1 for w in words[1:-1]):
            variants[f"{words[0]} {words[-1]}"].append(key)
    for bare, keys in variants.items():
        if len(keys) == 1 and bare in corpus.names and corpus.names[bare].type == "Person":
            yield Join(keys[0], bare)


def stray_words(corpus: Corpus, same: UnionFind) -> Iterator[Join]:
    """ "Chair Devin Nunes" = "Devin Nunes", "Islamophobic Geert Wilders" = "Geert Wilders": a word NER took
    into a person's name (a title, an adjective, a headline's verb, or a given name the text mostly drops),
    where the corpus never names that word on its own and has the rest, two words or more, as a person
    mentioned more often."""
    for key, name in corpus.names.items():
        first, _, rest = key.partition(" ")
        other = corpus.names.get(rest)
        if (
            name.type == "Person"
            and " " in rest
            and first not in corpus.names
            and other is not None
            and other.type == "Person"
            and other.mentions > name.mentions
        ):
            yield Join(key, rest, f"{name.forms.most_common(1)[0][0].split()[0]!r} before the name")


def damaged_names(corpus: Corpus, same: UnionFind) -> Iterator[Join]:
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
                yield Join(key, found[0])


def initialled_words(corpus: Corpus, same: UnionFind) -> Iterator[Join]:
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
            yield Join(key, full[0])


def qualified_names(corpus: Corpus, same: UnionFind) -> Iterator[Join]:
    """ "US Senate" = "Senate", "Samsung Group" = "Samsung", "Islamic State group" = "Islamic State": an
    organization name with a country before it or a corporate word after it (lang's ORG_SUFFIXES) is the
    organization without them, where that name is one too, and so is one without a head noun it is often
    written without (OMITTED_HEADS: "Labour" = "Labour Party"); a country that is part of the name ("China
    Daily", far commoner than "Daily") is kept, and so is one that the organization's documents seldom
    name, alone or so (``SUPPORT``): "Georgia House" is not the House, nor "Montenegro NATO" NATO."""
    suffixes, omitted = vocabulary(corpus.lang).ORG_SUFFIXES, vocabulary(corpus.lang).OMITTED_HEADS
    for key, name in corpus.names.items():
        words = key.split()
        if len(words) < 2 or name.type == "Person":
            continue
        for size in (1, 2, 3):
            country, rest = " ".join(words[:size]), " ".join(words[size:])
            if country in corpus.places.country and _organization(corpus, rest):
                if corpus.names[rest].mentions >= name.mentions and _named_with(corpus, same, [country, key], rest):
                    yield Join(key, rest, "the organization with its country named before it")
                break
        else:
            if words[-1] in suffixes and _organization(corpus, " ".join(words[:-1])):
                yield Join(key, " ".join(words[:-1]), "the organization with a corporate word after it")
            elif words[-1] in omitted and _organization(corpus, " ".join(words[:-1])):
                yield Join(" ".join(words[:-1]), key, "the organization without its head noun")


def inverted_names(corpus: Corpus, same: UnionFind) -> Iterator[Join]:
    """ "Justice Department" = "Department of Justice", "Department of Transport" = "Department for
    Transport": an organization named by its head noun (lang's ORG_HEADS) and a complement, either way
    round or with another word linking them (HEAD_COMPLEMENTS), the less mentioned joining the more."""
    words = vocabulary(corpus.lang)
    for key in corpus.names:
        parts = key.split()
        if len(parts) < 2 or not _organization(corpus, key):
            continue
        if parts[-1] in words.ORG_HEADS:
            others = [f"{parts[-1]} {link} {' '.join(parts[:-1])}" for link in words.HEAD_COMPLEMENTS]
        elif len(parts) >= 3 and parts[0] in words.ORG_HEADS and parts[1] in words.HEAD_COMPLEMENTS:
            others = [f"{parts[0]} {link} {' '.join(parts[2:])}" for link in words.HEAD_COMPLEMENTS if link < parts[1]]
        else:
            continue
        for other in others:
            if _organization(corpus, other):
                alias, target = sorted((key, other), key=lambda k: (corpus.names[k].mentions, k))
                yield Join(alias, target)


def _named_with(corpus: Corpus, same: UnionFind, names: list[str], key: str) -> bool:
    """Whether any of ``names``, or of the names joined to them, is named in ``SUPPORT`` of the documents
    of ``key``."""
    joined = [n for name in names for n in same.group(name) if n in corpus.names]
    docs = corpus.names[key].docs
    named = {d for n in joined for d in corpus.names[n].docs if d in docs}
    return len(named) >= SUPPORT * len(docs)


def _organization(corpus: Corpus, key: str) -> bool:
    name = corpus.names.get(key)
    return name is not None and name.type == "Organization" and key not in corpus.places.places


def definitions(corpus: Corpus, same: UnionFind) -> Iterator[Join]:
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
        yield Join(alias, target, f"defined as the same in the text ({n} times)")


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


def acronym_initials(corpus: Corpus, same: UnionFind) -> Iterator[Join]:
    """ "FBI" = "Federal Bureau of Investigation": an acronym joins the one long name with its initials
    that the corpus names beside it (the holder of most co-occurrences, in two documents at least, or in
    one where no other name has those initials)."""
    long_names: dict[str, list[str]] = defaultdict(list)
    for key, name in corpus.names.items():
        if " " in key and name.type != "Person" and not name.acronym:
            for letters in {initials(key, corpus.lang), initials(key, corpus.lang, skip=False)}:
                long_names[letters].append(key)
    for key, name in corpus.names.items():
        if name.acronym and 2 <= len(key) <= 6 and key in long_names:
            candidates = long_names[key]
            found = holder(corpus, key, candidates, same, support=0.0, least=2) or holder(
                corpus, key, candidates, same, support=0.0, alone=True
            )
            if found:
                yield Join(key, found)


def org_short_forms(corpus: Corpus, same: UnionFind) -> Iterator[Join]:
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
            yield Join(word, keys[0])


def clipped_forms(corpus: Corpus, same: UnionFind) -> Iterator[Join]:
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
        found = holder(corpus, key, candidates, same, support=0.0, least=2) if candidates else None
        if found:
            yield Join(key, found)


#: The parts of a name written in camel case, each of three letters or more ("HuffPost" -> Huff, Post).
_CAMEL_PARTS = re.compile(r"[A-Z][a-z]{2,}")


def blended_names(corpus: Corpus, same: UnionFind) -> Iterator[Join]:
    """ "HuffPost" = "Huffington Post": a one-word name in camel case whose parts begin the first words of
    organization names, one after another, joined to the one the corpus names beside it."""
    by_first: dict[str, list[str]] = defaultdict(list)
    for key, name in corpus.names.items():
        if " " in key and name.type == "Organization":
            by_first[key.split()[0][:3]].append(key)
    for key, name in corpus.names.items():
        form = name.forms.most_common(1)[0][0]
        parts = [p.lower() for p in _CAMEL_PARTS.findall(form)]
        if " " in key or len(parts) < 2 or "".join(parts) != key or key in corpus.places.places:
            continue
        candidates = [
            c
            for c in by_first[parts[0][:3]]
            if len(words := c.split()) >= len(parts) and all(w.startswith(p) for w, p in zip(words, parts))
        ]
        found = holder(corpus, key, candidates, same, support=0.0, least=2) if candidates else None
        if found:
            yield Join(key, found)


def holder(
    corpus: Corpus,
    key: str,
    candidates: list[str],
    same: UnionFind,
    support: float = SUPPORT,
    least: int = 1,
    alone: bool = False,
) -> str | None:
    """The candidate that holds a short form corpus-wide: it has most of the co-occurrences
    (``DOMINANCE``), in at least ``least`` documents and ``support`` of the short form's documents; with
    ``alone``, only where it is the one candidate."""
    counts = corpus.cooccurrence(key, candidates, same.find)
    if not counts or (alone and len(counts) > 1):
        return None
    (root, n), total = counts.most_common(1)[0], sum(counts.values())
    if n < least or n < DOMINANCE * total or n < support * len(corpus.names[key].docs):
        return None
    return max((c for c in candidates if same.find(c) == root), key=lambda c: corpus.names[c].mentions)


#: The corpus-wide rules, in the order they apply (earlier unions are seen by later rules).
CORPUS_RULES: tuple[Rule[CorpusRule], ...] = (
    Rule("country-name", "a name of the country (ISO 3166, pycountry)", country_names),
    Rule("place-variant", "place name with an administrative prefix or suffix", place_variants),
    Rule("middle-initial", "the same name with a middle initial", middle_initials),
    Rule("stray-word", "the name with a word before it that the corpus never names alone", stray_words),
    Rule("damaged-characters", "the same name with characters lost (U+FFFD) before reading", damaged_names),
    Rule(
        "spelling-variant",
        "the same person's name spelt with one letter changed or romanized another way",
        spelling_variants,
    ),
    Rule("nickname", "the same person's name with a nickname for the first name", nicknames),
    Rule("dropped-given-name", "the one longer name of a person, of which it drops a given name", dropped_given_names),
    Rule("initialled-word", "a word cut to its initial in the one name that has it whole", initialled_words),
    Rule(
        "qualified-name",
        "the organization with its country named before it, or a corporate word after it",
        qualified_names,
    ),
    Rule("inverted-name", "the same organization named by its head noun and complement", inverted_names),
    Rule("definition", "defined as the same in the text", definitions),
    Rule("acronym-initials", "acronym of the name it is the initials of", acronym_initials),
    Rule("org-short-form", "head noun of the one organization so named", org_short_forms),
    Rule("clipped-form", "shortened form of the one organization named beside it", clipped_forms),
    Rule("blended-name", "the first letters of the words of the one organization named beside it", blended_names),
)
