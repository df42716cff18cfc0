import pytest
from graphbuild.errors import GraphbuildError
from graphbuild.graph.cooccur import Snippets, cooccur
from graphbuild.resolve import resolve

from helpers import extraction

A, B, C = ("Alice Smith", "Person"), ("Berlin", "Place"), ("Acme Corp", "Organization")


def edges_of(extractions, **kwargs):
    res = resolve(extractions)
    return {(e.source, e.target): e for e in cooccur(extractions, res, **kwargs)}


def test_sentence_window_counts_sentences_and_keeps_evidence():
    ex = extraction("d", [[A, B, A], [A, B], [B, C]])
    edges = edges_of([ex])
    ab = edges[("person/alice-smith", "place/berlin")]
    assert ab.weight == 2  # two sentences, however many mentions in each
    assert ab.documents == ("d",)
    assert [s.index for s in ab.evidence] == [0, 1]
    assert ab.evidence[0].text == ex.sentences[0].text
    assert ("organization/acme-corp", "person/alice-smith") not in edges
    assert edges[("organization/acme-corp", "place/berlin")].weight == 1


def test_paragraph_and_document_windows():
    ex = extraction("d", [[A], [B], [C], [A, B]], paragraph_of=lambda i: i // 2)
    para = edges_of([ex], window="paragraph")
    assert para[("person/alice-smith", "place/berlin")].weight == 2
    assert para[("organization/acme-corp", "place/berlin")].weight == 1  # paragraph 1 only
    doc = edges_of([ex, extraction("e", [[A], [C]])], window="document")
    assert doc[("organization/acme-corp", "person/alice-smith")].weight == 2
    assert doc[("organization/acme-corp", "person/alice-smith")].documents == ("d", "e")


def test_token_window_counts_close_mention_pairs():
    ex = extraction("d", [[A, B], [B], [C]])  # tokens: A 0, B 2, B 10, C 20
    assert edges_of([ex], window="tokens:3")[("person/alice-smith", "place/berlin")].weight == 1
    wide = edges_of([ex], window="tokens:11")
    assert wide[("person/alice-smith", "place/berlin")].weight == 2
    assert wide[("organization/acme-corp", "place/berlin")].weight == 1  # B@10-C@20; B@2-C@20 is too far
    assert ("organization/acme-corp", "person/alice-smith") not in wide


def test_min_weight_and_max_evidence():
    ex = extraction("d", [[A, B]] * 7 + [[B, C]])
    edges = edges_of([ex], min_weight=2, max_evidence=3)
    assert list(edges) == [("person/alice-smith", "place/berlin")]
    assert len(edges[("person/alice-smith", "place/berlin")].evidence) == 3


@pytest.mark.parametrize("window", ["sentences", "tokens:1", "tokens:x", ""])
def test_bad_windows_are_refused(window):
    with pytest.raises(GraphbuildError, match="window"):
        edges_of([extraction("d", [[A, B]])], window=window)


def test_snippets_keep_the_first_sentence_of_each_of_the_first_documents_by_id():
    extractions = [extraction(doc, [[B], [A, B]]) for doc in ("d3", "d1", "d2", "d0")]
    snippets = Snippets(keep=2)
    assert len(cooccur(extractions, resolve(extractions), snippets=snippets)) == 1
    berlin = snippets.by_entity["place/berlin"]
    assert sorted(berlin) == ["d0", "d1"]  # the first two by id, though d3 and d2 came first
    assert berlin["d0"] == extractions[3].sentences[0].text
    assert snippets.by_entity["person/alice-smith"]["d1"] == extractions[1].sentences[1].text
