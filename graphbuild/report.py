"""What a build reports: the summary line's numbers, and ``--explain``'s account of every entity."""

from __future__ import annotations

from dataclasses import dataclass

import networkx as nx

from .graph.build import entity_counts, sorted_edges
from .records import ENTITY_TYPES


@dataclass(frozen=True)
class Summary:
    """The numbers a build reports: what was read, what the graph holds, where the parses came from."""

    documents: int
    entities: int
    per_type: dict[str, int]  # entity type -> nodes, in ENTITY_TYPES order, types with none left out
    edges: int
    window: str
    parsed: int  # documents parsed in this run (the rest came from the parse cache)
    processes: int
    repaired: int  # documents whose mojibake (ftfy) or lost letters were repaired
    damaged: int  # documents still holding U+FFFD: characters lost before reading
    seconds: float = 0.0
    dated: int = 0  # documents with a date
    first_date: str = ""  # the earliest of their dates (ISO 8601)
    last_date: str = ""

    @property
    def cached(self) -> int:
        return self.documents - self.parsed

    def line(self) -> str:
        """ "2 documents, 40 entities (Person 12, ...), 80 edges (sentence window) in 1.2 s (2 parsed, 0 from cache)" """
        per_type = ", ".join(f"{t} {n}" for t, n in self.per_type.items())
        processes = self.processes
        parsed = f"{self.parsed} parsed" + (
            f" by {processes} process{'es' if processes > 1 else ''}" if self.parsed else ""
        )
        repairs = (f", {self.repaired} repaired" if self.repaired else "") + (
            f", {self.damaged} with characters lost before reading" if self.damaged else ""
        )
        first, last = self.first_date[:10], self.last_date[:10]
        dates = f" ({self.dated} dated {first}" + (f" to {last})" if last != first else ")") if self.dated else ""
        return (
            f"{self.documents} documents{dates}, {self.entities} entities ({per_type}), {self.edges} edges "
            f"({self.window} window) in {self.seconds:.1f} s ({parsed}, {self.cached} from cache{repairs})"
        )


def summary(graph: nx.Graph, seconds: float = 0.0) -> Summary:
    """The numbers of a built graph (the counts of this run are 0 for a graph read back from a file)."""
    counts = entity_counts(graph)
    meta = graph.graph
    dates = sorted(d["date"] for d in meta["documents"].values() if d.get("date"))
    return Summary(
        documents=len(meta["documents"]),
        entities=graph.number_of_nodes(),
        per_type={t: counts[t] for t in ENTITY_TYPES if t in counts},
        edges=graph.number_of_edges(),
        window=meta.get("window", ""),
        parsed=meta.get("parsed", 0),
        processes=meta.get("processes", 1),
        repaired=meta.get("repaired", 0),
        damaged=meta.get("damaged", 0),
        seconds=seconds,
        dated=len(dates),
        first_date=dates[0] if dates else "",
        last_date=dates[-1] if dates else "",
    )


def explain(graph: nx.Graph) -> str:
    """Each entity with its aliases and the rules that merged or retyped them, then what was dropped, then
    (built with relations) each event's stated dates and each typed relation, with the rules that read them
    and a first sentence."""
    lines = []
    for key, d in sorted(graph.nodes(data=True), key=lambda kd: (kd[1]["type"], kd[1]["label"].lower())):
        aliases = f" (aliases: {'; '.join(d['aliases'])})" if d["aliases"] else ""
        lines.append(f"{d['type']}: {d['label']}{aliases}, {d['mentions']} mentions [{key}]")
        lines += [f"    {d['typing']}"] if d.get("typing") else []
        lines += [f"    {g['alias']} <- {g['rule']}: {g['detail']}" for g in d.get("merges", [])]
        lines += [
            f"    date {x['date']}, {x['count']}x <- {', '.join(x['rules'])}"
            + (f': "{x["evidence"][0]["text"]}"' if x["evidence"] else "")
            for x in d.get("dates", [])
        ]
    lines += [f"dropped: {reason}" for reason in graph.graph.get("dropped", [])]
    lines += [f"note: {note}" for note in graph.graph.get("notes", [])]
    label = graph.nodes
    for r in (r for _, _, d in sorted_edges(graph) for r in d.get("relations", ())):
        hedge = ("not " if r["negated"] else "") + (f"{r['modality']} " if r["modality"] else "")
        said = f': "{r["evidence"][0]["text"]}"' if r["evidence"] else ""
        lines.append(
            f"relation ({r['kind']}): {label[r['subject']]['label']} {hedge}{r['predicate']} "
            f"{label[r['object']]['label']}, {r['count']}x <- {', '.join(r['rules'])}{said}"
        )
    return "\n".join(lines) + "\n"
