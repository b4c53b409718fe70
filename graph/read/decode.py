"""Bytes of a report file -> its text, or one clear InputError.

Offsets everywhere in plankg point into the text this module returns, so decoding must be exact
and repeatable: a byte-order mark is dropped, nothing else is changed (not even line endings).

Which encoding: a byte-order mark says it (UTF-8, UTF-16); bytes that are valid UTF-8 are UTF-8;
anything else is left to charset-normalizer, a maintained detector, asked to choose among the
encodings Chinese reports come in (UTF-16 without a mark, GB18030 and its subsets GBK and
GB2312). Of its candidates, the first that decodes to Chinese is taken: on a line or two the
detector may rank UTF-16 first for GBK bytes, which then read as Hangul and rare signs.
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
# Not in a Chinese report: Hangul syllables, the Yi script, private use and C0 controls other than
# tab and line breaks; bytes decoded in the wrong encoding are full of them
_IMPLAUSIBLE = re.compile(r"[\uac00-\ud7af\ua000-\ua4cf\ue000-\uf8ff\x00-\x08\x0b\x0c\x0e-\x1f]")
_CANDIDATES = ["utf_16_le", "utf_16_be", "gb18030"]
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
    try:
        return data.decode("utf-8"), "utf-8"
    except UnicodeDecodeError:
        pass
    for encoding in _detected(data):
        try:
            text = data.decode(encoding)
        except UnicodeDecodeError:
            continue
        if _HAN.search(text) and not _IMPLAUSIBLE.search(text):
            return text, encoding
    if b"\x00" in data:
        raise InputError(f"{path}: not a text file (it holds NUL bytes and is not UTF-16 text)")
    raise InputError(f"{path}: not Chinese text in UTF-8, UTF-16 or GB18030/GBK")


def _detected(data: bytes) -> list[str]:
    """The encodings charset-normalizer finds plausible for the bytes, most likely first."""
    from charset_normalizer import from_bytes  # imported here: most reports are UTF-8

    return [match.encoding for match in from_bytes(data, cp_isolation=_CANDIDATES)]
