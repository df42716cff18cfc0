"""Corpus rules about people's names: the same person's name spelt, romanized, nicknamed or shortened
another way ("Sergei" / "Sergey Lavrov", "Mike" / "Michael Flynn", "Tayyip" / "Recep Tayyip Erdogan")."""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterator
from functools import cache

from nicknames import NickNamer

from ..lang import rewriter, vocabulary
from .corpus import Corpus
from .joins import Join
from .unionfind import UnionFind


def spelling_variants(corpus: Corpus, same: UnionFind) -> Iterator[Join]:
    """ "Hilary Clinton" = "Hillary Clinton", "Sergei Lavrov" = "Sergey Lavrov": people with the same
    surname whose first names (five letters or more) differ by one letter and who are never named in one
    document (one writer does not spell one person two ways; "Ivana" and "Ivanka Trump" meet in many),
    or are one name in two romanizations (``ROMANIZATIONS``), which one document may well use both of."""
    romanized = rewriter(vocabulary(corpus.lang).ROMANIZATIONS)
    for keys in _by_surname(corpus, shortest_first=5):
        for i, rare in enumerate(keys):
            for common in keys[:i]:
                first, other = rare.split()[0], common.split()[0]
                if romanized(first) == romanized(other) or (
                    _one_edit(first, other) and not corpus.names[rare].docs.keys() & corpus.names[common].docs.keys()
                ):
                    yield Join(rare, common)
                    break


def nicknames(corpus: Corpus, same: UnionFind) -> Iterator[Join]:
    """ "Mike Flynn" = "Michael Flynn", "Bill Clinton" = "William Clinton": people with the same surname
    whose first names are a name and its nickname in the ``nicknames`` package's hand-curated English
    data, where neither pairs so with another name of the surname and one document names both (English
    corpora only)."""
    if corpus.lang != "en":
        return
    for keys in _by_surname(corpus):
        pairs = {k: [o for o in keys if o != k and _nickname_pair(k.split()[0], o.split()[0])] for k in keys}
        for i, rare in enumerate(keys):
            # each the other's only pair ("Chris" pairs with Christopher and Christine: no guess), named
            # together in a document at least once (the data pairs "Bill" with Robert too: Bill and
            # Robert Gates never meet), the less mentioned joining the more mentioned
            other = pairs[rare][0] if len(pairs[rare]) == 1 else None
            if (
                other is not None
                and pairs[other] == [rare]
                and other in keys[:i]
                and corpus.names[rare].docs.keys() & corpus.names[other].docs.keys()
            ):
                yield Join(rare, other)


def _by_surname(corpus: Corpus, shortest_first: int = 1) -> list[list[str]]:
    """Person names of two words or more (the first of at least ``shortest_first`` letters) grouped by all
    but their first word, each group most mentioned first."""
    groups: dict[tuple[str, ...], list[str]] = defaultdict(list)
    for key, name in corpus.names.items():
        words = key.split()
        if len(words) >= 2 and name.type == "Person" and len(words[0]) >= shortest_first:
            groups[tuple(words[1:])].append(key)
    return [sorted(keys, key=lambda k: (-corpus.names[k].mentions, k)) for keys in groups.values() if len(keys) > 1]


@cache
def _nicknamer() -> NickNamer:
    return NickNamer()


def _nickname_pair(a: str, b: str) -> bool:
    """One first name is a nickname of the other ("mike", "michael")."""
    return b in _nicknamer().nicknames_of(a) or a in _nicknamer().nicknames_of(b)


def _one_edit(a: str, b: str) -> bool:
    """Equal but for one letter added, dropped or changed (same first letter)."""
    if a[0] != b[0] or abs(len(a) - len(b)) > 1 or a == b:
        return False
    if len(a) == len(b):
        return sum(x != y for x, y in zip(a, b)) == 1
    short, long = sorted((a, b), key=len)
    return any(long[:i] + long[i + 1 :] == short for i in range(len(long)))


def dropped_given_names(corpus: Corpus, same: UnionFind) -> Iterator[Join]:
    """ "Tayyip Erdogan" = "Recep Tayyip Erdogan": a person's name of two words or more that ends exactly one
    longer, more mentioned person's name, which only drops a given name before it (a short form of one
    word is left to the per-document rules: "Trump" ends many names)."""
    ends: dict[str, list[str]] = defaultdict(list)
    people = [k for k, n in corpus.names.items() if n.type == "Person"]
    for key in people:
        words = key.split()
        for size in range(2, len(words)):
            ends[" ".join(words[-size:])].append(key)
    for key in people:
        longer = ends.get(key, [])
        if len(longer) == 1 and corpus.names[longer[0]].mentions > corpus.names[key].mentions:
            yield Join(key, longer[0])
