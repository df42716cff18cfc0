"""Which links matter: how much more often two entities share a window than chance would have them.

Raw weights rank every edge by its most frequent names (the United States co-occurs with everything). From a
pair's count ``together``, each entity's count of windows ``first`` and ``second``, and the number of
windows ``windows``, three standard measures of the 2x2 table:

- association strength: observed / expected co-occurrences (1 is chance; VOSviewer's normalisation,
  van Eck & Waltman 2009, up to its constant);
- NPMI: pointwise mutual information normalised to [-1, 1] (Bouma 2009; 1: never apart);
- log-likelihood G2 (Dunning 1993), signed negative where the pair meets less often than chance: it weighs
  the evidence too, so a pair seen once is not ranked above one seen a hundred times. 3.84 is p < 0.05,
  10.83 p < 0.001 (one degree of freedom). It is the one the page and ``top-links`` rank by.

With a ``tokens:N`` window a pair's weight counts mention pairs, so the entities' mentions and all mentions
stand in for their windows, and the table is clamped to stay a table.
"""

from __future__ import annotations

import math
from dataclasses import dataclass


@dataclass(frozen=True)
class Significance:
    """A co-occurrence's strength beyond chance (all 0 where nothing was counted)."""

    association: float = 0.0
    npmi: float = 0.0
    log_likelihood: float = 0.0


def significance(together: int, first: int, second: int, windows: int) -> Significance:
    """The measures of a pair seen ``together`` in windows, its ends in ``first`` and ``second`` of ``windows``."""
    windows = max(windows, first, second, 1)
    together = min(together, first, second)
    if together <= 0:
        return Significance()
    expected = first * second / windows
    association = together / expected
    joint = together / windows
    npmi = 1.0 if joint >= 1 else math.log(association) / -math.log(joint)
    observed = (together, first - together, second - together, max(0, windows - first - second + together))
    expect = (
        expected,
        first * (windows - second) / windows,
        (windows - first) * second / windows,
        (windows - first) * (windows - second) / windows,
    )
    g2 = 2 * sum(o * math.log(o / e) for o, e in zip(observed, expect) if o > 0)
    return Significance(round(association, 3), round(npmi, 4), round(math.copysign(g2, together - expected), 3))
