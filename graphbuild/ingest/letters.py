"""Letters lost before the text was read (U+FFFD) put back from the language's word frequencies (wordfreq).

A source that decoded UTF-8 badly leaves "Fianna F\ufffd\ufffdil": the letter is gone, but the word is not
rare. Where a known word of the language fits the letters as written, with one non-ASCII letter for each
run of U+FFFD, the most frequent such word gives the letter back ("Fianna Fáil", "Sinn Féin", "Beyoncé").
A lost character next to digits, quotes or other marks is left as it is: nothing tells "€" from "£".
"""

from __future__ import annotations

import re
from functools import cache

from wordfreq import iter_wordlist

from ..names import LOST

#: A word with lost characters: letters and runs of U+FFFD, not next to a digit or another word character.
_DAMAGED = re.compile(rf"(?<![\w{LOST}])[^\W\d_]*(?:{LOST}+[^\W\d_]*)+(?![\w{LOST}])")
_RUN = re.compile(f"{LOST}+")


@cache
def _known(lang: str) -> dict[str, str]:
    """Each word of the language's wordfreq list that holds a non-ASCII letter, by its key (those letters
    as U+FFFD), the most frequent first."""
    known: dict[str, str] = {}
    for word in iter_wordlist(lang, wordlist="large"):
        if word.isalpha() and not word.isascii():
            known.setdefault("".join(c if c.isascii() else LOST for c in word), word)
    return known


def _restored(damaged: str, lang: str) -> str:
    """The word with its lost letters back, in the case the word is written in; as it was if none fits."""
    written = _RUN.sub(LOST, damaged)
    word = _known(lang).get(written.lower()) if written.strip(LOST) else None
    if word is None or len(word) != len(written):
        return damaged
    capitals = written.replace(LOST, "").isupper()
    return "".join(
        c if c != LOST else (w.upper() if capitals or i == 0 else w) for i, (c, w) in enumerate(zip(written, word))
    )


def restore_letters(text: str, lang: str = "en") -> str:
    """``text`` with every word's lost letters put back where the language knows the word."""
    return _DAMAGED.sub(lambda m: _restored(m.group(), lang), text) if LOST in text else text
