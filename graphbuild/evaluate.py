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

from .model import ENTITY_TYPES
from .resolve import normalize

#: Labels with these are layout or page furniture, never a name.
NOISE = re.compile(r"[\n\r\t>|»]|\bSource:|^(Home|Top|Share|Print)$|https?://|\d{1,2}:\d{2}")


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
        if NOISE.search(node.label) or any(NOISE.search(a) for a in node.aliases):
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


def _name(text: str) -> str:
    """Names compare without a leading article, so bare spaCy's "the X" is judged as fairly as "X"."""
    return re.sub(r"^the ", "", normalize(text))
