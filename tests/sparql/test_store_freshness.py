"""The store beside a graph file is used only while it holds that file's bytes (issue 25, case 12): an edit
that keeps the size and the modification time is answered from the edited file, not the old store."""

import os

from graphbuild import api
from graphbuild.sparql.store import store_matches


def test_a_same_size_edit_that_keeps_the_mtime_is_not_answered_from_the_old_store(tmp_path, seeds_graph):
    written = api.export(seeds_graph, tmp_path, ["ttl"])
    ttl = written["graph.ttl"]
    assert store_matches(ttl)
    query = 'SELECT ?l WHERE { ?e rdfs:label ?l FILTER(STRSTARTS(?l, "Xizan")) }'
    before = sorted(str(row[0]) for row in api.query(ttl, query))
    stat = ttl.stat()
    text = ttl.read_text("utf-8")
    assert '"Xizang"' in text
    ttl.write_text(text.replace('"Xizang"', '"Xizanq"'), "utf-8")  # same size
    os.utime(ttl, ns=(stat.st_atime_ns, stat.st_mtime_ns))
    assert ttl.stat().st_size == stat.st_size and ttl.stat().st_mtime_ns == stat.st_mtime_ns
    assert not store_matches(ttl)
    after = sorted(str(row[0]) for row in api.query(ttl, query))
    assert after != before and "Xizanq" in after
