"""build: report files -> output/ (graph.ttl, graph.trig, graph.html, build.json).

    compile     one report: read -> extract -> resolve -> rdf, checked, as plain data
    cache       compiled reports kept between builds, keyed by the file and plankg's own files
    spool       a corpus's triples and page parts on disk while the build runs
    pipeline    the reports joined and written; `build()` is `plankg build`
    serialize   Turtle and TriG, written by Oxigraph from sorted lines
    validate    the SHACL shapes, checked per report
    files       output written whole or not at all

`build` is imported on first use, so that importing a part of this package stays cheap.
"""

from __future__ import annotations

__all__ = ["build"]


def __getattr__(name: str):
    if name == "build":
        from graph.build.pipeline import build
        return build
    raise AttributeError(f"module 'graph.build' has no attribute {name!r}")
