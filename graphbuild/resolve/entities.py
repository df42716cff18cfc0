"""Merge mentions into entities across a corpus: one node per real-world thing, every surface form kept
as an alias, and every merge explained by the rule that made it (``Entity.merges``).

It works in two passes, so each decision sees the whole corpus:
1. statistics (``corpus.Corpus``): every name with its forms, documents, type votes and definitions;
2. rules, in the order declared, which is their priority: the corpus-wide unions of names
   (``rules.CORPUS_RULES``, each seeing the unions before it), then, for the short forms they leave apart,
   the per-document rules (``short_forms.DOCUMENT_RULES``, the first that finds a name wins), then the
   user's aliases file (merges, types, never-merge pairs), which has the last word.
"""

from __future__ import annotations

import re
from array import array
from collections import Counter, defaultdict
from collections.abc import Iterable
from dataclasses import dataclass, field
from typing import Any

from ..names import LOST, is_acronym, match_key, slugify, split_title
from ..records import ENTITY_TYPES, Entity, Extraction, Mention, Merge
from .aliases import Aliases
from .corpus import HEADLINE, NESTED, Corpus, Occurrences
from .glued import GLUED
from .rules import CORPUS_RULES, Rule
from .short_forms import Redirects, short_names
from .typevote import Votes
from .unionfind import UnionFind

#: An entity's type is voted by all its mentions, those of names a rule made aliases weighing less: "Wang"
#: tagged ORG five times does not make "Wang Huning" an organization.
ALIAS_WEIGHT = 0.25


@dataclass(frozen=True)
class Resolution:
    """The entities, which entity each mention belongs to, and what was dropped."""

    entities: tuple[Entity, ...]
    keys: dict[str, dict[str, str]]  # doc_id -> match key of a mention there -> Entity.key
    dropped: tuple[str, ...] = ()  # names dropped, with the reason
    notes: tuple[str, ...] = ()  # merges the aliases file refused or could not apply
    also: dict[str, str] = field(default_factory=dict)  # match key of a glued name -> its other part's Entity.key

    def key_of(self, mention: Mention) -> str | None:
        """The key of the entity a mention belongs to; None where there is none (its entity was dropped)."""
        return self.keys.get(mention.doc_id, {}).get(match_key(mention.text))

    def keys_of(self, mention: Mention) -> tuple[str, ...]:
        """Every entity a mention belongs to: one, two for a glued name ("US Sergey Kislyak"), or none."""
        text = match_key(mention.text)  # once: this runs for every mention the co-occurrence stage counts
        return tuple(k for k in (self.keys.get(mention.doc_id, {}).get(text), self.also.get(text)) if k is not None)


def resolve(extractions: Iterable[Extraction] | Corpus, aliases: Aliases | None = None, lang: str = "en") -> Resolution:
    """Group, merge and type the mentions of a corpus (see the module docstring for the passes and the order
    of the rules); the extractions, or the ``Corpus`` already collected from them as they were parsed."""
    aliases = aliases or Aliases()
    corpus = extractions if isinstance(extractions, Corpus) else Corpus.collect(extractions, lang)
    lang = corpus.lang
    same = UnionFind((match_key(a, lang), match_key(b, lang)) for a, b in aliases.never)
    for rule in CORPUS_RULES:
        for join in list(rule.function(corpus, same)):
            same.union(join.alias, join.target, rule.name, join.detail or rule.detail)
    glued = _glued(corpus, same)
    redirect = short_names(corpus, same)
    notes = aliases_merges(corpus, same, aliases)
    types = {match_key(n, lang): t for n, t in aliases.types.items()}
    return _entities(corpus, same, redirect, types, tuple(notes + same.refused), glued)


def _glued(corpus: Corpus, same: UnionFind) -> dict[str, str]:
    """The glued names no rule joined to anything (``glued.glued_names``), each joined to the part that holds
    it; returns each one's other part, whose entity gets its mentions too."""
    others = {}
    for key, (owner, other) in GLUED.function(corpus).items():
        if len(same.group(key)) == 1 and same.allowed(key, owner) and same.allowed(key, other):
            form = corpus.names[other].forms.most_common(1)[0][0]
            same.union(key, owner, GLUED.name, f"{GLUED.detail}: also a mention of {form}")
            others[key] = other
    return others


def aliases_merges(corpus: Corpus, same: UnionFind, aliases: Aliases) -> list[str]:
    """The aliases file's merges, after every rule; returns a note for each group naming what the corpus
    does not."""
    notes = []
    for names in aliases.merge:
        keys = [match_key(n, corpus.lang) for n in names]
        missing = [n for n, k in zip(names, keys) if k not in corpus.names]
        if missing:
            notes.append(f"aliases file: {', '.join(missing)} not found in the corpus")
        present = [k for k in keys if k in corpus.names]
        for key in present[1:]:
            same.union(key, present[0], "aliases-file", "merged by the aliases file")
    return notes


def _entities(
    corpus: Corpus,
    same: UnionFind,
    redirect: Redirects,
    types: dict[str, str],
    notes: tuple[str, ...],
    glued: dict[str, str],
) -> Resolution:
    rows = corpus.occurrences
    clusters: dict[str, array[int]] = defaultdict(lambda: array("L"))  # root -> its rows of occurrences
    second: dict[str, set[int]] = defaultdict(set)  # root -> rows of glued names it holds as the other part
    moved: dict[str, Votes] = defaultdict(Votes)  # votes of mentions a document rule moved
    moved_votes: dict[str, Votes] = defaultdict(Votes)  # the same, by the cluster they went to
    for row, (doc, key) in enumerate(zip(rows.docs, rows.keys)):
        moved_to = redirect.get((doc, key))
        root = same.find(moved_to[0] if moved_to is not None else key)
        clusters[root].append(row)
        if key in glued:
            clusters[other := same.find(glued[key])].append(row)
            second[other].add(row)
        if moved_to is not None:
            votes = rows.votes_of(row)
            moved[key].add(votes)
            moved_votes[root].add(votes)
    entities: list[Entity] = []
    dropped: list[str] = []
    used: set[str] = set()
    keys: dict[str, dict[str, str]] = defaultdict(dict)
    also: dict[str, str] = {}
    for root in sorted(clusters, key=lambda r: (min(rows.docs[i] for i in clusters[r]), r)):
        held = second.pop(root, set())
        members = [_Member.of(rows, row, redirect, GLUED if row in held else None) for row in clusters.pop(root)]
        votes = Votes()
        votes.add(moved_votes[root], ALIAS_WEIGHT)
        for key in {m.key for m in members if m.rule is None}:
            own = corpus.names[key].votes.minus(moved[key]) if key in moved else corpus.names[key].votes
            votes.add(own, ALIAS_WEIGHT if key in same.aliased else 1.0)
        override = next((types[m.key] for m in members if m.key in types), None)
        entity_type = override or votes.winner()
        label = _label(corpus, same, members)
        fragment = _fragment(entity_type, members)
        if fragment:
            dropped.append(f"{label}: {fragment}")
            continue
        key = unique_key(entity_type, label, used)
        entities.append(
            Entity(
                key=key,
                label=label,
                type=entity_type,
                aliases=tuple(sorted({m.text for m in members if m.rule is not GLUED} - {label})),
                mentions=sum(m.count for m in members),
                documents=tuple(sorted({m.doc for m in members})),
                merges=_merges(same, members, label),
                typing=_typing(votes, override),
                per_document=_per_document(members),
            )
        )
        for m in members:
            if m.rule is GLUED:
                also[m.key] = key
            else:
                keys[m.doc][m.key] = key
    entities.sort(key=lambda e: (ENTITY_TYPES.index(e.type), e.key))
    return Resolution(tuple(entities), dict(keys), tuple(dropped), notes, also)


def _per_document(members: list[_Member]) -> tuple[tuple[str, int], ...]:
    """(doc id, mentions there) of an entity, by doc id: what its weight over time and sources is counted from."""
    counts: dict[str, int] = defaultdict(int)
    for m in members:
        counts[m.doc] += m.count
    return tuple(sorted(counts.items()))


@dataclass(frozen=True, slots=True)
class _Member:
    """Some mentions of an entity: one form of one name in one document, and the rule that moved them."""

    doc: str
    key: str
    text: str
    rule: Rule[Any] | None
    count: int
    headline: bool
    nested: bool

    @classmethod
    def of(cls, rows: Occurrences, row: int, redirect: Redirects, rule: Rule[Any] | None = None) -> _Member:
        """The row's mentions, with the document rule that moved them there, or ``rule``."""
        doc, key, flags = rows.docs[row], rows.keys[row], rows.flags[row]
        if rule is None and (doc, key) in redirect:
            rule = redirect[(doc, key)][1]
        return cls(doc, key, rows.forms[row], rule, rows.counts[row], bool(flags & HEADLINE), bool(flags & NESTED))


def _label(corpus: Corpus, same: UnionFind, members: list[_Member]) -> str:
    """The commonest full form of the names no rule made an alias: no title, no acronym where a full
    form exists, a country's ISO name where it is written."""
    forms: Counter[str] = Counter()
    for m in members:
        if m.rule is None and m.key not in same.aliased:
            forms[split_title(m.text)[1]] += m.count
    if not forms:
        for m in members:
            forms[split_title(m.text)[1]] += m.count
    full = Counter({f: n for f, n in forms.items() if not is_acronym(f) and LOST not in f})
    forms = full or forms
    codes = {code for f in forms if (code := corpus.places.country.get(match_key(f))) is not None}
    for code in sorted(codes):
        canonical = corpus.places.canonical[code]
        if any(match_key(f) == match_key(canonical) for f in forms):
            return max((f for f in forms if match_key(f) == match_key(canonical)), key=lambda f: forms[f])
    return choose_label(forms)


def _merges(same: UnionFind, members: list[_Member], label: str) -> tuple[Merge, ...]:
    """Why each form other than the label belongs here: the rule of its document, or of its name."""
    label_root = same.find(match_key(label))
    found = set()
    for text, key, rule in {(m.text, m.key, m.rule) for m in members}:
        if text == label:
            continue
        if rule is not None:
            found.add(Merge(text, rule.name, rule.detail))
        elif key in same.why:
            found.add(Merge(text, *same.why[key]))
        elif same.find(key) == label_root:
            found.add(Merge(text, "same-name", "the same name once case, accents, dots, hyphens and titles are folded"))
    return tuple(sorted(found, key=lambda g: (g.alias, g.rule)))


def _typing(votes: Votes, override: str | None) -> str:
    """The votes, in ``Votes.ranking`` order: the winner first."""
    if override:
        return f"type set by the aliases file: {override}"
    shown = [(t, votes[t]) for t in votes.ranking() if votes[t] > 0]
    return "type voted " + ", ".join(f"{t} {v:g}" for t, v in shown) if len(shown) > 1 else ""


#: A clock time ("10:45pm PDT", "6.05pm Connolly", "9 a.m."): a timestamp NER took for a name.
_CLOCK = re.compile(r"(?<![\d.:])\d{1,2}:\d{2}(?![\d.:])|\b\d{1,2}(?:[.:]\d{2})? ?[ap]\.?m\b", re.IGNORECASE)


def _fragment(entity_type: str, members: list[_Member]) -> str | None:
    """Why a name is only a piece of something else (an 'organization' of headlines or events), or a
    timestamp, if it is."""
    if all(_CLOCK.search(m.text) for m in members):
        return "a clock time, not a name"
    if entity_type != "Organization":
        return None
    if all(m.headline for m in members):
        return "organization named only in Title Case headlines"
    if all(m.nested for m in members):
        return "organization named only inside event names"
    return None


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
