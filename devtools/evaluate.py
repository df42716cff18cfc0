"""Score a graph's entities against a hand-made gold file: precision, recall, F1, splits, noisy labels.

Matching is by name: a node matches a gold entity of the same type when its label or one of its
aliases equals (after ``normalize``) the gold name or one of its aliases. Each gold entity counts once:
its first matching node is a true positive and any further node matching it is a false positive and a
split. Gold entities marked ``"nested": true`` (only ever inside a longer name) are optional: finding
them is not an error, missing them is not a miss.
"""

from __future__ import annotations

import json
import re
from collections.abc import Iterable
from dataclasses import dataclass, field
from pathlib import Path

from graphbuild.lang import alternation, vocabulary
from graphbuild.names import normalize
from graphbuild.records import ENTITY_TYPES

_WORDS = vocabulary()
#: Labels with these are layout or page furniture, never a name: a line break or breadcrumb mark, a source
#: label ("Source:"), a web address, a clock time.
NOISE = re.compile(rf"[\n\r\t>|»]|\b(?:{alternation(_WORDS.SOURCE_LABELS)}):|https?://|\d{{1,2}}:\d{{2}}")


@dataclass(frozen=True)
class Predicted:
    label: str
    type: str
    aliases: tuple[str, ...] = ()


@dataclass
class Score:
    tp: int = 0
    fp: int = 0
    fn: int = 0

    @property
    def precision(self) -> float:
        return self.tp / (self.tp + self.fp) if self.tp + self.fp else 0.0

    @property
    def recall(self) -> float:
        return self.tp / (self.tp + self.fn) if self.tp + self.fn else 0.0

    @property
    def f1(self) -> float:
        p, r = self.precision, self.recall
        return 2 * p * r / (p + r) if p + r else 0.0


@dataclass
class Report:
    by_type: dict[str, Score] = field(default_factory=lambda: {t: Score() for t in ENTITY_TYPES})
    split: list[str] = field(default_factory=list)  # gold entities found as more than one node
    noisy: list[str] = field(default_factory=list)  # labels with line breaks or page furniture
    false_positives: list[str] = field(default_factory=list)
    misses: list[str] = field(default_factory=list)

    @property
    def overall(self) -> Score:
        return Score(*(sum(getattr(s, k) for s in self.by_type.values()) for k in ("tp", "fp", "fn")))


def load_gold(paths: Iterable[str | Path]) -> list[dict]:
    """The gold entities of one or more gold files, each tagged with its corpus."""
    entities = []
    for path in paths:
        gold = json.loads(Path(path).read_text("utf-8"))
        entities += [dict(e, corpus=gold["corpus"]) for e in gold["entities"]]
    return entities


def score(predicted: Iterable[Predicted], gold: list[dict]) -> Report:
    """Compare predicted entities with gold entities (see the module docstring for the rules)."""
    report = Report()
    names = [{_name(n) for n in [g["name"], *g.get("aliases", [])]} for g in gold]
    hits: dict[int, int] = {}
    all_matches: dict[int, set[str]] = {}
    for node in predicted:
        forms = {_name(n) for n in [node.label, *node.aliases]}
        if any(map(is_noise, (node.label, *node.aliases))):
            report.noisy.append(node.label)
        matches = [i for i, g in enumerate(gold) if forms & names[i]]
        for i in matches:
            all_matches.setdefault(i, set()).add(f"{node.label} ({node.type})")
        typed = [i for i in matches if gold[i]["type"] == node.type]
        first = next((i for i in typed if i not in hits), None)
        if first is not None:
            hits[first] = 1
            report.by_type[node.type].tp += 1
        else:
            report.by_type.setdefault(node.type, Score()).fp += 1
            report.false_positives.append(f"{node.label} ({node.type})" + (": duplicate" if typed else ""))
    for i, g in enumerate(gold):
        if len(all_matches.get(i, ())) > 1:
            report.split.append(f"{g['name']}: " + ", ".join(sorted(all_matches[i])))
        if i not in hits and not g.get("nested"):
            report.by_type[g["type"]].fn += 1
            report.misses.append(f"{g['name']} ({g['type']})")
    return report


def is_noise(label: str) -> bool:
    """A label that is layout or page furniture: it holds ``NOISE`` or is a navigation link ("Home", "Top")."""
    return bool(NOISE.search(label)) or label.lower() in _WORDS.NAVIGATION


#: A leading article, once a name is normalised ("the X").
_ARTICLE = re.compile(rf"^(?:{alternation(_WORDS.KEY_ARTICLES)}) ")


def _name(text: str) -> str:
    """Names compare without a leading article, so bare spaCy's "the X" is judged as fairly as "X"."""
    return _ARTICLE.sub("", normalize(text))


#: A label that is extraction debris: edge punctuation, a stray quote, bracket or question mark inside, a
#: handle, a web address, a lost character (U+FFFD), a control character.
DEBRIS = re.compile(r'^[^\w(]|[^\w.)]$|["?\[\]{}|\\@\ufffd\x00-\x1f]|https?:|www\.|\.(?:com|org)\b')


@dataclass(frozen=True)
class Node:
    """A graph node as the resolution scorer sees it."""

    label: str
    type: str
    mentions: int
    aliases: tuple[str, ...] = ()

    @property
    def forms(self) -> set[str]:
        return {normalize(f) for f in (self.label, *self.aliases)}


@dataclass
class ResolutionReport:
    entities: int = 0
    found: int = 0
    split: list[str] = field(default_factory=list)  # gold entities whose forms label more than one node
    type_right: int = 0  # gold entities whose largest node has the gold type
    wrong_type: list[str] = field(default_factory=list)
    wrong_merges: list[str] = field(default_factory=list)  # nodes holding two gold entities' names
    wrong_holders: list[str] = field(default_factory=list)  # nodes holding a gold entity's short form wrongly
    debris: list[str] = field(default_factory=list)
    debris_mentions: int = 0
    debris_top: list[str] = field(default_factory=list)  # debris labels among the TOP_NODES most mentioned
    mentions: int = 0
    pairs: Score = field(default_factory=Score)  # pairs of gold forms: held by one node / of one gold entity

    @property
    def debris_share(self) -> float:
        return self.debris_mentions / self.mentions if self.mentions else 0.0


#: Debris is also counted among this many of the most mentioned nodes, where an analyst reads labels.
TOP_NODES = 2000


#: A nickname in quotes inside a name ('I. Lewis "Scooter" Libby'), which is how the name is written.
_QUOTED_NICKNAME = re.compile(r'(?<=\w) "[A-Z][\w.-]*" (?=\w)')


def is_debris(label: str) -> bool:
    """A label that is extraction debris (``DEBRIS``) or page furniture (``is_noise``); a quoted nickname
    inside a name is no debris."""
    return bool(DEBRIS.search(_QUOTED_NICKNAME.sub(" ", label))) or is_noise(label)


def short_forms(entity: dict) -> set[str]:
    """A gold entity's one-word forms ("Trump", "London", "NATO"): what a longer name can wrongly hold."""
    return {n for n in (normalize(f) for f in entity["forms"]) if " " not in n}


def wrong_holder(node: Node, entity: dict, short: str) -> bool:
    """Whether a node that holds a gold entity's one-word form, without being labelled as that entity,
    cannot own it: it is of another type ("Trump White House", an organization, holding "Trump"; "Inner
    London", a person, holding "London"), or, where the form is a person's surname or first name, its label
    does not end or start with it as the entity's own names do ("Trump-Russia" holding "Trump")."""
    if node.type != entity["type"]:
        return True
    names = [normalize(f).split() for f in entity["forms"]]
    surname = any(len(n) > 1 and n[-1] == short for n in names)
    first = any(len(n) > 1 and n[0] == short for n in names)
    if entity["type"] != "Person" or not (surname or first):
        return False
    label = normalize(node.label).split()
    return not ((surname and label[-1] == short) or (first and label[0] == short))


def score_resolution(nodes: list[Node], gold: dict) -> ResolutionReport:
    """Score entity resolution against a gold file of entities (name, type, forms) and never-merge pairs.

    A gold entity is split when more than one node is labelled with one of its forms; its type is right
    when its most mentioned such node (or, failing that, node holding one of its forms) has the gold type.
    A short form is held by a wrong holder as ``wrong_holder`` says. A wrong merge is a node that holds specific forms of two gold entities (any form of a place,
    organization or event; a person's forms of two or more words: a one-word surname may rightly go to
    different people in different documents), or forms of both sides of a never-merge pair.
    """
    report = ResolutionReport(entities=len(gold["entities"]))
    report.mentions = sum(n.mentions for n in nodes)
    for rank, node in enumerate(sorted(nodes, key=lambda n: -n.mentions)):
        if is_debris(node.label):
            report.debris.append(node.label)
            report.debris_mentions += node.mentions
            if rank < TOP_NODES:
                report.debris_top.append(f"{node.label} ({node.mentions})")
    forms = [{normalize(f) for f in e["forms"]} for e in gold["entities"]]
    for entity, names in zip(gold["entities"], forms):
        labelled = [n for n in nodes if normalize(n.label) in names]
        holding = labelled or [n for n in nodes if n.forms & names]
        if not holding:
            report.wrong_type.append(f"{entity['name']}: not found")
            continue
        report.found += 1
        if len(labelled) > 1:
            report.split.append(
                f"{entity['name']}: "
                + ", ".join(f"{n.label} ({n.type}, {n.mentions})" for n in sorted(labelled, key=lambda n: -n.mentions))
            )
        for short in short_forms(entity):
            report.wrong_holders += [
                f"{entity['name']}: {short!r} held by {n.label} ({n.type}, {n.mentions})"
                for n in nodes
                if short in n.forms and normalize(n.label) not in names and wrong_holder(n, entity, short)
            ]
        top = max(holding, key=lambda n: n.mentions)
        if top.type == entity["type"]:
            report.type_right += 1
        else:
            report.wrong_type.append(f"{entity['name']}: {top.label} is {top.type}, not {entity['type']}")
    pairs = []  # a form that both sides of a pair are written with ("Congress") tells them apart from nothing
    for p in gold.get("never_merge", []):
        a, b = ({normalize(f) for f in p[side]["forms"]} for side in ("a", "b"))
        pairs.append((a - b, b - a, f"{p['a']['name']} / {p['b']['name']}"))
    for node in nodes:
        held = node.forms
        specific = [
            i
            for i, names in enumerate(forms)
            if any(" " in f or gold["entities"][i]["type"] != "Person" for f in held & names)
        ]
        if len(specific) > 1:
            report.wrong_merges.append(f"{node.label}: " + ", ".join(gold["entities"][i]["name"] for i in specific))
        report.wrong_merges += [f"{node.label}: never-merge {name}" for a, b, name in pairs if held & a and held & b]
    report.pairs = pair_score(nodes, forms)
    return report


def pair_score(nodes: list[Node], entities: list[set[str]]) -> Score:
    """Pairwise clustering score of the gold forms that some node holds: a pair is predicted one thing when
    the most mentioned node holding each is the same node, and is one thing when one gold entity has both."""
    owner: dict[str, Node] = {}
    for node in sorted(nodes, key=lambda n: n.mentions):  # the most mentioned holder wins
        for form in node.forms:
            owner[form] = node
    gold = {f: i for i, names in enumerate(entities) for f in names if f in owner}
    held = sorted(gold)
    score = Score()
    for i, a in enumerate(held):
        for b in held[i + 1 :]:
            same_node, same_entity = owner[a] is owner[b], gold[a] == gold[b]
            score.tp += same_node and same_entity
            score.fp += same_node and not same_entity
            score.fn += same_entity and not same_node
    return score
