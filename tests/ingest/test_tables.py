"""Tables of records (graphbuild/ingest/tables.py): one document per record, roles from the columns, every
record either read or named in a warning."""

import csv
import json

import networkx as nx
import pytest
from graphbuild.errors import GraphbuildError, Note, OptionError
from graphbuild.ingest.sources import read_documents
from graphbuild.ingest.text import PART_CHARS
from graphbuild.options import parse_fields

NEWS_HEADER = ["article_id", "publish_date", "article_source_link", "title", "subtitle", "text"]
NEWS_ROWS = [
    ["1", "2017/2/7", "http://abcnews.go.com/Politics/x", "DeVos Confirmed", "A tie", "Betsy DeVos was confirmed."],
    ["2", "          2016/12/30 7:11", "http://www.aljazeera.com/news/y", "Aleppo", "", "Fighting went on in Aleppo."],
    ["3", "2017/3/1", "http://tass.com/z", "No text here", "", "   "],
    ["4", "not a date", "", "Undated", "", "Moscow said nothing."],
]


def write_csv(path, header, rows, delimiter=","):
    with path.open("w", newline="", encoding="utf-8") as handle:
        writer = csv.writer(handle, delimiter=delimiter)
        writer.writerow(header)
        writer.writerows(rows)
    return path


def test_a_csv_of_articles_is_one_document_per_record_with_its_roles(tmp_path):
    warnings = []
    docs = read_documents([write_csv(tmp_path / "News.csv", NEWS_HEADER, NEWS_ROWS)], warnings.append)
    assert [d.doc_id for d in docs] == ["news-1", "news-2", "news-4"]
    first, second, undated = docs
    assert first.paragraphs == ("DeVos Confirmed", "Betsy DeVos was confirmed.")
    assert (first.title, first.date, first.url) == ("DeVos Confirmed", "2017-02-07", "http://abcnews.go.com/Politics/x")
    assert first.source == "abcnews.go.com" and second.source == "aljazeera.com"  # the URL's host, without www.
    assert second.date == "2016-12-30T07:11:00"  # padded, with a time
    assert first.properties == (("subtitle", "A tie"),) and second.properties == ()
    assert undated.date == "" and undated.source == ""
    said = "News.csv: 3 records (id=article_id, text=text, title=title, date=publish_date, url=article_source_link"
    assert warnings[0].startswith(said) and "1 without text skipped (line 4)" in warnings[0]
    assert warnings[1] == "News.csv: 1 dates not understood (line 5: 'not a date'); kept undated"
    assert len(warnings) == 2


def test_field_names_the_columns_and_a_table_without_text_lists_its_columns(tmp_path):
    table = write_csv(
        tmp_path / "t.tsv", ["key", "when", "story", "outlet"], [["a", "2024-08-29", "Xi spoke.", "Xinhua"]], "\t"
    )
    with pytest.raises(GraphbuildError, match=r"t.tsv: no text column \(its columns: key, when, story, outlet\)"):
        read_documents([table])
    fields = parse_fields(["text=story", "date=when", "id=key"])
    notes = []
    (doc,) = read_documents([table], notes.append, fields)
    assert (doc.doc_id, doc.date, doc.source, doc.text) == ("t-a", "2024-08-29", "Xinhua", "Xi spoke.")
    assert notes == ["t.tsv: 1 records (id=key, text=story, date=when, source=outlet)"] and isinstance(notes[0], Note)
    with pytest.raises(GraphbuildError, match="no column 'body'"):
        read_documents([table], fields=parse_fields(["text=body"]))
    for bad in ("colour=x", "text", "text=a", "TEXT=b"):
        with pytest.raises(OptionError):
            parse_fields(["text=a", bad] if bad.lower().startswith("text=") else [bad])


def test_malformed_rows_and_json_lines_are_named_by_line_and_the_rest_kept(tmp_path):
    bad_csv = tmp_path / "bad.csv"
    bad_csv.write_text('id,text\n1,"Paris is big."\n2,"Rome",extra\n3,"Oslo is cold."\n', encoding="utf-8")
    warnings = []
    assert [d.text for d in read_documents([bad_csv], warnings.append)] == ["Paris is big.", "Oslo is cold."]
    assert "bad.csv: line 3: 3 fields where the header has 2; skipped" in warnings
    lines = tmp_path / "a.jsonl"
    lines.write_text('{"id": 7, "body": "Berlin is far."}\n{"id": 8, "body": \n[1, 2]\n\n{"id": 9, "body": "Bonn."}\n')
    warnings = []
    assert [d.doc_id for d in read_documents([lines], warnings.append)] == ["a-7", "a-9"]
    assert any(w.startswith("a.jsonl: line 2: not valid JSON") for w in warnings)
    assert "a.jsonl: line 3: a JSON list, not an object; skipped" in warnings


def test_duplicate_ids_are_made_unique_with_a_warning(tmp_path):
    table = write_csv(tmp_path / "d.csv", ["id", "text"], [["x", "One."], ["x", "Two."], ["x", "Three."]])
    warnings = []
    assert [d.doc_id for d in read_documents([table], warnings.append)] == ["d-x", "d-x-2", "d-x-3"]
    assert "d.csv: 2 duplicate ids made unique (x -> d-x-2, x -> d-x-3)" in warnings


def test_a_json_array_and_parquet_are_records_too(tmp_path):
    records = [{"headline": "Talks", "content": "Merkel met Putin.", "published": "Aug. 29, 2024", "tags": ["a", "b"]}]
    (tmp_path / "a.json").write_text(json.dumps({"articles": records}))
    (doc,) = read_documents([tmp_path / "a.json"])
    assert (doc.title, doc.date, doc.properties) == ("Talks", "2024-08-29", (("tags", '["a", "b"]'),))
    pq = pytest.importorskip("pyarrow.parquet")
    import pyarrow

    pq.write_table(pyarrow.Table.from_pylist(records * 3), tmp_path / "a.parquet")
    docs = read_documents([tmp_path / "a.parquet"])
    assert [d.doc_id for d in docs] == ["a-1", "a-2", "a-3"] and docs[0].date == "2024-08-29"


def test_a_record_of_100_mb_is_read_in_parts_with_its_metadata(tmp_path):
    sentence = "Ankara and Athens held talks. "
    text = sentence * (100_000_000 // len(sentence))
    table = write_csv(tmp_path / "big.csv", ["id", "date", "text"], [["1", "2017-03-01", text], ["2", "", "Small."]])
    docs = read_documents([table])
    parts = [d for d in docs if d.doc_id.startswith("big-1-part-")]
    assert len(parts) == pytest.approx(100, abs=2) and all(d.date == "2017-03-01" for d in parts)
    assert all(len(d.text) <= PART_CHARS for d in parts) and sum(len(d.text) for d in parts) >= len(text) - 200
    assert docs[-1].doc_id == "big-2"


def test_the_page_of_one_table_is_titled_by_the_table(tmp_path):
    from graphbuild.formats.html import corpus_title
    from graphbuild.graph import attributes

    path = str(tmp_path / "NewsArticles.csv")
    documents = {f"d{i}": attributes.document(f"NewsArticles.csv#{i}", "T", path) for i in range(3)}
    assert corpus_title(nx.Graph(documents=documents)) == "NewsArticles (3 documents) - graphbuild"
    members = {f"m{i}": attributes.document("x", "T", f"{tmp_path}/news.zip!a/{i}.txt") for i in range(2)}
    assert corpus_title(nx.Graph(documents=members)) == "news (2 documents) - graphbuild"
