"""Hand-made pipeline records for stage tests that need no model, hand-made texts shared by tests, and a
`graphbuild serve` process on a free loopback port."""

import csv
import socket
import subprocess
import sys
import time
import urllib.error
import urllib.request
from contextlib import contextmanager

from graphbuild.records import Document, Extraction, Mention, Sentence

#: A document whose text is markup a page must show as text (formats/test_html.py, explorer/test_browser.py).
INJECTION = {
    "evil.txt": (
        "Barack Obama told Angela Merkel that <script>alert(1)</script> is in Berlin.\n"
        "Angela Merkel showed Barack Obama an <img src=x onerror=alert(2)> in Berlin.\n"
        'Barack Obama sent Angela Merkel a <a href="javascript:alert(3)">link</a> from Paris.\n'
        "Emmanuel Macron wrote </script><script>alert(4)</script> to Barack Obama in Paris."
    )
}


#: (date, outlet URL, text) of six one-sentence articles, so counts made from this table are the gold of
#: time and source (graph/test_timeline.py, explorer/test_browser.py). The last is undated.
ARTICLES = [
    ("2017/1/30", "http://www.bbc.co.uk/a", "Angela Merkel met Vladimir Putin in Berlin."),
    ("2017/2/7", "http://www.bbc.co.uk/b", "Angela Merkel spoke with Vladimir Putin again."),
    ("2017/2/9", "http://tass.com/c", "Vladimir Putin called Angela Merkel from Moscow."),
    ("2017/2/21", "http://www.cnn.com/d", "Donald Trump flew to Florida."),
    ("2017/3/2", "http://www.cnn.com/e", "Donald Trump met Angela Merkel in Washington."),
    ("", "http://tass.com/f", "Vladimir Putin opened a bridge."),
]


def write_news_table(path):
    """``ARTICLES`` as the CSV a user would bring (id, date, url, text); returns its path."""
    with path.open("w", newline="", encoding="utf-8") as handle:
        writer = csv.writer(handle)
        writer.writerow(["id", "date", "url", "text"])
        writer.writerows([i, *row] for i, row in enumerate(ARTICLES, 1))
    return path


def extraction(doc_id: str, sentences: list[list[tuple[str, str]]], paragraph_of=None) -> Extraction:
    """One document whose sentence i mentions the (text, type) pairs in sentences[i], 10 tokens each."""
    sents, mentions, pos = [], [], 0
    for i, names in enumerate(sentences):
        text = "; ".join(n for n, _ in names) + "."
        para = paragraph_of(i) if paragraph_of else i
        sents.append(Sentence(doc_id, i, para, pos, pos + len(text), text))
        offset = pos
        for j, (name, entity_type) in enumerate(names):
            mentions.append(
                Mention(doc_id, para, i, offset, offset + len(name), i * 10 + j * 2, name, "X", entity_type)
            )
            offset += len(name) + 2
        pos += len(text) + 1
    doc = Document(doc_id, f"{doc_id}.txt", tuple(s.text for s in sents))
    return Extraction(doc, tuple(sents), tuple(mentions), len(sentences) * 10)


def document(doc_id: str, text: str, names: dict[str, str]) -> Extraction:
    """One document of hand-written text (sentences end with ". "), mentioning every whole-word occurrence
    of each name in ``names`` (name -> type), longest names first, as a perfect extractor would."""
    import re

    sents, pos = [], 0
    for i, sentence in enumerate(text.split(". ")):
        sentence = sentence if sentence.endswith(".") else sentence + "."
        sents.append(Sentence(doc_id, i, 0, pos, pos + len(sentence), sentence))
        pos += len(sentence) + 1
    taken: list[tuple[int, int]] = []
    mentions = []
    for name in sorted(names, key=len, reverse=True):
        for m in re.finditer(rf"(?<!\w){re.escape(name)}(?!\w)", text):
            if any(s < m.end() and m.start() < e for s, e in taken):
                continue
            taken.append((m.start(), m.end()))
            sentence = next(s.index for s in sents if s.start <= m.start() < s.end + 1)
            mentions.append(Mention(doc_id, 0, sentence, m.start(), m.end(), m.start() // 6, name, "X", names[name]))
    mentions.sort(key=lambda m: m.start)
    doc = Document(doc_id, f"{doc_id}.txt", (text,))
    return Extraction(doc, tuple(sents), tuple(mentions), len(text) // 6)


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


@contextmanager
def running(graph, *args, env=None):
    """`graphbuild serve GRAPH` on a free loopback port, stopped on leaving (``env``: its environment)."""
    port = free_port()
    proc = subprocess.Popen(
        [sys.executable, "-m", "graphbuild", "serve", str(graph), "--port", str(port), *args],
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
        env=env,
    )
    url = f"http://127.0.0.1:{port}"
    try:
        for _ in range(200):
            try:
                urllib.request.urlopen(url + "/", timeout=1)
                break
            except (urllib.error.URLError, ConnectionError):
                time.sleep(0.1)
        yield url
    finally:
        proc.terminate()
        proc.wait(timeout=10)


def entities(resolution):
    """A resolution's entities by label."""
    return {e.label: e for e in resolution.entities}


def rules(entity):
    """Which rule merged each alias of an entity."""
    return {g.alias: g.rule for g in entity.merges}
