"""Relations as corpus facts: what the sentences state (``nlp.relations``), on the resolved entities."""
