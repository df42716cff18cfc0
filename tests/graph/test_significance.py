"""Which links matter (graph/significance.py): association strength, NPMI and log-likelihood from the
windows each entity is in, checked against tables worked by hand, and the window counts cooccur keeps."""

import pytest
from graphbuild.graph.cooccur import cooccur
from graphbuild.graph.significance import Significance, significance
from graphbuild.resolve import resolve

from helpers import extraction

A, B, C = ("Alice Smith", "Person"), ("Berlin", "Place"), ("Acme Corp", "Organization")


def test_a_table_worked_by_hand():
    # 10 windows, A in 2, B in 3, both in 2: expected 2 * 3 / 10 = 0.6, so 3.33 times chance;
    # NPMI ln(10/3) / -ln(0.2) = 0.748; G2 = 2 (2 ln(2/0.6) + 1 ln(1/2.4) + 7 ln(7/5.6)) = 6.189
    assert significance(2, 2, 3, 10) == Significance(3.333, 0.7481, 6.189)


@pytest.mark.parametrize(
    "counts, expected",
    [
        ((1, 2, 5, 10), Significance(1.0, 0.0, 0.0)),  # just what chance gives
        ((3, 3, 3, 10), Significance(3.333, 1.0, 12.217)),  # never apart
        ((0, 3, 3, 10), Significance()),  # nothing counted
    ],
)
def test_chance_never_apart_and_nothing(counts, expected):
    assert significance(*counts) == expected


def test_below_chance_is_negative_and_evidence_outweighs_rarity():
    assert significance(1, 5, 5, 10).log_likelihood < 0 < significance(1, 5, 5, 10).association < 1
    rare, common = significance(1, 1, 1, 1000), significance(100, 200, 200, 1000)
    assert rare.npmi > common.npmi  # NPMI prefers the pair seen once ...
    assert common.log_likelihood > rare.log_likelihood  # ... G2 the one seen a hundred times


def test_a_token_window_whose_pairs_outnumber_the_mentions_stays_a_table():
    assert significance(9, 3, 3, 4) == significance(3, 3, 3, 4)


def occurrences(extractions, **kwargs):
    return {(e.source, e.target): e.occurrences for e in cooccur(extractions, resolve(extractions), **kwargs)}


def test_cooccur_counts_the_windows_each_entity_is_in_and_all_windows():
    ex = extraction("d", [[A, B, A], [A], [C], []], paragraph_of=lambda i: i // 2)
    assert occurrences([ex])[("person/alice-smith", "place/berlin")] == (2, 1, 4)  # 4 sentences, one without names
    assert occurrences([ex, extraction("e", [[A, C]])])[("organization/acme-corp", "person/alice-smith")] == (2, 3, 5)
    assert occurrences([ex], window="paragraph")[("person/alice-smith", "place/berlin")] == (1, 1, 2)
    assert occurrences([ex], window="tokens:5")[("person/alice-smith", "place/berlin")] == (3, 1, 5)  # mentions
