"""Rule vocabularies as data, one module per language (as spaCy keeps ``lang/en``).

A rule asks ``vocabulary(lang)`` for its words; adding a word or a language touches only this folder.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from functools import cache
from importlib import import_module
from types import ModuleType


@cache
def vocabulary(lang: str = "en") -> ModuleType:
    """The word lists of a language (``graphbuild.lang.en`` for "en")."""
    return import_module(f"{__name__}.{lang}")


def alternation(phrases: Iterable[str]) -> str:
    """A regex alternation matching any of ``phrases`` as written, for rules that find words in text."""
    return "|".join(map(re.escape, phrases))
