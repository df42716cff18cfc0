"""Rule vocabularies as data, one module per language (as spaCy keeps ``lang/en``).

A rule asks ``vocabulary(lang)`` for its words; adding a word or a language touches only this folder.
``Vocabulary`` is the checklist of a language module: every field, with its type and what it is for.
"""

from __future__ import annotations

import re
from collections import defaultdict
from collections.abc import Callable, Iterable
from dataclasses import dataclass, fields
from functools import cache
from importlib import import_module

from ..errors import GraphbuildError


@dataclass(frozen=True)
class Vocabulary:
    """The word lists of one language: a module ``lang/<code>.py`` defines each field as a name."""

    TITLES: frozenset[str]
    NAME_SUFFIXES: frozenset[str]
    NAME_PARTICLES: frozenset[str]
    ACRONYM_SKIP: frozenset[str]
    ABBREVIATIONS: frozenset[str]
    ORG_HEADS: frozenset[str]
    SPEECH_VERBS: frozenset[str]
    PLACE_PREPOSITIONS: frozenset[str]
    EVENT_PREPOSITIONS: frozenset[str]
    PLACE_NOUNS: frozenset[str]
    PLACE_NOUN_LINKS: frozenset[str]
    PAST_ENDINGS: tuple[str, ...]
    ALIAS_CUES: tuple[str, ...]
    DETERMINERS: frozenset[str]
    AUXILIARIES: frozenset[str]
    ORG_SUFFIXES: frozenset[str]
    FUNCTION_WORDS: frozenset[str]
    LIST_GAPS: tuple[str, ...]
    CONJUNCTIONS: frozenset[str]
    ARTICLES: frozenset[str]
    KEY_ARTICLES: tuple[str, ...]
    POSSESSIVE_ENDINGS: tuple[str, ...]
    POSSESSIVE_PRONOUNS: frozenset[str]
    EVENT_HEADS: frozenset[str]
    EVENT_NAME_PREPOSITIONS: frozenset[str]
    NAMED_PLACE_PREPOSITIONS: frozenset[str]
    EVENT_LEFT_STOPS: frozenset[str]
    EVENT_TRIM: frozenset[str]
    GROUP_NOUNS: frozenset[str]
    MONTHS: tuple[str, ...]
    WEEKDAYS: frozenset[str]
    PLACE_SUFFIXES: tuple[str, ...]
    PLACE_PREFIXES: tuple[str, ...]
    HEAD_COMPLEMENTS: tuple[str, ...]
    OMITTED_HEADS: frozenset[str]
    SPELLINGS: tuple[tuple[str, str], ...]
    SUBDIVISIONS_OF: tuple[str, ...]
    CREDIT_STARTS: tuple[str, ...]
    SOURCE_LABELS: tuple[str, ...]
    SHARE_BUTTONS: frozenset[str]
    NAVIGATION: frozenset[str]
    ROMANIZATIONS: tuple[tuple[str, str], ...]
    ROLES: frozenset[str]
    OCCUPATIONS: frozenset[str]
    QUOTING_VERBS: frozenset[str]
    LIGHT_VERBS: frozenset[str]
    PARTY_PREPOSITIONS: frozenset[str]
    ADMINISTRATIVE_NOUNS: frozenset[str]
    COMPASS_WORDS: frozenset[str]


@cache
def vocabulary(lang: str = "en") -> Vocabulary:
    """The word lists of a language (``graphbuild.lang.en`` for "en"), checked against ``Vocabulary``."""
    try:
        module = import_module(f"{__name__}.{lang}")
    except ModuleNotFoundError:
        raise GraphbuildError(f"no word lists for the language {lang!r} (graphbuild/lang/{lang}.py)") from None
    missing = [f.name for f in fields(Vocabulary) if not hasattr(module, f.name)]
    if missing:
        raise GraphbuildError(f"graphbuild/lang/{lang}.py lacks {', '.join(missing)} (see lang.Vocabulary)")
    return Vocabulary(**{f.name: getattr(module, f.name) for f in fields(Vocabulary)})


@cache
def rewriter(pairs: tuple[tuple[str, str], ...]) -> Callable[[str], str]:
    """A function applying a word list's (regex, replacement) pairs in turn ("ROMANIZATIONS", "SPELLINGS"),
    compiled once."""
    rules = [(re.compile(pattern), replacement) for pattern, replacement in pairs]

    def rewrite(text: str) -> str:
        for pattern, replacement in rules:
            text = pattern.sub(replacement, text)
        return text

    return rewrite


def alternation(phrases: Iterable[str]) -> str:
    """A regex alternation matching any of ``phrases`` as written, for rules that find words in text."""
    return "|".join(map(re.escape, phrases))


@cache
def demonyms() -> dict[str, str]:
    """Each country's demonym (countryinfo), lower case -> the country's name: "russian" -> "Russia". A
    demonym several countries share goes to the one with the most subdivisions in ISO 3166-2 ("American":
    the United States, not the Northern Mariana Islands; "French": France), else to none."""
    import pycountry  # both read their data when first asked: only builds with relations ask
    from countryinfo import CountryInfo

    found: dict[str, list[tuple[int, str]]] = defaultdict(list)
    for data in CountryInfo.all().values():
        code = (data.get("ISO") or {}).get("alpha2")
        if data.get("demonym") and data.get("name") and code:
            subdivisions = len(pycountry.subdivisions.get(country_code=code) or ())
            found[data["demonym"].lower()].append((subdivisions, data["name"]))
    chosen = {}
    for demonym, names in found.items():
        ranked = sorted(names, reverse=True)
        if len(ranked) == 1 or ranked[0][0] > ranked[1][0]:
            chosen[demonym] = ranked[0][1]
    return chosen
