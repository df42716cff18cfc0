"""Hostile input: byte-order marks, control characters, random Unicode from every plane; every output
must still be read back by its own reader, and a terminal never receives a raw control character."""

import csv
import io
import json
import random
import shutil
import subprocess
import sys

import networkx as nx
import pytest
from graphbuild import api
from graphbuild.formats import FORMATS
from graphbuild.ingest.sources import decode, document_from_text, read_documents
from rdflib import Graph

from conftest import graphbuild


@pytest.mark.parametrize(
    "codec, bom", [("utf-16-le", "\ufeff"), ("utf-16-be", "\ufeff"), ("utf-32-le", "\ufeff"), ("utf-32-be", "\ufeff")]
)
def test_utf16_and_utf32_with_a_byte_order_mark_are_decoded(codec, bom):
    assert (
        decode((bom + "Barack Obama in Berlin.").encode(codec), "x.txt").lstrip("\ufeff") == "Barack Obama in Berlin."
    )


def test_control_characters_and_late_nul_bytes_are_dropped_with_a_warning(tmp_path):
    path = tmp_path / "dirty.txt"
    path.write_bytes(b"Barack Obama met Angela Merkel in Berlin. " * 300 + b"\x00\x01\x1b[31mParis\x07 is\x0b big.")
    warnings = []
    [document] = read_documents([path], warnings.append)
    assert not any(c in document.text for c in "\x00\x01\x1b\x07")
    assert "[31mParis is" in document.text and "big." in document.paragraphs[-1]  # \v is a line break
    assert warnings == ["dirty.txt: dropped 4 control or non-character code point(s)"]


def _random_name(rng: random.Random) -> str:
    """A capitalised word with characters from every plane, controls and lone surrogates among them."""
    pools = [
        range(0x41, 0x5B),
        range(0x20),
        range(0x7F, 0xA0),
        range(0x370, 0x3FF),
        range(0x4E00, 0x4E40),
        range(0xD800, 0xD810),
        range(0xFFF0, 0x10000),
        range(0x1F600, 0x1F640),
        range(0x10000, 0x10040),
        range(0xE0000, 0xE0080),
        [ord(c) for c in "<>&\"'\\{}|^`@#%"],
    ]
    chars = [chr(rng.choice(rng.choice(pools))) for _ in range(rng.randint(1, 6))]
    return rng.choice("ABCDEFGHIJKLMNOPRSTUVW") + "".join(chars) + rng.choice("abcdefghijklmnoprstuvw") * 2


@pytest.mark.processes
def test_random_unicode_builds_into_outputs_that_every_reader_accepts(nlp, tmp_path):
    rng = random.Random(12)
    texts = {}
    for i in range(6):
        lines = []
        for _ in range(4):
            a, b, c = (_random_name(rng) for _ in range(3))
            lines.append(f"President {a} Smith met {b} Jones in {c} City on Monday, officials said.")
        texts[f"doc{i}\ud800.txt"] = "\n".join(lines)
    documents = [document_from_text(text, name) for name, text in texts.items()]
    graph = api.build_documents(documents)
    assert graph.number_of_nodes() > 5
    written = api.export(graph, tmp_path, list(FORMATS))
    read = {
        "graph.ttl": lambda p: len(Graph().parse(p, format="turtle")),
        "graph.nt": lambda p: len(Graph().parse(p, format="nt")),
        "graph.jsonld": lambda p: len(Graph().parse(p, format="json-ld")),
        "graph.graphml": lambda p: nx.read_graphml(p).number_of_nodes(),
        "graph.gexf": lambda p: nx.read_gexf(p).number_of_nodes(),
        "graph.json": lambda p: len(json.loads(p.read_text("utf-8"))["nodes"]),
        "graph.nodes.csv": lambda p: len(list(csv.reader(io.StringIO(p.read_text("utf-8"))))) - 1,
        "graph.edges.csv": lambda p: len(list(csv.reader(io.StringIO(p.read_text("utf-8"))))) - 1,
        "graph.html": lambda p: len(p.read_text("utf-8")),
    }
    for name, path in written.items():
        assert read[name](path) > 0, name
    if shutil.which("rapper"):
        run = subprocess.run(["rapper", "-q", "-i", "turtle", "-c", str(written["graph.ttl"])], capture_output=True)
        assert run.returncode == 0, run.stderr


@pytest.mark.processes
def test_a_terminal_never_gets_a_raw_control_character(tmp_path):
    ttl = tmp_path / "g.ttl"
    ttl.write_text('<http://x/a> <http://www.w3.org/2000/01/rdf-schema#label> "evil\\u001B[2Jname\\u0007" .\n')
    run = graphbuild("query", ttl, "SELECT ?l WHERE { ?s rdfs:label ?l }", timeout=120)
    assert run.returncode == 0, run.stderr
    assert "\x1b" not in run.stdout and "\x07" not in run.stdout and "evil\\x1b[2Jname\\x07" in run.stdout


@pytest.mark.processes
@pytest.mark.model
def test_every_output_is_the_same_bytes_whatever_the_hash_seed_cache_or_jobs(tmp_path):
    """One build per way the bytes could drift: another hash seed with a cold cache, the warm cache,
    two worker processes."""
    from conftest import SEEDS

    def build(out, seed, *args):
        env = dict(__import__("os").environ, PYTHONHASHSEED=str(seed))
        run = graphbuild(
            "build",
            SEEDS,
            "-o",
            tmp_path / out,
            "-q",
            "--format",
            ",".join(FORMATS),
            "--cache",
            tmp_path / "cache",
            *args,
            env=env,
        )
        assert run.returncode == 0, run.stderr
        return {p.name: p.read_bytes() for p in (tmp_path / out).glob("graph.*") if p.is_file()}

    first = build("a", 1, "--no-cache")
    assert len(first) == 9
    assert build("b", 2) == first  # another seed, cold cache
    assert build("c", 3) == first  # warm cache
    assert build("d", 4, "--jobs", "2", "--no-cache") == first


@pytest.mark.processes
def test_stale_temp_files_of_killed_runs_are_removed_and_live_ones_kept(seeds_graph, tmp_path):
    import os

    dead = subprocess.run([sys.executable, "-c", "import os; print(os.getpid())"], capture_output=True, text=True)
    stale = tmp_path / f".graph.ttl.{dead.stdout.strip()}.abc123.tmp"
    live = tmp_path / f".graph.ttl.{os.getpid()}.def456.tmp"
    stale.write_text("half")
    live.write_text("being written")
    api.export(seeds_graph, tmp_path, ["ttl"])
    assert not stale.exists() and live.exists()


def test_a_build_that_fails_while_writing_replaces_no_output(seeds_graph, tmp_path, monkeypatch):
    from graphbuild import formats as exporters
    from graphbuild.errors import GraphbuildError

    api.export(seeds_graph, tmp_path, ["ttl", "json"])
    before = {p.name: p.read_bytes() for p in tmp_path.glob("graph.*") if p.is_file()}
    changed = seeds_graph.copy()
    changed.remove_node(next(iter(changed.nodes)))
    monkeypatch.setitem(exporters.FORMATS, "json", lambda graph, base: {"graph.json": "\ud800"})  # cannot be encoded
    with pytest.raises((GraphbuildError, UnicodeEncodeError)):
        api.export(changed, tmp_path, ["ttl", "json"])
    assert {p.name: p.read_bytes() for p in tmp_path.glob("graph.*") if p.is_file()} == before  # no mix of old and new
    assert not list(tmp_path.glob(".*.tmp"))


def test_a_single_huge_line_builds_in_paragraphs_under_the_limit(nlp, monkeypatch):
    from graphbuild.ingest import text as read

    line = "Barack Obama met Angela Merkel in Berlin. " * 30_000  # 1.26M characters, over spaCy's 1M limit
    paragraphs = read.split_paragraphs(line)
    assert len(paragraphs) > 12 and max(map(len, paragraphs)) <= read.MAX_PARAGRAPH
    assert " ".join(paragraphs) == line.strip()  # nothing lost, cut only at sentence ends
    monkeypatch.setattr(read, "MAX_PARAGRAPH", 2_000)  # the same path on a text small enough to parse here
    graph = api.build_texts({"huge.txt": "Barack Obama met Angela Merkel in Berlin. " * 200})
    document = read.document_from_text("Barack Obama met Angela Merkel in Berlin. " * 200, "huge.txt")
    assert len(document.paragraphs) == 5
    labels = {d["label"]: d for _, d in graph.nodes(data=True)}
    assert labels["Barack Obama"]["mentions"] == 200
    for _, _, edge in graph.edges(data=True):
        for evidence in edge["evidence"]:  # offsets still point at the evidence in the document's text
            assert document.text[evidence["start"] : evidence["end"]] == evidence["text"]
