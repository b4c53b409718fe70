"""Stable IRIs: the same thing gets the same IRI on every run and in every report.

Entities are named by what they are (an indicator by its Chinese label), not by where they were
found, so the same indicator in two reports is one node. Labels become readable ASCII slugs
through pinyin, with a short hash of the label so that two names that read alike stay apart.
Document parts are named by their report and their character span, which is what they are.
"""

from __future__ import annotations

import hashlib
import re

from rdflib import URIRef

from graph.model import Document, Figure, Passage, Section
from graph.pinyin import plain
from graph.vocab import ID_IRI

_NOT_SLUG = re.compile(r"[^a-z0-9]+")


def slug(label: str) -> str:
    """地区生产总值 -> diqushengchanzongzhi-8c5f1e: pinyin for people, a hash for uniqueness."""
    readable = _NOT_SLUG.sub("-", plain(label).lower()).strip("-")[:60]
    digest = hashlib.sha1(label.encode("utf-8")).hexdigest()[:6]
    return f"{readable}-{digest}" if readable else digest


def report_key(document: Document) -> str:
    """datongshi-2026-01-20-588b5807: place, date and the file's hash."""
    meta = document.meta
    place = _NOT_SLUG.sub("", plain(meta.city or "").lower()) or "report"
    when = meta.date or str(meta.plan_year or meta.review_year or "undated")
    return f"{place}-{when}-{document.sha256[:8]}"


def report_iri(document: Document) -> URIRef:
    return URIRef(f"{ID_IRI}report/{report_key(document)}")


def section_iri(report: URIRef, section: Section) -> URIRef:
    return URIRef(f"{report}/section/{section.number}")


def passage_iri(report: URIRef, passage: Passage) -> URIRef:
    return URIRef(f"{report}/passage/{passage.start}-{passage.end}")


def caption_iri(report: URIRef, start: int, end: int) -> URIRef:
    return URIRef(f"{report}/caption/{start}-{end}")


def figure_iri(report: URIRef, figure: Figure) -> URIRef:
    return URIRef(f"{report}/{figure.kind.value}/{figure.start}-{figure.end}")


def entity_iri(kind: str, key: str) -> URIRef:
    return URIRef(f"{ID_IRI}{kind.lower()}/{key}")
