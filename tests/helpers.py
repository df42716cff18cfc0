"""Hand-made pipeline records for stage tests that need no model."""

from graphbuild.model import Document, Extraction, Mention, Sentence


def extraction(doc_id: str, sentences: list[list[tuple[str, str]]], paragraph_of=None) -> Extraction:
    """One document whose sentence i mentions the (text, type) pairs in sentences[i], 10 tokens each."""
    sents, mentions, pos = [], [], 0
    for i, names in enumerate(sentences):
        text = " and ".join(n for n, _ in names) + "."
        para = paragraph_of(i) if paragraph_of else i
        sents.append(Sentence(doc_id, i, para, pos, pos + len(text), text))
        offset = pos
        for j, (name, entity_type) in enumerate(names):
            mentions.append(Mention(doc_id, para, i, offset, offset + len(name), i * 10 + j * 2, name,
                                    "X", entity_type))
            offset += len(name) + 5
        pos += len(text) + 1
    doc = Document(doc_id, f"{doc_id}.txt", tuple(s.text for s in sents))
    return Extraction(doc, tuple(sents), tuple(mentions), len(sentences) * 10)
