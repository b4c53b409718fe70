"""Bytes of a report file -> its text, or one clear InputError.

Offsets everywhere in plankg point into the text this module returns, so decoding must be exact
and repeatable: a byte-order mark is dropped, nothing else is changed (not even line endings).

Which encoding: a byte-order mark says it (UTF-8, UTF-16); bytes that are valid UTF-8 are UTF-8;
anything else is left to charset-normalizer, a maintained detector, asked to choose among the
encodings Chinese reports come in (UTF-16 without a mark, GB18030 and its subsets GBK and
GB2312). Of its candidates, the first that decodes to Chinese is taken: on a line or two the
detector may rank UTF-16 first for GBK bytes, which then read as Hangul and rare signs.

A report that is good UTF-8 or GB18030 but for a few bad bytes (a file cut and pasted together, one
byte lost in a copy) is read, not refused: each bad sequence becomes one U+FFFD in the text, so the
offsets of passages stay true to the decoded text, and where they were is kept (byte offset in the
file, character offset in the text) for build.json and a warning. More than one bad sequence in
BAD_BYTES_PER bytes (or than BAD_BYTES_AT_LEAST in a short file), or fewer than HAN_PER_BAD_BYTE
Chinese characters for each, is not a damaged report but another encoding or no text at all, and is
refused as before.

The file is opened without blocking and checked to be a regular file before a byte is read: a FIFO
or a device named as a report would otherwise hang the build or read forever.
"""

from __future__ import annotations

import codecs
import hashlib
import os
import re
import stat
from dataclasses import dataclass
from pathlib import Path

from graph.errors import InputError

# The longest real reports (a five-year plan's outline) are under 500 KB. Three MB of report text
# builds in about a minute and under 1 GB (bench/pathological.py --large); past it the time and
# memory grow on (a 10 MB file took 215 s and 2.2 GB, 50 MB would take a quarter of an hour and
# over 10 GB), and a file that large is most likely many reports in one, which would be one graph.
MAX_REPORT_BYTES = 3 * 1024 * 1024
# A PDF, Word file or web page is mostly fonts, images and markup: the file may be larger, and the
# text read from it is held to MAX_REPORT_BYTES (graph.read.formats)
MAX_DOCUMENT_BYTES = 50 * 1024 * 1024
BAD_BYTES_PER = 1000  # a damaged report has at most one bad sequence in this many bytes
BAD_BYTES_AT_LEAST = 8  # and a short one at most this many
HAN_PER_BAD_BYTE = 50  # a damaged report has at least this many Chinese characters for each bad sequence
RESYNC_CHARS = 4  # characters after (and before) a bad byte that may be misread before the decoder is in step again

HAN = re.compile(r"[\u4e00-\u9fff]")
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


Replaced = tuple[tuple[int, int], ...]  # (byte offset in the file, character offset in the text), one a bad sequence


@dataclass(frozen=True)
class DecodedFile:
    text: str
    sha256: str
    encoding: str
    replaced: Replaced = ()


def read_text_file(path: Path) -> DecodedFile:
    """Read and decode one report file; every way it can fail is an InputError naming the file."""
    return decode_text(read_report_bytes(path), path)


def refuse_past(size: int, limit: int, path: Path, what: str = "") -> None:
    """InputError if a report's bytes (or, `what`, the text read from it) pass the limit."""
    if size > limit:
        raise InputError(f"{path}: {what}{size:,} bytes is more than a report ({limit:,} bytes at most; "
                         "several reports in one file build as one file each)")


def decode_text(data: bytes, path: Path) -> DecodedFile:
    """The bytes of a text file, decoded (see read_text_file)."""
    text, encoding, replaced = _decode(data, path)
    if not text.strip():
        raise InputError(f"{path}: the file is empty")
    if not HAN.search(text):
        raise InputError(f"{path}: no Chinese text in the file; plankg reads Chinese reports")
    return DecodedFile(text=text, sha256=hashlib.sha256(data).hexdigest(), encoding=encoding, replaced=replaced)


def require_regular_file(path: Path) -> None:
    """Refuse, without opening it, a path that is not a regular file (a FIFO, a device, a socket):
    opening a FIFO for reading waits for a writer that never comes."""
    try:
        mode = path.stat().st_mode
    except FileNotFoundError:
        raise InputError(f"{path}: no such file") from None
    except OSError as error:
        raise InputError(f"{path}: cannot be read ({error.strerror})") from None
    if not stat.S_ISREG(mode):
        raise InputError(f"{path}: not a regular file ({_kind(mode)}); plankg reads report files")


def read_report_bytes(path: Path, limit: int = MAX_REPORT_BYTES) -> bytes:
    """The bytes of a report file, `limit` of them at most. Opened with O_NONBLOCK and checked on
    the open file, so a path swapped for a FIFO after it was checked still cannot hang the build."""
    require_regular_file(path)
    try:
        descriptor = os.open(path, os.O_RDONLY | getattr(os, "O_NONBLOCK", 0))
    except OSError as error:
        raise InputError(f"{path}: cannot be read ({error.strerror})") from None
    with os.fdopen(descriptor, "rb") as stream:
        mode = os.fstat(descriptor).st_mode
        if not stat.S_ISREG(mode):
            raise InputError(f"{path}: not a regular file ({_kind(mode)}); plankg reads report files")
        refuse_past(os.fstat(descriptor).st_size, limit, path)
        try:
            return stream.read()
        except OSError as error:
            raise InputError(f"{path}: cannot be read ({error.strerror})") from None


def _kind(mode: int) -> str:
    for test, name in ((stat.S_ISFIFO, "a FIFO"), (stat.S_ISDIR, "a folder"), (stat.S_ISCHR, "a character device"),
                       (stat.S_ISBLK, "a block device"), (stat.S_ISSOCK, "a socket")):
        if test(mode):
            return name
    return "not a file"


def _decode(data: bytes, path: Path) -> tuple[str, str, Replaced]:
    if not data.strip():
        raise InputError(f"{path}: the file is empty")
    for signature, what in _BINARY_SIGNATURES.items():
        if data.startswith(signature):
            raise InputError(f"{path}: not a text file, it looks like {what}")
    for bom, encoding in _BOMS:
        if data.startswith(bom):
            try:
                return data.decode(encoding), encoding, ()
            except UnicodeDecodeError:
                raise InputError(f"{path}: not valid {encoding} text") from None
    try:
        return data.decode("utf-8"), "utf-8", ()
    except UnicodeDecodeError:
        pass
    detected = _detected(data)
    for encoding in detected:
        try:
            text = data.decode(encoding)
        except UnicodeDecodeError:
            continue
        if HAN.search(text) and not _IMPLAUSIBLE.search(text):
            return text, encoding, ()
    for encoding in ["utf-8", "gb18030", *(e for e in detected if e != "gb18030")]:
        repaired = _decode_damaged(data, encoding)
        if repaired and _mostly_chinese(*repaired) and _plausible_around(*repaired):
            return repaired[0], encoding, repaired[1]
    if b"\x00" in data:
        raise InputError(f"{path}: not a text file (it holds NUL bytes and is not UTF-16 text)")
    raise InputError(f"{path}: not Chinese text in UTF-8, UTF-16 or GB18030/GBK")


def _decode_damaged(data: bytes, encoding: str) -> tuple[str, Replaced] | None:
    """The text with each bad sequence as one U+FFFD and where each was, or None when there are
    more than a damaged report has (then it is not text in this encoding)."""
    allowed = max(BAD_BYTES_AT_LEAST, len(data) // BAD_BYTES_PER)
    pieces: list[str] = []
    replaced: list[tuple[int, int]] = []
    start, chars = 0, 0
    while True:
        try:
            pieces.append(data[start:].decode(encoding))
            return "".join(pieces), tuple(replaced)
        except UnicodeDecodeError as error:
            if len(replaced) == allowed:
                return None
            good = data[start:start + error.start].decode(encoding)
            pieces.extend((good, "\ufffd"))
            chars += len(good)
            replaced.append((start + error.start, chars))
            chars += 1
            start += error.end


def _mostly_chinese(text: str, replaced: Replaced) -> bool:
    """Whether the text is Chinese with a few flaws, not other bytes read as a few Chinese signs:
    Latin-1 "café" read as GB18030 pairs é with the next byte into a Han character."""
    return len(HAN.findall(text)) >= HAN_PER_BAD_BYTE * len(replaced)


def _plausible_around(text: str, replaced: Replaced) -> bool:
    """Whether the text is plausible but next to its bad bytes: a byte lost inside a two-byte
    GB18030 character makes the decoder pair the wrong bytes for a character or two after it."""
    start = 0
    for _, char in replaced:
        if _IMPLAUSIBLE.search(text, start, max(start, char - RESYNC_CHARS)):
            return False
        start = char + RESYNC_CHARS + 1
    return not _IMPLAUSIBLE.search(text, start)


def _detected(data: bytes) -> list[str]:
    """The encodings charset-normalizer finds plausible for the bytes, most likely first."""
    from charset_normalizer import from_bytes  # imported here: most reports are UTF-8

    return [match.encoding for match in from_bytes(data, cp_isolation=_CANDIDATES)]
