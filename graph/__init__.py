"""plankg: Chinese government economic-plan reports -> an RDF knowledge graph.

    read -> extract -> resolve -> rdf -> (validate, analyse, render) ; query ; cli

`graph.build(paths, out_dir)` is `plankg build`; each stage is a module of its own.
"""

from graph.version import __version__
from graph.pipeline import build

__all__ = ["__version__", "build"]
