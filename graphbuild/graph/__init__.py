"""The graph: the contract of its attributes, co-occurrence windows and weights, the NetworkX graph, its layout."""
