"""sparql: asking the built graph.

    query       SPARQL text (inline, a .rq file or a bundled query by name) -> answers, formatted
    queries/    the bundled questions, one .rq file each
    stores      where the graph is asked: in memory, an Oxigraph folder, a remote endpoint
    inference   the RDFS closure loaded beside the data, so queries may ask in general terms
    server      `plankg serve`: a read-only SPARQL 1.1 Protocol endpoint and the page
    push        `plankg push`: each report's named graph into a SPARQL 1.1 store
"""
