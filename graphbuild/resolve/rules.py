"""The corpus-wide resolution rules: each a small function about the shape of names, none about
particular names, declared in ``CORPUS_RULES`` in the order they apply (each sees the unions before it).
The rules about places and any name are here; those about people's and organizations' names in
``people`` and ``organizations``.

Every rule, corpus-wide or per document (``short_forms``), is one ``Rule`` record: its name (shown by
``--explain`` and kept in the RDF), what it means, and the function that applies it.
"""

from __future__ import annotations

import re
from collections import defaultdict
from collections.abc import Iterator
from functools import cache

from ..lang import alternation, vocabulary
from ..names import LOST, match_key
from .corpus import Corpus
from .joins import CorpusRule, Join, Rule
from .organizations import (
    acronym_initials,
    blended_names,
    clipped_forms,
    definitions,
    heads_of_names,
    inverted_names,
    org_short_forms,
    qualified_names,
    spellings,
)
from .people import dropped_given_names, nicknames, spelling_variants
from .unionfind import UnionFind


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
    """ "Shannan City" = "Shannan"; "People's Republic of China" = "China" (where both are places). A country
    with an administrative word after it is a place in it ("Mexico City", "Kuwait City"), not the country."""
    suffixed, prefixed = _place_affixes(corpus.lang)
    for key, name in corpus.names.items():
        suffix = suffixed.match(key)
        if suffix and suffix.group(1) in corpus.places.country:
            suffix = None
        for m in (suffix, prefixed.match(key)):
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
    Rule("spelling", "the same name in British or American spelling", spellings),
    Rule("inverted-name", "the same organization named by its head noun and complement", inverted_names),
    Rule("definition", "defined as the same in the text", definitions),
    Rule("acronym-initials", "acronym of the name it is the initials of", acronym_initials),
    Rule("org-short-form", "head noun of the one organization so named", org_short_forms),
    Rule("head-of-name", "head noun of the organization named with a complement beside it", heads_of_names),
    Rule("clipped-form", "shortened form of the one organization named beside it", clipped_forms),
    Rule("blended-name", "the first letters of the words of the one organization named beside it", blended_names),
)
