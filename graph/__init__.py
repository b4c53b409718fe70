"""plankg: Chinese government economic-plan reports -> an RDF knowledge graph.

The folders are the rooms of the tool:

    read/ extract/ resolve/ rdf/    the text stages, one report at a time: file -> Document ->
                                    Extraction -> Resolution -> the report's named graph
    build/                          reports -> output/: compile, cache, spool, serialize, validate
    sparql/                         asking the graph: queries, stores, the endpoint, push
    page/                           the HTML network page
    model, kinds, vocab, iris ...   the plain data and vocabulary every stage shares
    cli                             the `plankg` command, thin, on top

`from graph.build import build` is `plankg build`. Nothing heavy is imported here, so that
`plankg query` does not pay for what `build` needs.
"""

from graph.version import __version__

__all__ = ["__version__"]
