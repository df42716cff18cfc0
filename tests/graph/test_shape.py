"""The graph's shape (graphbuild/graph/attributes.py): the builders make it, and every exporter writes every attribute
of it or says why not (graphbuild.formats.LEAVES_OUT)."""

import networkx as nx
import pytest
from graphbuild import api
from graphbuild.formats import FORMATS, LEAVES_OUT, export
from graphbuild.graph import attributes
from graphbuild.graph.significance import Significance
from graphbuild.graph.timeline import Spread
from graphbuild.rdf import from_rdf, to_rdf

#: A value for every attribute of the shape, written nowhere else, so finding it in a file proves the
#: attribute was written. A new attribute needs a probe here (the first test says so).
PROBES = {
    "label": "Zlabelprobe",
    "type": "Organization",
    "aliases": "Zaliasprobe",
    "mentions": "987651",
    "documents": "zdocprobe",
    "merges": "zruleprobe",
    "typing": "ztypingprobe",
    "snippets": "zsnippetprobe",
    "weight": "876541",
    "evidence": "zevidenceprobe",
    "evidence.start": "765431",
    "window": "tokens:77",
    "dropped": "zdroppedprobe",
    "notes": "znoteprobe",
    "repaired": "31337",
    "damaged": "42424",
    "path": "zpathprobe",
    "name": "znameprobe",
    "title": "Ztitleprobe",
    "date": "2031-07-13",
    "source": "zsourceprobe",
    "url": "http://zurlprobe.example/",
    "author": "zauthorprobe",
    "properties": "zpropertyprobe",
    "first_seen": "2033-01-05",
    "last_seen": "2034-02-06",
    "periods": "2035-W10",
    "sources": "zseensourceprobe",
    "period": "week",
    "association": "54.321",
    "npmi": "0.4321",
    "log_likelihood": "4321.5",
    "relations": "zpredicateprobe",
    "dates": "2036-03-07",
}
#: Graph attributes checked through their fields (documents) or not written by design (attributes.RUN_ONLY).
FIELDS = {"documents": ("name", "title", "path", "date", "source", "url", "author", "properties")}


def probe_graph() -> nx.Graph:
    documents = {
        "zdocprobe": attributes.document(
            "znameprobe.txt",
            "Ztitleprobe",
            "zpathprobe/a.txt",
            "2031-07-13",
            "zsourceprobe",
            "http://zurlprobe.example/",
            "zauthorprobe",
            {"subtitle": "zpropertyprobe"},
        )
    }
    graph = nx.Graph(
        **attributes.graph_data(documents, "tokens:77", ["zdroppedprobe"], ["znoteprobe"], 31337, 42424, "week")
    )
    seen = Spread("2033-01-05", "2034-02-06", {"2035-W10": 5}, {"zseensourceprobe": 5})
    merge = attributes.MergeRecord(alias="Zaliasprobe", rule="zruleprobe", detail="")
    for key, label in (("organization/zlabelprobe", "Zlabelprobe"), ("person/other", "Other Person")):
        graph.add_node(
            key,
            **attributes.node(
                label,
                "Organization" if key.startswith("organization") else "Person",
                ["Zaliasprobe"] if key.startswith("organization") else [],
                987651,
                ["zdocprobe"],
                [merge] if key.startswith("organization") else [],
                "ztypingprobe" if key.startswith("organization") else "",
                {"zdocprobe": "zsnippetprobe sentence."},
                seen,
            ),
        )
    evidence = attributes.Evidence(doc="zdocprobe", sentence=0, start=765431, end=765450, text="zevidenceprobe here.")
    graph.nodes["person/other"]["dates"] = [
        attributes.DateData(
            date="2036-03-07", count=2, documents=["zdocprobe"], evidence=[evidence], rules=["event-date"]
        )
    ]
    graph.add_edge(
        "organization/zlabelprobe",
        "person/other",
        **attributes.edge(876541, ["zdocprobe"], [evidence], seen, Significance(54.321, 0.4321, 4321.5)),
        relations=[
            attributes.RelationData(
                subject="person/other",
                predicate="zpredicateprobe",
                object="organization/zlabelprobe",
                kind="role",
                negated=False,
                modality="",
                count=3,
                documents=["zdocprobe"],
                evidence=[evidence],
                rules=["role"],
                first_seen="2033-01-05",
                last_seen="2034-02-06",
            )
        ],
    )
    return graph


def all_attributes() -> list[str]:
    graph_level = [a for a in attributes.GRAPH_ATTRIBUTES if a not in attributes.RUN_ONLY and a not in FIELDS]
    fields = [f for fs in FIELDS.values() for f in fs]
    return (
        list(attributes.NODE_ATTRIBUTES) + list(attributes.EDGE_ATTRIBUTES) + ["evidence.start"] + graph_level + fields
    )


def test_every_attribute_has_a_probe_and_the_probe_graph_has_the_shape():
    assert [a for a in all_attributes() if a not in PROBES] == []
    assert attributes.problems(probe_graph()) == []


@pytest.fixture(scope="module")
def probe_files(tmp_path_factory):
    out = tmp_path_factory.mktemp("probe")
    return {fmt: export(probe_graph(), out / fmt, [fmt]) for fmt in FORMATS}


@pytest.mark.parametrize("fmt", list(FORMATS))
def test_every_exporter_writes_every_attribute_or_says_why_not(probe_files, fmt):
    text = "\n".join(path.read_text("utf-8") for path in probe_files[fmt].values())
    left_out = LEAVES_OUT[fmt]
    assert set(left_out) <= set(all_attributes()), "LEAVES_OUT names an attribute the shape does not have"
    assert all(reason.strip() for reason in left_out.values())
    missing = [a for a in all_attributes() if a not in left_out and PROBES[a] not in text]
    assert missing == [], f"{fmt} writes neither these attributes nor a reason in LEAVES_OUT"
    written_anyway = [a for a in left_out if PROBES[a] in text]
    assert written_anyway == [], f"{fmt} writes these, though LEAVES_OUT says it does not"


def test_built_and_read_back_graphs_have_the_shape(seeds_graph):
    assert attributes.problems(seeds_graph) == []
    assert attributes.problems(from_rdf(to_rdf(seeds_graph))) == []
    assert set(seeds_graph.graph) <= set(attributes.GRAPH_ATTRIBUTES)


def test_problems_names_what_departs_from_the_shape():
    graph = probe_graph()
    graph.nodes["person/other"]["mentions"] = "many"
    graph.nodes["person/other"]["type"] = "Animal"
    del graph.nodes["organization/zlabelprobe"]["snippets"]
    graph.edges["organization/zlabelprobe", "person/other"]["colour"] = "red"
    graph.graph["favourite"] = 1
    assert sorted(attributes.problems(graph)) == sorted(
        [
            "node 'organization/zlabelprobe': no 'snippets'",
            "node 'person/other': 'mentions' is a str, not a int",
            "node 'person/other': type 'Animal' is not one of Person, Place, Organization, Event",
            "edge 'organization/zlabelprobe'-'person/other': 'colour' is not declared",
            "graph attribute 'favourite' is not declared",
        ]
    )


def test_api_export_keeps_the_graphs_base_iri(nlp, tmp_path):
    graph = api.build_texts({"a": "Angela Merkel met Emmanuel Macron in Berlin."}, api.BuildOptions(base_iri="urn:x:"))
    first = api.export(graph, tmp_path / "one", ["ttl"])["graph.ttl"]
    assert "<urn:x:entity/" in first.read_text("utf-8")
    again = api.export(api.load(first), tmp_path / "two", ["ttl"])["graph.ttl"]
    assert again.read_bytes() == first.read_bytes()
