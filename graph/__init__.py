"""plankg: Chinese government economic-plan reports -> an RDF knowledge graph.

    read -> extract -> resolve -> rdf -> (validate, analyse, render) ; query ; cli

`graph.build(paths, out_dir)` is `plankg build`; each stage is a module of its own. The pipeline
is imported only when asked for, so that `plankg query` does not pay for what `build` needs.
"""

from graph.version import __version__

__all__ = ["__version__", "build"]


def __getattr__(name: str):
    if name == "build":
        from graph.pipeline import build
        return build
    raise AttributeError(f"module 'graph' has no attribute {name!r}")
