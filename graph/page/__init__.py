"""page: the interactive HTML network.

    nodes       what one report's graph gives the page, as plain data
    analyse     the parts joined in a networkx view: importance, neighbourhoods, reduction
    render      the self-contained, offline page (pyvis, vis-network inlined; templates/page.html)
"""
