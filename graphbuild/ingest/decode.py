"""Bytes to text: a byte-order mark, UTF-8, or the encoding charset-normalizer detects."""

from __future__ import annotations

import codecs

from charset_normalizer import from_bytes

from ..errors import GraphbuildError

_BOMS = (
    (b"\xff\xfe\x00\x00", "utf-32"),
    (b"\x00\x00\xfe\xff", "utf-32"),
    (b"\xff\xfe", "utf-16"),
    (b"\xfe\xff", "utf-16"),
)


def decode(data: bytes, name: str) -> str:
    """Bytes to text: a UTF-16/32 byte-order mark, UTF-8 (with or without BOM), then a detected encoding."""
    codec = codec_of(data, name)
    try:
        return data.decode(codec)
    except UnicodeDecodeError:  # only a byte-order mark's codec is taken without a full decode first
        raise GraphbuildError(f"{name}: not valid {codec.upper()} after its byte-order mark") from None


def codec_of(head: bytes, name: str, complete: bool = True) -> str:
    """The encoding a file's bytes show (``complete=False``: its first bytes only, and the rest of a huge
    file is decoded with it)."""
    if not head.strip():
        raise GraphbuildError(f"{name}: the file is empty")
    for bom, codec in _BOMS:
        if head.startswith(bom):
            return codec
    if b"\x00" in head[:8192]:
        raise GraphbuildError(f"{name}: looks like a binary file, not text")
    try:
        codecs.getincrementaldecoder("utf-8-sig")().decode(head, final=complete)  # final=False: a character
        return "utf-8-sig"  # cut by the sample's end is fine
    except UnicodeDecodeError:
        pass
    best = from_bytes(head).best()
    if best is None:
        raise GraphbuildError(f"{name}: cannot detect the text encoding")
    return best.encoding
