"""Entity quality on the gold-annotated texts: bare spaCy NER vs graphbuild, side by side in one run.

Bare spaCy: the same model, every PERSON/GPE/LOC/FAC/ORG/EVENT span mapped naively to the four types,
one node per distinct (text, type). graphbuild: the graph `graphbuild build` makes; and the same with
the dependency parser on every sentence (as before the parse became selective), to show that parsing
only the sentences with an event head noun loses nothing. No parse cache is used.

    python benchmarks/extraction_quality.py [--details]
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

import spacy

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from devtools.evaluate import Predicted, Report, load_gold, score
from graphbuild import BuildOptions, api
from graphbuild.nlp import load as nlp_module
from graphbuild.nlp.extract import LABEL_TYPES
from graphbuild.records import ENTITY_TYPES

CORPORA = {  # name -> (inputs, gold files)
    "seeds": ([ROOT / "seeds"], [ROOT / "tests/gold/seeds.json"]),
    "wikinews": (
        [ROOT / "tests/corpus/wikinews_cairo_summit_2020.txt"],
        [ROOT / "tests/gold/wikinews_cairo_summit_2020.json"],
    ),
}


def bare_spacy(inputs: list[Path], model: str) -> list[Predicted]:
    nlp = spacy.load(model)
    found = set()
    for source in inputs:
        for path in sorted(source.glob("*.txt")) if source.is_dir() else [source]:
            for ent in nlp(path.read_text("utf-8")).ents:
                if ent.label_ in LABEL_TYPES:
                    found.add(Predicted(ent.text, LABEL_TYPES[ent.label_]))
    return sorted(found, key=lambda p: (p.type, p.label))


def graphbuild_entities(inputs: list[Path], model: str) -> list[Predicted]:
    graph = api.build(inputs, BuildOptions(model=model))
    return [Predicted(d["label"], d["type"], tuple(d["aliases"])) for _, d in graph.nodes(data=True)]


def graphbuild_full_parse(inputs: list[Path], model: str) -> list[Predicted]:
    """graphbuild as it was before the parse became selective: the dependency parser on every sentence."""
    lean = nlp_module.lean
    nlp_module.lean = lambda nlp: None
    nlp_module.load_pipeline.cache_clear()
    try:
        return graphbuild_entities(inputs, model)
    finally:
        nlp_module.lean = lean
        nlp_module.load_pipeline.cache_clear()


def rows(name: str, system: str, report: Report) -> list[list[str]]:
    out = []
    for label, s in [*report.by_type.items(), ("overall", report.overall)]:
        if label in ENTITY_TYPES or label == "overall":
            out.append(
                [
                    name,
                    system,
                    label,
                    f"{s.precision:.2f}",
                    f"{s.recall:.2f}",
                    f"{s.f1:.2f}",
                    str(s.tp),
                    str(s.fp),
                    str(s.fn),
                ]
            )
    out[-1] += [str(len(report.split)), str(len(report.noisy))]
    return out


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--model", default=BuildOptions().model)
    parser.add_argument("--details", action="store_true", help="list misses, false positives, splits")
    args = parser.parse_args()
    header = ["corpus", "system", "type", "P", "R", "F1", "tp", "fp", "fn", "split", "noisy"]
    table = []
    for name, (inputs, gold_files) in CORPORA.items():
        gold = load_gold(gold_files)
        for system, predict in (
            ("bare spaCy", bare_spacy),
            ("graphbuild", graphbuild_entities),
            ("graphbuild, parser on every sentence", graphbuild_full_parse),
        ):
            report = score(predict(inputs, args.model), gold)
            table += rows(name, system, report)
            if args.details:
                print(f"## {name} / {system}")
                for what in ("misses", "false_positives", "split", "noisy"):
                    print(f"  {what}: {getattr(report, what)}")
    print("| " + " | ".join(header) + " |")
    print("|" + "---|" * len(header))
    for row in table:
        print("| " + " | ".join(row + [""] * (len(header) - len(row))) + " |")


if __name__ == "__main__":
    main()
