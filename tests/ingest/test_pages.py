"""Formatted files (graphbuild/ingest/pages.py, metadata.py, archives.py, dates.py), made by their own
libraries: HTML with real-looking boilerplate, PDFs by fpdf2, DOCX by python-docx, zip and tar archives."""

import io
import tarfile
import zipfile
from datetime import datetime

import pytest
from graphbuild import api
from graphbuild.ingest import archives
from graphbuild.ingest.dates import date_written, parse_date
from graphbuild.ingest.sources import read_documents
from graphbuild.ingest.text import document_from_text

from conftest import SEEDS

ARTICLE = [
    "Merkel and Putin meet in Berlin",
    "German Chancellor Angela Merkel met Russian President Vladimir Putin in Berlin on Tuesday, officials said.",
    "The two leaders talked about Ukraine and about gas supplies to Europe for more than three hours.",
    "Merkel said the talks were frank, and Putin invited her to Moscow for another meeting in the spring.",
]

PAGE = """<!DOCTYPE html><html><head><title>Merkel and Putin meet in Berlin | Daily Planet</title>
<meta property="article:published_time" content="2017-02-07T10:00:00+00:00">
<meta name="author" content="Clark Kent"><meta property="og:site_name" content="Daily Planet">
<link rel="canonical" href="https://www.dailyplanet.example/world/merkel-putin"></head><body>
<div class="cookie-banner">We use cookies. Accept all cookies from Zorbatron Analytics?</div>
<nav><ul><li><a href="/">Home</a></li><li><a href="/world">World</a></li><li><a>Quenbury Sports</a></li></ul></nav>
<main><article><h1>{}</h1><p>{}</p><p>{}</p><p>{}</p></article>
<aside class="related"><h3>Related articles</h3><ul><li><a href="/a">Vellamor Kingsley wins the Open</a></li>
<li><a href="/b">Storms hit Pelladon again</a></li></ul></aside></main>
<footer><p>Follow us on Twitter and Facebook.</p><p>Copyright 2017 Daily Planet Media Group, Metropolis.</p></footer>
</body></html>""".format(ARTICLE[0], ARTICLE[1].replace(" on Tuesday", "\n  on Tuesday"), *ARTICLE[2:])
BOILERPLATE_NAMES = ("Zorbatron", "Quenbury", "Vellamor", "Pelladon", "Twitter", "Metropolis")


def pdf_bytes(paragraphs, title="", author="", created=None, password=None):
    from fpdf import FPDF

    pdf = FPDF()
    pdf.set_title(title)
    pdf.set_author(author)
    if created:
        pdf.set_creation_date(created)
    if password:
        pdf.set_encryption(owner_password="owner", user_password=password)
    pdf.add_page()
    pdf.set_font("helvetica", size=11)
    for paragraph in paragraphs:
        pdf.multi_cell(0, 6, paragraph, new_x="LMARGIN", new_y="NEXT")
        pdf.ln(3)
    return bytes(pdf.output())


def docx_bytes(paragraphs, title="", author="", created=None):
    import docx

    document = docx.Document()
    for paragraph in paragraphs:
        document.add_paragraph(paragraph)
    document.core_properties.title = title
    document.core_properties.author = author
    if created:
        document.core_properties.created = created
    out = io.BytesIO()
    document.save(out)
    return out.getvalue()


@pytest.mark.parametrize(
    "written, iso",
    [
        ("2017/2/7", "2017-02-07"),
        ("          2016/12/30 7:11", "2016-12-30T07:11:00"),
        ("2024-08-29T10:04:43+02:00", "2024-08-29T10:04:43+02:00"),
        ("Tue, 07 Feb 2017 10:01:02 +0000", "2017-02-07T10:01:02+00:00"),
        ("Aug. 29, 2024", "2024-08-29"),
        ("29 August 2024", "2024-08-29"),
        ("yesterday", ""),
        ("March 2017", ""),
        ("no date at all", ""),
    ],
)
def test_dates_in_their_common_written_forms(written, iso):
    assert parse_date(written) == iso


@pytest.mark.parametrize(
    ("written", "published", "iso"),
    [
        ("February 17, 2017", "", "2017-02-17"),
        ("July 2017", "", "2017-07"),
        ("2016", "", "2016"),
        ("17 January", "2017-03-05T10:00:00", "2017-01-17"),  # the year of the document's date
        ("17 January", "", ""),  # no year to take
        ("Tuesday", "2017-03-05", ""),
        ("last week", "2017-03-05", ""),
        ("February 17-18", "2017-03-05", ""),
        ("5", "2017-03-05", ""),
    ],
)
def test_a_date_a_sentence_gives_to_the_precision_written(written, published, iso):
    assert date_written(written, published) == iso


def test_a_plain_text_states_its_date_and_source_at_the_top():
    seed = document_from_text((SEEDS / "002_6170b7e2c5be2afa.txt").read_text("utf-8"), "002.txt")
    assert (seed.date, seed.source) == ("2024-08-29T10:04:43", "Xinhua")
    dateline = document_from_text("Title\nLHASA, Aug. 29, 2024 -- Wang spoke.", "d.txt")
    assert (dateline.date, dateline.source) == ("2024-08-29", "")
    assert document_from_text("Updated: 2024-08-29\nNo dateline here.", "u.txt").source == ""


def test_markdown_front_matter_gives_the_metadata_and_never_reaches_the_text():
    text = "---\ntitle: Talks in Berlin\ndate: 2017-02-07\nurl: https://www.bbc.co.uk/news/1\ntags: [a, b]\n---\n# Talks\nMerkel met Putin."
    doc = document_from_text(text, "a.md")
    assert doc.paragraphs == ("Talks", "Merkel met Putin.")
    assert (doc.title, doc.date, doc.source, doc.properties) == (
        "Talks in Berlin",
        "2017-02-07",
        "bbc.co.uk",
        (("tags", "a; b"),),
    )
    warnings = []
    bomb = document_from_text("---\na: &x [1]\nb: *x\n---\nBody.", "b.md", warn=warnings.append)
    assert bomb.date == "" and "anchors (&name) are refused" in warnings[0]


def test_an_html_page_gives_its_main_text_and_metadata_without_the_boilerplate(tmp_path):
    (tmp_path / "page.html").write_text(PAGE, encoding="utf-8")
    (doc,) = read_documents([tmp_path / "page.html"])
    assert doc.paragraphs[0] == ARTICLE[0] and all(p in doc.paragraphs for p in ARTICLE[1:])
    assert not [name for name in BOILERPLATE_NAMES if name in doc.text]
    assert (doc.date, doc.author, doc.source) == ("2017-02-07", "Clark Kent", "Daily Planet")
    assert doc.url == "https://www.dailyplanet.example/world/merkel-putin"


def test_a_pdf_gives_its_text_with_wrapped_lines_joined_and_its_properties(tmp_path):
    (tmp_path / "a.pdf").write_bytes(pdf_bytes(ARTICLE, "Talks", "Jane Roe", datetime(2017, 2, 7, 9, 30)))
    (doc,) = read_documents([tmp_path / "a.pdf"])
    assert list(doc.paragraphs) == ARTICLE  # the title line is the text's first paragraph already
    assert (doc.title, doc.author, doc.date) == ("Talks", "Jane Roe", "2017-02-07T09:30:00")


def test_unreadable_pdfs_and_docx_are_named_in_a_warning_and_the_build_goes_on(tmp_path):
    (tmp_path / "locked.pdf").write_bytes(pdf_bytes(ARTICLE, password="secret"))
    (tmp_path / "scanned.pdf").write_bytes(pdf_bytes([]))
    (tmp_path / "broken.docx").write_bytes(docx_bytes(ARTICLE)[:2000])
    (tmp_path / "fine.txt").write_text("Paris is in France.")
    warnings = []
    named = [tmp_path / n for n in ("locked.pdf", "scanned.pdf", "broken.docx", "fine.txt")]
    assert [d.name for d in read_documents(named, warnings.append)] == ["fine.txt"]
    assert "locked.pdf: an encrypted PDF" in warnings[0]
    assert "scanned.pdf: a PDF without text" in warnings[1]
    assert "broken.docx: not a readable DOCX" in warnings[2] and len(warnings) == 3


def test_a_docx_gives_its_paragraphs_and_core_properties(tmp_path):
    (tmp_path / "a.docx").write_bytes(docx_bytes(ARTICLE, "Talks", "Jane Roe", datetime(2017, 2, 7, 9, 30)))
    (doc,) = read_documents([tmp_path / "a.docx"])
    assert list(doc.paragraphs) == ARTICLE and (doc.title, doc.author, doc.date) == (
        "Talks",
        "Jane Roe",
        "2017-02-07T09:30:00+00:00",
    )


def test_archives_are_read_like_folders_and_bounded(tmp_path, monkeypatch):
    with zipfile.ZipFile(tmp_path / "news.zip", "w") as z:
        z.writestr("b/one.txt", "Oslo is in Norway.")
        z.writestr("a/table.csv", "id,text\n1,Rome is in Italy.\n")
        z.writestr("../escape.txt", "Nothing.")
        z.writestr("inner.zip", b"PK")
        z.writestr("photo.png", b"\x89PNG")
    warnings = []
    docs = read_documents([tmp_path / "news.zip"], warnings.append)
    assert [d.text for d in docs] == ["Rome is in Italy.", "Oslo is in Norway."]
    assert docs[1].path.endswith("news.zip!b/one.txt")
    assert any("'../escape.txt' names a place outside the archive" in w for w in warnings)
    assert any("inner.zip is an archive inside the archive" in w for w in warnings)
    with tarfile.open(tmp_path / "news.tar.gz", "w:gz") as tar:
        for name, data in (("x.txt", b"Lima is in Peru."), ("y.txt", b"Quito is in Ecuador. " * 10)):
            info = tarfile.TarInfo(name)
            info.size = len(data)
            tar.addfile(info, io.BytesIO(data))
    monkeypatch.setattr(archives, "MAX_UNPACKED", 100)
    warnings = []
    assert [d.name for d in read_documents([tmp_path / "news.tar.gz"], warnings.append)] == ["news.tar.gz/x.txt"]
    assert warnings == [
        f"{tmp_path / 'news.tar.gz'}: over 100 bytes unpacked at y.txt; it and the members after it skipped"
    ]


def test_the_same_article_gives_the_same_entities_from_txt_html_pdf_and_docx(nlp, tmp_path):
    folders = {kind: tmp_path / kind for kind in ("txt", "html", "pdf", "docx")}
    for folder in folders.values():
        folder.mkdir()
    (folders["txt"] / "a.txt").write_text("\n".join(ARTICLE), encoding="utf-8")
    (folders["html"] / "a.html").write_text(PAGE, encoding="utf-8")
    (folders["pdf"] / "a.pdf").write_bytes(pdf_bytes(ARTICLE))
    (folders["docx"] / "a.docx").write_bytes(docx_bytes(ARTICLE))
    found = {kind: {d["label"] for _, d in api.build([folder]).nodes(data=True)} for kind, folder in folders.items()}
    assert found["txt"] >= {"Angela Merkel", "Vladimir Putin", "Berlin", "Moscow"}
    assert found["html"] == found["txt"] and found["pdf"] == found["txt"] and found["docx"] == found["txt"]
