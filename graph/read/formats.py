"""Which reader a report file needs, chosen in one place: by its suffix, else by its first bytes.

People have reports as PDF (from a 发改委 site), Word (.docx, from a colleague) or a web page of a
government portal, not only as text. Each of these is turned into plain text here, and that text
then goes through the same parse_document as a .txt, so passages and offsets work alike; offsets
point into the text read, which the build keeps with its output (text/KEY.txt).

A .txt is read as text whatever it holds (a PDF renamed .txt is refused as before, with a hint);
a file with another or no suffix is read by what its first bytes say it is.
"""

from __future__ import annotations

import hashlib
from dataclasses import dataclass
from pathlib import Path

from graph.errors import InputError
from graph.read.decode import (
    HAN,
    MAX_DOCUMENT_BYTES,
    MAX_REPORT_BYTES,
    Replaced,
    decode_text,
    read_report_bytes,
    refuse_past,
)

# The suffixes a folder is searched for, and the reader each needs
READERS = {".txt": "text", ".pdf": "pdf", ".docx": "docx", ".html": "html", ".htm": "html"}
SUFFIXES = tuple(READERS)


@dataclass(frozen=True)
class Source:
    """A report file's text, and what it was read from."""

    text: str
    sha256: str  # of the file's bytes
    read_from: str | None = None  # "pdf", "docx", "html": the text is plankg's reading, kept with the output
    replaced: Replaced = ()
    pages: tuple[int, ...] = ()  # of a PDF: the offset in text at which each page's text starts


def read_source(path: Path) -> Source:
    """The text of one report file of any format plankg reads; InputError for one it cannot."""
    named = READERS.get(path.suffix.lower())
    data = read_report_bytes(path, MAX_REPORT_BYTES if named == "text" else MAX_DOCUMENT_BYTES)
    kind = named or sniff(data)
    if kind == "text":
        refuse_past(len(data), MAX_REPORT_BYTES, path)
        decoded = decode_text(data, path)
        return Source(decoded.text, decoded.sha256, None, decoded.replaced)
    text, pages = _convert(kind, data, path)
    refuse_past(len(text.encode("utf-8")), MAX_REPORT_BYTES, path, "the text read from it, ")
    if not HAN.search(text):
        raise InputError(f"{path}: no Chinese text in the file; plankg reads Chinese reports")
    return Source(text, hashlib.sha256(data).hexdigest(), kind, pages=pages)


def sniff(data: bytes) -> str:
    """What the first bytes say a file is: a PDF, a Word document (a ZIP with word/ in it), a web
    page, or (anything else) text."""
    head = data[:1024].lstrip(b"\xef\xbb\xbf \t\r\n").lower()
    if data.startswith(b"%PDF"):
        return "pdf"
    if data.startswith(b"PK\x03\x04") and b"word/" in data[:65536]:
        return "docx"
    if head.startswith((b"<!doctype html", b"<html")) or b"<html" in head[:200]:
        return "html"
    return "text"


def _convert(kind: str, data: bytes, path: Path) -> tuple[str, tuple[int, ...]]:
    """The text of a PDF (and where its pages start), a Word file or a web page."""
    if kind == "pdf":
        from graph.read.pdf import pdf_text

        return pdf_text(data, path)
    if kind == "docx":
        from graph.read.docx import docx_text

        return docx_text(data, path), ()
    from graph.read.html import html_text

    return html_text(data, path), ()
