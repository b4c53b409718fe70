"""Bytes of a report file -> its text, or one clear InputError.

Offsets everywhere in plankg point into the text this module returns, so decoding must be exact
and repeatable: a byte-order mark is dropped, nothing else is changed (not even line endings).
"""

from __future__ import annotations

import codecs
import hashlib
import re
from dataclasses import dataclass
from pathlib import Path

from graph.errors import InputError

MAX_REPORT_BYTES = 50 * 1024 * 1024  # the longest real reports are well under 1 MB

_HAN = re.compile(r"[\u4e00-\u9fff]")
_BINARY_SIGNATURES = {
    b"%PDF": "a PDF file",
    b"PK\x03\x04": "a ZIP archive (a .docx or .xlsx?)",
    b"\xd0\xcf\x11\xe0": "an old Office document (.doc or .xls?)",
    b"\x89PNG": "a PNG image",
    b"\xff\xd8\xff": "a JPEG image",
}
_BOMS = (
    (codecs.BOM_UTF8, "utf-8-sig"),
    (codecs.BOM_UTF16_LE, "utf-16"),
    (codecs.BOM_UTF16_BE, "utf-16"),
)


@dataclass(frozen=True)
class DecodedFile:
    text: str
    sha256: str
    encoding: str


def read_text_file(path: Path) -> DecodedFile:
    """Read and decode one report file; every way it can fail is an InputError naming the file."""
    data = _read_bytes(path)
    text, encoding = _decode(data, path)
    if not text.strip():
        raise InputError(f"{path}: the file is empty")
    if not _HAN.search(text):
        raise InputError(f"{path}: no Chinese text in the file; plankg reads Chinese reports")
    return DecodedFile(text=text, sha256=hashlib.sha256(data).hexdigest(), encoding=encoding)


def _read_bytes(path: Path) -> bytes:
    if not path.exists():
        raise InputError(f"{path}: no such file")
    if not path.is_file():
        raise InputError(f"{path}: not a file")
    size = path.stat().st_size
    if size > MAX_REPORT_BYTES:
        raise InputError(
            f"{path}: {size:,} bytes is more than a report ({MAX_REPORT_BYTES:,} bytes at most)")
    try:
        return path.read_bytes()
    except OSError as error:
        raise InputError(f"{path}: cannot be read ({error.strerror})") from None


def _decode(data: bytes, path: Path) -> tuple[str, str]:
    if not data.strip():
        raise InputError(f"{path}: the file is empty")
    for signature, what in _BINARY_SIGNATURES.items():
        if data.startswith(signature):
            raise InputError(f"{path}: not a text file, it looks like {what}")
    for bom, encoding in _BOMS:
        if data.startswith(bom):
            try:
                return data.decode(encoding), encoding
            except UnicodeDecodeError:
                raise InputError(f"{path}: not valid {encoding} text") from None
    if b"\x00" in data:
        raise InputError(f"{path}: not a text file (it holds NUL bytes)")
    for encoding in ("utf-8", "gb18030"):
        try:
            return data.decode(encoding), encoding
        except UnicodeDecodeError:
            continue
    raise InputError(f"{path}: not text in UTF-8 or GB18030")
