import pytest
from graphbuild.ingest.sources import document_from_text
from graphbuild.nlp.extract import clean_name, extract
from graphbuild.options import DEFAULT_BATCH_SIZE

TEXT = (
    "The Hague's mayor met Angela Merkel in Berlin on Monday.\n"
    "Chancellor Merkel later flew to Paris.\n\n"
    "French and German officials attended the Munich Security Conference."
)


def run(nlp, text=TEXT, name="t.txt"):
    return next(extract(nlp, [document_from_text(text, name)], DEFAULT_BATCH_SIZE))


def test_mentions_keep_offsets_that_point_at_their_text(nlp):
    result = run(nlp)
    text = result.document.text
    assert result.mentions
    for m in result.mentions:
        assert text[m.start : m.end] == m.text
        assert "\n" not in m.text


def test_names_are_cleaned_and_labels_mapped_to_four_types(nlp):
    result = run(nlp)
    found = {(m.text, m.type) for m in result.mentions}
    assert ("Angela Merkel", "Person") in found
    assert ("Berlin", "Place") in found
    assert ("Hague", "Place") in found  # no leading "The", no possessive "'s"
    assert not any(m.text.startswith(("the ", "The ")) or m.text.endswith("'s") for m in result.mentions)
    assert all(m.type in {"Person", "Place", "Organization", "Event"} for m in result.mentions)
    assert not any(m.text in {"French", "German", "Monday"} for m in result.mentions)  # NORP, DATE dropped


def test_paragraph_sentence_and_token_positions(nlp):
    result = run(nlp)
    by_text = {m.text: m for m in result.mentions}
    assert by_text["Angela Merkel"].paragraph == 0 and by_text["Merkel"].paragraph == 1
    assert by_text["Merkel"].sentence == by_text["Angela Merkel"].sentence + 1
    for m in result.mentions:
        sentence = result.sentences[m.sentence]
        assert sentence.start <= m.start < m.end <= sentence.end
        assert result.document.text[sentence.start : sentence.end] == sentence.text
    assert by_text["Berlin"].token > by_text["Angela Merkel"].token
    assert result.n_tokens > by_text["Paris"].token


def test_documents_stream_through_in_order(nlp):
    docs = [document_from_text(f"Story {i}.\nBarack Obama visited Kenya.", f"d{i}.txt") for i in range(5)]
    results = list(extract(nlp, docs, batch_size=3))
    assert [r.document.doc_id for r in results] == [d.doc_id for d in docs]
    assert all({m.doc_id for m in r.mentions} == {r.document.doc_id} for r in results)


@pytest.mark.parametrize(
    "raw, name",
    [
        ("Donald] Trump", "Donald Trump"),
        ("Al Jazeera.-", "Al Jazeera"),
        ("?ABC News", "ABC News"),
        ("US.-", "US"),
        ("-Russia", "Russia"),
        ('ABC News"?"?0/20', "ABC News"),
        ("U.S.", "U.S."),
        ("Donald Trump Jr.", "Donald Trump Jr."),
        ("ipj/rt-Reuters", "Reuters"),
        ("TASS/.-Kremlin", "Kremlin"),
        ("AC/DC", "AC/DC"),
        ("Sinn F\ufffd\ufffdin", "Sinn F\ufffd\ufffdin"),
        ('Dwayne "The Rock" Johnson', 'Dwayne "The Rock" Johnson'),
        ("Reuters - ", "Reuters"),
        ("@seanspicer", None),
        ("www.example.com", None),
        ("https://t.co/x", None),
        ("us", None),
    ],
)
def test_debris_never_reaches_a_name(raw, name):
    cleaned = clean_name(f"x {raw} y", 2, 2 + len(raw))
    assert (cleaned[0] if cleaned else None) == name
    if cleaned:  # the offsets frame the name's text (brackets aside)
        assert f"x {raw} y"[cleaned[1] : cleaned[2]].replace("]", "") == name
