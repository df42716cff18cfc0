import sys
import unicodedata

import pytest
from graphbuild.errors import GraphbuildError
from graphbuild.ingest.sources import check_inputs, decode, document_from_text, read_documents, slugify
from graphbuild.ingest.text import _SEPARATORS, split_paragraphs


def test_every_line_is_a_paragraph_and_odd_whitespace_is_normalised():
    text = "Headline\r\nLHASA,\u00a0Aug. 29 --\u2009Wang\u200b Huning spoke.\n\n\n  Second\tpara  \u2028Third"
    assert split_paragraphs(text) == ("Headline", "LHASA, Aug. 29 -- Wang Huning spoke.", "Second para", "Third")


def test_markdown_syntax_is_dropped_but_the_words_stay():
    paras = split_paragraphs("# Title\n- a [link text](http://x.y) and **bold**\n> quoted", markdown=True)
    assert paras == ("Title", "a link text and bold", "quoted")


def test_utf8_with_bom_and_a_legacy_encoding_decode():
    assert decode("\ufeffCaf\u00e9 Paris".encode("utf-8"), "a") == "Caf\u00e9 Paris"
    text = (
        "\u201cWe will rebuild the caf\u00e9,\u201d said Fran\u00e7ois M\u00fcller \u2013 who moved to Z\u00fcrich. "
        * 3
    )
    assert decode(text.encode("cp1252"), "b") == text


@pytest.mark.parametrize("data, message", [(b"", "empty"), (b"  \n\n", "empty"), (b"\x89PNG\x00\x00\x01", "binary")])
def test_empty_and_binary_files_are_refused(data, message):
    with pytest.raises(GraphbuildError, match=message):
        decode(data, "f")


def test_a_folder_is_read_recursively_skipping_unreadable_files(tmp_path):
    (tmp_path / "sub").mkdir()
    (tmp_path / "a.txt").write_text("Alpha text.")
    (tmp_path / "sub" / "b.md").write_text("# Beta\nBody.")
    (tmp_path / "sub" / "c.txt").write_bytes(b"\x00\x01\x02")
    (tmp_path / "ignored.png").write_bytes(b"\x89PNG")
    warnings = []
    docs = read_documents([tmp_path], warnings.append)
    assert [d.name for d in docs] == ["a.txt", "b.md"]
    assert docs[1].paragraphs == ("Beta", "Body.")
    assert len(warnings) == 1 and "c.txt" in warnings[0] and "binary" in warnings[0]


def test_a_named_unreadable_file_is_an_error(tmp_path):
    (tmp_path / "empty.txt").write_text("")
    with pytest.raises(GraphbuildError, match="empty"):
        read_documents([tmp_path / "empty.txt"])


def test_missing_paths_and_empty_folders_are_errors(tmp_path):
    with pytest.raises(GraphbuildError, match="no such file"):
        read_documents([tmp_path / "nope"])
    with pytest.raises(GraphbuildError, match="no files to read"):
        read_documents([tmp_path])
    (tmp_path / "bad.txt").write_bytes(b"\x00")
    with pytest.raises(GraphbuildError, match="no readable documents"):
        read_documents([tmp_path])


def test_document_ids_are_unique_slugs(tmp_path):
    for folder in ("x", "y"):
        (tmp_path / folder).mkdir()
        (tmp_path / folder / "Same Name.txt").write_text("Text.")
    assert [d.doc_id for d in read_documents([tmp_path])] == ["same-name", "same-name-2"]


def test_offsets_point_into_document_text():
    doc = document_from_text("One.\n\nTwo three.\nFour.", "t.txt")
    for start, para in zip(doc.paragraph_starts(), doc.paragraphs):
        assert doc.text[start : start + len(para)] == para
    assert doc.title == "One."


def test_slugs_are_readable_and_ascii():
    assert slugify("People's Republic of China") == "peoples-republic-of-china"
    assert slugify("Erdoğan") == "erdogan"
    assert slugify("!!!") == "x"


def test_mojibake_is_repaired_and_lost_characters_are_flagged():
    repaired = document_from_text("CafÃ© owners in SÃ£o Paulo said â€œnoâ€\x9d.", "m.txt")
    assert repaired.paragraphs == ("Café owners in São Paulo said “no”.",) and repaired.repaired
    clean = document_from_text("Café owners said “no”.", "c.txt")  # curly quotes are kept, nothing to repair
    assert clean.paragraphs == ("Café owners said “no”.",) and not clean.repaired and not clean.damaged
    restored = document_from_text("Sinn F\ufffd\ufffdin won.", "r.txt")  # a known word: its letter is put back
    assert restored.paragraphs == ("Sinn Féin won.",) and restored.repaired and not restored.damaged
    assert document_from_text("Iarnr\ufffd\ufffdd \ufffd10 fares.", "d.txt").damaged  # no word fits: kept, flagged


def test_a_file_name_that_is_not_utf8_is_read_with_a_visible_mark(tmp_path):
    import os

    folder = os.fsencode(tmp_path)
    with open(folder + b"/caf\xe9.txt", "wb") as f:
        f.write(b"Barack Obama met Angela Merkel in Berlin.")
    [document] = read_documents([tmp_path])
    assert document.name == "caf\ufffd.txt" and "Obama" in document.text


def test_a_huge_file_is_read_lazily_as_parts_cut_at_line_breaks(tmp_path, monkeypatch):
    from graphbuild.ingest import sources as read

    monkeypatch.setattr(read, "PART_CHARS", 1000)
    lines = [f"Line {n}: Angela Merkel met Emmanuel Macron in Paris — the café was open." for n in range(100)]
    (tmp_path / "big.txt").write_text("\n".join(lines), "utf-8")
    (tmp_path / "small.txt").write_text("Barack Obama visited Berlin.", "utf-8")
    warnings = []
    stream = read.stream_documents(read.check_inputs([tmp_path], warnings.append), warnings.append)
    first = next(stream)
    assert (first.name, first.doc_id, first.path) == ("big.txt (part 1)", "big-part-1", str(tmp_path / "big.txt"))
    rest = list(stream)
    parts = [first] + rest[:-1]
    assert [p.doc_id for p in parts] == [f"big-part-{n}" for n in range(1, len(parts) + 1)]
    assert len(parts) >= 7 and all(len(p.text) <= 1000 for p in parts)
    assert [line for p in parts for line in p.paragraphs] == lines  # no line cut, lost or repeated
    assert rest[-1].doc_id == "small"
    assert warnings == [
        (f"{tmp_path / 'big.txt'}: 0 MB, read as documents of about 0.001 MB each ('big.txt (part 1)', ...)")
    ]


def test_a_named_binary_file_fails_before_any_file_is_read(tmp_path):
    (tmp_path / "good.txt").write_text("Barack Obama visited Berlin.", "utf-8")
    (tmp_path / "bad.txt").write_bytes(b"\x00\x01\x02" * 100)
    with pytest.raises(GraphbuildError, match="binary"):
        check_inputs([tmp_path / "good.txt", tmp_path / "bad.txt"])


def test_every_unicode_space_separator_becomes_a_space():
    """The separators are a list in graphbuild/ingest/text.py (a regex, not a look-up per character): it must
    be Unicode's."""
    separators = {c for c in map(chr, range(sys.maxunicode + 1)) if unicodedata.category(c) == "Zs"} - {" "}
    assert {c for c in separators if _SEPARATORS.fullmatch(c)} == separators
    assert split_paragraphs("a" + "".join(sorted(separators)) + "b") == ("a b",)


def test_fsspec_urls_read_like_local_files(tmp_path):
    """A folder at a URL (fsspec's in-memory file system here) gives the same documents as on disk."""
    fsspec = pytest.importorskip("fsspec")
    texts = {"b/one.txt": "Angela Merkel met Emmanuel Macron.\n", "a.md": "# Paris\n\nThe summit ended.", "x.csv": "no"}
    memory = fsspec.filesystem("memory")
    for name, text in texts.items():
        memory.pipe(f"/corpus/{name}", text.encode("utf-8"))
        (tmp_path / name).parent.mkdir(parents=True, exist_ok=True)
        (tmp_path / name).write_text(text, "utf-8")
    remote = read_documents(["memory://corpus"])
    local = read_documents([tmp_path])
    assert [(d.doc_id, d.name, d.paragraphs) for d in remote] == [(d.doc_id, d.name, d.paragraphs) for d in local]
    assert [d.path for d in remote] == ["memory:///corpus/a.md", "memory:///corpus/b/one.txt"]
    assert [d.name for d in read_documents(["memory://corpus/b/one.txt"])] == ["one.txt"]


@pytest.mark.parametrize(
    ("url", "message"),
    [
        ("memory://nowhere", "memory://nowhere: no such file or folder"),
        ("nosuchprotocol://x/y.txt", "nosuchprotocol://x/y.txt: cannot read this URL ("),
    ],
)
def test_a_bad_url_is_one_clear_line(url, message):
    pytest.importorskip("fsspec")
    with pytest.raises(GraphbuildError) as raised:
        read_documents([url])
    assert str(raised.value).startswith(message)
