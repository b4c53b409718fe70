"""extract: Document -> Extraction, by rules and general lexicons; deterministic, no network.

    clauses  a passage -> its clauses with their spans
    figures  observations and targets
"""

from __future__ import annotations

from graph.extract.figures import extract_figures
from graph.model import Document, Extraction

__all__ = ["extract"]


def extract(document: Document) -> Extraction:
    return Extraction(figures=tuple(extract_figures(document)))
