"""The shapes of names: how two written forms compare, and what a form says about itself.

``match_key`` folds everything that never tells two things apart (case, accents, quotes, dots in
abbreviations, hyphens, a leading "the", a title, a possessive), so "U.S." = "US", "Kim Jong-nam" =
"Kim Jong Nam", "Mrs May" = "May" and "Bashar al-Assad" = "Bashar Assad" before any rule runs.
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass
from functools import lru_cache

from .lang import alternation, vocabulary

_APOSTROPHES = str.maketrans({"’": "'", "‘": "'", "`": "'", "“": '"', "”": '"', "‐": "-", "–": "-"})
_ACRONYM = re.compile(r"^(?:[A-Z]\.?){2,6}$|^(?:[A-Z]\.){1,5}[A-Z]\.?$")
#: U+FFFD: a character already lost before the text reached us (no library can bring it back).
LOST = "\ufffd"


@lru_cache(maxsize=1 << 16)
def normalize(name: str) -> str:
    """The comparison form of a name: case, accents, quotes and spacing folded."""
    folded = unicodedata.normalize("NFKD", name.translate(_APOSTROPHES))
    folded = "".join(c for c in folded if not unicodedata.combining(c))
    return " ".join(folded.casefold().split())


@lru_cache(maxsize=1 << 18)
def split_title(name: str, lang: str = "en") -> tuple[str, str]:
    """("President", "Donald Trump") from "President Donald Trump"; ("", name) when there is no title.

    Titles are only taken off when a name is left behind ("President" alone stays as it is), and not before
    a lone organization head noun ("Justice Department", "General Assembly")."""
    words = name.split()
    titles, heads = vocabulary(lang).TITLES, vocabulary(lang).ORG_HEADS
    taken = 0
    while taken < len(words) - 1:
        for size in (2, 1):
            head = " ".join(words[taken : taken + size])
            if len(words) == taken + size + 1 and normalize(words[-1]) in heads:
                continue
            if taken + size < len(words) and normalize(head).rstrip(".") in titles:
                taken += size
                break
        else:
            break
    return " ".join(words[:taken]), " ".join(words[taken:])


@dataclass(frozen=True)
class _Folds:
    """What ``match_key`` takes out of a name, made from a language's word lists."""

    article: re.Pattern[str]  # "The Hague" -> "Hague"
    hyphenated: re.Pattern[str]  # "al-Assad" -> "Assad"
    spaced: re.Pattern[str]  # "al Qaeda" -> "Qaeda" (lower case only)
    possessive: re.Pattern[str]  # "trump's" -> "trump", once normalised


@lru_cache(maxsize=4)
def _folds(lang: str) -> _Folds:
    words = vocabulary(lang)
    articles = alternation(f(a) for a in words.KEY_ARTICLES for f in (str.lower, str.capitalize, str.upper))
    particles = alternation(sorted(words.NAME_PARTICLES))
    endings = alternation(sorted({normalize(e) for e in words.POSSESSIVE_ENDINGS}, key=lambda e: (-len(e), e)))
    return _Folds(
        re.compile(rf"^(?:{articles}) "),
        re.compile(rf"\b(?:{particles})-(?=\w)", re.IGNORECASE),
        re.compile(rf"\b(?:{particles}) (?=[A-Z])"),
        re.compile(rf"(?:{endings})$"),
    )


@lru_cache(maxsize=1 << 18)
def match_key(name: str, lang: str = "en") -> str:
    """The key two forms of one name share (see the module docstring)."""
    folds = _folds(lang)
    _, rest = split_title(name, lang)
    rest = folds.article.sub("", rest)
    rest = folds.hyphenated.sub("", rest)
    rest = folds.spaced.sub("", rest)
    key = normalize(rest)
    key = folds.possessive.sub("", key)
    key = key.replace(".", "").replace("-", " ")
    return " ".join(key.split()) or normalize(name)


def is_acronym(form: str) -> bool:
    """ "EU", "U.S.", "ISIS": capitals only, two to six letters, dotted or not."""
    return bool(_ACRONYM.match(form.replace(" ", "")))


def initials(key: str, lang: str = "en", skip: bool = True) -> str:
    """ "federal bureau of investigation" -> "fbi": the first letters of the words that count (with
    ``skip=False`` every word counts: "department of justice" -> "doj")."""
    skip_words = vocabulary(lang).ACRONYM_SKIP if skip else frozenset()
    return "".join(w[0] for w in key.split() if w not in skip_words and w[0].isalnum())


def head_noun(key: str, lang: str = "en") -> str:
    """The head noun of a name's key: its last word before a complement ("communist party of china" ->
    "party"); "" for an empty key."""
    for word in vocabulary(lang).HEAD_COMPLEMENTS:
        key = key.split(f" {word} ")[0]
    return key.split()[-1] if key else ""


def without_suffix(words: list[str], lang: str = "en") -> list[str]:
    """A person's name words without "Jr."/"III" ("donald trump jr" -> ["donald", "trump"])."""
    suffixes = vocabulary(lang).NAME_SUFFIXES
    while len(words) > 1 and words[-1] in suffixes:
        words = words[:-1]
    return words


def slugify(text: str) -> str:
    """A readable, IRI-safe slug: "Xizang Autonomous Region" -> "xizang-autonomous-region"."""
    ascii_text = unicodedata.normalize("NFKD", re.sub(r"['’]", "", text)).encode("ascii", "ignore").decode()
    slug = re.sub(r"[^a-z0-9]+", "-", ascii_text.lower()).strip("-")
    return slug or "x"
