"""Merge mentions into entities: one node per real-world thing, every surface form kept as an alias."""

from __future__ import annotations

import unicodedata
from collections import Counter, defaultdict
from collections.abc import Iterable
from dataclasses import dataclass

from .model import ENTITY_TYPES, Entity, Extraction, Mention
from .read import slugify

_APOSTROPHES = str.maketrans({"’": "'", "‘": "'", "`": "'", "“": '"', "”": '"'})


def normalize(name: str) -> str:
    """The comparison form of a name: case, accents, quotes and spacing folded."""
    folded = unicodedata.normalize("NFKD", name.translate(_APOSTROPHES))
    folded = "".join(c for c in folded if not unicodedata.combining(c))
    return " ".join(folded.casefold().split())


@dataclass(frozen=True)
class Resolution:
    """The entities, and which entity each mention belongs to."""

    entities: tuple[Entity, ...]
    keys: dict[tuple[str, str, str], str]  # (doc_id, mention type, normalized text) -> Entity.key

    def key_of(self, mention: Mention) -> str | None:
        return self.keys.get((mention.doc_id, mention.type, normalize(mention.text)))


def resolve(extractions: Iterable[Extraction]) -> Resolution:
    """Group mentions by normalized name and type; the commonest surface form becomes the label."""
    forms: dict[tuple[str, str], Counter[str]] = defaultdict(Counter)
    docs: dict[tuple[str, str], set[str]] = defaultdict(set)
    for extraction in extractions:
        for mention in extraction.mentions:
            group = (mention.type, normalize(mention.text))
            forms[group][mention.text] += 1
            docs[group].add(mention.doc_id)

    entities, keys, used = [], {}, set()
    order = sorted(forms, key=lambda g: (ENTITY_TYPES.index(g[0]), g[1]))
    for group in order:
        entity_type, _ = group
        label = choose_label(forms[group])
        key = unique_key(entity_type, label, used)
        entities.append(
            Entity(
                key=key,
                label=label,
                type=entity_type,
                aliases=tuple(sorted(f for f in forms[group] if f != label)),
                mentions=sum(forms[group].values()),
                documents=tuple(sorted(docs[group])),
            )
        )
        for doc_id in docs[group]:
            keys[(doc_id, entity_type, group[1])] = key
    return Resolution(tuple(entities), keys)


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
