"""SPARQL: the Oxigraph store beside the Turtle, queries (named ones too), results, and the protocol server."""
