"""A union-find over match keys: equivalent names, why each alias joined, and pairs never to be joined."""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable


class UnionFind:
    """Equivalent names, why each alias joined, and pairs that must never be joined."""

    def __init__(self, never: Iterable[tuple[str, str]] = ()) -> None:
        self.parent: dict[str, str] = {}
        self.members: dict[str, set[str]] = {}
        self.why: dict[str, tuple[str, str]] = {}  # joined key -> (rule, detail)
        self.aliased: set[str] = set()  # keys a rule made an alias of another name
        self.never: dict[str, set[str]] = defaultdict(set)
        for a, b in never:
            self.never[a].add(b)
            self.never[b].add(a)
        self.refused: list[str] = []

    def find(self, x: str) -> str:
        """The name that stands for ``x``'s group."""
        while self.parent.get(x, x) != x:
            self.parent[x] = x = self.parent.get(self.parent[x], self.parent[x])
        return x

    def group(self, x: str) -> set[str]:
        """Every name joined to ``x``."""
        return self.members.get(self.find(x), {x})

    def allowed(self, a: str, b: str) -> bool:
        """False where joining a's and b's groups would join a pair the aliases file keeps apart."""
        ga, gb = self.group(a), self.group(b)
        return not any(self.never[k] & gb for k in ga if k in self.never)

    def refuse(self, alias: str, target: str, rule: str) -> None:
        """Note a union the aliases file keeps apart, once."""
        note = f"{alias} ~ {target} ({rule}): kept apart by the aliases file"
        if note not in self.refused:
            self.refused.append(note)

    def union(self, alias: str, target: str, rule: str, detail: str) -> None:
        """Join ``alias``'s group to ``target``'s, because of ``rule``, unless the aliases file keeps them apart."""
        ra, rt = self.find(alias), self.find(target)
        if ra == rt:
            return
        if not self.allowed(alias, target):
            self.refuse(alias, target, rule)
            return
        self.members[rt] = self.group(rt) | self.members.pop(ra, {ra})
        self.parent[ra] = rt
        self.aliased.add(alias)
        self.why.setdefault(alias, (rule, detail))
        self.why.setdefault(ra, (rule, detail))  # the names already joined to the alias came along with it
