"""Tables of records, one document per record: CSV and TSV, JSON Lines, JSON arrays and (with pyarrow) Parquet.

Columns take roles (``ROLES``): named with ``--field ROLE=COLUMN``, else found by their common names
(``ROLE_COLUMNS``); every other column is kept as a property of its document. CSV, JSON Lines and
Parquet are streamed, a record at a time, so memory stays flat on a file of any size; a JSON array is
read whole (JSON Lines is its streaming form).
"""

from __future__ import annotations

import csv
import io
import json
from collections.abc import Callable, Iterator, Mapping, Sequence
from dataclasses import dataclass, field, replace
from typing import IO, Any

from ..errors import GraphbuildError, Note
from ..names import slugify
from ..options import ROLES
from ..records import Document
from .dates import host_of, parse_date
from .decode import codec_of
from .text import PART_CHARS, document_from_text, split_text

#: The column names each role is found by, in order of preference (compared in lower case); a name
#: ending in ``*`` is a suffix ("article_source_link").
ROLE_COLUMNS: dict[str, tuple[str, ...]] = {
    "id": ("id", "doc_id", "article_id", "document_id"),
    "text": ("text", "body", "content", "full_text", "article"),
    "title": ("title", "headline"),
    "date": ("date", "published", "publish_date", "pubdate", "published_at", "date_published", "timestamp"),
    "url": ("url", "link", "*_link", "*_url"),
    "source": ("source", "publisher", "outlet", "site", "source_name"),
    "author": ("author", "authors", "byline", "creator"),
}
TABLE_SUFFIXES = (".csv", ".tsv", ".jsonl", ".ndjson", ".json", ".parquet")
#: The largest CSV field read (Python's default is 131,072 characters): a whole book in one cell.
MAX_FIELD = (1 << 31) - 1
Fields = tuple[tuple[str, str], ...]


def roles_of(columns: Sequence[str], fields: Fields, name: str) -> dict[str, str]:
    """Role -> column for a table with ``columns``: the ``--field`` ones (``options.parse_fields``), the rest found by name; a table
    without a text column, or a named column it lacks, is one line listing the columns it has."""
    found_columns = ", ".join(columns) or "none"
    named = dict(fields)
    for role, column in named.items():
        if column not in columns:
            raise GraphbuildError(f"{name}: no column {column!r} (--field {role}=...); its columns: {found_columns}")
    roles = dict(named)
    taken = set(named.values())
    for role, candidates in ROLE_COLUMNS.items():
        if role in roles:
            continue
        for candidate in candidates:
            match = next((c for c in columns if c not in taken and _matches(c, candidate)), None)
            if match is not None:
                roles[role] = match
                taken.add(match)
                break
    if "text" not in roles:
        raise GraphbuildError(
            f"{name}: no text column (its columns: {found_columns}); name one with --field text=COLUMN"
        )
    return {role: roles[role] for role in ROLES if role in roles}


def _matches(column: str, candidate: str) -> bool:
    column = column.strip().lower()
    return column.endswith(candidate[1:]) if candidate.startswith("*") else column == candidate


@dataclass
class _Tally:
    """What one table's reading counts, for its closing line."""

    records: int = 0
    empty: list[str] = field(default_factory=list)  # where records without text were
    bad_dates: list[str] = field(default_factory=list)
    renamed: list[str] = field(default_factory=list)
    ids: set[str] = field(default_factory=set)


def read_table(open_binary: Callable[[], IO[bytes]], name: str, path: str, fields: Fields, warn) -> Iterator[Document]:
    """The documents of a table file, one per record with text; ``warn`` hears of every record left out
    (by line or record number) and, at the end, what was read from which columns."""
    suffix = name.lower().rsplit(".", 1)[-1]
    rows: Iterator[tuple[str, Mapping[str, Any] | None, Sequence[str]]]
    if suffix in ("csv", "tsv"):
        rows = _csv_rows(open_binary, name, "\t" if suffix == "tsv" else ",", warn)
    elif suffix in ("jsonl", "ndjson"):
        rows = _jsonl_rows(open_binary, name, warn)
    elif suffix == "json":
        rows = _json_rows(open_binary, name)
    else:
        rows = _parquet_rows(open_binary, name)
    tally, roles = _Tally(), None
    for where, record, columns in rows:
        if roles is None:
            roles = roles_of(columns, fields, name)
        if record is None:
            continue
        document = _document(record, roles, where, name, path, tally, warn)
        if document is not None:
            yield from _parts_of(document)
    if roles is None:
        raise GraphbuildError(f"{name}: no records")
    _report(name, roles, tally, warn)


def _document(record, roles, where, name, path, tally: _Tally, warn) -> Document | None:
    """One record's document (None, counted, if it has no text)."""
    values = {role: _value(record.get(column)) for role, column in roles.items()}
    text, title = values.get("text", ""), values.get("title", "").strip()
    if not text.strip():
        tally.empty.append(where)
        return None
    tally.records += 1
    date = ""
    if values.get("date", "").strip():
        date = parse_date(values["date"])
        if not date:
            tally.bad_dates.append(f"{where}: {values['date'].strip()[:40]!r}")
    ident = values.get("id", "").strip() or where.rsplit(" ", 1)[-1]
    doc_id = f"{slugify(name.rsplit('.', 1)[0])}-{slugify(ident)}"
    unique, n = doc_id, 1
    while unique in tally.ids:
        n += 1
        unique = f"{doc_id}-{n}"
    if unique != doc_id:
        tally.renamed.append(f"{ident} -> {unique}")
    tally.ids.add(unique)
    body = text if not title or text.lstrip().startswith(title) else f"{title}\n{text}"
    document = document_from_text(body, f"{name}#{ident}", unique, path, warn)
    url = values.get("url", "").strip()
    used = set(roles.values())
    return replace(
        document,
        title=title or document.title,
        date=date or document.date,
        url=url,
        source=values.get("source", "").strip() or host_of(url) or document.source,
        author=values.get("author", "").strip(),
        properties=tuple((str(k), v) for k, raw in record.items() if k not in used and (v := _value(raw).strip())),
    )


def _parts_of(document: Document) -> Iterator[Document]:
    """A record over ``PART_CHARS`` characters as several documents with its metadata, as a huge file is read."""
    if sum(len(p) + 1 for p in document.paragraphs) <= PART_CHARS:
        yield document
        return
    for number, paragraphs in enumerate(split_text(document.paragraphs, PART_CHARS), 1):
        yield replace(
            document,
            doc_id=f"{document.doc_id}-part-{number}",
            name=f"{document.name} (part {number})",
            paragraphs=paragraphs,
        )


def _value(raw: Any) -> str:
    """A field as text: JSON's numbers and booleans as written, its lists and objects as JSON, null as ""."""
    if raw is None:
        return ""
    if isinstance(raw, str):
        return raw
    if isinstance(raw, (list, dict)):
        return json.dumps(raw, ensure_ascii=False)
    return str(raw)


def _report(name: str, roles: Mapping[str, str], tally: _Tally, warn) -> None:
    used = ", ".join(f"{role}={column}" for role, column in roles.items())
    lost = f"; {len(tally.empty):,} without text skipped ({_first(tally.empty)})" if tally.empty else ""
    line = f"{name}: {tally.records:,} records ({used}{lost})"
    warn(line if tally.empty else Note(line))
    if tally.bad_dates:
        warn(f"{name}: {len(tally.bad_dates):,} dates not understood ({_first(tally.bad_dates)}); kept undated")
    if tally.renamed:
        warn(f"{name}: {len(tally.renamed):,} duplicate ids made unique ({_first(tally.renamed)})")


def _first(items: list[str], shown: int = 3) -> str:
    more = f", ... {len(items) - shown:,} more" if len(items) > shown else ""
    return ", ".join(items[:shown]) + more


def _text_stream(open_binary: Callable[[], IO[bytes]], name: str) -> IO[str]:
    with open_binary() as handle:
        codec = codec_of(handle.read(65536), name, complete=False)
    return io.TextIOWrapper(open_binary(), encoding=codec, errors="replace", newline="")


def _csv_rows(
    open_binary, name: str, delimiter: str, warn
) -> Iterator[tuple[str, Mapping[str, Any] | None, Sequence[str]]]:
    """(where, record, columns) of a CSV or TSV file; a row that breaks the format is named and skipped."""
    csv.field_size_limit(MAX_FIELD)
    with _text_stream(open_binary, name) as stream:
        reader = csv.reader(stream, delimiter=delimiter)
        try:
            header = [column.strip() for column in next(reader)]
        except (StopIteration, csv.Error):
            raise GraphbuildError(f"{name}: no header row") from None
        yield f"line {reader.line_num}", None, header
        while True:
            try:
                row = next(reader)
            except StopIteration:
                return
            except csv.Error as error:
                warn(f"{name}: line {reader.line_num}: not valid CSV ({error}); skipped")
                continue
            if not row or row == [""]:
                continue
            if len(row) != len(header):
                warn(f"{name}: line {reader.line_num}: {len(row)} fields where the header has {len(header)}; skipped")
                continue
            yield f"line {reader.line_num}", dict(zip(header, row)), header


def _jsonl_rows(open_binary, name: str, warn) -> Iterator[tuple[str, Mapping[str, Any] | None, Sequence[str]]]:
    """(where, record, columns) of a JSON Lines file: the columns are the first record's keys."""
    columns: list[str] | None = None
    with _text_stream(open_binary, name) as stream:
        for number, line in enumerate(stream, 1):
            if not line.strip():
                continue
            try:
                record = json.loads(line)
            except ValueError as error:
                warn(f"{name}: line {number}: not valid JSON ({error}); skipped")
                continue
            if not isinstance(record, dict):
                warn(f"{name}: line {number}: a JSON {type(record).__name__}, not an object; skipped")
                continue
            if columns is None:
                columns = [str(k) for k in record]
                yield f"line {number}", None, columns
            yield f"line {number}", record, columns


def _json_rows(open_binary, name: str) -> Iterator[tuple[str, Mapping[str, Any] | None, Sequence[str]]]:
    """(where, record, columns) of a JSON array of objects (or an object holding one such array)."""
    with _text_stream(open_binary, name) as stream:
        try:
            data = json.load(stream)
        except ValueError as error:
            raise GraphbuildError(f"{name}: not valid JSON ({error})") from None
    if isinstance(data, dict):
        arrays = [value for value in data.values() if isinstance(value, list)]
        data = arrays[0] if len(arrays) == 1 else data
    if not isinstance(data, list) or not all(isinstance(item, dict) for item in data):
        raise GraphbuildError(f"{name}: expected a JSON array of objects (or JSON Lines: one object per line)")
    columns = list(dict.fromkeys(str(k) for item in data[:100] for k in item))
    yield "record 0", None, columns
    for number, record in enumerate(data, 1):
        yield f"record {number}", record, columns


def _parquet_rows(open_binary, name: str) -> Iterator[tuple[str, Mapping[str, Any] | None, Sequence[str]]]:
    """(where, record, columns) of a Parquet file, a row group at a time (pyarrow: graphbuild[parquet])."""
    try:
        import pyarrow.parquet as pq  # an optional extra
    except ImportError:
        raise GraphbuildError(f"{name}: reading Parquet needs pyarrow: pip install 'graphbuild[parquet]'") from None
    with open_binary() as handle:
        try:
            table = pq.ParquetFile(handle)
            columns = [str(c) for c in table.schema_arrow.names]
            yield "row 0", None, columns
            number = 0
            for batch in table.iter_batches(batch_size=1024):
                for record in batch.to_pylist():
                    number += 1
                    yield f"row {number}", record, columns
        except (OSError, ValueError) as error:  # pyarrow's ArrowInvalid is a ValueError
            raise GraphbuildError(f"{name}: not a readable Parquet file ({error})") from None
