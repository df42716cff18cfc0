"""Merge mentions into entities: one node per real-world thing, every surface form kept as an alias,
and every merge explained (``Entity.merges``) so it can be audited.

Rules, each about the shape of news text, none about particular names:
- same name: mentions whose names normalise alike are one entity; its type is voted by all of them;
- variants: a place with an administrative suffix or prefix ("X City", "X Autonomous Region",
  "People's Republic of X") is the same place as "X" where both occur;
- acronyms: "Full Name (FN)" defines FN in that document (and corpus-wide if it is never defined
  otherwise);
- short forms: a lone capitalised word that is the head noun of exactly one organization's name
  ("Party" for "Communist Party of China");
- surnames: in one document, a one-word name that is the first or last word of exactly one person's
  full name there is that person;
- fragments: an "organization" named only in Title Case headlines, or only inside an event's name, is
  dropped.
"""

from __future__ import annotations

import re
import unicodedata
from collections import Counter, defaultdict
from collections.abc import Iterable
from dataclasses import dataclass, field
from functools import lru_cache

from .model import ENTITY_TYPES, Entity, Extraction, Mention
from .read import slugify

_APOSTROPHES = str.maketrans({"’": "'", "‘": "'", "`": "'", "“": '"', "”": '"'})
_PLACE_SUFFIX = re.compile(
    r"^(.+?) (city|county|province|autonomous region|special administrative region|region|prefecture|"
    r"district|municipality|state|township|village|town|governorate|oblast)$")
_PLACE_PREFIX = re.compile(r"^(?:the )?(?:people's republic|republic|kingdom|state|city|commonwealth) of (.+)$")
_ACRONYM = re.compile(r"^ ?\(([A-Z][A-Za-z&.]{1,9})\)")
#: On a tie between types, the first listed wins: NER falls back to ORG most often when unsure.
_TYPE_PRIORITY = ("Person", "Event", "Place", "Organization")


@lru_cache(maxsize=1 << 16)
def normalize(name: str) -> str:
    """The comparison form of a name: case, accents, quotes and spacing folded."""
    folded = unicodedata.normalize("NFKD", name.translate(_APOSTROPHES))
    folded = "".join(c for c in folded if not unicodedata.combining(c))
    return " ".join(folded.casefold().split())


@dataclass(frozen=True)
class Resolution:
    """The entities, which entity each mention belongs to, and what was dropped."""

    entities: tuple[Entity, ...]
    keys: dict[tuple[str, str], str]  # (doc_id, normalized mention text) -> Entity.key
    dropped: tuple[str, ...] = ()  # names dropped, with the reason

    def key_of(self, mention: Mention) -> str | None:
        return self.keys.get((mention.doc_id, normalize(mention.text)))


@dataclass
class _Group:
    """All mentions of one normalised name."""

    forms: Counter = field(default_factory=Counter)
    types: Counter = field(default_factory=Counter)
    docs: set = field(default_factory=set)

    @property
    def type(self) -> str:
        return max(_TYPE_PRIORITY, key=lambda t: (self.types[t], -_TYPE_PRIORITY.index(t)))


def resolve(extractions: Iterable[Extraction]) -> Resolution:
    """Group, merge and type the mentions of a corpus (see the module docstring for the rules)."""
    extractions = list(extractions)
    groups: dict[str, _Group] = defaultdict(_Group)
    for extraction in extractions:
        for m in extraction.mentions:
            g = groups[normalize(m.text)]
            g.forms[m.text] += 1
            g.types[m.type] += 1
            g.docs.add(m.doc_id)

    same = _UnionFind()
    for name, group in groups.items():
        for variant in _place_variants(name):
            if variant in groups and group.type == "Place" and groups[variant].type != "Person":
                same.union(variant, name, f"{_label(groups[name])} ~ {_label(groups[variant])}: place name variant")

    redirect: dict[tuple[str, str], tuple[str, str]] = {}  # (doc, name) -> (target name, rule)
    acronyms = _acronyms(extractions)
    global_acronyms = _unambiguous({(a, t) for (_, a), t in acronyms.items()})
    short_forms = _short_forms(groups)
    for extraction in extractions:
        doc_id = extraction.document.doc_id
        names = {normalize(m.text) for m in extraction.mentions}
        persons = [n for n in names if groups[n].type == "Person" and " " in n]
        for name in names:
            if (doc_id, name) in acronyms:
                redirect[(doc_id, name)] = (acronyms[(doc_id, name)], "acronym defined in the text")
            elif name in global_acronyms:
                redirect[(doc_id, name)] = (global_acronyms[name], "acronym defined in another document")
            elif " " not in name and groups[name].type not in ("Place", "Event"):
                full = [p for p in persons if name in (p.split()[0], p.split()[-1])]
                if len(full) == 1:
                    redirect[(doc_id, name)] = (full[0], "surname or first name of the one person so named")
                elif name in short_forms:
                    redirect[(doc_id, name)] = (short_forms[name], "short form: head noun of one organization")

    return _entities(extractions, groups, same, redirect)


def _entities(extractions, groups, same, redirect) -> Resolution:
    members: dict[str, list[tuple[Mention, str | None]]] = defaultdict(list)
    for extraction in extractions:
        for m in extraction.mentions:
            name = normalize(m.text)
            target, rule = redirect.get((m.doc_id, name), (name, None))
            members[same.find(target)].append((m, rule))

    entities, keys, dropped, used = [], {}, [], set()
    for root in sorted(members, key=lambda r: (min(m.doc_id for m, _ in members[r]), r)):
        direct = [m for m, rule in members[root] if rule is None] or [m for m, _ in members[root]]
        types = Counter(m.type for m in direct)
        entity_type = max(_TYPE_PRIORITY, key=lambda t: (types[t], -_TYPE_PRIORITY.index(t)))
        label = choose_label(Counter(m.text for m in direct))
        fragment = _fragment(entity_type, [m for m, _ in members[root]])
        if fragment:
            dropped.append(f"{label}: {fragment}")
            continue
        forms = {m.text for m, _ in members[root]}
        merges = sorted({f"{m.text} -> {label}: {rule}" for m, rule in members[root] if rule}
                        | set(same.reasons(root)))
        if len(types) > 1:
            merges.append("type voted " + ", ".join(f"{t} {n}" for t, n in types.most_common()))
        key = unique_key(entity_type, label, used)
        entities.append(Entity(
            key=key, label=label, type=entity_type, aliases=tuple(sorted(forms - {label})),
            mentions=len(members[root]), documents=tuple(sorted({m.doc_id for m, _ in members[root]})),
            merges=tuple(merges)))
        for m, _ in members[root]:
            keys[(m.doc_id, normalize(m.text))] = key
    entities.sort(key=lambda e: (ENTITY_TYPES.index(e.type), e.key))
    return Resolution(tuple(entities), keys, tuple(dropped))


def _fragment(entity_type: str, mentions: list[Mention]) -> str | None:
    """Why an 'organization' is only a piece of something else, if it is."""
    if entity_type != "Organization":
        return None
    if all(m.headline for m in mentions):
        return "organization named only in Title Case headlines"
    if all(m.nested for m in mentions):
        return "organization named only inside event names"
    return None


def _place_variants(name: str) -> list[str]:
    """"shannan city" -> ["shannan"]; "people's republic of china" -> ["china"]."""
    return [m.group(1) for m in (_PLACE_SUFFIX.match(name), _PLACE_PREFIX.match(name)) if m]


def _acronyms(extractions: list[Extraction]) -> dict[tuple[str, str], str]:
    """(doc, acronym) -> full name, from "Full Name (FN)" where FN's letters are the name's capitals."""
    found = {}
    for extraction in extractions:
        text = extraction.document.text
        for m in extraction.mentions:
            match = _ACRONYM.match(text[m.end:m.end + 14])
            if match and _initials_fit(match.group(1), m.text):
                found[(m.doc_id, normalize(match.group(1)))] = normalize(m.text)
    return found


def _initials_fit(acronym: str, name: str) -> bool:
    letters = [c for c in acronym if c.isupper()]
    capitals = iter(c for c in name if c.isupper())
    return len(letters) >= 2 and letters[0] == name[:1] and all(c in capitals for c in letters)


def _short_forms(groups: dict[str, _Group]) -> dict[str, str]:
    """Lone capitalised words that are the head noun of exactly one multi-word organization."""
    heads: dict[str, list[str]] = defaultdict(list)
    for name, group in groups.items():
        if group.type == "Organization" and " " in name:
            heads[name.split(" of ")[0].split()[-1]].append(name)
    return {word: names[0] for word, names in heads.items()
            if len(names) == 1 and word in groups and groups[word].type == "Organization"
            and any(f[:1].isupper() for f in groups[word].forms)}


def _unambiguous(pairs: set[tuple[str, str]]) -> dict[str, str]:
    targets: dict[str, set[str]] = defaultdict(set)
    for key, target in pairs:
        targets[key].add(target)
    return {key: next(iter(t)) for key, t in targets.items() if len(t) == 1}


def _label(group: _Group) -> str:
    return choose_label(group.forms)


class _UnionFind:
    """Equivalent names, with the reason each pair was joined."""

    def __init__(self) -> None:
        self.parent: dict[str, str] = {}
        self.why: dict[str, list[str]] = defaultdict(list)

    def find(self, x: str) -> str:
        while self.parent.get(x, x) != x:
            x = self.parent[x]
        return x

    def union(self, a: str, b: str, reason: str) -> None:
        ra, rb = self.find(a), self.find(b)
        if ra != rb:
            self.parent[rb] = ra
            self.why[ra] += [reason, *self.why.pop(rb, [])]

    def reasons(self, root: str) -> list[str]:
        return self.why.get(root, [])


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
