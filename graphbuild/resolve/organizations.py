"""Corpus rules about organizations' names: the same organization qualified, spelt, inverted, defined,
abbreviated, shortened or blended another way ("US Senate" / "Senate", "Justice Department" / "Department
of Justice", "FBI", "Fed", "HuffPost")."""

from __future__ import annotations

import re
from bisect import bisect_left
from collections import Counter, defaultdict
from collections.abc import Iterator

from ..lang import rewriter, vocabulary
from ..names import head_noun, initials
from .corpus import Corpus
from .joins import DOMINANCE, SUPPORT, Join, holder
from .unionfind import UnionFind


def spellings(corpus: Corpus, same: UnionFind) -> Iterator[Join]:
    """ "North Atlantic Treaty Organisation" = "North Atlantic Treaty Organization", "Defence Ministry" =
    "Defense Ministry": names of places, organizations and events that are one in British and American
    spelling (lang's SPELLINGS), the less mentioned joining the most."""
    spelt = rewriter(vocabulary(corpus.lang).SPELLINGS)
    groups: dict[str, list[str]] = defaultdict(list)
    for key, name in corpus.names.items():
        if name.type != "Person":
            groups[spelt(key)].append(key)
    for keys in groups.values():
        if len(keys) > 1:
            target = max(keys, key=lambda k: (corpus.names[k].mentions, k))
            yield from (Join(key, target) for key in keys if key != target)


def qualified_names(corpus: Corpus, same: UnionFind) -> Iterator[Join]:
    """ "US Senate" = "Senate", "Samsung Group" = "Samsung", "Islamic State group" = "Islamic State": an
    organization name with a country before it or a corporate word after it (lang's ORG_SUFFIXES) is the
    organization without them, where that name is one too, and so is one without a head noun it is often
    written without (OMITTED_HEADS: "Labour" = "Labour Party"; not where the rest is a head noun itself:
    "Congress" is not the Congress party); a country that is part of the name ("China
    Daily", far commoner than "Daily") is kept, and so is one that the organization's documents seldom
    name, alone or so (``SUPPORT``): "Georgia House" is not the House, nor "Montenegro NATO" NATO."""
    words_of = vocabulary(corpus.lang)
    suffixes, omitted, heads = words_of.ORG_SUFFIXES, words_of.OMITTED_HEADS, words_of.ORG_HEADS
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
            elif words[-1] in omitted and (bare := " ".join(words[:-1])) not in heads and _organization(corpus, bare):
                alias, target = sorted((bare, key), key=lambda k: (corpus.names[k].mentions, k))
                yield Join(alias, target, "the organization without its head noun")


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
        if len(keys) == 1 and word in words and _lone_organization(corpus, word):
            yield Join(word, keys[0])


def _lone_organization(corpus: Corpus, key: str) -> bool:
    """Whether a name is an organization's, no acronym, and capitalised somewhere ("the Party", "the House")."""
    lone = corpus.names.get(key)
    return (
        lone is not None
        and lone.type == "Organization"
        and not lone.acronym
        and any(f[:1].isupper() for f in lone.forms)
    )


def heads_of_names(corpus: Corpus, same: UnionFind) -> Iterator[Join]:
    """ "House" = "House of Representatives": a lone capitalised organization name that heads organization
    names before a complement (lang's HEAD_COMPLEMENTS: "House of Commons", "House of Lords"), joined to
    the one of them the corpus names beside it (most co-occurrences, in two documents at least)."""
    links = vocabulary(corpus.lang).HEAD_COMPLEMENTS
    heads: dict[str, list[str]] = defaultdict(list)
    for key, name in corpus.names.items():
        parts = key.split()
        if len(parts) >= 3 and parts[1] in links and name.type == "Organization":
            heads[parts[0]].append(key)
    for key, candidates in heads.items():
        found = _lone_organization(corpus, key) and holder(corpus, key, candidates, same, support=0.0, least=2)
        if found:
            yield Join(key, found)


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
