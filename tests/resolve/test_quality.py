"""Floors for entity quality against hand-made gold: a regression here fails CI.

The figures behind the floors: `python benchmarks/extraction_quality.py` (also in the README).
"""

import pytest
from devtools.evaluate import Predicted, load_gold, score
from graphbuild import api

from conftest import ROOT


def predicted(graph):
    return [Predicted(d["label"], d["type"], tuple(d["aliases"])) for _, d in graph.nodes(data=True)]


@pytest.fixture(scope="module")
def seeds_report(seeds_graph):
    return score(predicted(seeds_graph), load_gold([ROOT / "tests/gold/seeds.json"]))


def test_seeds_overall_f1_is_at_least_090(seeds_report):
    assert seeds_report.overall.f1 >= 0.90, (seeds_report.misses, seeds_report.false_positives)


def test_seeds_have_no_split_entity_and_no_noisy_label(seeds_report, seeds_graph):
    assert seeds_report.split == []
    assert seeds_report.noisy == []
    assert all(d["evidence"] for _, _, d in seeds_graph.edges(data=True))


def test_an_unseen_text_keeps_its_floor(nlp):
    graph = api.build([ROOT / "tests/corpus/wikinews_cairo_summit_2020.txt"])
    report = score(predicted(graph), load_gold([ROOT / "tests/gold/wikinews_cairo_summit_2020.json"]))
    assert report.overall.f1 >= 0.75, (report.misses, report.false_positives)
    assert report.noisy == []


def test_the_scorer_counts_duplicates_and_misses():
    gold = [
        {"name": "Wang Huning", "type": "Person", "aliases": ["Wang"]},
        {"name": "Lhasa", "type": "Place", "aliases": []},
        {"name": "Central Committee", "type": "Organization", "nested": True},
    ]
    report = score(
        [Predicted("Wang Huning", "Person"), Predicted("Wang", "Person"), Predicted("Home>News", "Organization")], gold
    )
    assert (report.overall.tp, report.overall.fp, report.overall.fn) == (1, 2, 1)
    assert report.split and report.noisy == ["Home>News"]


def test_the_seeds_caption_gives_two_persons_a_place_and_all_their_links(seeds_graph, rdf_of_seeds=None):
    """ "Our hometown is Yulmed and our homeland is China" ... the hearts of Drolkar and Yangzom: typed by
    general cues (a place noun before "is", names joined by "and"), and its 6 pairs linked both ways in RDF."""
    from graphbuild import to_rdf
    from graphbuild.rdf.mapping import GB

    by_label = {d["label"]: (key, d["type"]) for key, d in seeds_graph.nodes(data=True)}
    caption = {"Yulmed": "Place", "China": "Place", "Drolkar": "Person", "Yangzom": "Person"}
    assert {name: by_label[name][1] for name in caption} == caption
    rdf = to_rdf(seeds_graph)
    iri = {name: next(rdf.subjects(predicate=None, object=__import__("rdflib").Literal(name))) for name in caption}
    links = {(a, b) for a in caption for b in caption if a != b and (iri[a], GB.coOccursWith, iri[b]) in rdf}
    assert len(links) == 12
