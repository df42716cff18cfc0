"""What every resolution rule is (``Rule``) and what a corpus rule finds (``Join``), apart from the rules
themselves so that each family of rules can live in its own module."""

from __future__ import annotations

from collections.abc import Callable, Iterator
from dataclasses import dataclass
from typing import Generic, NamedTuple, TypeVar

from .corpus import Corpus
from .unionfind import UnionFind

F = TypeVar("F", bound=Callable)


@dataclass(frozen=True)
class Rule(Generic[F]):
    """A resolution rule: its name, what a merge by it means, and the function that finds its merges."""

    name: str
    detail: str
    function: F


class Join(NamedTuple):
    """Two names a corpus rule finds to be one thing; ``detail`` where this union says more than the rule."""

    alias: str
    target: str
    detail: str | None = None


#: A corpus rule's function: the unions it finds in the corpus, given the unions made before it.
CorpusRule = Callable[[Corpus, UnionFind], Iterator[Join]]
