"""Bytes to text: UTF-8 (with or without BOM) only, with a clear word for anything else."""

from __future__ import annotations

import re

from lsip_check.load.errors import LoadError

DEFAULT_MAX_BYTES = 5 * 1024 * 1024

_BOMS = (
    (b"\xff\xfe\x00\x00", "UTF-32"),
    (b"\x00\x00\xfe\xff", "UTF-32"),
    (b"\xff\xfe", "UTF-16"),
    (b"\xfe\xff", "UTF-16"),
)


#: what ends a line, as lsip_check.load.document.normalise counts them
_BREAKS = re.compile("\r\n?|[\n\x85\u2028\u2029]")


def _position(data: bytes, offset: int) -> tuple[int, int]:
    """1-based line and column (in characters, as an editor counts them) of a byte
    offset; every line break the reader counts (CR, NEL, LS, PS) ends a line here too."""
    lines = _BREAKS.split(data[:offset].decode("utf-8", "replace"))
    return len(lines), len(lines[-1]) + 1


def _utf16_without_bom(data: bytes) -> bool:
    """Whether the text looks like UTF-16 saved without a byte order mark: mostly
    ASCII, so one byte of each pair is NUL and the other is not."""
    sample = data[:4096]
    if len(sample) < 4:
        return False
    even = sample[0::2].count(0) / len(sample[0::2])
    odd = sample[1::2].count(0) / len(sample[1::2])
    return (even > 0.6 and odd < 0.1) or (odd > 0.6 and even < 0.1)


def decode(data: bytes, max_bytes: int = DEFAULT_MAX_BYTES) -> str:
    """Return the text of a plan file or raise a located LoadError."""
    if len(data) > max_bytes:
        raise LoadError(
            f"The file is {len(data):,} bytes, over the limit of {max_bytes:,} bytes. "
            "A plan is normally well under 1 MB: split annexes into included files, "
            "or raise the limit with --max-file-size if this file really is a plan."
        )
    for bom, name in _BOMS:
        if data.startswith(bom):
            raise LoadError(
                f"The file is encoded as {name}. Save it as UTF-8 "
                "(in most editors: Save As, Encoding: UTF-8) and check it again."
            )
    if data.startswith(b"\xef\xbb\xbf"):
        data = data[3:]
    if _utf16_without_bom(data):
        raise LoadError(
            "The file is encoded as UTF-16 (without a byte order mark). Save it as "
            "UTF-8 (in most editors: Save As, Encoding: UTF-8) and check it again."
        )
    nul = data.find(b"\x00")
    if nul >= 0:
        line, column = _position(data, nul)
        raise LoadError(
            "This is not a text file (it contains a NUL byte): it may be a Word, "
            "Excel or PDF file. Save the plan as plain-text YAML or Markdown.",
            line,
            column,
        )
    try:
        text = data.decode("utf-8")
    except UnicodeDecodeError as exc:
        line, column = _position(data, exc.start)
        bad = data[exc.start : exc.start + 1].hex().upper()
        raise LoadError(
            f"The file is not valid UTF-8 (byte 0x{bad} here). It was probably saved "
            "as Windows-1252 or Latin-1 (a '£' or curly quote is the usual cause): "
            "save it as UTF-8 and check it again.",
            line,
            column,
        ) from None
    if not text.strip():
        raise LoadError(
            "The file is empty. A plan needs at least its area and sections: "
            "run `lsip-check init` for a skeleton."
        )
    return text
